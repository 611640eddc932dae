/** The limit policy without a server: backoff steps, client addresses, the per-tenant gate, in-flight caps. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "graphql";
import { loadConfig, type RateLimitConfig } from "../../env.js";
import { RetryLaterError } from "../../errors/codes.js";
import { memoryLimiterStore } from "../limiter-store.js";
import { backoffSeconds, callerOf, clientAddress, RateLimits, TenantGate } from "../rate-limits.js";

const defaults = loadConfig({ JWT_SECRET: "x".repeat(40), QLINE_DATA_DIR: "/tmp/qline-test-unused" }).rateLimits;
const limitsWith = (overrides: Partial<RateLimitConfig>, refusals: string[] = []) =>
  new RateLimits({ ...defaults, ...overrides }, memoryLimiterStore(`unit:${Math.random()}`), (name) => refusals.push(name));

async function refusal(promise: Promise<unknown>): Promise<RetryLaterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof RetryLaterError, `expected a refusal, got ${String(error)}`);
  assert.equal(error.code, "LIMIT_EXCEEDED");
  return error;
}

describe("rate limit policy", () => {
  it("backs off 1 s, 2 s, 4 s … past the free failures, up to the maximum", () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffSeconds(n, 900)), [1, 2, 4, 8, 16]);
    assert.equal(backoffSeconds(40, 900), 900);
    assert.equal(backoffSeconds(5000, 900), 900);
  });

  it("takes the client address from the socket, or from X-Forwarded-For only as many hops as trusted", () => {
    assert.equal(clientAddress("10.0.0.1", "1.2.3.4", 0), "10.0.0.1");
    assert.equal(clientAddress("10.0.0.1", "6.6.6.6, 1.2.3.4", 1), "1.2.3.4");
    assert.equal(clientAddress("10.0.0.1", "6.6.6.6, 1.2.3.4", 2), "6.6.6.6");
    assert.equal(clientAddress("10.0.0.1", "1.2.3.4", 5), "1.2.3.4");
    assert.equal(clientAddress("10.0.0.1", undefined, 1), "10.0.0.1");
  });

  it("budgets a caller's queries per minute, separately from mutations and from other callers", async () => {
    const refusals: string[] = [];
    const limits = limitsWith({ queriesPerCallerPerMinute: 2, mutationsPerCallerPerMinute: 1 }, refusals);
    const alice = callerOf({ kind: "user", userId: "a", platformAdmin: false }, "1.1.1.1");
    const bob = callerOf({ kind: "user", userId: "b", platformAdmin: false }, "1.1.1.1");
    const query = parse("{ me { id } }");
    await limits.checkOperation(alice, query, undefined);
    await limits.checkOperation(alice, query, undefined);
    const refused = await refusal(limits.checkOperation(alice, query, undefined));
    assert.ok(refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= 60);
    await limits.checkOperation(bob, query, undefined);
    await limits.checkOperation(alice, parse("mutation { login(email: \"x\", password: \"y\") { token } }"), undefined);
    assert.deepEqual(refusals, ["caller-queries"]);
  });

  it("counts every public field of an operation, through aliases and fragments, per address", async () => {
    const limits = limitsWith({ publicLookupsPerIpPerMinute: 3 });
    const here = callerOf({ kind: "anonymous" }, "1.1.1.1");
    const there = callerOf({ kind: "anonymous" }, "2.2.2.2");
    const three = parse(`query Q { a: ticketByCode(code: "1") { status } ...F } fragment F on Query { b: ticketByCode(code: "2") { status } c: tenantBySlug(slug: "s") { id } }`);
    await limits.checkOperation(here, three, "Q");
    await refusal(limits.checkOperation(here, parse(`{ slugAvailable(slug: "x") { available } }`), undefined));
    await limits.checkOperation(there, three, "Q");
  });

  it("queues a caller's operation beyond its in-flight cap until a slot frees, and refuses past the queue", async () => {
    const limits = limitsWith({ inFlightPerCaller: 1 });
    const caller = callerOf({ kind: "apiKey", keyId: "k", tenantId: "t", scopes: new Set() }, "1.1.1.1");
    const first = await limits.enterFlight(caller);
    let secondStarted = false;
    const second = limits.enterFlight(caller).then((release) => {
      secondStarted = true;
      return release;
    });
    // 64 may wait: the second and 63 more; the next is refused at once.
    const queued = Array.from({ length: 63 }, () => limits.enterFlight(caller));
    await refusal(limits.enterFlight(caller));
    assert.equal(secondStarted, false, "nothing ended, so nothing queued has started");
    // Another caller is not held back by this one's queue.
    (await limits.enterFlight(callerOf({ kind: "anonymous" }, "1.1.1.1")))();
    first();
    first(); // releasing twice hands one slot over only
    (await second)();
    for (const waiting of queued) (await waiting)();
  });

  it("refuses a queued operation that waited past the wait limit", async () => {
    const limits = new RateLimits({ ...defaults, inFlightPerCaller: 1 }, memoryLimiterStore(`unit:${Math.random()}`), () => {}, 50);
    const caller = callerOf({ kind: "anonymous" }, "2.2.2.2");
    const held = await limits.enterFlight(caller);
    const error = await refusal(limits.enterFlight(caller));
    assert.equal(error.retryAfterSeconds, 1);
    held();
    (await limits.enterFlight(caller))();
  });

  it("caps the operations in flight of one tenant's API keys together, not other tenants'", async () => {
    const limits = limitsWith({ inFlightPerCaller: 10, inFlightPerTenant: 2 });
    const key = (id: string, tenantId: string) => callerOf({ kind: "apiKey", keyId: id, tenantId, scopes: new Set() }, "1.1.1.1");
    const first = await limits.enterFlight(key("k1", "A"));
    await limits.enterFlight(key("k2", "A"));
    let thirdStarted = false;
    const third = limits.enterFlight(key("k3", "A")).then((release) => {
      thirdStarted = true;
      return release;
    });
    // Tenant B's key is not behind tenant A's queue.
    await limits.enterFlight(key("k4", "B"));
    assert.equal(thirdStarted, false);
    first();
    (await third)();
  });

  it("turns every limit off with RATE_LIMITS=off", async () => {
    const limits = limitsWith({ enabled: false, queriesPerCallerPerMinute: 0, inFlightPerCaller: 1 });
    const caller = callerOf({ kind: "anonymous" }, "1.1.1.1");
    for (let i = 0; i < 5; i++) {
      await limits.checkOperation(caller, parse("{ me { id } }"), undefined);
      await limits.enterFlight(caller);
    }
  });
});

describe("tenant gate", () => {
  it("runs at most N transactions of one tenant at once; the next waits for a slot; other tenants do not wait", async () => {
    const gate = new TenantGate(2, 10_000, () => {});
    const releases: (() => void)[] = [];
    const held = () => new Promise<void>((resolve) => releases.push(resolve));
    const a1 = gate.run("A", held);
    const a2 = gate.run("A", held);
    let thirdStarted = false;
    const a3 = gate.run("A", async () => {
      thirdStarted = true;
    });
    await gate.run("B", async () => {}); // another tenant passes while A is full
    assert.equal(gate.active("A"), 2);
    assert.equal(thirdStarted, false);
    releases[0]!();
    await a1;
    await a3;
    assert.equal(thirdStarted, true);
    releases[1]!();
    await a2;
    assert.equal(gate.active("A"), 0);
  });

  it("refuses a transaction that waited longer than the wait limit, and counts the refusal", async () => {
    let refusals = 0;
    const gate = new TenantGate(1, 50, () => refusals++);
    let release!: () => void;
    const holder = gate.run("A", () => new Promise<void>((resolve) => (release = resolve)));
    await refusal(gate.run("A", async () => {}));
    assert.equal(refusals, 1);
    release();
    await holder;
    await gate.run("A", async () => {}); // the slot is free again
  });
});
