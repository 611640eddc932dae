/**
 * Redis never blocks a mutation. With a Redis of its own (redis-server on a free port, stopped and started
 * mid-test): while it is down a mutation answers within 1 s and /readyz is 503 (the database still ok) while
 * /healthz stays 200; nothing logs "[ioredis] Unhandled error event"; once it is back, subscribers that missed
 * events get the current state (ticketUpdated: the ticket as it is; lineUpdated: a RESYNCED event with the
 * line's stats), /readyz is 200 again and live events flow. Skipped when redis-server is not installed.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { assertOk, freePort, signUpPersona, startTestApi, type Persona, type TestApi } from "../../__tests__/harness.js";
import { callNextMutation, clientPool, collect, createLine, issueTicket, issueTickets, until } from "../../modules/tickets/__tests__/queue-fixtures.js";
import { createPubSub, DEFAULT_PUBLISH_TIMEOUT_MS } from "../pubsub.js";

const redisServer = spawnSync("redis-server", ["--version"]).status === 0;

/** A throwaway redis-server (no persistence), resolved once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await exited;
}

type TicketUpdated = { ticketUpdated: { number: string; status: string; position: number | null } };
type LineUpdated = { lineUpdated: { kind: string; stats: { waitingCount: number; nowServing: { number: string }[] } } };
const ticketUpdated = `subscription($c: String!) { ticketUpdated(code: $c) { number status position } }`;
const lineUpdated = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind stats { waitingCount nowServing { number } } } }`;

describe("a publish never waits on a Redis that is not there", { skip: !redisServer && "redis-server is not installed" }, () => {
  it("resolves within REDIS_PUBLISH_TIMEOUT_MS without throwing, from the first publish on", async () => {
    const pubsub = createPubSub(`redis://127.0.0.1:${await freePort()}`, { publishTimeoutMs: 300, log: () => undefined });
    try {
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        await pubsub.publish("qline.test", { i });
        assert.ok(Date.now() - started < 300 + 250, `publish ${i} took ${Date.now() - started} ms`);
      }
      await assert.rejects(pubsub.check(200));
    } finally {
      await pubsub.close();
    }
    assert.equal(DEFAULT_PUBLISH_TIMEOUT_MS, 500);
  });
});

describe("Redis outage and recovery", { skip: !redisServer && "redis-server is not installed", timeout: 120_000 }, () => {
  let redisPort: number;
  let redis: ChildProcess;
  let api: TestApi;
  let owner: Persona;
  const pool = clientPool(() => api);
  const errors: string[] = [];
  const consoleError = console.error;

  before(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(" "));
      consoleError(...args);
    };
    // ioredis itself prints "Unhandled error event" on the console; the pub/sub's own reports come through its log.
    api = await startTestApi({}, { redisUrl: `redis://127.0.0.1:${redisPort}`, pubsubLog: (message) => errors.push(message) });
    owner = await signUpPersona(api, "outage");
  });
  after(async () => {
    await pool.disposeAll();
    await api.close();
    await stopRedis(redis);
    console.error = consoleError;
  });

  const readyz = async () => {
    const response = await fetch(new URL("/readyz", api.server.url));
    return { status: response.status, body: (await response.json()) as { ok: boolean; database: string; pubsub: string } };
  };
  const readyzUntil = async (status: number) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const answer = await readyz();
      if (answer.status === status || Date.now() > deadline) return answer;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it("mutations answer within 1 s while Redis is down; /readyz says 503; subscribers get the current state when it is back", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId);
    const [first] = await issueTickets(owner.gql, lineId, 2);
    const tickets = collect<TicketUpdated>(pool.open(), ticketUpdated, { c: first!.trackingCode });
    const line = collect<LineUpdated>(pool.open(`Bearer ${owner.token}`), lineUpdated, { l: lineId });
    assert.deepEqual((await tickets.waitFor(1))[0], { ticketUpdated: { number: "A001", status: "WAITING", position: 1 } });
    assert.equal((await line.waitFor(1))[0]!.lineUpdated.kind, "SUBSCRIBED");
    assert.equal((await readyz()).status, 200);

    await stopRedis(redis);

    const started = Date.now();
    const called = assertOk(await owner.gql<{ callNext: { number: string; status: string } }>(callNextMutation, { l: lineId })).callNext;
    const callMs = Date.now() - started;
    assert.deepEqual(called, { ...called, number: "A001", status: "CALLED" });
    assert.ok(callMs < 1000, `callNext answered after ${callMs} ms with Redis down`);
    const issueStarted = Date.now();
    await issueTicket(owner.gql, lineId);
    const issueMs = Date.now() - issueStarted;
    assert.ok(issueMs < 1000, `issueTicket answered after ${issueMs} ms with Redis down`);
    console.log(`# redis down: callNext ${callMs} ms, issueTicket ${issueMs} ms`);

    const down = await readyzUntil(503);
    assert.equal(down.status, 503);
    assert.equal(down.body.database, "ok");
    assert.notEqual(down.body.pubsub, "ok");
    assert.equal((await fetch(new URL("/healthz", api.server.url))).status, 200, "liveness does not depend on Redis");

    redis = await startRedis(redisPort);

    // The ticket holder sees their ticket as it is now (called while the event could not be published).
    await until(`CALLED after recovery in ${JSON.stringify(tickets.values)} ${JSON.stringify(tickets.errors)}`, () =>
      tickets.values.at(-1)?.ticketUpdated.status === "CALLED" ? true : undefined,
      30_000,
    );
    // Staff see a RESYNCED event with the line as it is now: A001 serving, A002 and A003 waiting.
    const resynced = await until(`RESYNCED in ${JSON.stringify(line.values)} ${JSON.stringify(line.errors)}`, () => line.values.find((v) => v.lineUpdated.kind === "RESYNCED"), 30_000);
    assert.deepEqual(resynced.lineUpdated.stats, { waitingCount: 2, nowServing: [{ number: "A001" }] });
    assert.equal((await readyzUntil(200)).status, 200);

    // Live again: the next change arrives as an event.
    const before = line.values.length;
    assertOk(await owner.gql(callNextMutation, { l: lineId }));
    const [, ...after] = await line.waitFor(before + 1);
    assert.ok(after.some((v) => v.lineUpdated.kind === "CALLED"), JSON.stringify(after));
    assert.deepEqual(tickets.errors, []);
    assert.deepEqual(line.errors, []);

    assert.deepEqual(errors.filter((e) => e.includes("Unhandled error event")), [], "every ioredis connection handles its errors");
    assert.ok(errors.some((e) => e.includes("pub/sub: publish failed")), "the outage is reported");
  });
});
