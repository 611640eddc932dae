/**
 * The queue engine through the real API: lines, numbering, the lifecycle, positions, idempotency, bad input,
 * and who may do what (exact error codes). Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { callNextMutation, createCounter, createLine, createTicketType, issueMutation, issueTicket, issueTickets, ticketFields, type IssuedTicket } from "./queue-fixtures.js";

describe("queue engine", () => {
  let api: TestApi;
  let owner: Persona;
  let manager: Persona;
  let staff: Persona;
  let viewer: Persona;
  let stranger: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "owner");
    manager = await memberPersona(api, owner, owner.tenantId, "MANAGER");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    viewer = await memberPersona(api, owner, owner.tenantId, "VIEWER");
    stranger = await signUpPersona(api, "stranger");
  });
  after(async () => {
    await api.close();
  });

  describe("lines, ticket types and counters", () => {
    it("lets a manager configure a line and everyone in the tenant read it", async () => {
      const typeId = await createTicketType(manager.gql, owner.tenantId, `T${Date.now() % 100000}`);
      const lineId = await createLine(manager.gql, owner.tenantId, {
        name: "Returns",
        prefix: "R",
        ticketTypeIds: [typeId],
        capacity: 50,
        timeZone: "Europe/Berlin",
        openingHours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: "00:00", closes: "24:00" })),
        estimator: "recent-average",
        showEstimates: false,
        ttl: { waitingSeconds: 3600, calledSeconds: 300 },
      });
      const counterId = await createCounter(manager.gql, lineId, "Window 3");
      const read = assertOk(
        await viewer.gql<{ line: Record<string, unknown> & { counters: { id: string; isOpen: boolean }[]; ticketTypes: { id: string }[]; tenant: { id: string } } }>(
          `query($id: ID!) { line(id: $id) { id name prefix capacity timeZone openNow showEstimates estimator ttl { waitingSeconds calledSeconds }
             acceptingTickets waitingCount estimatedWaitSeconds nowServing { number } counters { id isOpen } ticketTypes { id } tenant { id } } }`,
          { id: lineId },
        ),
      ).line;
      assert.equal(read.name, "Returns");
      assert.equal(read.timeZone, "Europe/Berlin");
      assert.equal(read.openNow, true);
      assert.deepEqual(read.ttl, { waitingSeconds: 3600, calledSeconds: 300 });
      assert.deepEqual(read.counters, [{ id: counterId, isOpen: true }]);
      assert.deepEqual(read.ticketTypes, [{ id: typeId }]);
      assert.equal(read.tenant.id, owner.tenantId);
      const tenant = assertOk(await viewer.gql<{ tenant: { lines: { id: string }[]; ticketTypes: { id: string }[] } }>(`query($id: ID!) { tenant(id: $id) { lines { id } ticketTypes { id } } }`, { id: owner.tenantId })).tenant;
      assert.ok(tenant.lines.some((l) => l.id === lineId));
      assert.ok(tenant.ticketTypes.some((t) => t.id === typeId));
    });

    it("refuses line management below MANAGER, to strangers and to anonymous callers", async () => {
      const create = `mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`;
      const input = { tenantId: owner.tenantId, name: "X", prefix: "X" };
      assertCode(await staff.gql(create, { input }), "FORBIDDEN");
      assertCode(await viewer.gql(create, { input }), "FORBIDDEN");
      assertCode(await stranger.gql(create, { input }), "NOT_FOUND");
      assertCode(await api.client()(create, { input }), "UNAUTHENTICATED");
      const lineId = await createLine(manager.gql, owner.tenantId);
      assertCode(await staff.gql(`mutation($id: ID!) { updateLine(id: $id, input: { name: "Y" }) { id } }`, { id: lineId }), "FORBIDDEN");
      assertCode(await stranger.gql(`mutation($id: ID!) { updateLine(id: $id, input: { name: "Y" }) { id } }`, { id: lineId }), "NOT_FOUND");
      assertCode(await staff.gql(`mutation { createTicketType(input: { tenantId: "${owner.tenantId}", code: "Z", name: "Z" }) { id } }`), "FORBIDDEN");
      assertCode(await staff.gql(`mutation($l: ID!) { createCounter(input: { lineId: $l, name: "D" }) { id } }`, { l: lineId }), "FORBIDDEN");
      assertCode(await stranger.gql(`mutation($l: ID!) { createCounter(input: { lineId: $l, name: "D" }) { id } }`, { l: lineId }), "NOT_FOUND");
      assertCode(await stranger.gql(`query($id: ID!) { line(id: $id) { id } }`, { id: lineId }), "NOT_FOUND");
      assertCode(await api.client()(`query($id: ID!) { line(id: $id) { id } }`, { id: lineId }), "UNAUTHENTICATED");
    });

    it("lets staff open and close counters, and callNext refuses a closed one", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const counterId = await createCounter(manager.gql, lineId);
      assert.equal(assertOk(await staff.gql<{ closeCounter: { isOpen: boolean } }>(`mutation($id: ID!) { closeCounter(id: $id) { isOpen } }`, { id: counterId })).closeCounter.isOpen, false);
      await issueTicket(staff.gql, lineId);
      assertCode(await staff.gql(callNextMutation, { l: lineId, c: counterId }), "CONFLICT");
      assertCode(await viewer.gql(`mutation($id: ID!) { openCounter(id: $id) { isOpen } }`, { id: counterId }), "FORBIDDEN");
      assertCode(await stranger.gql(`mutation($id: ID!) { openCounter(id: $id) { isOpen } }`, { id: counterId }), "NOT_FOUND");
      assertOk(await staff.gql(`mutation($id: ID!) { openCounter(id: $id) { isOpen } }`, { id: counterId }));
      const called = assertOk(await staff.gql<{ callNext: { counterId?: string; status: string } }>(`mutation($l: ID!, $c: ID) { callNext(lineId: $l, counterId: $c) { status counter { name } } }`, { l: lineId, c: counterId })).callNext;
      assert.equal(called.status, "CALLED");
    });

    it("rejects malformed line configuration with field paths", async () => {
      const res = await manager.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
        input: { tenantId: owner.tenantId, name: "Bad", prefix: "toolong", timeZone: "Mars/Olympus" },
      });
      assertCode(res, "BAD_USER_INPUT");
      const paths = res.errors![0]!.extensions!.fields!.map((f) => f.path).sort();
      assert.deepEqual(paths, ["input.prefix", "input.timeZone"]);
      const hours = await manager.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
        input: { tenantId: owner.tenantId, name: "Bad", prefix: "B", openingHours: [{ day: 8, opens: "10:00", closes: "09:00" }] },
      });
      assertCode(hours, "BAD_USER_INPUT");
      const foreignType = await createTicketType(stranger.gql, stranger.tenantId, "F");
      assertCode(await manager.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, { input: { tenantId: owner.tenantId, name: "L", prefix: "L", ticketTypeIds: [foreignType] } }), "BAD_USER_INPUT");
      const code = `DUP${Date.now() % 1000}`;
      await createTicketType(manager.gql, owner.tenantId, code);
      assertCode(await manager.gql(`mutation { createTicketType(input: { tenantId: "${owner.tenantId}", code: "${code}", name: "again" }) { id } }`), "CONFLICT");
    });

    it("shows kiosks (anonymous) the open lines accepting tickets, by slug", async () => {
      const open = await createLine(manager.gql, owner.tenantId, { name: "Kiosk open" });
      const paused = await createLine(manager.gql, owner.tenantId, { name: "Kiosk paused", acceptingTickets: false });
      const slug = assertOk(await owner.gql<{ tenant: { slug: string } }>(`query($id: ID!) { tenant(id: $id) { slug } }`, { id: owner.tenantId })).tenant.slug;
      const lines = assertOk(await api.client()<{ tenantBySlug: { lines: { id: string; waitingCount: number }[] } }>(`query($s: String!) { tenantBySlug(slug: $s) { lines { id name prefix waitingCount ticketTypes { code } } } }`, { s: slug })).tenantBySlug.lines;
      assert.ok(lines.some((l) => l.id === open));
      assert.ok(!lines.some((l) => l.id === paused));
    });
  });

  describe("issueTicket", () => {
    it("numbers tickets per line with the prefix and gives each an unguessable tracking code and a position", async () => {
      const lineA = await createLine(manager.gql, owner.tenantId, { prefix: "B" });
      const lineB = await createLine(manager.gql, owner.tenantId, { prefix: "C" });
      const [t1, t2] = await issueTickets(staff.gql, lineA, 2);
      const other = await issueTicket(staff.gql, lineB);
      assert.equal(t1!.number, "B001");
      assert.equal(t2!.number, "B002");
      assert.equal(other.number, "C001");
      assert.deepEqual([t1!.position, t2!.position], [1, 2]);
      assert.equal(t1!.status, "WAITING");
      assert.match(t1!.trackingCode, /^[A-Za-z0-9_-]{20}$/);
      assert.notEqual(t1!.trackingCode, t2!.trackingCode);
    });

    it("returns the same ticket for a retried idempotency key and CONFLICT for a reused one", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const input = { lineId, customerName: "Ada", partySize: 2, idempotencyKey: `kiosk-${Date.now()}` };
      const first = await issueTicket(staff.gql, lineId, input);
      const retry = await issueTicket(staff.gql, lineId, input);
      assert.equal(retry.id, first.id);
      assert.equal(retry.number, first.number);
      assertCode(await staff.gql(issueMutation, { input: { ...input, partySize: 3 } }), "CONFLICT");
      const next = await issueTicket(staff.gql, lineId);
      assert.equal(next.number, "A002", "a retry consumes no number");
    });

    it("refuses closed, paused and full lines and disallowed ticket types with distinct codes", async () => {
      const allowed = await createTicketType(manager.gql, owner.tenantId, `OK${Date.now() % 100000}`);
      const other = await createTicketType(manager.gql, owner.tenantId, `NO${Date.now() % 100000}`);
      const lineId = await createLine(manager.gql, owner.tenantId, { ticketTypeIds: [allowed], capacity: 1 });
      const typeErr = await staff.gql(issueMutation, { input: { lineId, ticketTypeId: other } });
      assertCode(typeErr, "BAD_USER_INPUT");
      assert.equal(typeErr.errors![0]!.extensions!.fields![0]!.path, "input.ticketTypeId");
      await issueTicket(staff.gql, lineId, { ticketTypeId: allowed });
      assertCode(await staff.gql(issueMutation, { input: { lineId, ticketTypeId: allowed } }), "LIMIT_EXCEEDED");
      const paused = await createLine(manager.gql, owner.tenantId, { acceptingTickets: false });
      assertCode(await staff.gql(issueMutation, { input: { lineId: paused } }), "CONFLICT");
      const closed = await createLine(manager.gql, owner.tenantId, { openingHours: [{ day: 1, opens: "00:00", closes: "00:01" }], timeZone: "Pacific/Kiritimati" });
      const closedNow = assertOk(await staff.gql<{ line: { openNow: boolean } }>(`query($id: ID!) { line(id: $id) { openNow } }`, { id: closed })).line.openNow;
      if (!closedNow) assertCode(await staff.gql(issueMutation, { input: { lineId: closed } }), "CONFLICT");
      const numbered = await createLine(manager.gql, owner.tenantId, { prefix: "N", capacity: 1 });
      await issueTicket(staff.gql, numbered);
      assertCode(await staff.gql(issueMutation, { input: { lineId: numbered } }), "LIMIT_EXCEEDED");
      await staff.gql(`mutation($l: ID!) { callNext(lineId: $l) { id } }`, { l: numbered });
      assert.equal((await issueTicket(staff.gql, numbered)).number, "N002", "a refused issue leaves no gap");
    });

    it("rejects bad input: unknown or foreign line, negative party size, non-object and oversized extensions", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const foreignLine = await createLine(stranger.gql, stranger.tenantId);
      assertCode(await staff.gql(issueMutation, { input: { lineId: "00000000-0000-4000-8000-000000000000" } }), "NOT_FOUND");
      assertCode(await staff.gql(issueMutation, { input: { lineId: "not-a-uuid" } }), "NOT_FOUND");
      assertCode(await staff.gql(issueMutation, { input: { lineId: foreignLine } }), "NOT_FOUND");
      const party = await staff.gql(issueMutation, { input: { lineId, partySize: -1 } });
      assertCode(party, "BAD_USER_INPUT");
      assert.equal(party.errors![0]!.extensions!.fields![0]!.path, "input.partySize");
      for (const extensions of [[1, 2], "text", 42, true]) assertCode(await staff.gql(issueMutation, { input: { lineId, extensions } }), "BAD_USER_INPUT");
      const huge = { blob: "x".repeat(1024 * 1024) };
      assertCode(await staff.gql(issueMutation, { input: { lineId, extensions: huge } }), "LIMIT_EXCEEDED");
      assertCode(await viewer.gql(issueMutation, { input: { lineId } }), "FORBIDDEN");
      assertCode(await api.client()(issueMutation, { input: { lineId } }), "UNAUTHENTICATED");
    });

    it("lets an API key with tickets:issue issue tickets but not call them", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const key = assertOk(await owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "kiosk", scopes: ["tickets:issue", "lines:read"]) { secret } }`, { t: owner.tenantId })).createApiKey.secret;
      const kiosk = api.client(`ApiKey ${key}`);
      const ticket = await issueTicket(kiosk, lineId);
      assert.equal(ticket.number, "A001");
      assertCode(await kiosk(callNextMutation, { l: lineId }), "FORBIDDEN");
    });
  });

  describe("lifecycle", () => {
    const op = (name: string, extra = "") => `mutation($id: ID!) { ${name}(id: $id${extra}) { ${ticketFields} } }`;

    it("calls the oldest first, serves and completes with timestamps and history", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const [first, second] = await issueTickets(staff.gql, lineId, 2);
      const called = assertOk(await staff.gql<{ callNext: IssuedTicket }>(callNextMutation, { l: lineId })).callNext;
      assert.equal(called.id, first!.id);
      assert.equal(called.status, "CALLED");
      assert.ok(called.calledAt);
      assert.equal(called.position, null);
      const secondNow = assertOk(await staff.gql<{ ticket: IssuedTicket }>(`query($id: ID!) { ticket(id: $id) { position } }`, { id: second!.id })).ticket;
      assert.equal(secondNow.position, 1, "everyone behind moves up");
      const serving = assertOk(await staff.gql<{ startServing: IssuedTicket }>(op("startServing"), { id: first!.id })).startServing;
      assert.equal(serving.status, "SERVING");
      assert.ok(serving.servedAt);
      const done = assertOk(await staff.gql<{ completeTicket: IssuedTicket }>(op("completeTicket"), { id: first!.id })).completeTicket;
      assert.equal(done.status, "SERVED");
      assert.ok(done.completedAt);
      const history = assertOk(await viewer.gql<{ ticket: { history: { kind: string; fromStatus: string | null; toStatus: string; at: string }[] } }>(`query($id: ID!) { ticket(id: $id) { history { kind fromStatus toStatus at actorType } } }`, { id: first!.id })).ticket.history;
      assert.deepEqual(history.map((h) => h.kind), ["ISSUED", "CALLED", "SERVING", "SERVED"]);
      assert.deepEqual(history.map((h) => h.toStatus), ["WAITING", "CALLED", "SERVING", "SERVED"]);
      const audit = assertOk(await owner.gql<{ tenant: { auditLog: { nodes: { action: string; targetId: string }[] } } }>(`query($id: ID!) { tenant(id: $id) { auditLog(first: 200) { nodes { action targetId } } } }`, { id: owner.tenantId })).tenant.auditLog.nodes;
      const actions = audit.filter((a) => a.targetId === first!.id).map((a) => a.action).sort();
      assert.deepEqual(actions, ["ticket.call", "ticket.complete", "ticket.issue", "ticket.startServing"]);
    });

    it("answers INVALID_TRANSITION for illegal moves, including from terminal states", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const [t] = await issueTickets(staff.gql, lineId, 1);
      assertCode(await staff.gql(op("startServing"), { id: t!.id }), "INVALID_TRANSITION");
      assertCode(await staff.gql(op("completeTicket"), { id: t!.id }), "INVALID_TRANSITION");
      assertCode(await staff.gql(op("requeueTicket"), { id: t!.id }), "INVALID_TRANSITION");
      assertOk(await staff.gql(op("cancelTicket", `, reason: "left"`), { id: t!.id }));
      for (const name of ["callTicket", "startServing", "completeTicket", "cancelTicket", "markNoShow", "requeueTicket"]) {
        assertCode(await staff.gql(op(name), { id: t!.id }), "INVALID_TRANSITION");
      }
      assertCode(await staff.gql(`mutation($id: ID!) { moveTicket(id: $id, position: 1) { id } }`, { id: t!.id }), "INVALID_TRANSITION");
      assertCode(await staff.gql(`mutation($id: ID!, $l: ID!) { transferTicket(id: $id, lineId: $l) { id } }`, { id: t!.id, l: lineId }), "INVALID_TRANSITION");
    });

    it("requeues a called ticket to its place, marks no-shows, and calls a chosen ticket", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const [a, b, c] = await issueTickets(staff.gql, lineId, 3);
      await staff.gql(callNextMutation, { l: lineId });
      const requeued = assertOk(await staff.gql<{ requeueTicket: IssuedTicket }>(op("requeueTicket"), { id: a!.id })).requeueTicket;
      assert.equal(requeued.status, "WAITING");
      assert.equal(requeued.position, 1, "back at its place");
      const chosen = assertOk(await staff.gql<{ callTicket: IssuedTicket }>(op("callTicket"), { id: c!.id })).callTicket;
      assert.equal(chosen.status, "CALLED");
      const noShow = assertOk(await staff.gql<{ markNoShow: IssuedTicket }>(op("markNoShow"), { id: c!.id })).markNoShow;
      assert.equal(noShow.status, "NO_SHOW");
      assert.ok(noShow.endedAt);
      assert.equal(assertOk(await staff.gql<{ ticket: IssuedTicket }>(`query($id: ID!) { ticket(id: $id) { position } }`, { id: b!.id })).ticket.position, 2);
    });

    it("moves a waiting ticket to a position and refuses positions out of range", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const tickets = await issueTickets(staff.gql, lineId, 4);
      const last = tickets[3]!;
      const moved = assertOk(await staff.gql<{ moveTicket: IssuedTicket }>(`mutation($id: ID!, $p: Int!) { moveTicket(id: $id, position: $p) { ${ticketFields} } }`, { id: last.id, p: 1 })).moveTicket;
      assert.equal(moved.position, 1);
      const middle = assertOk(await staff.gql<{ moveTicket: IssuedTicket }>(`mutation($id: ID!, $p: Int!) { moveTicket(id: $id, position: $p) { position } }`, { id: tickets[0]!.id, p: 3 })).moveTicket;
      assert.equal(middle.position, 3);
      const order = assertOk(await viewer.gql<{ line: { tickets: { nodes: { number: string; position: number }[] } } }>(`query($id: ID!) { line(id: $id) { tickets(status: [WAITING]) { nodes { number position } } } }`, { id: lineId })).line.tickets.nodes;
      assert.deepEqual(order.map((t) => t.number), ["A004", "A002", "A001", "A003"]);
      assert.deepEqual(order.map((t) => t.position), [1, 2, 3, 4]);
      for (const p of [0, -1, 5, 99]) assertCode(await staff.gql(`mutation($id: ID!, $p: Int!) { moveTicket(id: $id, position: $p) { id } }`, { id: last.id, p }), "BAD_USER_INPUT");
      assert.equal((await staff.gql<{ callNext: { number: string } }>(callNextMutation.replace(ticketFields, "number"), { l: lineId })).data!.callNext.number, "A004");
    });

    it("numbers positions in ticket lists among all the line's waiting tickets, whatever the filter or page", async () => {
      const typeA = await createTicketType(manager.gql, owner.tenantId, "POSA");
      const typeB = await createTicketType(manager.gql, owner.tenantId, "POSB");
      const lineId = await createLine(manager.gql, owner.tenantId, { ticketTypeIds: [typeA, typeB] });
      for (const t of [typeA, typeB, typeA, typeB, typeA]) await issueTicket(staff.gql, lineId, { ticketTypeId: t });
      assertOk(await staff.gql(callNextMutation, { l: lineId })); // A001 leaves the queue
      type Page = { line: { tickets: { nodes: { number: string; position: number | null }[]; pageInfo: { endCursor: string } } } };
      const list = async (args: string, after?: string) =>
        assertOk(await viewer.gql<Page>(`query($id: ID!, $after: String) { line(id: $id) { tickets(${args}, after: $after) { nodes { number position } pageInfo { endCursor } } } }`, { id: lineId, after })).line.tickets;
      const onlyA = await list(`status: [WAITING], filter: { ticketTypeId: "${typeA}" }`);
      assert.deepEqual(onlyA.nodes.map((t) => [t.number, t.position]), [["A003", 2], ["A005", 4]]);
      const firstPage = await list(`status: [WAITING], first: 2`);
      assert.deepEqual(firstPage.nodes.map((t) => [t.number, t.position]), [["A002", 1], ["A003", 2]]);
      const secondPage = await list(`status: [WAITING], first: 2`, firstPage.pageInfo.endCursor);
      assert.deepEqual(secondPage.nodes.map((t) => [t.number, t.position]), [["A004", 3], ["A005", 4]]);
      const everyone = await list(`first: 10`);
      assert.deepEqual(everyone.nodes.map((t) => [t.number, t.position]), [["A001", null], ["A002", 1], ["A003", 2], ["A004", 3], ["A005", 4]]);
    });

    it("transfers to another line of the same tenant keeping the join time, and never to a foreign line", async () => {
      const from = await createLine(manager.gql, owner.tenantId, { prefix: "F" });
      const to = await createLine(manager.gql, owner.tenantId, { prefix: "T" });
      const early = await issueTicket(staff.gql, from);
      await issueTickets(staff.gql, to, 2);
      const moved = assertOk(await staff.gql<{ transferTicket: IssuedTicket }>(`mutation($id: ID!, $l: ID!) { transferTicket(id: $id, lineId: $l) { ${ticketFields} } }`, { id: early.id, l: to })).transferTicket;
      assert.equal(moved.lineId, to);
      assert.equal(moved.joinedAt, early.joinedAt);
      assert.equal(moved.number, "F001");
      assert.equal(moved.position, 1, "joined before the others, so first");
      const foreign = await createLine(stranger.gql, stranger.tenantId);
      assertCode(await staff.gql(`mutation($id: ID!, $l: ID!) { transferTicket(id: $id, lineId: $l) { id } }`, { id: early.id, l: foreign }), "NOT_FOUND");
      assertCode(await staff.gql(`mutation($id: ID!, $l: ID!) { transferTicket(id: $id, lineId: $l) { id } }`, { id: early.id, l: to }), "BAD_USER_INPUT");
    });

    it("returns null from callNext when nobody waits", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      assert.equal(assertOk(await staff.gql<{ callNext: null }>(callNextMutation, { l: lineId })).callNext, null);
    });
  });

  describe("who may do what", () => {
    it("lets staff operate, viewers only read, strangers see NOT_FOUND, anonymous callers UNAUTHENTICATED", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId);
      const [t] = await issueTickets(staff.gql, lineId, 1);
      const ops: [string, Record<string, unknown>][] = [
        [`mutation($l: ID!) { callNext(lineId: $l) { id } }`, { l: lineId }],
        [`mutation($id: ID!) { callTicket(id: $id) { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { startServing(id: $id) { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { completeTicket(id: $id) { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { cancelTicket(id: $id) { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { markNoShow(id: $id) { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { requeueTicket(id: $id) { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { transferTicket(id: $id, lineId: "${lineId}") { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { moveTicket(id: $id, position: 1) { id } }`, { id: t!.id }],
        [`mutation($id: ID!) { updateTicket(id: $id, input: { customerName: "x" }) { id } }`, { id: t!.id }],
        [`mutation($l: ID!) { issueTicket(input: { lineId: $l }) { id } }`, { l: lineId }],
      ];
      for (const [query, variables] of ops) {
        assertCode(await viewer.gql(query, variables), "FORBIDDEN");
        assertCode(await stranger.gql(query, variables), "NOT_FOUND");
        assertCode(await api.client()(query, variables), "UNAUTHENTICATED");
      }
      for (const query of [`query($id: ID!) { ticket(id: $id) { id } }`]) {
        assertOk(await viewer.gql(query, { id: t!.id }));
        assertCode(await stranger.gql(query, { id: t!.id }), "NOT_FOUND");
        assertCode(await api.client()(query, { id: t!.id }), "UNAUTHENTICATED");
      }
      assertOk(await viewer.gql(`query($id: ID!) { line(id: $id) { tickets { nodes { id } } } }`, { id: lineId }));
      for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
        assertCode(await staff.gql(`mutation($id: ID!) { callTicket(id: $id) { id } }`, { id }), "NOT_FOUND");
        assertCode(await staff.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id }), "NOT_FOUND");
        assertCode(await staff.gql(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id }), "NOT_FOUND");
        assertCode(await staff.gql(`mutation($id: ID!) { callNext(lineId: $id) { id } }`, { id }), "NOT_FOUND");
      }
      assertCode(await stranger.gql(`mutation { createTicketType(input: { tenantId: "${owner.tenantId}", code: "S", name: "S" }) { id } }`), "NOT_FOUND");
      assert.equal(assertOk(await staff.gql<{ callNext: { id: string } }>(`mutation($l: ID!) { callNext(lineId: $l) { id } }`, { l: lineId })).callNext.id, t!.id);
    });

    it("gives anonymous callers a ticket only by its tracking code, and lets them cancel it", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { name: "Pharmacy" });
      const [a, b] = await issueTickets(staff.gql, lineId, 2);
      const anonymous = api.client();
      const seen = assertOk(await anonymous<{ ticketByCode: { number: string; position: number; lineName: string; status: string } }>(`query($c: String!) { ticketByCode(code: $c) { number status position lineName } }`, { c: b!.trackingCode })).ticketByCode;
      assert.deepEqual(seen, { number: "A002", status: "WAITING", position: 2, lineName: "Pharmacy" });
      assert.equal(assertOk(await anonymous<{ ticketByCode: null }>(`{ ticketByCode(code: "no-such-code") { number } }`)).ticketByCode, null);
      const cancelled = assertOk(await anonymous<{ cancelMyTicket: { status: string } }>(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: a!.trackingCode })).cancelMyTicket;
      assert.equal(cancelled.status, "CANCELLED");
      assertCode(await anonymous(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: a!.trackingCode }), "INVALID_TRANSITION");
      assertCode(await anonymous(`mutation { cancelMyTicket(code: "no-such-code") { status } }`), "NOT_FOUND");
      assert.equal(assertOk(await anonymous<{ ticketByCode: { position: number } }>(`query($c: String!) { ticketByCode(code: $c) { position } }`, { c: b!.trackingCode })).ticketByCode.position, 1);
    });
  });
});
