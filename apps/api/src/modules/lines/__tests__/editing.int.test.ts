/**
 * Edit everything (issue 15): rename, archive and restore lines, counters and ticket types with their history
 * intact; unique counter names per line; undoing a no-show; and that no other tenant can see or touch any of it.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { withTenantTx } from "@qline/db";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Gql, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { callNextMutation, createCounter, createLine, createTicketType, issueMutation, issueTicket } from "../../tickets/__tests__/queue-fixtures.js";

const archiveLine = `mutation($id: ID!) { archiveLine(id: $id) { id name archivedAt } }`;
const restoreLine = `mutation($id: ID!) { restoreLine(id: $id) { id archivedAt } }`;
const updateCounter = `mutation($id: ID!, $name: String) { updateCounter(id: $id, input: { name: $name }) { id name } }`;
const archiveCounter = `mutation($id: ID!) { archiveCounter(id: $id) { id isOpen archivedAt } }`;
const restoreCounter = `mutation($id: ID!) { restoreCounter(id: $id) { id isOpen archivedAt } }`;
const updateTicketType = `mutation($id: ID!, $name: String) { updateTicketType(id: $id, input: { name: $name }) { id code name } }`;
const archiveTicketType = `mutation($id: ID!) { archiveTicketType(id: $id) { id archivedAt } }`;
const restoreTicketType = `mutation($id: ID!) { restoreTicketType(id: $id) { id archivedAt } }`;
const undoNoShow = `mutation($id: ID!) { undoNoShow(id: $id) { id status position counter { id } endedAt } }`;

const counterNames = async (gql: Gql, lineId: string, includeArchived = false) =>
  assertOk(await gql<{ line: { counters: { name: string }[] } }>(`query($id: ID!, $a: Boolean!) { line(id: $id) { counters(includeArchived: $a) { name } } }`, { id: lineId, a: includeArchived }))
    .line.counters.map((c) => c.name);

describe("editing lines, counters and ticket types", () => {
  let api: TestApi;
  let owner: Persona;
  let manager: Persona;
  let staff: Persona;
  let stranger: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "edit");
    manager = await memberPersona(api, owner, owner.tenantId, "MANAGER");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    stranger = await signUpPersona(api, "stranger");
  });
  after(async () => {
    await api.close();
  });

  describe("counter names", () => {
    it("refuses a second live counter with the same name on a line, in any letter case, on create and on rename", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "U" });
      await createCounter(manager.gql, lineId, "Till 1");
      const twin = await manager.gql(`mutation($input: CreateCounterInput!) { createCounter(input: $input) { id } }`, { input: { lineId, name: "till 1 " } });
      assertCode(twin, "CONFLICT");
      assert.match(twin.errors![0]!.message, /already has a counter named "till 1"/);
      const other = await createCounter(manager.gql, lineId, "Till 2");
      assertCode(await manager.gql(updateCounter, { id: other, name: "TILL 1" }), "CONFLICT");
      assert.deepEqual(await counterNames(manager.gql, lineId), ["Till 1", "Till 2"], "nothing changed");
      // Another line may have its own "Till 1".
      const secondLine = await createLine(manager.gql, owner.tenantId, { prefix: "V" });
      await createCounter(manager.gql, secondLine, "Till 1");
    });

    it("renames a counter, and the new name is what the line lists", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "W" });
      const id = await createCounter(manager.gql, lineId, "Desk");
      assert.equal(assertOk(await manager.gql<{ updateCounter: { name: string } }>(updateCounter, { id, name: "  Window 3 " })).updateCounter.name, "Window 3");
      assert.deepEqual(await counterNames(manager.gql, lineId), ["Window 3"]);
      assertCode(await manager.gql(updateCounter, { id, name: "   " }), "BAD_USER_INPUT");
    });

    it("archiving frees the name; restoring while the name is taken is refused", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "X" });
      const old = await createCounter(manager.gql, lineId, "Till 1");
      const archived = assertOk(await manager.gql<{ archiveCounter: { isOpen: boolean; archivedAt: string | null } }>(archiveCounter, { id: old })).archiveCounter;
      assert.equal(archived.isOpen, false);
      assert.ok(archived.archivedAt);
      await createCounter(manager.gql, lineId, "Till 1");
      assertCode(await manager.gql(restoreCounter, { id: old }), "CONFLICT");
      assert.deepEqual(await counterNames(manager.gql, lineId), ["Till 1"]);
      assert.deepEqual(await counterNames(manager.gql, lineId, true), ["Till 1", "Till 1"]);
    });
  });

  describe("archived counters", () => {
    it("keep their name on tickets served there, cannot be opened or called to, and come back closed", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "C" });
      const counterId = await createCounter(manager.gql, lineId, "Desk 9");
      const ticket = await issueTicket(staff.gql, lineId);
      assertOk(await staff.gql(callNextMutation, { l: lineId, c: counterId }));
      assertOk(await manager.gql(archiveCounter, { id: counterId }));
      assertOk(await manager.gql(archiveCounter, { id: counterId })); // idempotent
      const read = assertOk(await staff.gql<{ ticket: { counter: { name: string } | null } }>(`query($id: ID!) { ticket(id: $id) { counter { name } } }`, { id: ticket.id }));
      assert.equal(read.ticket.counter?.name, "Desk 9", "history keeps the name");
      const reopen = await staff.gql(`mutation($id: ID!) { openCounter(id: $id) { isOpen } }`, { id: counterId });
      assertCode(reopen, "CONFLICT");
      assert.match(reopen.errors![0]!.message, /archived/);
      await issueTicket(staff.gql, lineId);
      assertCode(await staff.gql(callNextMutation, { l: lineId, c: counterId }), "CONFLICT");
      const restored = assertOk(await manager.gql<{ restoreCounter: { isOpen: boolean; archivedAt: string | null } }>(restoreCounter, { id: counterId })).restoreCounter;
      assert.deepEqual(restored, { id: counterId, isOpen: false, archivedAt: null });
      assertOk(await staff.gql(`mutation($id: ID!) { openCounter(id: $id) { isOpen } }`, { id: counterId }));
    });
  });

  describe("archived lines", () => {
    it("take no tickets, leave kiosks, join pages and transfer targets, keep their tickets' history, and come back on restore", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { name: "Returns", prefix: "R", remoteJoin: true });
      const otherLine = await createLine(manager.gql, owner.tenantId, { name: "Main desk", prefix: "M" });
      const served = await issueTicket(staff.gql, lineId);
      assertOk(await staff.gql(callNextMutation, { l: lineId, c: null }));
      const busy = await manager.gql(archiveLine, { id: lineId });
      assertCode(busy, "CONFLICT");
      assert.match(busy.errors![0]!.message, /still has 1 active ticket/);
      for (const op of ["startServing", "completeTicket"]) assertOk(await staff.gql(`mutation($id: ID!) { ${op}(id: $id) { status } }`, { id: served.id }));

      const archived = assertOk(await manager.gql<{ archiveLine: { name: string; archivedAt: string | null } }>(archiveLine, { id: lineId })).archiveLine;
      assert.ok(archived.archivedAt);
      const issue = await staff.gql(issueMutation, { input: { lineId } });
      assertCode(issue, "CONFLICT");
      assert.match(issue.errors![0]!.message, /Line "Returns" is archived/);
      const history = assertOk(await staff.gql<{ ticket: { status: string; line: { name: string } } }>(`query($id: ID!) { ticket(id: $id) { status line { name } } }`, { id: served.id }));
      assert.deepEqual(history.ticket, { status: "SERVED", line: { name: "Returns" } }, "the old ticket still shows its line's name");

      const listed = async (includeArchived: boolean) =>
        assertOk(await manager.gql<{ tenant: { lines: { id: string }[] } }>(`query($t: ID!, $a: Boolean!) { tenant(id: $t) { lines(includeArchived: $a) { id } } }`, { t: owner.tenantId, a: includeArchived }))
          .tenant.lines.map((l) => l.id);
      assert.ok(!(await listed(false)).includes(lineId));
      assert.ok((await listed(true)).includes(lineId));
      const publicView = async () =>
        assertOk(await api.client()<{ tenantBySlug: { lines: { id: string }[]; joinLines: { id: string }[] } }>(`query($s: String!) { tenantBySlug(slug: $s) { lines { id } joinLines { id } } }`, { s: owner.slug }))
          .tenantBySlug;
      const hidden = await publicView();
      assert.ok(!hidden.lines.some((l) => l.id === lineId), "not on the kiosk");
      assert.ok(!hidden.joinLines.some((l) => l.id === lineId), "not on the join page");

      const waiting = await issueTicket(staff.gql, otherLine);
      assertCode(await staff.gql(`mutation($id: ID!, $l: ID!) { transferTicket(id: $id, lineId: $l) { id } }`, { id: waiting.id, l: lineId }), "CONFLICT");

      assertOk(await manager.gql(restoreLine, { id: lineId }));
      assert.ok((await publicView()).joinLines.some((l) => l.id === lineId));
      await issueTicket(staff.gql, lineId);
    });

    it("are renamed with updateLine, and the rename shows on old tickets too", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { name: "Old name", prefix: "N" });
      const ticket = await issueTicket(staff.gql, lineId);
      assertOk(await manager.gql(`mutation($id: ID!) { updateLine(id: $id, input: { name: "New name" }) { name } }`, { id: lineId }));
      const read = assertOk(await staff.gql<{ ticket: { line: { name: string } } }>(`query($id: ID!) { ticket(id: $id) { line { name } } }`, { id: ticket.id }));
      assert.equal(read.ticket.line.name, "New name");
    });
  });

  describe("ticket types", () => {
    it("are renamed (code kept), archived (refused for new tickets, kept on old ones) and restored", async () => {
      const typeId = await createTicketType(manager.gql, owner.tenantId, "DEP");
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "T", ticketTypeIds: [typeId] });
      const renamed = assertOk(await manager.gql<{ updateTicketType: { code: string; name: string } }>(updateTicketType, { id: typeId, name: "Deposits" })).updateTicketType;
      assert.deepEqual(renamed, { id: typeId, code: "DEP", name: "Deposits" });
      const old = await issueTicket(staff.gql, lineId);

      assertOk(await manager.gql(archiveTicketType, { id: typeId }));
      const refused = await staff.gql(issueMutation, { input: { lineId } });
      assertCode(refused, "BAD_USER_INPUT");
      assert.match(refused.errors![0]!.message, /Ticket type "Deposits" is archived/);
      assertCode(await staff.gql(issueMutation, { input: { lineId, ticketTypeId: typeId } }), "BAD_USER_INPUT");
      const read = assertOk(await staff.gql<{ ticket: { ticketType: { name: string } | null } }>(`query($id: ID!) { ticket(id: $id) { ticketType { name } } }`, { id: old.id }));
      assert.equal(read.ticket.ticketType?.name, "Deposits", "the old ticket keeps its type");
      const types = async (includeArchived: boolean) =>
        assertOk(await manager.gql<{ tenant: { ticketTypes: { id: string }[] } }>(`query($t: ID!, $a: Boolean!) { tenant(id: $t) { ticketTypes(includeArchived: $a) { id } } }`, { t: owner.tenantId, a: includeArchived }))
          .tenant.ticketTypes.map((t) => t.id);
      assert.ok(!(await types(false)).includes(typeId));
      assert.ok((await types(true)).includes(typeId));
      const kiosk = assertOk(await api.client()<{ tenantBySlug: { lines: { id: string; ticketTypes: { id: string }[] }[] } }>(`query($s: String!) { tenantBySlug(slug: $s) { lines { id ticketTypes { id } } } }`, { s: owner.slug }));
      assert.deepEqual(kiosk.tenantBySlug.lines.find((l) => l.id === lineId)?.ticketTypes, [], "the kiosk does not offer it");

      assertOk(await manager.gql(restoreTicketType, { id: typeId }));
      await issueTicket(staff.gql, lineId);
    });
  });

  describe("undoing a no-show", () => {
    it("puts the ticket back at its old place, records the correction, and works once", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "Q" });
      const first = await issueTicket(staff.gql, lineId);
      await issueTicket(staff.gql, lineId);
      await issueTicket(staff.gql, lineId);
      assertOk(await staff.gql(callNextMutation, { l: lineId, c: null }));
      assertOk(await staff.gql(`mutation($id: ID!) { markNoShow(id: $id) { status } }`, { id: first.id }));
      const undone = assertOk(await staff.gql<{ undoNoShow: { status: string; position: number; endedAt: string | null } }>(undoNoShow, { id: first.id })).undoNoShow;
      assert.equal(undone.status, "WAITING");
      assert.equal(undone.position, 1, "back at the front: its place was first");
      assert.equal(undone.endedAt, null);
      const history = assertOk(await staff.gql<{ ticket: { number: string; history: { kind: string; fromStatus: string | null; toStatus: string }[] } }>(`query($id: ID!) { ticket(id: $id) { number history { kind fromStatus toStatus } } }`, { id: first.id })).ticket;
      assert.equal(history.number, first.number, "same number");
      assert.deepEqual(history.history.slice(-2).map((h) => [h.kind, h.fromStatus, h.toStatus]), [["NO_SHOW", "CALLED", "NO_SHOW"], ["NO_SHOW_UNDONE", "NO_SHOW", "WAITING"]]);
      assertCode(await staff.gql(undoNoShow, { id: first.id }), "INVALID_TRANSITION");
    });

    it("is refused after the undo window", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "L" });
      const ticket = await issueTicket(staff.gql, lineId);
      assertOk(await staff.gql(`mutation($id: ID!) { markNoShow(id: $id) { status } }`, { id: ticket.id }));
      await withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, (tx) =>
        tx.execute(sql`update tickets set ended_at = now() - interval '6 minutes' where tenant_id = ${owner.tenantId} and id = ${ticket.id}`),
      );
      const late = await staff.gql(undoNoShow, { id: ticket.id });
      assertCode(late, "CONFLICT");
      assert.match(late.errors![0]!.message, /5 minutes/);
    });

    it("is refused for a ticket that is not a no-show", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "K" });
      const ticket = await issueTicket(staff.gql, lineId);
      assertCode(await staff.gql(undoNoShow, { id: ticket.id }), "INVALID_TRANSITION");
    });
  });

  describe("custom fields", () => {
    it("keep the order they were written in through a save (jsonb would sort them), and schema errors read as sentences", async () => {
      const manager = await signUpPersona(api, "fields"); // a tenant of its own: its schema binds no other test's tickets
      const owner = manager;
      const setSchema = `mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id } }`;
      const schema = { type: "object", properties: { seat: { type: "integer" }, name: { type: "string" }, allergies: { type: "string" } }, required: ["name"] };
      assertOk(await manager.gql(setSchema, { t: owner.tenantId, s: schema }));
      const read = assertOk(await api.client()<{ tenantBySlug: { ticketExtensionSchema: Record<string, unknown> } }>(`query($s: String!) { tenantBySlug(slug: $s) { ticketExtensionSchema } }`, { s: owner.slug }));
      assert.deepEqual(read.tenantBySlug.ticketExtensionSchema["x-order"], ["seat", "name", "allergies"]);
      assertOk(await manager.gql(setSchema, { t: owner.tenantId, s: { ...schema, "x-order": ["name", "seat", "allergies"] } }));
      const reordered = assertOk(await manager.gql<{ tenant: { ticketExtensionSchema: Record<string, unknown> } }>(`query($t: ID!) { tenant(id: $t) { ticketExtensionSchema } }`, { t: owner.tenantId }));
      assert.deepEqual(reordered.tenant.ticketExtensionSchema["x-order"], ["name", "seat", "allergies"]);

      const bad = await manager.gql(setSchema, { t: owner.tenantId, s: { type: "object", properties: { name: { type: "text" } } } });
      assertCode(bad, "BAD_USER_INPUT");
      assert.match(bad.errors![0]!.message, /Field “name”: type must be one of "array", "boolean"/);
      assert.deepEqual(bad.errors![0]!.extensions!.fields!.map((f) => f.path), ["schema/properties/name/type"]);
    });
  });

  describe("who may", () => {
    it("lets staff not archive or rename (lines:manage)", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "S" });
      const counterId = await createCounter(manager.gql, lineId, "Staff desk");
      const typeId = await createTicketType(manager.gql, owner.tenantId, "STF");
      assertCode(await staff.gql(archiveLine, { id: lineId }), "FORBIDDEN");
      assertCode(await staff.gql(updateCounter, { id: counterId, name: "Mine" }), "FORBIDDEN");
      assertCode(await staff.gql(archiveCounter, { id: counterId }), "FORBIDDEN");
      assertCode(await staff.gql(updateTicketType, { id: typeId, name: "Mine" }), "FORBIDDEN");
      assertCode(await staff.gql(archiveTicketType, { id: typeId }), "FORBIDDEN");
    });

    it("answers another tenant NOT_FOUND for every new operation, exactly as for an unknown id, and changes nothing", async () => {
      const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "Z" });
      const counterId = await createCounter(manager.gql, lineId, "Private desk");
      const typeId = await createTicketType(manager.gql, owner.tenantId, "PRV");
      const ticket = await issueTicket(staff.gql, lineId);
      assertOk(await staff.gql(`mutation($id: ID!) { markNoShow(id: $id) { status } }`, { id: ticket.id }));
      const operations: [string, string][] = [
        [archiveLine, lineId],
        [restoreLine, lineId],
        [`mutation($id: ID!) { updateCounter(id: $id, input: { name: "Hijacked" }) { id } }`, counterId],
        [archiveCounter, counterId],
        [restoreCounter, counterId],
        [`mutation($id: ID!) { updateTicketType(id: $id, input: { name: "Hijacked" }) { id } }`, typeId],
        [archiveTicketType, typeId],
        [restoreTicketType, typeId],
        [undoNoShow, ticket.id],
        [`mutation($id: ID!) { rotateEstimatorWebhookSecret(lineId: $id) { secret } }`, lineId],
        [`mutation($id: ID!) { testEstimatorWebhook(lineId: $id, url: "https://example.com/eta") { ok } }`, lineId],
      ];
      for (const [mutation, id] of operations) {
        const foreign = await stranger.gql(mutation, { id });
        assertCode(foreign, "NOT_FOUND");
        const unknown = await stranger.gql(mutation, { id: randomUUID() });
        assertCode(unknown, "NOT_FOUND");
        assert.equal(foreign.errors![0]!.message, unknown.errors![0]!.message, `${mutation}: a foreign id reads like an unknown one`);
      }
      const still = assertOk(await manager.gql<{ line: { archivedAt: string | null; counters: { name: string }[] }; ticket: { status: string } }>(
        `query($l: ID!, $t: ID!) { line(id: $l) { archivedAt counters { name } } ticket(id: $t) { status } }`,
        { l: lineId, t: ticket.id },
      ));
      assert.deepEqual(still, { line: { archivedAt: null, counters: [{ name: "Private desk" }] }, ticket: { status: "NO_SHOW" } });
      const types = assertOk(await manager.gql<{ tenant: { ticketTypes: { id: string; name: string }[] } }>(`query($t: ID!) { tenant(id: $t) { ticketTypes { id name } } }`, { t: owner.tenantId }));
      assert.equal(types.tenant.ticketTypes.find((t) => t.id === typeId)?.name, "Type PRV");
    });
  });
});
