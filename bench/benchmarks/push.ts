/**
 * 9. Web Push delivery: 1,000 waiting customers on one line, each subscribed to Web Push at a local push service
 * (@qline/push-receiver on loopback: HTTPS, VAPID verified, every payload decrypted per RFC 8291, like a real
 * push service and browser together). Staff call them through the API; the outbox's worker in the API process
 * encrypts and POSTs each message.
 * - Paced: one callNext every 100 ms for the first customers: the delay from sending callNext to the receiver
 *   holding the decrypted CALLED message (p50/p99).
 * - Burst: the rest called as fast as 8 staff can press (concurrency 8): messages/s from the first callNext to
 *   the last message received (every message counts: CALLED, and ALMOST_THERE for those moving up), and the
 *   CALLED delays under that load.
 * Goal: paced CALLED delay p99 ≤ 2 s (the worker's poll interval bounds it when it is not woken on commit).
 */
import { createECDH } from "node:crypto";
import { startPushReceiver, type ReceivedPush } from "@qline/push-receiver";
import { startApi } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl } from "../lib/env.js";
import { callNextMutation, createCounter, createLine, issueMutation, signUp } from "../lib/fixtures.js";
import { GqlClient } from "../lib/http.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, percentile } from "../lib/stats.js";

const customers = Number(process.env.BENCH_PUSH_CUSTOMERS ?? 1000);
const paced = Math.min(100, Math.floor(customers / 5));
const pacedIntervalMs = 100;
const burstConcurrency = 8;

const subscribeMutation = `mutation($c: String!, $s: JSON!) { subscribeTicketPush(code: $c, subscription: $s) { pushEnabled } }`;

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

export async function run(): Promise<Section> {
  const started = Date.now();
  const receiver = await startPushReceiver();
  const vapid = createECDH("prime256v1");
  vapid.generateKeys();
  const database = await createBenchDatabase();
  const api = await startApi({
    databaseUrl: database.ownerUrl,
    redisUrl,
    env: {
      VAPID_PUBLIC_KEY: vapid.getPublicKey().toString("base64url"),
      VAPID_PRIVATE_KEY: vapid.getPrivateKey().toString("base64url"),
      VAPID_SUBJECT: "mailto:bench@qline.invalid",
      QLINE_SECRETS_KEY: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", // production mode needs one
      PUSH_ENDPOINT_ALLOWLIST: receiver.host,
      PUSH_TLS_CA_FILE: receiver.caFile,
      RATE_CANCEL_PER_IP_PER_MINUTE: "100000000",
      RATE_MUTATIONS_PER_CALLER_PER_MINUTE: "100000000",
      RATE_QUERIES_PER_CALLER_PER_MINUTE: "100000000",
      RATE_IN_FLIGHT_PER_CALLER: "1000",
    },
  });
  const anonymous = new GqlClient(api.url, undefined, 32);
  try {
    const owner = await signUp(api.url);
    const lineId = await createLine(owner, "Push", "P");
    const counters = await Promise.all(Array.from({ length: burstConcurrency }, (_, i) => createCounter(owner, lineId, `Desk ${i + 1}`)));
    for (const counterId of counters) await owner.client.ok(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: counterId }).catch(() => undefined);

    // 1,000 customers, each with a subscription the receiver holds the keys of.
    const subscriptionOf = new Map<string, string>(); // ticket number → receiver subscription id
    const setupStarted = Date.now();
    await pool(Array.from({ length: customers }, (_, i) => i), 16, async () => {
      const { issueTicket } = await owner.client.ok<{ issueTicket: { number: string; trackingCode: string } }>(issueMutation, { input: { lineId } });
      const { id, subscription } = receiver.subscribe();
      await anonymous.ok(subscribeMutation, { c: issueTicket.trackingCode, s: subscription });
      subscriptionOf.set(issueTicket.number, id);
    });
    const setupSeconds = (Date.now() - setupStarted) / 1000;
    // Messages from joining (none for PUSH: customers subscribe after joining) settle before measuring.
    await new Promise((r) => setTimeout(r, 2000));
    const baseline = receiver.messages.length;

    const calledAt = new Map<string, number>(); // subscription id → when its callNext was sent
    const callOne = async (counterId: string) => {
      const sent = Date.now();
      const { callNext } = await owner.client.ok<{ callNext: { number: string } | null }>(callNextMutation, { l: lineId, c: counterId });
      if (callNext) calledAt.set(subscriptionOf.get(callNext.number)!, sent);
    };
    const calledDelays = (from: number, to: number) => {
      const delays: number[] = [];
      for (const m of receiver.messages.slice(from, to) as ReceivedPush[]) {
        if (!m.text.includes('"trigger":"CALLED"')) continue;
        const sent = calledAt.get(m.subscriptionId);
        if (sent !== undefined) delays.push(m.receivedAt - sent);
      }
      return delays;
    };
    const waitForCalled = async (count: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && calledDelays(baseline, receiver.messages.length).length < count) await new Promise((r) => setTimeout(r, 20));
    };

    // Paced.
    for (let i = 0; i < paced; i++) {
      const tick = Date.now();
      await callOne(counters[0]!);
      const rest = pacedIntervalMs - (Date.now() - tick);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
    await waitForCalled(paced, 30_000);
    const afterPaced = receiver.messages.length;
    const pacedDelays = calledDelays(baseline, afterPaced);

    // Burst.
    const burstStarted = Date.now();
    await pool(Array.from({ length: customers - paced }, (_, i) => counters[i % burstConcurrency]!), burstConcurrency, callOne);
    const callsDone = Date.now();
    await waitForCalled(customers, 120_000);
    const last = receiver.messages.at(-1)?.receivedAt ?? Date.now();
    const burstMessages = receiver.messages.length - afterPaced;
    const burstDelays = calledDelays(afterPaced, receiver.messages.length);
    const perSecond = burstMessages / ((last - burstStarted) / 1000);

    const row = (label: string, delays: number[]) => [label, String(delays.length), fmt(percentile(delays, 50), 0), fmt(percentile(delays, 99), 0), fmt(Math.max(...delays), 0)];
    const p99 = percentile(pacedDelays, 99);
    const markdown = [
      `${customers} waiting customers on one line, each subscribed to Web Push at a local push service (HTTPS on loopback; VAPID verified and every payload decrypted, RFC 8291). ` +
        `API: one child process on PostgreSQL with Redis; the notification worker in it. Setup (issue + subscribe, concurrency 16): ${fmt(setupSeconds)} s. ` +
        `Paced: ${paced} callNext, one per ${pacedIntervalMs} ms. Burst: ${customers - paced} callNext at concurrency ${burstConcurrency} (${fmt((callsDone - burstStarted) / 1000)} s of calls).`,
      "",
      table(["phase", "CALLED messages", "delay p50 ms", "delay p99 ms", "max ms"], [row("paced", pacedDelays), row("burst", burstDelays)]),
      "",
      `Burst throughput: ${burstMessages} messages (CALLED and ALMOST_THERE) in ${fmt((last - burstStarted) / 1000)} s = **${fmt(perSecond)} messages/s** through the outbox, encryption and HTTPS to the receiver. Refused by the receiver: ${receiver.refused.length}.`,
    ].join("\n");
    owner.client.close();
    return {
      title: "9. Web Push delivery",
      markdown,
      goals: [
        { name: "every called customer gets exactly one CALLED push", met: pacedDelays.length + burstDelays.length === customers && receiver.refused.length === 0, detail: `${pacedDelays.length + burstDelays.length} of ${customers}, ${receiver.refused.length} refused` },
        { name: "paced callNext → decrypted CALLED push p99 ≤ 2 s", met: p99 <= 2000, detail: `p50 ${fmt(percentile(pacedDelays, 50), 0)} ms, p99 ${fmt(p99, 0)} ms` },
      ],
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    anonymous.close();
    await api.stop();
    await database.drop();
    await receiver.close();
  }
}

if (isMain(import.meta.url)) await runAlone("push", run);
