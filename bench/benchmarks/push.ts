/**
 * 11. Web Push — the notifications bench (10.) with push: 1,000 waiting customers on one line, each subscribed
 * to Web Push at a local push service (@qline/push-receiver on loopback: HTTPS, VAPID verified and every payload
 * decrypted per RFC 8291, as a real push service and browser would). The API process's outbox worker encrypts and
 * POSTs each message through the WEB_PUSH sender.
 * (b) callNext → receipt: 200 sequential callNext (notify's `callToReceipt`), the delay from the call's start to
 *     the receiver holding the decrypted CALLED message, p50/p99.
 * (a) throughput: a CALLED PUSH row for each of the other 800 waiting customers inserted in one statement; the
 *     clock stops when the receiver has decrypted all of them: messages/s through claim, render, encryption,
 *     HTTPS and settle.
 */
import { createECDH } from "node:crypto";
import { startPushReceiver, type PushReceiver } from "@qline/push-receiver";
import { loadLimits, startApi, type ApiProcess } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl } from "../lib/env.js";
import { createCounter, createLine, signUp } from "../lib/fixtures.js";
import { GqlClient } from "../lib/http.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, percentile } from "../lib/stats.js";
import { callToReceipt, type Receiver } from "./notifications.js";

const customers = Number(process.env.BENCH_PUSH_CUSTOMERS ?? 1000);
const calls = Math.min(200, Math.floor(customers / 5));

const issue = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { trackingCode } }`;
const subscribe = `mutation($c: String!, $s: JSON!) { subscribeTicketPush(code: $c, subscription: $s) { pushEnabled } }`;

/** notify's Receiver on the push receiver: a ticket's message is recognised by its subscription. */
export function pushReceiver(receiver: PushReceiver): Receiver {
  return { expect: (subscriptionId) => receiver.waitForMessages(1, { subscriptionId, timeoutMs: 60_000 }).then(() => performance.now()) };
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export async function run(): Promise<Section> {
  const started = Date.now();
  const receiver = await startPushReceiver();
  const vapid = createECDH("prime256v1");
  vapid.generateKeys();
  const database = await createBenchDatabase();
  let api: ApiProcess | null = null;
  try {
    api = await startApi({
      databaseUrl: database.ownerUrl,
      redisUrl,
      env: {
        VAPID_PUBLIC_KEY: vapid.getPublicKey().toString("base64url"),
        VAPID_PRIVATE_KEY: vapid.getPrivateKey().toString("base64url"),
        VAPID_SUBJECT: "mailto:bench@qline.invalid",
        PUSH_ENDPOINT_ALLOWLIST: receiver.host,
        PUSH_TLS_CA_FILE: receiver.caFile,
        NOTIFY_POLL_MS: "100",
        ...loadLimits,
      },
    });
    const anonymous = new GqlClient(api.url, undefined, 16);
    const owner = await signUp(api.url);
    const lineId = await createLine(owner, "Push", "P");
    const desk = await createCounter(owner, lineId);
    await owner.client.ok(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: desk });
    // Only CALLED is measured: joining sends nothing by push (customers subscribe after joining) and
    // "almost your turn" would be a second message to the same subscription.
    await owner.client.ok(`mutation($l: ID!) { updateNotificationSettings(lineId: $l, input: { joined: false, almostThere: false }) { lineId } }`, { l: lineId });

    // 1,000 customers, each with a subscription whose keys the receiver holds.
    const subscriptionOf = new Map<string, string>(); // tracking code → receiver subscription id
    const setupStarted = Date.now();
    await pool(Array.from({ length: customers }, (_, i) => i), 16, async () => {
      const { issueTicket } = await owner.client.ok<{ issueTicket: { trackingCode: string } }>(issue, { input: { lineId } });
      const { id, subscription } = receiver.subscribe();
      await anonymous.ok(subscribe, { c: issueTicket.trackingCode, s: subscription });
      subscriptionOf.set(issueTicket.trackingCode, id);
    });
    const setupSeconds = (Date.now() - setupStarted) / 1000;
    const ownerPool = database.owner();
    const order = (await ownerPool.query<{ tracking_code: string }>(`select tracking_code from tickets where line_id = $1 and status = 'WAITING' order by sort_key, id`, [lineId])).rows.map((r) => subscriptionOf.get(r.tracking_code)!);

    // (b) callNext → decrypted CALLED push.
    const delays = await callToReceipt(owner, lineId, desk, order.slice(0, calls), pushReceiver(receiver));

    // (a) Throughput: the other customers' CALLED rows at once.
    const queued = customers - calls;
    const before = receiver.messages.length;
    const t0 = performance.now();
    await ownerPool.query(
      `insert into notifications (tenant_id, id, ticket_id, line_id, trigger, channel, language)
       select t.tenant_id, gen_random_uuid(), t.id, t.line_id, 'CALLED', 'PUSH', t.language from tickets t where t.line_id = $1 and t.status = 'WAITING'`,
      [lineId],
    );
    while (receiver.messages.length - before < queued && performance.now() - t0 < 180_000) await new Promise((r) => setTimeout(r, 20));
    const elapsed = (performance.now() - t0) / 1000;
    const delivered = receiver.messages.length - before;
    const rate = delivered / elapsed;
    const outbox = (
      await ownerPool.query<{ status: string; n: string }>(`select status, count(*) as n from notifications where channel = 'PUSH' group by status order by status`)
    ).rows;
    await ownerPool.end();
    const perSubscription = new Map<string, number>();
    for (const m of receiver.messages) perSubscription.set(m.subscriptionId, (perSubscription.get(m.subscriptionId) ?? 0) + 1);
    const duplicates = [...perSubscription.values()].filter((n) => n > 1).length;

    const p50 = percentile(delays, 50);
    const p99 = percentile(delays, 99);
    owner.client.close();
    anonymous.close();
    const markdown = [
      `${customers} waiting customers on one line, each subscribed to Web Push at a local push service (HTTPS on loopback; VAPID verified and every payload decrypted, RFC 8291). ` +
        `API: one child process on PostgreSQL with Redis, NOTIFY_POLL_MS=100 (a commit that queues also wakes the worker). Setup (issue + subscribe, concurrency 16): ${fmt(setupSeconds)} s. ` +
        `(b) ${calls} sequential callNext; delay = the receiver holding the decrypted CALLED message − the call's start. (a) ${queued} CALLED PUSH rows inserted in one statement; the clock stops when the receiver has decrypted all of them.`,
      "",
      table(
        ["measure", "size", "", ""],
        [
          ["callNext → decrypted push at the receiver", `${calls} calls, ${customers} waiting`, `p50 ${fmt(p50)} ms`, `p99 ${fmt(p99)} ms`],
          ["outbox → push receiver (encrypt, VAPID, HTTPS, decrypt)", `${delivered} messages`, `${fmt(elapsed, 2)} s`, `${fmt(rate)} msg/s`],
        ],
      ),
      "",
      `Outbox PUSH rows at the end: ${outbox.map((r) => `${r.status} ${r.n}`).join(", ")}. Refused by the receiver: ${receiver.refused.length}; subscriptions with more than one message: ${duplicates}.`,
    ].join("\n");
    return {
      title: "11. Web Push",
      markdown,
      goals: [
        { name: "every queued push decrypted once at the receiver", met: delivered === queued && duplicates === 0 && receiver.refused.length === 0, detail: `${delivered}/${queued}, ${duplicates} duplicates, ${receiver.refused.length} refused` },
        { name: "callNext → decrypted push p99 under 1 s (the worker is woken by the commit)", met: p99 < 1000, detail: `p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms` },
      ],
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await api?.stop();
    await database.drop();
    await receiver.close();
  }
}

if (isMain(import.meta.url)) await runAlone("push", run);
