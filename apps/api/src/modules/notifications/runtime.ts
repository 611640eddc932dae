/**
 * A process's notification machinery: its senders (from the platform configuration, or the embedded dev sinks),
 * and its worker. Started by `startServer`, stopped on close.
 */
import type { Database } from "@qline/db";
import type { Config } from "../../env.js";
import { smtpSender } from "./channels/smtp.js";
import { twilioSender } from "./channels/twilio.js";
import { SenderRegistry } from "./channels/types.js";
import { webhookSender } from "./channels/webhook.js";
import { WebPushChannelSender } from "./channels/web-push.js";
import { startDevSinks, type DevSinks } from "./dev-sinks.js";
import { startNotificationWorker, type NotificationWorker, type NotificationWorkerOptions } from "./worker.js";

export interface NotificationRuntime {
  senders: SenderRegistry;
  worker: NotificationWorker | null;
  devSinks: DevSinks | null;
  /** The config the senders were built from (the dev sinks replace the platform SMTP/Twilio). */
  config: Config["notifications"];
  close(): Promise<void>;
}

/** Every sender this server can use (Web Push when VAPID keys are configured or generated: env.ts). */
export function buildSenders(config: Config["notifications"], push?: Config["push"]): SenderRegistry {
  const senders = new SenderRegistry();
  if (push?.vapid) senders.register(new WebPushChannelSender(push));
  if (config.smtp) senders.register(smtpSender(config.smtp, config.mailFrom, config.sendTimeoutMs));
  senders.register(twilioSender(config.twilioBaseUrl, config.twilio, config.sendTimeoutMs));
  senders.register(webhookSender(config.sendTimeoutMs));
  return senders;
}

const sinksByDb = new WeakMap<Database, DevSinks>();
/** The dev sinks this process runs for `db` (devMailbox), if any. */
export const devSinksOf = (db: Database): DevSinks | undefined => sinksByDb.get(db);

export interface RuntimeOptions {
  /** Senders to use instead of the configured ones (tests). */
  senders?: SenderRegistry;
  /** The worker's clock and cadence (tests), or false to not run a worker in this process. */
  worker?: Partial<Pick<NotificationWorkerOptions, "now" | "pollMs" | "leaseSeconds" | "autoStart" | "concurrency" | "random">> | false;
}

export async function startNotificationRuntime(
  db: Database,
  config: Config,
  options: RuntimeOptions = {},
  onOutcome?: NotificationWorkerOptions["onOutcome"],
): Promise<NotificationRuntime> {
  let notifyConfig = config.notifications;
  let devSinks: DevSinks | null = null;
  if (notifyConfig.devSinks && !options.senders) {
    devSinks = await startDevSinks("127.0.0.1", { smtp: notifyConfig.devSinkPorts.smtp, twilio: notifyConfig.devSinkPorts.sms }, notifyConfig.twilio ?? undefined);
    notifyConfig = {
      ...notifyConfig,
      smtp: { host: devSinks.smtp.host, port: devSinks.smtp.port, secure: false, user: undefined, password: undefined },
      twilio: { accountSid: devSinks.twilio.accountSid, authToken: devSinks.twilio.authToken, from: devSinks.twilio.from },
      twilioBaseUrl: devSinks.twilio.baseUrl,
    };
    sinksByDb.set(db, devSinks);
  }
  const senders = options.senders ?? buildSenders(notifyConfig, config.push);
  const worker =
    options.worker === false
      ? null
      : startNotificationWorker({ db, senders, config: notifyConfig, publicUrl: config.publicUrl, ...(onOutcome ? { onOutcome } : {}), ...options.worker });
  return {
    senders,
    worker,
    devSinks,
    config: notifyConfig,
    async close() {
      await worker?.stop();
      await senders.close();
      if (devSinks) {
        sinksByDb.delete(db);
        await devSinks.close();
      }
    },
  };
}
