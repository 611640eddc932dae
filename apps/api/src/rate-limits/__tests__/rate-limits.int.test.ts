/**
 * Rate limits and fairness through the real API (defect 6): login backoff, sign-ups, public lookups and
 * cancellations per address, budgets per caller and per tenant on both transports, HTTP 429/503 with
 * Retry-After, a saturated database answering SERVICE_UNAVAILABLE, Redis-backed counters shared by processes
 * and Redis trouble never blocking a request. PGlite by default; PostgreSQL with TEST_DATABASE_URL, Redis with
 * REDIS_URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, testDatabaseUrl } from "@qline/db/testing";
import type { RateLimitConfig } from "../../env.js";
import { assertOk, signUpPersona, startTestApi, testConfig, testPassword, uniqueSlug, type Persona, type TestApi } from "../../__tests__/harness.js";
import { createLine, issueTicket, wsClient } from "../../modules/tickets/__tests__/queue-fixtures.js";

const redisUrl = process.env.REDIS_URL || undefined;

interface RawResponse {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[] };
}

async function post(api: TestApi, query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<RawResponse> {
  const response = await fetch(api.server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as RawResponse["body"] };
}

/** A refusal: LIMIT_EXCEEDED with a positive retryAfterSeconds, HTTP 429 with the same Retry-After. */
function assertRefused(res: RawResponse): number {
  const error = res.body.errors?.[0];
  assert.equal(error?.extensions?.code, "LIMIT_EXCEEDED", JSON.stringify(res.body));
  const seconds = error.extensions.retryAfterSeconds;
  assert.ok(typeof seconds === "number" && seconds >= 1, `retryAfterSeconds ${seconds}`);
  assert.equal(res.status, 429);
  assert.equal(res.retryAfter, String(seconds));
  return seconds;
}

const limitsOf = (overrides: Partial<RateLimitConfig>): RateLimitConfig => ({ ...testConfig().rateLimits, ...overrides });
const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

describe("login backoff", () => {
  let api: TestApi;
  let victim: Persona;
  let bystander: Persona;
  const refusals: string[] = [];

  before(async () => {
    api = await startTestApi(
      { rateLimits: limitsOf({ loginFreeFailuresPerIp: 3, loginFreeFailuresPerAccount: 1000, loginBackoffMaxSeconds: 3 }), ...(redisUrl ? { redisUrl } : {}) },
      { onRateLimitRefusal: (name) => refusals.push(name) },
    );
    victim = await signUpPersona(api, "victim");
    bystander = await signUpPersona(api, "bystander");
  });
  after(async () => {
    await api.close();
  });

  it("refuses the right password after 300 wrong ones until the backoff expires, then lets it in", async () => {
    const outcomes = new Map<string, number>();
    // 300 wrong passwords, and on until the second backoff (2 s) has started: on a fast machine 300 refused
    // attempts fit inside the first 1 s backoff, and the right password would then come after it ended.
    for (let i = 0; i < 300 || (outcomes.get("UNAUTHENTICATED") ?? 0) < 5; i++) {
      const res = await post(api, login, { e: victim.email, p: `wrong-${i}` });
      const code = res.body.errors?.[0]?.extensions?.code ?? "OK";
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
    // A few real checks (the free ones, and one after each backoff), every other attempt refused before the password.
    assert.ok((outcomes.get("UNAUTHENTICATED") ?? 0) >= 4, JSON.stringify([...outcomes]));
    assert.ok((outcomes.get("LIMIT_EXCEEDED") ?? 0) >= 250, JSON.stringify([...outcomes]));
    assert.equal(outcomes.get("OK"), undefined);

    const right = await post(api, login, { e: victim.email, p: testPassword });
    assertRefused(right);
    assert.equal(right.body.data, null);
    assert.ok(refusals.includes("login-backoff"));

    // Another account from the same address is not held back by the victim's backoff.
    assert.ok(assertOk(await api.client()(login, { e: bystander.email, p: testPassword })));

    // Once the backoff (at most 3 s here) has passed, the right password works.
    const deadline = Date.now() + 15_000;
    let res = right;
    while (res.body.errors && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      res = await post(api, login, { e: victim.email, p: testPassword });
    }
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body));
    assert.equal(res.status, 200);
  });

  it("backs off wrong current passwords in changePassword too (a stolen token is no password oracle)", async () => {
    const holder = await signUpPersona(api, "token-holder");
    const change = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`;
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await post(api, change, { c: `guess-${i}`, n: "a new and rather long passphrase" }, `Bearer ${holder.token}`);
      codes.push(res.body.errors?.[0]?.extensions?.code ?? "OK");
    }
    // The free failures are checked (BAD_USER_INPUT on currentPassword), then the attempts are refused unchecked.
    assert.deepEqual(codes.slice(0, 3), ["BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT"]);
    assert.ok(codes.filter((c) => c === "LIMIT_EXCEEDED").length >= 15, codes.join(","));
    assert.ok(!codes.includes("OK"));
    const right = await post(api, change, { c: testPassword, n: "a new and rather long passphrase" }, `Bearer ${holder.token}`);
    assertRefused(right);
  });
});

describe("per-address limits on sign-up, public lookups and cancellation", () => {
  let api: TestApi;
  let owner: Persona;
  let lineId: string;

  before(async () => {
    api = await startTestApi({
      rateLimits: limitsOf({ signUpPerIpPerHour: 3, publicLookupsPerIpPerMinute: 4, cancelPerIpPerMinute: 2 }),
      ...(redisUrl ? { redisUrl } : {}),
    });
    owner = await signUpPersona(api, "owner"); // 1 of 3 sign-ups
    lineId = await createLine(owner.gql, owner.tenantId);
  });
  after(async () => {
    await api.close();
  });

  it("allows RATE_SIGNUP_PER_IP_PER_HOUR sign-ups from one address, then answers 429", async () => {
    const signUp = `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`;
    const input = () => ({ email: `${uniqueSlug("s")}@example.test`, password: testPassword, name: "S", accountName: "S", tenantName: "S", tenantSlug: uniqueSlug("s") });
    for (let i = 0; i < 2; i++) assert.equal((await post(api, signUp, { input: input() })).body.errors, undefined);
    const refused = await post(api, signUp, { input: input() });
    assertRefused(refused);
    assert.ok(refused.body.errors![0]!.extensions!.retryAfterSeconds! <= 3600);
  });

  it("counts each public lookup, aliases included, and refuses the one over the budget", async () => {
    const ticket = await issueTicket(owner.gql, lineId);
    const two = `query($c: String!) { a: ticketByCode(code: $c) { status } b: ticketByCode(code: $c) { status } }`;
    const ok = await post(api, two, { c: ticket.trackingCode });
    assert.equal((ok.body.data as { a: { status: string } }).a.status, "WAITING");
    assert.equal((await post(api, `{ tenantBySlug(slug: "nope-x") { id } }`)).body.errors, undefined);
    assertRefused(await post(api, two, { c: ticket.trackingCode })); // 3 + 2 > 4: refused as a whole
    // Signed-in work is not a public lookup: the owner's own queries still pass.
    assert.ok(assertOk(await owner.gql(`{ me { id } }`)));
  });

  it("limits cancelMyTicket per address", async () => {
    const tickets = await Promise.all([issueTicket(owner.gql, lineId), issueTicket(owner.gql, lineId), issueTicket(owner.gql, lineId)]);
    const cancel = `mutation($c: String!) { cancelMyTicket(code: $c) { status } }`;
    for (const t of tickets.slice(0, 2)) assert.equal((await post(api, cancel, { c: t.trackingCode })).body.errors, undefined);
    assertRefused(await post(api, cancel, { c: tickets[2]!.trackingCode }));
    // Refused before it ran: the ticket still waits.
    const still = assertOk(await owner.gql<{ ticket: { status: string } }>(`query($id: ID!) { ticket(id: $id) { status } }`, { id: tickets[2]!.id }));
    assert.equal(still.ticket.status, "WAITING");
  });
});

describe("budgets per caller and per tenant", () => {
  let api: TestApi;
  let owner: Persona;
  let other: Persona;
  const keyOf = async (p: Persona) =>
    `ApiKey ${assertOk(await p.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "k", scopes: ["tenant:read"]) { secret } }`, { t: p.tenantId })).createApiKey.secret}`;
  const tenantQuery = `query($t: ID!) { tenant(id: $t) { id } }`;

  before(async () => {
    api = await startTestApi({
      rateLimits: limitsOf({ queriesPerCallerPerMinute: 3, queriesPerTenantPerMinute: 5 }),
      ...(redisUrl ? { redisUrl } : {}),
    });
    owner = await signUpPersona(api, "owner");
    other = await signUpPersona(api, "other");
  });
  after(async () => {
    await api.close();
  });

  it("refuses a key's fourth query in a minute, keeps the tenant's other key going until the tenant budget, and never touches another tenant", async () => {
    const first = await keyOf(owner);
    const second = await keyOf(owner);
    const foreign = await keyOf(other);
    for (let i = 0; i < 3; i++) assert.equal((await post(api, tenantQuery, { t: owner.tenantId }, first)).body.errors, undefined);
    assertRefused(await post(api, tenantQuery, { t: owner.tenantId }, first));
    // The second key has its own caller budget, but shares the tenant's: 3 (first) + 2 = 5.
    for (let i = 0; i < 2; i++) assert.equal((await post(api, tenantQuery, { t: owner.tenantId }, second)).body.errors, undefined);
    assertRefused(await post(api, tenantQuery, { t: owner.tenantId }, second));
    // Another tenant's key is unaffected.
    assert.equal((await post(api, tenantQuery, { t: other.tenantId }, foreign)).body.errors, undefined);
  });

  it("applies the same budgets to operations over graphql-ws", async () => {
    const key = await keyOf(other);
    const client = wsClient(api, key);
    try {
      const run = () =>
        new Promise<{ code?: string; retryAfterSeconds?: number }>((resolve) => {
          client.subscribe(
            { query: tenantQuery, variables: { t: other.tenantId } },
            {
              next: (result) => resolve(result.errors ? (result.errors[0]!.extensions as { code?: string; retryAfterSeconds?: number }) : {}),
              error: (errors) => resolve(Array.isArray(errors) ? (errors[0] as { extensions: { code?: string; retryAfterSeconds?: number } }).extensions : { code: String(errors) }),
              complete: () => resolve({}),
            },
          );
        });
      for (let i = 0; i < 3; i++) assert.deepEqual(await run(), {});
      const refused = await run();
      assert.equal(refused.code, "LIMIT_EXCEEDED");
      assert.ok((refused.retryAfterSeconds ?? 0) >= 1);
    } finally {
      await client.dispose();
    }
  });
});

describe("a saturated database", () => {
  it("answers SERVICE_UNAVAILABLE (503, Retry-After) when no connection frees up within DB_CONNECTION_WAIT_MS", async () => {
    const database = await createTestDatabase({ poolSize: 1, connectionWaitMs: 300 });
    const api = await startTestApi({ dbConnectionWaitMs: 300 }, { database });
    try {
      const owner = await signUpPersona(api, "owner");
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const started = new Promise<void>((resolve) => (holding = resolve));
      // The one connection (pg pool of 1; PGlite is one connection) is taken by a long transaction.
      const holder = database.db.transaction(async () => {
        holding();
        await held;
      });
      await started;
      const res = await post(api, `query($t: ID!) { tenant(id: $t) { id } }`, { t: owner.tenantId }, `Bearer ${owner.token}`);
      release();
      await holder;
      assert.equal(res.body.errors?.[0]?.extensions?.code, "SERVICE_UNAVAILABLE", JSON.stringify(res.body));
      assert.equal(res.status, 503);
      assert.equal(res.retryAfter, "1");
      assert.ok(!JSON.stringify(res.body).includes("timeout exceeded"), "no driver text in the answer");
      // Once free, the same query works.
      assert.ok(assertOk(await owner.gql(`query($t: ID!) { tenant(id: $t) { id } }`, { t: owner.tenantId })));
    } finally {
      await api.close();
      await database.close();
    }
  });
});

describe("limits across processes and Redis trouble", { skip: !redisUrl && "needs REDIS_URL" }, () => {
  it("shares one budget between two API processes on the same Redis", async () => {
    const shared = limitsOf({ publicLookupsPerIpPerMinute: 3 });
    const first = await startTestApi({ rateLimits: shared, redisUrl: redisUrl! });
    const second = await startTestApi({ rateLimits: shared, redisUrl: redisUrl! }, testDatabaseUrl ? {} : { database: first.database });
    try {
      const lookup = `{ tenantBySlug(slug: "nobody-here") { id } }`;
      assert.equal((await post(first, lookup)).body.errors, undefined);
      assert.equal((await post(second, lookup)).body.errors, undefined);
      assert.equal((await post(first, lookup)).body.errors, undefined);
      assertRefused(await post(second, lookup));
    } finally {
      await second.close();
      await first.close();
    }
  });

  it("still answers at once, limits decided in memory, when Redis cannot be reached", async () => {
    const api = await startTestApi({ rateLimits: limitsOf({ publicLookupsPerIpPerMinute: 2, redisTimeoutMs: 100 }), redisUrl: "redis://127.0.0.1:1" });
    try {
      const lookup = `{ tenantBySlug(slug: "nobody-here") { id } }`;
      const started = Date.now();
      assert.equal((await post(api, lookup)).body.errors, undefined);
      assert.equal((await post(api, lookup)).body.errors, undefined);
      assertRefused(await post(api, lookup));
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    } finally {
      await api.close();
    }
  });
});

describe("limits are off with RATE_LIMITS=off", () => {
  it("lets a caller past every budget", async () => {
    const api = await startTestApi({ rateLimits: limitsOf({ enabled: false, publicLookupsPerIpPerMinute: 1 }) });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await post(api, `{ tenantBySlug(slug: "nobody-here") { id } }`)).body.errors, undefined);
    } finally {
      await api.close();
    }
  });
});
