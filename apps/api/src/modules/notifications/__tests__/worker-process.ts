/**
 * A second process that only delivers notifications (the exactly-once tests start it and kill it with SIGKILL).
 * Env: OWNER_URL (the test database), SINK_SMTP_PORT, SINK_TWILIO_BASE, SINK_TWILIO_SID, SINK_TWILIO_TOKEN,
 * LEASE_SECONDS. Prints "ready" once polling.
 */
import { openDatabase } from "@qline/db";
import { buildSenders } from "../runtime.js";
import { startNotificationWorker } from "../worker.js";
import type { NotificationConfig } from "../../../env.js";

const env = process.env;
const db = await openDatabase({ databaseUrl: env.OWNER_URL, poolSize: 4 });
const config: NotificationConfig = {
  smtp: { host: "127.0.0.1", port: Number(env.SINK_SMTP_PORT), secure: false, user: undefined, password: undefined },
  mailFrom: "qline <no-reply@qline.local>",
  twilio: { accountSid: env.SINK_TWILIO_SID ?? "", authToken: env.SINK_TWILIO_TOKEN ?? "", from: "+15005550006" },
  twilioBaseUrl: env.SINK_TWILIO_BASE ?? "",
  devSinks: false,
  devSinkPorts: { smtp: 0, sms: 0 },
  secretsKey: Buffer.from("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "hex"),
  pollMs: 50,
  maxAttempts: 8,
  retryBaseMs: 1000,
  sendTimeoutMs: 60_000,
};
const worker = startNotificationWorker({ db: db.db, senders: buildSenders(config), config, publicUrl: "http://127.0.0.1:4174", pollMs: 50, leaseSeconds: Number(env.LEASE_SECONDS ?? 60) });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void worker.stop().then(() => db.close()).then(() => process.exit(0));
});
