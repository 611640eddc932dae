/** Tenant extension schemas through the API: versions, validation with paths, old tickets intact, filtering. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createLine, issueMutation, issueTicket } from "./queue-fixtures.js";

const setSchema = `mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id ticketExtensionSchema ticketExtensionSchemaVersion } }`;

describe("ticket extensions", () => {
  let api: TestApi;
  let owner: Persona;
  let manager: Persona;
  let staff: Persona;
  let stranger: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "ext");
    manager = await memberPersona(api, owner, owner.tenantId, "MANAGER");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    stranger = await signUpPersona(api, "other");
  });
  after(async () => {
    await api.close();
  });

  it("validates against the current version, reports failing paths, and keeps old tickets intact after a change", async () => {
    const v1 = { type: "object", properties: { vip: { type: "boolean" }, seat: { type: "integer", minimum: 1 } }, required: ["vip"] };
    const set1 = assertOk(await manager.gql<{ setTicketExtensionSchema: { ticketExtensionSchema: unknown; ticketExtensionSchemaVersion: number } }>(setSchema, { t: owner.tenantId, s: v1 })).setTicketExtensionSchema;
    assert.deepEqual(set1.ticketExtensionSchema, { ...v1, "x-order": ["vip", "seat"] }, "stored with its field order");
    const version1 = set1.ticketExtensionSchemaVersion;
    const lineId = await createLine(manager.gql, owner.tenantId);

    const ok = await issueTicket(staff.gql, lineId, { extensions: { vip: true, seat: 4 } });
    assert.equal(ok.extensionSchemaVersion, version1);
    assert.deepEqual(ok.extensions, { vip: true, seat: 4 });

    const bad = await staff.gql(issueMutation, { input: { lineId, extensions: { seat: 0 } } });
    assertCode(bad, "BAD_USER_INPUT");
    assert.deepEqual(bad.errors![0]!.extensions!.fields!.map((f) => f.path).sort(), ["/seat", "/vip"]);

    const v2 = { type: "object", properties: { vip: { type: "string", enum: ["yes", "no"] } }, required: ["vip"] };
    const version2 = assertOk(await manager.gql<{ setTicketExtensionSchema: { ticketExtensionSchemaVersion: number } }>(setSchema, { t: owner.tenantId, s: v2 })).setTicketExtensionSchema.ticketExtensionSchemaVersion;
    assert.equal(version2, version1 + 1);
    assertCode(await staff.gql(issueMutation, { input: { lineId, extensions: { vip: true } } }), "BAD_USER_INPUT");
    const newer = await issueTicket(staff.gql, lineId, { extensions: { vip: "yes" } });
    assert.equal(newer.extensionSchemaVersion, version2);

    const old = assertOk(await staff.gql<{ ticket: { extensions: unknown; extensionSchemaVersion: number } }>(`query($id: ID!) { ticket(id: $id) { extensions extensionSchemaVersion } }`, { id: ok.id })).ticket;
    assert.deepEqual(old, { extensions: { vip: true, seat: 4 }, extensionSchemaVersion: version1 }, "old ticket intact");

    const update = await staff.gql(`mutation($id: ID!, $e: JSON) { updateTicket(id: $id, input: { extensions: $e }) { extensionSchemaVersion } }`, { id: ok.id, e: { vip: false } });
    assertCode(update, "BAD_USER_INPUT");
    assert.equal(update.errors![0]!.extensions!.fields![0]!.path, "/vip");
    const updated = assertOk(await staff.gql<{ updateTicket: { extensionSchemaVersion: number } }>(`mutation($id: ID!, $e: JSON) { updateTicket(id: $id, input: { extensions: $e }) { extensionSchemaVersion } }`, { id: ok.id, e: { vip: "no" } })).updateTicket;
    assert.equal(updated.extensionSchemaVersion, version2);
  });

  it("filters a line's tickets by an extension field and returns it as JSON", async () => {
    const lineId = await createLine(manager.gql, owner.tenantId, { prefix: "E" });
    assertOk(await manager.gql(setSchema, { t: owner.tenantId, s: { type: "object" } }));
    await issueTicket(staff.gql, lineId, { extensions: { membership: { level: "gold" } } });
    await issueTicket(staff.gql, lineId, { extensions: { membership: { level: "silver" } } });
    await issueTicket(staff.gql, lineId, { extensions: { membership: { level: "gold" }, vip: "yes" } });
    const gold = assertOk(
      await staff.gql<{ line: { tickets: { nodes: { number: string; extensions: { membership: { level: string } } }[] } } }>(
        `query($id: ID!, $f: TicketFilterInput) { line(id: $id) { tickets(filter: $f) { nodes { number extensions } } } }`,
        { id: lineId, f: { extensionPath: ["membership", "level"], extensionEquals: "gold" } },
      ),
    ).line.tickets.nodes;
    assert.deepEqual(gold.map((t) => t.number), ["E001", "E003"]);
    assert.equal(gold[0]!.extensions.membership.level, "gold");
    const page1 = assertOk(await staff.gql<{ line: { tickets: { nodes: { number: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>(`query($id: ID!) { line(id: $id) { tickets(first: 2) { nodes { number } pageInfo { hasNextPage endCursor } } } }`, { id: lineId })).line.tickets;
    assert.deepEqual(page1.nodes.map((t) => t.number), ["E001", "E002"]);
    assert.equal(page1.pageInfo.hasNextPage, true);
    const page2 = assertOk(await staff.gql<{ line: { tickets: { nodes: { number: string }[] } } }>(`query($id: ID!, $a: String) { line(id: $id) { tickets(first: 2, after: $a) { nodes { number } } } }`, { id: lineId, a: page1.pageInfo.endCursor })).line.tickets;
    assert.deepEqual(page2.nodes.map((t) => t.number), ["E003"]);
    assertCode(await staff.gql(`query($id: ID!) { line(id: $id) { tickets(after: "garbage") { nodes { id } } } }`, { id: lineId }), "BAD_USER_INPUT");
  });

  it("refuses invalid schemas, staff and strangers", async () => {
    for (const s of [[], "x", { type: "string" }, { type: "object", properties: { a: { type: "nope" } } }]) {
      assertCode(await manager.gql(setSchema, { t: owner.tenantId, s }), "BAD_USER_INPUT");
    }
    assertCode(await staff.gql(setSchema, { t: owner.tenantId, s: { type: "object" } }), "FORBIDDEN");
    assertCode(await stranger.gql(setSchema, { t: owner.tenantId, s: { type: "object" } }), "NOT_FOUND");
    assertCode(await api.client()(setSchema, { t: owner.tenantId, s: { type: "object" } }), "UNAUTHENTICATED");
    const key = assertOk(await owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "partner", scopes: ["lines:manage"]) { secret } }`, { t: owner.tenantId })).createApiKey.secret;
    const partner = api.client(`ApiKey ${key}`);
    const set = assertOk(await partner<{ setTicketExtensionSchema: { id: string } }>(`mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id } }`, { t: owner.tenantId, s: { type: "object" } }));
    assert.equal(set.setTicketExtensionSchema.id, owner.tenantId, "a key with lines:manage alone gets its answer");
    assertCode(await stranger.gql(`query($id: ID!) { tenant(id: $id) { ticketExtensionSchema } }`, { id: owner.tenantId }), "NOT_FOUND");
  });

  it("runs a fresh tenant's catastrophic pattern in linear time (was: one issueTicket blocked the process 77 s)", async (t) => {
    const tenant = await signUpPersona(api, "redos");
    assertOk(await tenant.gql(setSchema, { t: tenant.tenantId, s: { type: "object", properties: { code: { type: "string", pattern: "^(a+)+$" } } } }));
    const lineId = await createLine(tenant.gql, tenant.tenantId, { prefix: "R" });
    const started = performance.now();
    const evil = await tenant.gql(issueMutation, { input: { lineId, extensions: { code: `${"a".repeat(31)}!` } } });
    const elapsed = performance.now() - started;
    assertCode(evil, "BAD_USER_INPUT");
    assert.equal(evil.errors![0]!.extensions!.fields![0]!.path, "/code");
    t.diagnostic(`issueTicket with "a"x31+"!" against ^(a+)+$ answered in ${elapsed.toFixed(1)} ms`);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`); // generous for a shared machine; backtracking takes minutes
    const good = await issueTicket(tenant.gql, lineId, { extensions: { code: "a".repeat(5000) } });
    assert.deepEqual(good.extensions, { code: "a".repeat(5000) });
  });

  it("refuses, with BAD_USER_INPUT, patterns RE2 cannot run and schemas over the caps", async () => {
    const refused = async (s: unknown, text: string) => {
      const res = await manager.gql(setSchema, { t: owner.tenantId, s });
      assertCode(res, "BAD_USER_INPUT");
      assert.ok(res.errors![0]!.message.includes(text), res.errors![0]!.message);
    };
    await refused({ type: "object", properties: { p: { type: "string", pattern: "(a)\\1" } } }, "linear-time");
    await refused({ type: "object", properties: { p: { type: "string", pattern: "a(?=b)" } } }, "linear-time");
    await refused({ type: "object", description: "x".repeat(70_000) }, "bytes");
    await refused({ type: "object", properties: { self: { $ref: "#" } } }, "recursive");
    const branches = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`p${i}`, { oneOf: [{ type: "string" }] }]));
    await refused({ type: "object", properties: branches }, "anyOf/oneOf/allOf/not/if/$ref");
  });
});
