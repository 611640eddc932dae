/**
 * Batched reads (tenant-reads.ts): one transaction per tenant per tick, each under its own tenant's scope,
 * permissions per read, errors per loader; and the board query through the real API with two tenants in one
 * request. PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { lineStateCache, lineStatesOf } from "../../modules/tickets/live/line-state.js";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, z } from "@qline/db";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../__tests__/harness.js";
import { callNextMutation, createCounter, createLine, createTicketType, issueTicket } from "../../modules/tickets/__tests__/queue-fixtures.js";
import { createContext, type RequestContext } from "../context.js";
import { loadInTenant, perArgLoader, type TenantLoader } from "../tenant-reads.js";

/** What a loader saw: the scope set in its transaction, the transaction's id and the lines RLS let through. */
interface Seen {
  scope: string;
  txid: string;
  lineTenants: string[];
}
const calls: { tenantId: string; args: readonly string[] }[] = [];
const whoAmI: TenantLoader<string, Seen> = {
  name: "whoAmI",
  key: String,
  async load(tx, tenantId, args) {
    calls.push({ tenantId, args });
    const row = decodeFirstRow(z.object({ scope: col.text, txid: col.text }), await tx.execute(sql`select current_setting('app.tenant_id', true) as scope, txid_current()::text as txid`));
    const lines = decodeRows(z.object({ tenant_id: col.uuid }), await tx.execute(sql`select tenant_id from lines`));
    return args.map(() => ({ scope: row!.scope, txid: row!.txid, lineTenants: [...new Set(lines.map((l) => l.tenant_id))] }));
  },
};
const failing = perArgLoader("failing", String, async () => {
  throw new Error("boom");
});

const boardQuery = `query($id: ID!) { line(id: $id) { ...Board } }
  fragment Board on Line { id tenantId waitingCount nowServing { number counterName } counters { id name }
    waiting: tickets(status: [WAITING], first: 200) { nodes { id lineId number position ticketType { id } counter { id } estimate { p50Seconds } } }
    active: tickets(status: [CALLED, SERVING]) { nodes { id lineId number counter { id name } estimate { p50Seconds } } }
    tenant { id lines { id } } }`;

describe("batched tenant reads", () => {
  let api: TestApi;
  let owner: Persona;
  let viewer: Persona;
  let stranger: Persona;
  let subId: string;
  let lineA: string;
  let lineB: string;
  let typeId: string;
  let counterA: string;
  const ctxOf = (p: Persona): RequestContext =>
    createContext({ config: api.config, db: api.database.db, pubsub: api.pubsub, actor: { kind: "user", userId: p.userId, platformAdmin: false } });

  before(async () => {
    // No background job polls here: the board's transaction count must see only the board's own transactions.
    api = await startTestApi({}, { ttlJob: false, notifications: { worker: false }, platformMail: false });
    owner = await signUpPersona(api, "owner");
    stranger = await signUpPersona(api, "stranger");
    viewer = await memberPersona(api, owner, owner.tenantId, "VIEWER");
    subId = await createSubtenant(owner, owner.tenantId, "Store B");
    typeId = await createTicketType(owner.gql, owner.tenantId, "T");
    lineA = await createLine(owner.gql, owner.tenantId, { prefix: "A" });
    lineB = await createLine(owner.gql, subId, { prefix: "B" });
    counterA = await createCounter(owner.gql, lineA, "Desk A");
    await createCounter(owner.gql, lineB, "Desk B");
    for (let i = 0; i < 4; i++) await issueTicket(owner.gql, lineA, i % 2 ? { ticketTypeId: typeId } : {});
    for (let i = 0; i < 3; i++) await issueTicket(owner.gql, lineB);
    assertOk(await owner.gql(callNextMutation, { l: lineA, c: counterA }));
  });
  after(async () => {
    await api.close();
  });

  it("runs one transaction per tenant per tick, each under its own scope, with one loader call per tenant", async () => {
    calls.length = 0;
    const ctx = ctxOf(owner);
    const [a1, b1, a2, a1again] = await Promise.all([
      loadInTenant(ctx, owner.tenantId, "lines:read", whoAmI, "x"),
      loadInTenant(ctx, subId, "lines:read", whoAmI, "x"),
      loadInTenant(ctx, owner.tenantId, "tickets:read", whoAmI, "y"),
      loadInTenant(ctx, owner.tenantId, "lines:read", whoAmI, "x"),
    ]);
    assert.equal(a1.scope, owner.tenantId);
    assert.deepEqual(a1.lineTenants, [owner.tenantId]);
    assert.equal(b1.scope, subId);
    assert.deepEqual(b1.lineTenants, [subId]);
    assert.equal(a2.txid, a1.txid, "same tenant, same tick: one transaction");
    assert.notEqual(b1.txid, a1.txid);
    assert.deepEqual(a1again, a1);
    assert.deepEqual(calls.map((c) => [c.tenantId, [...c.args]]).sort(), [[owner.tenantId, ["x", "y"]], [subId, ["x"]]].sort());
  });

  it("checks each read's permission, refuses a tenant without access, and keeps one loader's failure to itself", async () => {
    const viewerCtx = ctxOf(viewer);
    const [readable, notAllowed] = await Promise.allSettled([
      loadInTenant(viewerCtx, owner.tenantId, "lines:read", whoAmI, "v"),
      loadInTenant(viewerCtx, owner.tenantId, "lines:manage", whoAmI, "v"),
    ]);
    assert.equal(readable.status, "fulfilled");
    assert.equal(notAllowed.status, "rejected");
    assert.equal((notAllowed as PromiseRejectedResult).reason.code, "FORBIDDEN");

    const strangerCtx = ctxOf(stranger);
    const [own, foreign] = await Promise.allSettled([
      loadInTenant(strangerCtx, stranger.tenantId, "lines:read", whoAmI, "s"),
      loadInTenant(strangerCtx, owner.tenantId, "lines:read", whoAmI, "s"),
    ]);
    assert.equal(own.status, "fulfilled");
    assert.equal((own as PromiseFulfilledResult<Seen>).value.scope, stranger.tenantId);
    assert.equal((foreign as PromiseRejectedResult).reason.code, "NOT_FOUND");

    const ctx = ctxOf(owner);
    const [failed, fine] = await Promise.allSettled([loadInTenant(ctx, owner.tenantId, "lines:read", failing, "f"), loadInTenant(ctx, owner.tenantId, "lines:read", whoAmI, "after")]);
    assert.equal((failed as PromiseRejectedResult).reason.message, "boom");
    assert.equal((fine as PromiseFulfilledResult<Seen>).value.scope, owner.tenantId);
  });

  it("answers the board of two tenants in one request, each with its own tickets", async () => {
    const started = Date.now();
    const both = assertOk(
      await owner.gql<{ a: Board; b: Board }>(`query($a: ID!, $b: ID!) { a: line(id: $a) { ...Board } b: line(id: $b) { ...Board } } ${boardQuery.slice(boardQuery.indexOf("fragment"))}`, { a: lineA, b: lineB }),
    );
    const aloneA = assertOk(await owner.gql<{ line: Board }>(boardQuery, { id: lineA })).line;
    const aloneB = assertOk(await owner.gql<{ line: Board }>(boardQuery, { id: lineB })).line;
    // Estimates run on the clock (the ticket at the counter has been there longer by the later request), so
    // they may differ by the seconds between the requests, rounded; everything else is equal.
    const drift = Math.ceil((Date.now() - started) / 1000) + 1;
    assertSameBoard(both.a, aloneA, drift);
    assertSameBoard(both.b, aloneB, drift);
    assert.equal(both.a.tenantId, owner.tenantId);
    assert.equal(both.b.tenantId, subId);
    assert.ok(both.a.waiting.nodes.every((t) => t.lineId === lineA && t.number.startsWith("A")));
    assert.ok(both.b.waiting.nodes.every((t) => t.lineId === lineB && t.number.startsWith("B")));
    assert.deepEqual(both.a.waiting.nodes.map((t) => t.position), [1, 2, 3]);
    assert.deepEqual(both.b.waiting.nodes.map((t) => t.position), [1, 2, 3]);
    assert.equal(both.a.waitingCount, 3);
    assert.deepEqual(both.a.nowServing, [{ number: "A001", counterName: "Desk A" }]);
    assert.deepEqual(both.a.active.nodes.map((t) => [t.number, t.counter, t.estimate]), [["A001", { id: counterA, name: "Desk A" }, null]]);
    assert.deepEqual(both.a.waiting.nodes.map((t) => t.ticketType?.id ?? null), [typeId, null, typeId]);
    assert.ok(both.a.waiting.nodes.every((t) => t.estimate && t.estimate.p50Seconds >= 0 && t.counter === null));
    assert.deepEqual(both.a.counters.map((c) => c.name), ["Desk A"]);
    assert.deepEqual(both.b.counters.map((c) => c.name), ["Desk B"]);
    assert.deepEqual(both.a.tenant.lines.map((l) => l.id), [lineA]);
    assert.deepEqual(both.b.tenant.lines.map((l) => l.id), [lineB]);
  });

  it("answers the board in two transactions: the line with its tenant, then every field's reads in one batch", async () => {
    const db = api.database.db;
    const original = db.transaction.bind(db);
    // The line's live state is fresh and stays so during the request (a refresh is the state owner's shared work,
    // not the board's reads; on a slow machine a state can pass LINE_STATE_MAX_AGE_MS while the request waits).
    await lineStatesOf(db).idle();
    await lineStatesOf(db).current(owner.tenantId, lineA, Number.MAX_SAFE_INTEGER);
    const maxAge = lineStateCache.maxAgeMs;
    lineStateCache.maxAgeMs = 600_000;
    let transactions = 0;
    // Counts the transactions the API opens during one request (every door goes through db.transaction).
    const counting: typeof db.transaction = (fn, config) => {
      transactions++;
      return original(fn, config);
    };
    db.transaction = counting;
    try {
      const board = assertOk(await owner.gql<{ line: Board }>(boardQuery, { id: lineA })).line;
      assert.equal(transactions, 2);
      assert.deepEqual(board.waiting.nodes.map((t) => t.position), [1, 2, 3]);
      assert.deepEqual(board.tenant.lines.map((l) => l.id), [lineA]);
    } finally {
      db.transaction = original;
      lineStateCache.maxAgeMs = maxAge;
    }
  });

  it("answers the board with cache-control: no-store (no HTTP cache keeps a board)", async () => {
    const res = await fetch(api.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({ query: boardQuery, variables: { id: lineA } }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
  });

  it("numbers a later page's waiting tickets from where the first page left off", async () => {
    const first = assertOk(
      await owner.gql<{ line: { tickets: { nodes: { position: number }[]; pageInfo: { endCursor: string } } } }>(
        `query($id: ID!) { line(id: $id) { tickets(status: [WAITING], first: 2) { nodes { position } pageInfo { endCursor } } } }`,
        { id: lineA },
      ),
    ).line.tickets;
    const next = assertOk(
      await owner.gql<{ line: { tickets: { nodes: { position: number }[] } } }>(
        `query($id: ID!, $after: String) { line(id: $id) { tickets(status: [WAITING], first: 2, after: $after) { nodes { position } } } }`,
        { id: lineA, after: first.pageInfo.endCursor },
      ),
    ).line.tickets;
    assert.deepEqual([...first.nodes, ...next.nodes].map((t) => t.position), [1, 2, 3]);
  });

  it("still needs tenant:read for Line.tenant, though the tenant was read with the line", async () => {
    const secret = assertOk(
      await owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!, $s: [String!]!) { createApiKey(tenantId: $t, name: "no tenant", scopes: $s) { secret } }`, {
        t: owner.tenantId,
        s: ["lines:read", "display:read"],
      }),
    ).createApiKey.secret;
    const key = api.client(`ApiKey ${secret}`);
    const res = await key<{ line: { id: string; tenant: unknown; waiting: { nodes: { ticketType: { id: string } | null }[] } } | null }>(
      `query($id: ID!) { line(id: $id) { id tenant { id } waiting: tickets(status: [WAITING]) { nodes { ticketType { id } } } } }`,
      { id: lineA },
    );
    assertCode(res, "FORBIDDEN");
    assert.deepEqual(res.errors?.map((e) => e.path?.join(".")), ["line.tenant"]);
    assert.equal(res.data?.line, null); // Line.tenant is non-null: the error nulls the line
  });

  it("gives a stranger NOT_FOUND for the other tenant's board and still its own in the same request", async () => {
    const ownLine = await createLine(stranger.gql, stranger.tenantId, { prefix: "S" });
    await issueTicket(stranger.gql, ownLine);
    const res = await stranger.gql<{ mine: Board | null; theirs: Board | null }>(
      `query($m: ID!, $t: ID!) { mine: line(id: $m) { ...Board } theirs: line(id: $t) { ...Board } } ${boardQuery.slice(boardQuery.indexOf("fragment"))}`,
      { m: ownLine, t: lineA },
    );
    assert.equal(res.data?.theirs, null);
    assertCode(res, "NOT_FOUND");
    assert.deepEqual(res.data?.mine?.waiting.nodes.map((t) => [t.lineId, t.number]), [[ownLine, "S001"]]);
  });
});

/** Equal boards, but for estimates within `driftSeconds` of each other (both present or both absent). */
function assertSameBoard(actual: Board, expected: Board, driftSeconds: number): void {
  const tickets = (b: Board) => [...b.waiting.nodes, ...b.active.nodes];
  const withoutEstimates = (b: Board): Board => ({
    ...b,
    waiting: { nodes: b.waiting.nodes.map((t) => ({ ...t, estimate: t.estimate && { p50Seconds: 0 } })) },
    active: { nodes: b.active.nodes.map((t) => ({ ...t, estimate: t.estimate && { p50Seconds: 0 } })) },
  });
  assert.deepEqual(withoutEstimates(actual), withoutEstimates(expected));
  tickets(actual).forEach((t, i) => {
    const other = tickets(expected)[i]!.estimate;
    if (t.estimate && other) assert.ok(Math.abs(t.estimate.p50Seconds - other.p50Seconds) <= driftSeconds, `${t.number}: ${t.estimate.p50Seconds} vs ${other.p50Seconds}`);
  });
}

interface BoardTicket {
  id: string;
  lineId: string;
  number: string;
  position: number | null;
  ticketType: { id: string } | null;
  counter: { id: string; name?: string } | null;
  estimate: { p50Seconds: number } | null;
}
interface Board {
  id: string;
  tenantId: string;
  waitingCount: number;
  nowServing: { number: string; counterName: string | null }[];
  counters: { id: string; name: string }[];
  waiting: { nodes: BoardTicket[] };
  active: { nodes: BoardTicket[] };
  tenant: { id: string; lines: { id: string }[] };
}
