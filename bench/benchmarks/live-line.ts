/**
 * 9. A live line as it is used: one line with 2,000 waiting customers, each following their own ticket
 * (`ticketUpdated` with their own code, anonymous sockets as phones would hold), and 20 admin boards on
 * `lineUpdated` that apply each event and re-read the board query only on a gap in the events' numbers (what apps/admin does). Per callNext: time
 * from the mutation's response to the last customer's and the last board's delivery, and the API's CPU time per
 * event. Goal (issue 14): callNext → last delivery p99 ≤ 250 ms.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadLimits, startApi } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl } from "../lib/env.js";
import { bulkWaitingSql, callNextMutation, createCounter, createLine, signUp } from "../lib/fixtures.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, max, median, percentile } from "../lib/stats.js";
import { boardQuery } from "./board.js";

const customers = Number(process.env.BENCH_LIVE_CUSTOMERS ?? 2000);
const boards = Number(process.env.BENCH_LIVE_BOARDS ?? 20);
const events = Number(process.env.BENCH_LIVE_EVENTS ?? 30);
const customerProcesses = 2;
const perSocket = 40;
const now = () => performance.timeOrigin + performance.now();

const ticketUpdated = `subscription($code: String!) { ticketUpdated(code: $code) { number status position estimate { p50Seconds p90Seconds } } }`;
/** The admin board's own subscription (apps/admin/src/modules/board/graphql/line-updated.subscription.ts). */
const lineUpdated = `subscription($lineId: ID!) { lineUpdated(lineId: $lineId) {
  kind lineId at seq
  ticket { lineId id number status position customerName phone partySize extensions joinedAt calledAt servedAt ticketType { id code name } counter { id name } estimate { p50Seconds p90Seconds } }
  stats { waitingCount estimatedWaitSeconds nowServing { ticketId number status counterId } }
  waiting(first: 200) { ticketId position estimate { p50Seconds p90Seconds } }
} }`;


type Msg = { kind: string; [k: string]: unknown };

/** CPU seconds (user + system) the process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

class Client {
  readonly proc: ChildProcess;
  private readonly waiters: ((m: Msg) => boolean)[] = [];
  readonly errors: string[] = [];
  constructor() {
    this.proc = fork(new URL("../lib/live-client.js", import.meta.url), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.proc.on("message", (m: Msg) => {
      if (m.kind === "error" && this.errors.length < 5) this.errors.push(String(m.text));
      const idx = this.waiters.findIndex((w) => w(m));
      if (idx >= 0) this.waiters.splice(idx, 1);
    });
  }
  next(kind: string, ms: number, pred: (m: Msg) => boolean = () => true): Promise<Msg> {
    const p = new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${kind}; errors: ${this.errors.join("; ")}`)), ms);
      this.waiters.push((m) => {
        if (m.kind !== kind || !pred(m)) return false;
        clearTimeout(timer);
        resolve(m);
        return true;
      });
    });
    p.catch(() => undefined);
    return p;
  }
  send(m: unknown): void {
    this.proc.send(m as never);
  }
}

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const api = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: loadLimits });
  const customerClients = Array.from({ length: customerProcesses }, () => new Client());
  const boardClient = new Client();
  const all = [...customerClients, boardClient];
  process.once("exit", () => all.forEach((c) => c.proc.kill()));
  try {
    await Promise.all(all.map((c) => c.next("ready", 30_000)));
    const owner = await signUp(api.url);
    const lineId = await createLine(owner);
    const counterId = await createCounter(owner, lineId);
    await database.owner().query(bulkWaitingSql, [owner.tenantId, lineId, customers, 0]);
    await database.owner().query("analyze tickets");
    // Customers: bulk tickets are numbered B1…B<n> in queue order with code bulk-<line>-<n>.
    const subs = Array.from({ length: customers }, (_, i) => ({ variables: { code: `bulk-${lineId}-${i + 1}` }, position: i + 1 }));
    const per = Math.ceil(customers / customerProcesses);
    const t0 = Date.now();
    const customersLive = customerClients.map((c, i) => {
        // Live: every subscription has had its first value (a phone's subscribe reads its ticket).
        const live = c.next("live", 300_000);
        c.send({ cmd: "open", url: api.wsUrl, role: "customer", perSocket, query: ticketUpdated, subs: subs.slice(i * per, (i + 1) * per) });
        return live;
      });
    await Promise.all(customersLive);
    const boardOpened = boardClient.next("live", 60_000);
    boardClient.send({
      cmd: "open",
      url: api.wsUrl,
      role: "board",
      perSocket: 1,
      authorization: `Bearer ${owner.token}`,
      query: lineUpdated,
      subs: Array.from({ length: boards }, () => ({ variables: { lineId } })),
      refetch: { httpUrl: api.url, query: boardQuery, variables: { lineId } },
    });
    await boardOpened;
    const setupSeconds = (Date.now() - t0) / 1000;
    const busyRetries = (await Promise.all(customersLive)).reduce((n, m) => n + Number(m.retries), 0);

    const toCustomers: number[] = [];
    const toBoards: number[] = [];
    const callMs: number[] = [];
    let cpuUsed = 0;
    // graphql-ws acknowledges sockets, not subscriptions: the first events also prove every subscription live.
    const warm = 3;
    for (let k = 1; k <= warm + events; k++) {
      const armed = all.map((c) => c.next("armed", 10_000, (m) => m.event === k));
      const delivered = all.map((c) => c.next("delivered", 30_000, (m) => m.event === k));
      all.forEach((c) => c.send({ cmd: "arm", event: k }));
      await Promise.all(armed);
      const cpu0 = cpuSeconds(api.pid);
      const sentAt = now();
      await owner.client.ok(callNextMutation, { l: lineId, c: counterId });
      const respondedAt = now();
      const got = await Promise.all(delivered);
      const customerLast = Math.max(...got.slice(0, customerProcesses).map((m) => m.lastAt as number));
      const boardLast = got[customerProcesses]!.lastAt as number;
      // Let any re-reads finish before the CPU reading (they are part of the event's cost).
      await new Promise((r) => setTimeout(r, 400));
      if (k > warm) {
        toCustomers.push(Math.max(0, customerLast - respondedAt));
        toBoards.push(Math.max(0, boardLast - respondedAt));
        callMs.push(respondedAt - sentAt);
        cpuUsed += cpuSeconds(api.pid) - cpu0;
      }
    }
    const last = toCustomers.map((c, i) => Math.max(c, toBoards[i]!));
    const p99 = percentile(last, 99);
    const errors = all.flatMap((c) => c.errors);
    const markdown = [
      `One API process on PostgreSQL with Redis pub/sub. One line, ${customers.toLocaleString("en")} waiting customers (bulk-loaded), each subscribed to ` +
        `\`ticketUpdated\` with their own code (${perSocket} per anonymous socket, ${customerProcesses} client processes); ${boards} admin boards on ` +
        `\`lineUpdated\` (one socket each, the owner's token) with the admin board's subscription, applying each event and re-reading the board query over HTTP only on a gap in the numbers, as apps/admin does. ` +
        `${events} callNexts one at a time (after ${warm} warm-up events); latency from the mutation's HTTP response to the moment the last ` +
        `customer saw their new position (or CALLED) and the last board saw the CALLED event. CPU: the API process's user + system time ` +
        `from just before the callNext until 400 ms after the last delivery (any re-reads included), per event.`,
      "",
      table(
        ["", "p50 ms", "p99 ms", "max ms"],
        [
          ["callNext response", fmt(median(callMs)), fmt(percentile(callMs, 99)), fmt(max(callMs))],
          ["response → last customer", fmt(median(toCustomers)), fmt(percentile(toCustomers, 99)), fmt(max(toCustomers))],
          ["response → last board", fmt(median(toBoards)), fmt(percentile(toBoards, 99)), fmt(max(toBoards))],
          ["response → last delivery", fmt(median(last)), fmt(p99), fmt(max(last))],
        ],
      ),
      "",
      `API CPU per event: ${fmt((cpuUsed / events) * 1000)} ms. Subscribe phase: ${fmt(setupSeconds)} s, with ${busyRetries} subscriptions answered busy (SERVICE_UNAVAILABLE/LIMIT_EXCEEDED) and retried after the advised time.`,
      ...(errors.length ? ["", ...errors.map((e) => `- client error: ${e}`)] : []),
    ].join("\n");
    return {
      title: `9. A live line (${customers.toLocaleString("en")} customers, ${boards} boards)`,
      markdown,
      goals: [{ name: `callNext → last delivery p99 ≤ 250 ms (${customers.toLocaleString("en")} customers + ${boards} boards)`, met: p99 <= 250, detail: `${fmt(p99)} ms` }],
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    all.forEach((c) => c.send({ cmd: "close" }));
    setTimeout(() => all.forEach((c) => c.proc.kill()), 500).unref();
    await api.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("live-line", run);
