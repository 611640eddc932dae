/**
 * 3. Subscription fan-out: 1,000 / 5,000 / 10,000 graphql-ws subscribers of one line on one API process. Per
 * event: time from the issueTicket response to the last subscriber's delivery, and API RSS per subscription.
 * Baseline: a plain `ws` server sending a pre-serialized message to the same sockets and subscriptions.
 * Goals: 10,000 subscribers p99 ≤ 250 ms; ≤ 20 KiB per subscription.
 */
import { fork, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { loadLimits, startApi } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { redisUrl } from "../lib/env.js";
import { createLine, issueMutation, signUp } from "../lib/fixtures.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";
import { fmt, max, median, percentile, pct, ratio } from "../lib/stats.js";

export const sizes = (process.env.BENCH_FANOUT_SIZES ?? "1000,5000,10000").split(",").map(Number);
const clientProcesses = 2;
/** graphql-ws subscriptions per socket (under the API's 50 per connection; graphql-ws counts the one being added). */
const perSocket = 40;
const repeats = Number(process.env.BENCH_FANOUT_REPEATS ?? 10);
const lineUpdated = `subscription($lineId: ID!) { lineUpdated(lineId: $lineId) { kind lineId at ticket { id number status } stats { waitingCount } } }`;
const now = () => performance.timeOrigin + performance.now();

type Msg = { kind: string; [k: string]: unknown };

class Clients {
  readonly procs: ChildProcess[] = [];
  private readonly waiters: ((m: Msg) => boolean)[][] = [];
  errors: string[] = [];
  readonly ready: Promise<Msg[]>;
  constructor(n: number) {
    for (let i = 0; i < n; i++) {
      const p = fork(new URL("../lib/fanout-client.js", import.meta.url), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      this.waiters.push([]);
      p.on("message", (m: Msg) => {
        if (m.kind === "error" && this.errors.length < 5) this.errors.push(String(m.text));
        const list = this.waiters[i]!;
        const idx = list.findIndex((w) => w(m));
        if (idx >= 0) list.splice(idx, 1);
      });
      this.procs.push(p);
    }
    this.ready = this.all("ready", 30_000);
    this.ready.catch(() => undefined);
  }
  /** Waits for a message of `kind` from every client (bounded by `ms`). */
  all(kind: string, ms: number, pred: (m: Msg) => boolean = () => true): Promise<Msg[]> {
    const all = Promise.all(
      this.procs.map(
        (_, i) =>
          new Promise<Msg>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`timeout waiting for ${kind}`)), ms);
            this.waiters[i]!.push((m) => {
              if (m.kind !== kind || !pred(m)) return false;
              clearTimeout(timer);
              resolve(m);
              return true;
            });
          }),
      ),
    );
    all.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
    return all;
  }
  send(i: number, m: unknown): void {
    this.procs[i]!.send(m as never);
  }
  broadcast(m: unknown): void {
    for (const p of this.procs) p.send(m as never);
  }
  close(): void {
    for (const p of this.procs) p.kill();
  }
}

/** Adds subscriptions up to `total`, spread over the client processes. */
async function grow(clients: Clients, from: number, total: number, open: (sockets: number) => Record<string, unknown>): Promise<void> {
  const sockets = Math.ceil((total - from) / perSocket);
  const per = Math.ceil(sockets / clientProcesses);
  const ready = clients.all("opened", 300_000);
  for (let i = 0; i < clientProcesses; i++) clients.send(i, { cmd: "open", ...open(i === clientProcesses - 1 ? sockets - per * (clientProcesses - 1) : per) });
  await ready;
}

export async function run(): Promise<Section> {
  const started = Date.now();
  const database = await createBenchDatabase();
  const api = await startApi({ databaseUrl: database.ownerUrl, redisUrl, env: loadLimits });
  const rows: string[][] = [];
  const goals: Section["goals"] = [];
  const notes: string[] = [];
  const ours = new Clients(clientProcesses);
  const plainClients = new Clients(clientProcesses);
  const plain = fork(new URL("../lib/plain-ws-server.js", import.meta.url), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const plainListening = new Promise<number>((resolve) => plain.once("message", (m: Msg) => resolve(m.port as number)));
  process.once("exit", () => {
    ours.close();
    plainClients.close();
    plain.kill();
  });
  try {
    const owner = await signUp(api.url);
    const lineId = await createLine(owner);
    await Promise.all([ours.ready, plainClients.ready]);
    const plainPort = await plainListening;
    let seq = 0;
    let busyRetries = 0;
    const issue = async () => {
      for (;;) {
        try {
          const data = await owner.client.ok<{ issueTicket: { number: string } }>(issueMutation, { input: { lineId } });
          seq = Number(data.issueTicket.number.replace(/^\D+/, ""));
          return;
        } catch (error) {
          // While thousands of new subscriptions take their first read, the tenant's transaction gate may answer
          // busy: wait the advised time and try again (counted in the notes).
          const busy = /"code":"(LIMIT_EXCEEDED|SERVICE_UNAVAILABLE)"/.exec(String(error));
          if (!busy || busyRetries >= 100) throw error;
          busyRetries++;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    };
    for (let i = 0; i < 5; i++) await issue(); // warm the API
    const rssBefore = api.rss();
    let have = 0;
    for (const size of sizes) {
      const t0 = Date.now();
      await grow(ours, have, size, (sockets) => ({ url: api.wsUrl, mode: "graphql", sockets, perSocket, authorization: `Bearer ${owner.token}`, query: lineUpdated, variables: { lineId } }));
      await grow(plainClients, have, size, (sockets) => ({ url: `ws://127.0.0.1:${plainPort}`, mode: "plain", sockets, perSocket }));
      have = size;
      // graphql-ws acknowledges sockets, not subscriptions: issue until every subscription has received an event.
      for (let attempt = 0; ; attempt++) {
        const event = seq + 1;
        const armed = ours.all("armed", 10_000);
        const delivered = ours.all("delivered", 5_000, (m) => m.event === event);
        ours.broadcast({ cmd: "arm", event });
        await armed;
        await issue();
        try {
          await delivered;
          break;
        } catch {
          if (process.env.BENCH_DEBUG) console.error(`size ${size}: event ${event} not delivered to all yet (attempt ${attempt}); errors ${ours.errors.join("; ")}`);
          if (attempt >= 30) throw new Error(`subscriptions never all live at ${size}: ${ours.errors.join("; ")}`);
        }
      }
      const setupSeconds = (Date.now() - t0) / 1000;
      const rss = api.rss();
      const fromResponse: number[] = [];
      const fromSend: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const event = seq + 1;
        const armed = ours.all("armed", 10_000);
        const delivered = ours.all("delivered", 30_000, (m) => m.event === event);
        ours.broadcast({ cmd: "arm", event });
        const armedAll = await armed;
        const sentAt = now();
        await issue();
        const respondedAt = now();
        const last = Math.max(...(await delivered.catch((e: unknown) => {
          throw new Error(`${String(e)}; armed ${JSON.stringify(armedAll)}; errors ${ours.errors.join("; ")}`);
        })).map((m) => m.lastAt as number));
        fromResponse.push(Math.max(0, last - respondedAt));
        fromSend.push(last - sentAt);
        await new Promise((res) => setTimeout(res, 50));
      }
      const baseline: number[] = [];
      let plainRss = 0;
      for (let r = 0; r < repeats; r++) {
        const event = 1_000_000 + size * 100 + r;
        const armed = plainClients.all("armed", 10_000);
        const delivered = plainClients.all("delivered", 30_000, (m) => m.event === event);
        plainClients.broadcast({ cmd: "arm", event });
        await armed;
        const sent = new Promise<Msg>((resolve) => plain.once("message", resolve));
        plain.send({ cmd: "broadcast", event });
        const s = await sent;
        plainRss = s.rss as number;
        const last = Math.max(...(await delivered).map((m) => m.lastAt as number));
        baseline.push(last - (s.at as number));
        await new Promise((res) => setTimeout(res, 50));
      }
      const perSub = (rss - rssBefore) / size / 1024;
      const p99 = percentile(fromResponse, 99);
      rows.push([
        size.toLocaleString("en"),
        fmt(median(fromResponse)),
        fmt(p99),
        fmt(median(fromSend)),
        fmt(median(baseline)),
        fmt(percentile(baseline, 99)),
        pct(ratio(median(baseline), median(fromResponse))),
        fmt(perSub),
        fmt(plainRss / 2 ** 20),
        fmt(setupSeconds),
      ]);
      if (size === 10_000) {
        goals.push({ name: "10,000 subscribers: p99 response→last delivery ≤ 250 ms", met: p99 <= 250, detail: `${fmt(p99)} ms (baseline p99 ${fmt(percentile(baseline, 99))} ms; worst ${fmt(max(fromResponse))} ms)` });
        goals.push({ name: "≤ 20 KiB server RSS per subscription", met: perSub <= 20, detail: `${fmt(perSub)} KiB (API RSS ${fmt(rssBefore / 2 ** 20)} → ${fmt(rss / 2 ** 20)} MiB)` });
      }
    }
    if (ours.errors.length) notes.push(`client errors: ${ours.errors.join("; ")}`);
    if (busyRetries) notes.push(`issueTicket answered busy ${busyRetries} times while subscriptions were being set up (retried after 1 s).`);
    const markdown = [
      `One API process (Redis pub/sub), ${clientProcesses} client processes with raw \`ws\` speaking graphql-transport-ws, ${perSocket} subscriptions per socket ` +
        `(below the API's per-connection limit), the admin board's \`lineUpdated\` selection. ${repeats} events per size (an issueTicket on the line). ` +
        `Latency: from the mutation's HTTP response to the moment the last subscription received the event (send→last includes the mutation itself). ` +
        `Baseline: a plain \`ws\` server process holding the same sockets, sending one pre-serialized ~250-byte message per subscription. ` +
        `RSS per subscription: growth of the API's RSS since before the first subscriber, ÷ subscriptions.`,
      "",
      table(
        ["subscribers", "API p50 ms", "API p99 ms", "API send→last p50 ms", "baseline p50 ms", "baseline p99 ms", "baseline ÷ API (p50)", "API KiB/subscription", "plain server RSS MiB", "subscribe phase s"],
        rows,
      ),
      ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
    ].join("\n");
    return { title: "3. Subscription fan-out", markdown, goals, seconds: (Date.now() - started) / 1000 };
  } finally {
    ours.broadcast({ cmd: "close" });
    plainClients.broadcast({ cmd: "close" });
    plain.send({ cmd: "close" });
    setTimeout(() => {
      ours.close();
      plainClients.close();
      plain.kill();
    }, 500).unref();
    await api.stop();
    await database.drop();
  }
}

if (isMain(import.meta.url)) await runAlone("fanout", run);
