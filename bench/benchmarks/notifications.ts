/**
 * 10. Notifications: (a) throughput through the outbox — messages/s from PENDING rows to a local sink (a real
 * SMTP server and a Twilio-speaking HTTP server, the API's dev sinks started here), every message claimed,
 * rendered, marked SENDING, sent and settled by the API process's worker; (b) the delay from a `callNext` to the
 * sink's receipt of the CALLED message, p50/p99.
 *
 * Extending: (b) takes a `Receiver` (how the test sees a ticket's message arrive). The push branch adds a
 * receiver that decrypts RFC 8291 payloads and a variant with 1,000 waiting customers subscribed to push.
 */
import { randomUUID } from "node:crypto";
import { startDevSinks, type DevSinks } from "@qline/api";
import { loadLimits, startApi, type ApiProcess } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl } from "../lib/env.js";
import { createCounter, createLine, signUp, type Owner } from "../lib/fixtures.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, percentile } from "../lib/stats.js";

const highLimits: Record<string, string> = {
  ...loadLimits,
  NOTIFY_POLL_MS: "100",
};

/** How a benchmark sees a ticket's message arrive: `expect` before the action, resolves with the arrival time. */
export interface Receiver {
  expect(key: string): Promise<number>;
}

/** A receiver on the dev sinks: a message is recognised by its recipient (a phone or address per ticket). */
export function sinkReceiver(sinks: DevSinks): Receiver {
  const waiting = new Map<string, (at: number) => void>();
  sinks.responder = (req) => {
    const key = req.to.replace(/^.*<|>$/g, "");
    const done = waiting.get(key);
    if (done) {
      waiting.delete(key);
      done(performance.now());
    }
    return { accept: true };
  };
  return { expect: (key) => new Promise<number>((resolve) => waiting.set(key, resolve)) };
}

const issue = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`;
const callNext = `mutation($l: ID!, $c: ID) { callNext(lineId: $l, counterId: $c) { id } }`;

/** Sequential callNext on a line whose waiting tickets each have their own phone; the delay to each receipt. */
export async function callToReceipt(owner: Owner, lineId: string, counterId: string, phones: readonly string[], receiver: Receiver): Promise<number[]> {
  const delays: number[] = [];
  for (const phone of phones) {
    const arrived = receiver.expect(phone);
    const t0 = performance.now();
    await owner.client.ok(callNext, { l: lineId, c: counterId });
    delays.push((await arrived) - t0);
  }
  return delays;
}

async function settings(owner: Owner, lineId: string, input: Record<string, unknown>) {
  await owner.client.ok(`mutation($l: ID!, $i: NotificationSettingsInput!) { updateNotificationSettings(lineId: $l, input: $i) { lineId } }`, { l: lineId, i: input });
}

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const sinks = await startDevSinks();
  let api: ApiProcess | null = null;
  try {
    api = await startApi({
      databaseUrl: database.ownerUrl,
      redisUrl,
      env: {
        ...highLimits,
        SMTP_HOST: sinks.smtp.host,
        SMTP_PORT: String(sinks.smtp.port),
        TWILIO_ACCOUNT_SID: sinks.twilio.accountSid,
        TWILIO_AUTH_TOKEN: sinks.twilio.authToken,
        TWILIO_FROM: sinks.twilio.from,
        TWILIO_BASE_URL: sinks.twilio.baseUrl,
      },
    });
    const owner = await signUp(api.url);
    const rows: string[][] = [];
    const goals: Section["goals"] = [];

    // (a) Throughput: tickets with EMAIL + SMS on a line with every trigger off (no rows yet), then one statement
    // queues a CALLED message per ticket and channel; the clock runs until the sinks have every message.
    const quiet = await createLine(owner, "Quiet", "Q");
    await settings(owner, quiet, { joined: false, almostThere: false, called: false, noShow: false, expired: false, cancelled: false });
    const tickets = Number(process.env.BENCH_NOTIFY_TICKETS ?? 500);
    for (let i = 0; i < tickets; i++) {
      await owner.client.ok(issue, { input: { lineId: quiet, phone: `+4915${String(10_000_000 + i)}`, email: `b${i}@bench.test`, notify: ["EMAIL", "SMS"] } });
    }
    sinks.clear();
    const pool = database.owner();
    const t0 = performance.now();
    await pool.query(
      `insert into notifications (tenant_id, id, ticket_id, line_id, trigger, channel, language)
       select t.tenant_id, gen_random_uuid(), t.id, t.line_id, 'CALLED', ch, t.language from tickets t cross join unnest(t.notify_channels) ch where t.line_id = $1`,
      [quiet],
    );
    const total = tickets * 2;
    const timeline: number[] = []; // messages received by each 5 s mark (stalls show as flat steps)
    let nextMark = t0 + 5000;
    while (sinks.messages().length < total && performance.now() - t0 < 120_000) {
      await new Promise((r) => setTimeout(r, 20));
      if (performance.now() >= nextMark) {
        timeline.push(sinks.messages().length);
        nextMark += 5000;
      }
    }
    const elapsed = (performance.now() - t0) / 1000;
    const delivered = sinks.messages().length;
    const rate = delivered / elapsed;
    rows.push(["outbox → SMTP + Twilio sinks", `${delivered} messages`, `${fmt(elapsed, 2)} s`, `${fmt(rate)} msg/s`]);
    const states = await pool.query<{ status: string; n: string; attempts: number; last_error: string | null }>(
      `select status, count(*) as n, max(attempts) as attempts, max(last_error) as last_error from notifications where line_id = $1 group by status order by status`,
      [quiet],
    );
    const diagnosis = `rows after the window: ${states.rows.map((r) => `${r.status} ${r.n} (max attempts ${r.attempts}${r.last_error ? `, e.g. "${r.last_error.slice(0, 80)}"` : ""})`).join("; ")}; received by each 5 s: ${timeline.join(", ") || "all within 5 s"}`;
    goals.push({ name: "every queued message delivered once", met: delivered === total && sinks.duplicates === 0, detail: `${delivered}/${total}, ${sinks.duplicates} duplicates` });

    // (b) callNext → receipt: CALLED by SMS only.
    const live = await createLine(owner, "Live", "L");
    const desk = await createCounter(owner, live);
    await owner.client.ok(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: desk });
    await settings(owner, live, { joined: false, almostThere: false });
    const calls = Number(process.env.BENCH_NOTIFY_CALLS ?? 200);
    const phones: string[] = [];
    for (let i = 0; i < calls; i++) {
      const phone = `+4916${String(10_000_000 + i)}`;
      phones.push(phone);
      await owner.client.ok(issue, { input: { lineId: live, phone, notify: ["SMS"], idempotencyKey: randomUUID() } });
    }
    const delays = await callToReceipt(owner, live, desk, phones, sinkReceiver(sinks));
    const p50 = percentile(delays, 50);
    const p99 = percentile(delays, 99);
    rows.push(["callNext → SMS sink receipt", `${calls} calls`, `p50 ${fmt(p50)} ms`, `p99 ${fmt(p99)} ms`]);
    goals.push({ name: "callNext → sink receipt p99 under 1 s (the worker is woken by the commit)", met: p99 < 1000, detail: `p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms` });
    owner.client.close();
    const markdown = [
      "API: one child process on PostgreSQL with Redis; its platform SMTP and Twilio point at a local SMTP server and Twilio-speaking HTTP server in the benchmark process (the dev sinks). " +
        "(a) 500 tickets × (EMAIL, SMS): the CALLED rows are inserted in one statement and the clock stops when the sinks hold all 1,000. (b) 200 sequential callNext on a line whose tickets chose SMS; delay = the sink's receipt − the call's start.",
      "",
      table(["measure", "size", "", ""], rows),
      "",
      `- ${diagnosis}`,
    ].join("\n");
    return { title: "10. Notifications", markdown, goals, seconds: (Date.now() - started) / 1000 };
  } finally {
    await api?.stop();
    await sinks.close();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("notifications", run);
