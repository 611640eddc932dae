/** A local SMTP server for the platform's emails in API tests (the dev sink: a real smtp-server), and reading links from them. */
import assert from "node:assert/strict";
import { startDevSinks, type DevMessageRecord, type DevSinks } from "../../notifications/dev-sinks.js";
import { testConfig } from "../../../__tests__/harness.js";
import type { Config } from "../../../env.js";

export async function startMailbox(): Promise<DevSinks> {
  return startDevSinks("127.0.0.1");
}

/** Config pointing the platform's mail at `sinks`, polling fast; `overrides` change other platform-mail settings. */
export function platformMailTo(sinks: DevSinks, overrides: Partial<Config["platformMail"]> = {}): Pick<Config, "platformMail"> {
  const base = testConfig().platformMail;
  return {
    platformMail: {
      ...base,
      smtp: { host: sinks.smtp.host, port: sinks.smtp.port, secure: false, user: undefined, password: undefined },
      adminUrl: "http://admin.test",
      pollMs: 100,
      ...overrides,
    },
  };
}

/** The mails to `to` received so far (waits until there are at least `count`). */
export async function mailsTo(sinks: DevSinks, to: string, count = 1, timeoutMs = 15_000): Promise<DevMessageRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sinks.messages().filter((m) => m.to.toLowerCase() === to.toLowerCase());
    if (found.length >= count) return found;
    if (Date.now() > deadline) assert.fail(`expected ${count} mail(s) to ${to}, got ${found.length}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The token of the (last) link `/#/<route>/<token>` in a mail body. */
export function linkToken(mail: DevMessageRecord, route: "invite" | "reset-password" | "confirm-signup"): string {
  const match = new RegExp(`http://admin\\.test/#/${route}/([A-Za-z0-9_-]{43})`).exec(mail.body);
  assert.ok(match, `no ${route} link in: ${mail.body}`);
  return match[1]!;
}
