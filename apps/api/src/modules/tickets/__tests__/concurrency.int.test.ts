/**
 * Concurrency on the real PostgreSQL server (PGlite is one connection and serialises everything, so these run
 * only with TEST_DATABASE_URL): gap-free numbering, exactly-once callNext, and racing transitions that never
 * leave a ticket in an illegal state.
 */
import assert from "node:assert/strict";
import { Agent, request } from "node:http";
import { after, before, describe, it } from "node:test";
import { openSecondConnection, testDatabaseUrl, type TestDatabase } from "@qline/db/testing";
import { sql } from "drizzle-orm";
import { withTenantTx, type TicketStatus } from "@qline/db";
import { assertOk, memberPersona, signUpPersona, startTestApi, type GraphQLResponse, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { canTransition, ticketTransitions, type TicketAction } from "../ticket-state.js";
import { lineStatesOf } from "../live/line-state.js";
import { assertConsecutive, callNextMutation, createLine, issueMutation, issueTickets, type IssuedTicket } from "./queue-fixtures.js";

const skip = testDatabaseUrl ? false : "needs TEST_DATABASE_URL: PGlite is a single connection, so it cannot race";

/**
 * Sends requests alternately to two API instances (each with its own database pool), over connections
 * capped per instance like a load balancer would (1,000 simultaneous TCP connects overflow the
 * listen backlog and time out on a loaded machine). All requests are in flight at once; the instances run
 * up to `maxSockets` each concurrently, and their pools contend for the same rows.
 */
function twoInstanceClient(urls: string[], authorization: string, maxSockets = 50) {
  // No keep-alive: a socket idle between tests would be closed by the server and reset on reuse.
  const agents = urls.map(() => new Agent({ keepAlive: false, maxSockets }));
  let next = 0;
  const send = <T>(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const i = next++ % urls.length;
    const url = new URL(urls[i]!);
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent: agents[i], headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as GraphQLResponse<T>));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
  return { send, close: () => agents.forEach((a) => a.destroy()) };
}

describe("queue concurrency on PostgreSQL", { skip }, () => {
  let api: TestApi;
  let secondApi: TestApi;
  let secondDb: TestDatabase | undefined;
  let owner: Persona;
  let staff: Persona;
  let both: ReturnType<typeof twoInstanceClient>;

  before(async () => {
    api = await startTestApi();
    secondDb = openSecondConnection(api.database);
    secondApi = await startTestApi({}, { database: secondDb ?? api.database });
    owner = await signUpPersona(api, "race");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    both = twoInstanceClient([api.server.url, secondApi.server.url], `Bearer ${staff.token}`);
  });
  after(async () => {
    both?.close();
    await secondApi?.close();
    await secondDb?.close();
    await api?.close();
  });

  it("gives 1,000 concurrent issueTicket calls 1,000 distinct consecutive numbers", async (t) => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "Q" });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 1000 }, () => both.send<{ issueTicket: IssuedTicket }>(issueMutation, { input: { lineId } })));
    const ms = performance.now() - started;
    const tickets = results.map((r) => assertOk(r).issueTicket);
    assertConsecutive(tickets.map((x) => x.number), "Q");
    assert.equal(new Set(tickets.map((x) => x.trackingCode)).size, 1000);
    const waiting = assertOk(await staff.gql<{ line: { waitingCount: number } }>(`query($id: ID!) { line(id: $id) { waitingCount } }`, { id: lineId })).line.waitingCount;
    assert.equal(waiting, 1000);
    // Queue order follows number order: the join time is taken after the numbering lock.
    const first = assertOk(await staff.gql<{ callNext: { number: string } }>(callNextMutation.replace(/\{ id [^}]*\}/, "{ number }"), { l: lineId })).callNext;
    assert.equal(first.number, "Q001");
    t.diagnostic(`1000 concurrent issueTicket over 2 API instances: ${ms.toFixed(0)} ms (${(1000 / (ms / 1000)).toFixed(0)} tickets/s)`);
  });

  it("calls each of 250 waiting tickets exactly once under 500 concurrent callNext, and 250 get null", async (t) => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "X" });
    const issued = (await Promise.all(Array.from({ length: 250 }, () => both.send<{ issueTicket: IssuedTicket }>(issueMutation, { input: { lineId } })))).map((r) => assertOk(r).issueTicket);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 500 }, () => both.send<{ callNext: IssuedTicket | null }>(callNextMutation, { l: lineId })));
    const ms = performance.now() - started;
    const called = results.map((r) => assertOk(r).callNext);
    const tickets = called.filter((c): c is IssuedTicket => c !== null);
    assert.equal(tickets.length, 250);
    assert.equal(called.length - tickets.length, 250, "250 calls return null");
    assert.equal(new Set(tickets.map((c) => c.id)).size, 250, "no ticket called twice");
    assert.deepEqual(new Set(tickets.map((c) => c.id)), new Set(issued.map((i) => i.id)));
    assert.ok(tickets.every((c) => c.status === "CALLED"));
    const histories = await Promise.all(
      issued.slice(0, 25).map(async (i) =>
        assertOk(await staff.gql<{ ticket: { history: { kind: string }[] } }>(`query($id: ID!) { ticket(id: $id) { history { kind } } }`, { id: i.id })).ticket.history,
      ),
    );
    for (const h of histories) assert.deepEqual(h.map((e) => e.kind), ["ISSUED", "CALLED"]);
    t.diagnostic(`500 concurrent callNext over 2 API instances vs 250 waiting: ${ms.toFixed(0)} ms`);
  });

  it("calls the front ticket while another transaction writes a row that references it (a refresh's estimate, a queued message)", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "F" });
    const [front, second] = await issueTickets(staff.gql, lineId, 2);
    await lineStatesOf(api.database.db).idle(); // the issues' own refresh is done; the write below is held open
    let holding!: () => void;
    let release!: () => void;
    const writerHolds = new Promise<void>((resolve) => (holding = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // A row referencing the front ticket, uncommitted while callNext runs (a key-share lock on the ticket, as a
    // refresh's issue-time estimate or "almost your turn" message takes); rolled back afterwards.
    const writer = withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, async (tx) => {
      await tx.execute(sql`insert into ticket_deadlines (tenant_id, ticket_id, action, due_at) values (${owner.tenantId}, ${front!.id}, 'WARN', now() + interval '1 day')`);
      holding();
      await released;
      throw new Error("roll back");
    }).catch(() => undefined);
    try {
      await writerHolds;
      const called = assertOk(await staff.gql<{ callNext: IssuedTicket | null }>(callNextMutation, { l: lineId })).callNext;
      assert.equal(called?.id, front!.id, "the front ticket is called, not passed over");
      const next = assertOk(await staff.gql<{ callNext: IssuedTicket | null }>(callNextMutation, { l: lineId })).callNext;
      assert.equal(next?.id, second!.id);
    } finally {
      release();
      await writer;
    }
  });

  it("gives 50 concurrent retries of one idempotency key one ticket", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "I" });
    const input = { lineId, customerName: "Retry", idempotencyKey: `retry-${Date.now()}` };
    const results = await Promise.all(Array.from({ length: 50 }, () => both.send<{ issueTicket: IssuedTicket }>(issueMutation, { input })));
    const ids = new Set(results.map((r) => assertOk(r).issueTicket.id));
    assert.equal(ids.size, 1);
    const next = assertOk(await staff.gql<{ issueTicket: IssuedTicket }>(issueMutation, { input: { lineId } })).issueTicket;
    assert.equal(next.number, "I002", "the retries consumed no numbers");
  });

  it("never yields an illegal state when requeue, cancel, call, no-show and serve race on the same ticket", async (t) => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "R" });
    const tickets = await issueTickets(staff.gql, lineId, 40);
    // Half start CALLED so requeue and startServing have something to race for.
    for (const ticket of tickets.slice(0, 20)) assertOk(await staff.gql(`mutation($id: ID!) { callTicket(id: $id) { id } }`, { id: ticket.id }));
    const ops: [TicketAction, string][] = [
      ["requeue", "requeueTicket"],
      ["cancel", "cancelTicket"],
      ["call", "callTicket"],
      ["markNoShow", "markNoShow"],
      ["startServing", "startServing"],
      ["requeue", "requeueTicket"],
      ["call", "callTicket"],
    ];
    let ok = 0;
    let refused = 0;
    await Promise.all(
      tickets.flatMap((ticket) =>
        ops.map(async ([, mutation]) => {
          const res = await both.send(`mutation($id: ID!) { ${mutation}(id: $id) { status } }`, { id: ticket.id });
          if (res.errors) {
            assert.equal(res.errors[0]!.extensions?.code, "INVALID_TRANSITION", JSON.stringify(res.errors));
            refused++;
          } else ok++;
        }),
      ),
    );
    for (const ticket of tickets) {
      const read = assertOk(
        await staff.gql<{ ticket: { status: TicketStatus; history: { kind: string; fromStatus: TicketStatus | null; toStatus: TicketStatus }[] } }>(
          `query($id: ID!) { ticket(id: $id) { status history { kind fromStatus toStatus } } }`,
          { id: ticket.id },
        ),
      ).ticket;
      let state: TicketStatus | null = null;
      for (const event of read.history) {
        assert.equal(event.fromStatus, state, `history is a chain: ${JSON.stringify(read.history)}`);
        if (state !== null) {
          const action = (Object.keys(ticketTransitions) as TicketAction[]).find(
            (a) => canTransition(state!, a) && (ticketTransitions[a].to === event.toStatus || (ticketTransitions[a].to === "same" && state === event.toStatus)),
          );
          assert.ok(action, `illegal ${state} → ${event.toStatus}`);
        }
        state = event.toStatus;
      }
      assert.equal(read.status, state, "the ticket's status is where its history ends");
    }
    t.diagnostic(`racing transitions: ${ok} applied, ${refused} refused with INVALID_TRANSITION`);
  });
});
