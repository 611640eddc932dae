/**
 * The customer data lifecycle, as a specification: the retention setting (validated, inherited), erasing one
 * customer's data now (allow, deny, another tenant's ticket), the retention job with a controllable clock, the
 * streamed export behind a signed link, and deleting a tenant (grace, cancel, hard delete) without touching any
 * other tenant's rows. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (where the owner connection also
 * checks that no row of a deleted tenant is left anywhere).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { col, decodeFirstRow, decodeRows, withTenantTx, z } from "@qline/db";
import { pg } from "@qline/db/testing";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { openSecondConnection } from "@qline/db/testing";
import { clientPool, collect, createLine, issueTicket, touchLine } from "../../tickets/__tests__/queue-fixtures.js";
import { startDataLifecycleJob } from "../../../jobs/data-lifecycle.job.js";
import { signExportLink } from "../export-link.js";
import { exportedTables, notExportedTables, streamTenantExport } from "../export-stream.js";

const dayMs = 86_400_000;
const tenantFields = `id retentionDays deletionScheduledAt`;
const ticketFields = `id customerName phone email extensions cancelReason status personalDataErasedAt trackingCode`;
const erase = `mutation($id: ID!) { eraseCustomerData(ticketId: $id) { ${ticketFields} } }`;
const exportMutation = `mutation($t: ID!) { exportTenantData(tenantId: $t) { url expiresAt } }`;
const deleteMutation = `mutation($t: ID!) { deleteTenant(id: $t) { ${tenantFields} } }`;
const cancelMutation = `mutation($t: ID!) { cancelTenantDeletion(id: $t) { ${tenantFields} } }`;
const byCode = `query($c: String!) { ticketByCode(code: $c) { number status } }`;

interface TicketRead {
  id: string;
  customerName: string | null;
  phone: string | null;
  email: string | null;
  extensions: Record<string, unknown>;
  cancelReason: string | null;
  status: string;
  personalDataErasedAt: string | null;
  trackingCode: string;
}

async function readTicket(p: Persona, id: string): Promise<TicketRead> {
  return assertOk(await p.gql<{ ticket: TicketRead }>(`query($id: ID!) { ticket(id: $id) { ${ticketFields} } }`, { id })).ticket;
}

async function auditActions(p: Persona, tenantId: string, action: string): Promise<{ targetId: string; after: Record<string, unknown> | null; actorType: string }[]> {
  return assertOk(
    await p.gql<{ tenant: { auditLog: { nodes: { targetId: string; after: Record<string, unknown> | null; actorType: string }[] } } }>(
      `query($t: ID!, $a: String) { tenant(id: $t) { auditLog(first: 200, filter: { action: $a }) { nodes { targetId after actorType } } } }`,
      { t: tenantId, a: action },
    ),
  ).tenant.auditLog.nodes;
}

/** A line with an extension schema and a customer ticket carrying every kind of personal data. */
async function customerTicket(owner: Persona, lineId: string, name = "Ada Lovelace") {
  return issueTicket(owner.gql, lineId, { customerName: name, phone: "+441234567890", email: "ada@example.test", extensions: { note: "allergic to nuts" } });
}

async function setUpTenant(api: TestApi, name: string) {
  const owner = await signUpPersona(api, name);
  assertOk(
    await owner.gql(`mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id } }`, {
      t: owner.tenantId,
      s: { type: "object", properties: { note: { type: "string" } }, additionalProperties: false },
    }),
  );
  const lineId = await createLine(owner.gql, owner.tenantId, { name: `${name} line`, prefix: "G" });
  return { owner, lineId };
}

/** Serves and completes a ticket (it "ends"). */
async function finish(p: Persona, lineId: string, ticketId: string) {
  assertOk(await p.gql(`mutation($id: ID!) { callTicket(id: $id) { id } }`, { id: ticketId }));
  assertOk(await p.gql(`mutation($id: ID!) { startServing(id: $id) { id } }`, { id: ticketId }));
  assertOk(await p.gql(`mutation($id: ID!) { completeTicket(id: $id) { id } }`, { id: ticketId }));
  void lineId;
}

const TableName = z.object({ table_name: col.text });
const Count = z.object({ n: col.int });

/** Rows of `tenantId` in every table with a tenant_id column, as the app role scoped to that tenant sees them. */
async function rowsInScope(api: TestApi, tenantId: string): Promise<Record<string, number>> {
  return withTenantTx(api.database.db, { tenantId, userId: null }, async (tx) => {
    const tables = decodeRows(TableName, 
      await tx.execute(sql`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`),
    ).map((r) => r.table_name);
    const out: Record<string, number> = {};
    for (const table of tables) {
      const row = decodeFirstRow(Count, await tx.execute(sql`select count(*) as n from ${sql.raw(`"${table}"`)} where tenant_id = ${tenantId}`));
      out[table] = row?.n ?? 0;
    }
    const self = decodeFirstRow(Count, await tx.execute(sql`select count(*) as n from tenants where id = ${tenantId}`));
    out.tenants = self?.n ?? 0;
    return out;
  });
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("customer data lifecycle", () => {
  let api: TestApi;
  let clock = Date.now();
  let a: { owner: Persona; lineId: string };
  let b: { owner: Persona; lineId: string };

  const sockets = clientPool(() => api);
  before(async () => {
    // No notification worker: the messages these tests look at must stay as written until erased.
    api = await startTestApi({}, { ttlJob: false, notifications: { worker: false }, dataLifecycleJob: { autoStart: false, now: () => clock } });
    a = await setUpTenant(api, "alpha");
    b = await setUpTenant(api, "beta");
  });
  after(async () => {
    await sockets.disposeAll();
    await api.close();
  });

  describe("retentionDays", () => {
    it("defaults to 30, is set through the settings, inherited by subtenants, and refused out of 1..3650 at the key", async () => {
      const sub = await createSubtenant(a.owner, a.owner.tenantId, "Retention sub");
      const read = async (id: string) => assertOk(await a.owner.gql<{ tenant: { retentionDays: number } }>(`query($t: ID!) { tenant(id: $t) { retentionDays } }`, { t: id })).tenant.retentionDays;
      assert.equal(await read(a.owner.tenantId), 30);
      for (const bad of [0, 3651, 1.5, "30", null]) {
        const res = await a.owner.gql(`mutation($t: ID!, $s: JSONObject!) { updateTenant(id: $t, input: { settings: $s }) { id } }`, { t: a.owner.tenantId, s: { retentionDays: bad } });
        assertCode(res, "BAD_USER_INPUT");
        assert.equal(res.errors![0]!.extensions!.fields![0]!.path, "input.settings.retentionDays");
      }
      assertOk(await a.owner.gql(`mutation($t: ID!, $s: JSONObject!) { updateTenant(id: $t, input: { settings: $s }) { id } }`, { t: a.owner.tenantId, s: { retentionDays: 7 } }));
      assert.equal(await read(a.owner.tenantId), 7);
      assert.equal(await read(sub), 7, "inherited from the parent");
      assertOk(await a.owner.gql(`mutation($t: ID!, $s: JSONObject!) { updateTenant(id: $t, input: { settings: $s }) { id } }`, { t: a.owner.tenantId, s: {} }));
      assert.equal(await read(a.owner.tenantId), 30);
    });
  });

  describe("eraseCustomerData", () => {
    it("erases contact data, push subscription, extension answers and their copies; keeps the ticket for statistics and its holder", async () => {
      const ticket = await customerTicket(a.owner, a.lineId);
      const db = api.database.db;
      const tenantId = a.owner.tenantId;
      await withTenantTx(db, { tenantId, userId: null }, async (tx) => {
        await tx.execute(sql`update tickets set push_subscription = ${JSON.stringify({ endpoint: "https://push.example.test/abc", keys: { p256dh: "x", auth: "y" } })}::jsonb where id = ${ticket.id}`);
        await tx.execute(sql`insert into notifications (tenant_id, id, ticket_id, line_id, trigger, channel, recipient, subject, body, status)
          values (${tenantId}, ${randomUUID()}, ${ticket.id}, ${a.lineId}, 'JOINED', 'EMAIL', 'ada@example.test', 'You joined', 'Hello Ada', 'SENT'),
                 (${tenantId}, ${randomUUID()}, ${ticket.id}, ${a.lineId}, 'CALLED', 'SMS', '+441234567890', null, 'Ada, come to desk 1', 'RETRYING')`);
      });
      assertOk(await a.owner.gql(`mutation($id: ID!) { cancelTicket(id: $id, reason: "Ada Lovelace left, call her on +441234567890") { id } }`, { id: ticket.id }));
      const staff = await memberPersona(api, a.owner, tenantId, "STAFF");

      const erased = assertOk(await staff.gql<{ eraseCustomerData: TicketRead }>(erase, { id: ticket.id })).eraseCustomerData;
      assert.equal(erased.customerName, null);
      assert.equal(erased.phone, null);
      assert.equal(erased.email, null);
      assert.equal(erased.cancelReason, null);
      assert.deepEqual(erased.extensions, {});
      assert.equal(erased.status, "CANCELLED", "the ticket and its status stay");
      assert.ok(erased.personalDataErasedAt);
      assert.deepEqual(await readTicket(a.owner, ticket.id), erased);

      const leftovers = await withTenantTx(db, { tenantId, userId: null }, async (tx) => ({
        ticket: decodeFirstRow(z.object({ push_subscription: col.json, idempotency_hash: col.json }), await tx.execute(sql`select push_subscription, idempotency_hash from tickets where id = ${ticket.id}`)),
        notifications: decodeRows(
          z.object({ recipient: col.json, subject: col.json, body: col.json, trigger: col.text, status: col.text }),
          await tx.execute(sql`select recipient, subject, body, trigger, status from notifications where ticket_id = ${ticket.id} order by trigger desc`),
        ),
        events: decodeRows(z.object({ data: col.jsonObject, kind: col.text }), await tx.execute(sql`select data, kind from ticket_events where ticket_id = ${ticket.id} order by at`)),
      }));
      assert.equal(leftovers.ticket!.push_subscription, null);
      assert.equal(leftovers.ticket!.idempotency_hash, null);
      assert.deepEqual(
        leftovers.notifications,
        [
          { recipient: null, subject: null, body: null, trigger: "JOINED", status: "SENT" },
          { recipient: null, subject: null, body: null, trigger: "CALLED", status: "SKIPPED" },
        ],
        "messages stay, without their words and address; one not sent yet is skipped",
      );
      assert.deepEqual(
        leftovers.events.map((e) => e.kind),
        ["ISSUED", "CANCELLED"],
        "history keeps its events",
      );
      assert.ok(leftovers.events.every((e) => !JSON.stringify(e.data).includes("Ada")), JSON.stringify(leftovers.events));
      const cancels = await auditActions(a.owner, tenantId, "ticket.cancel");
      const cancelAudit = cancels.find((e) => e.targetId === ticket.id)!;
      assert.equal(JSON.stringify(cancelAudit.after).includes("Ada"), false);
      assert.equal(cancelAudit.after!.status, "CANCELLED");
      const audits = (await auditActions(a.owner, tenantId, "ticket.erase_personal_data")).filter((e) => e.targetId === ticket.id);
      assert.deepEqual(
        audits.map((e) => [e.actorType, e.after]),
        [["USER", { basis: "request" }]],
      );
      // The holder's page still works, without personal data (it never had any).
      assert.deepEqual(assertOk(await api.client()<{ ticketByCode: unknown }>(byCode, { c: ticket.trackingCode })).ticketByCode, { number: ticket.number, status: "CANCELLED" });
    });

    it("skips the outbox's messages not sent yet and queues no more (through the API)", async () => {
      const ticket = await issueTicket(a.owner.gql, a.lineId, { customerName: "Outbox Customer", email: "outbox@example.test", notify: ["EMAIL"] });
      const read = async () =>
        assertOk(
          await a.owner.gql<{ ticket: { notify: string[]; notifications: { trigger: string; recipient: string | null; body: string | null; status: string }[] } }>(
            `query($id: ID!) { ticket(id: $id) { notify notifications { trigger recipient body status } } }`,
            { id: ticket.id },
          ),
        ).ticket;
      const before = await read();
      assert.deepEqual(before.notify, ["EMAIL"]);
      assert.ok(before.notifications.some((n) => n.trigger === "JOINED" && n.status === "PENDING"), JSON.stringify(before));
      assertOk(await a.owner.gql(erase, { id: ticket.id }));
      assertOk(await a.owner.gql(`mutation($id: ID!) { callTicket(id: $id) { id } }`, { id: ticket.id }));
      const after = await read();
      assert.deepEqual(after.notify, [], "the channel choice goes with the contact data");
      assert.ok(after.notifications.length >= 1);
      assert.ok(after.notifications.every((n) => n.recipient === null && n.body === null && n.status === "SKIPPED"), JSON.stringify(after));
      assert.ok(!after.notifications.some((n) => n.trigger === "CALLED"), "calling the ticket queues nothing");
    });

    it("a waiting customer keeps their place after erasure", async () => {
      const ticket = await customerTicket(a.owner, a.lineId, "Grace Hopper");
      const erased = assertOk(await a.owner.gql<{ eraseCustomerData: TicketRead }>(erase, { id: ticket.id })).eraseCustomerData;
      assert.equal(erased.status, "WAITING");
      assert.equal(erased.customerName, null);
      assert.deepEqual(assertOk(await api.client()<{ ticketByCode: unknown }>(byCode, { c: ticket.trackingCode })).ticketByCode, { number: ticket.number, status: "WAITING" });
    });

    it("is refused without tickets:erase, and another tenant's ticket is NOT_FOUND like an unknown one", async () => {
      const ticket = await customerTicket(a.owner, a.lineId, "Viewer Target");
      const viewer = await memberPersona(api, a.owner, a.owner.tenantId, "VIEWER");
      assertCode(await viewer.gql(erase, { id: ticket.id }), "FORBIDDEN");
      const foreign = await b.owner.gql(erase, { id: ticket.id });
      assertCode(foreign, "NOT_FOUND");
      const unknown = await b.owner.gql(erase, { id: randomUUID() });
      assertCode(unknown, "NOT_FOUND");
      assert.equal(foreign.errors![0]!.message, unknown.errors![0]!.message);
      assertCode(await b.owner.gql(erase, { id: "not-a-uuid" }), "NOT_FOUND");
      assertCode(await api.client()(erase, { id: ticket.id }), "UNAUTHENTICATED");
      const kept = await readTicket(a.owner, ticket.id);
      assert.equal(kept.customerName, "Viewer Target");
      assert.equal(kept.personalDataErasedAt, null);
    });
  });

  describe("the retention job", () => {
    it("erases ended tickets past the tenant's period, by the job's clock, once; waiting tickets and other tenants' are kept; analytics still count them", async () => {
      const { owner, lineId } = await setUpTenant(api, "retain");
      const other = await setUpTenant(api, "keeper");
      assertOk(await other.owner.gql(`mutation($t: ID!, $s: JSONObject!) { updateTenant(id: $t, input: { settings: $s }) { id } }`, { t: other.owner.tenantId, s: { retentionDays: 90 } }));
      const served = await customerTicket(owner, lineId, "Served Customer");
      await finish(owner, lineId, served.id);
      const waiting = await customerTicket(owner, lineId, "Still Waiting");
      const otherServed = await customerTicket(other.owner, other.lineId, "Other Customer");
      await finish(other.owner, other.lineId, otherServed.id);
      const from = new Date(Date.now() - dayMs).toISOString();
      const to = new Date(Date.now() + dayMs).toISOString();
      const analytics = async () =>
        assertOk(await owner.gql<{ tenantAnalytics: { issued: number; served: number } }>(`query($t: ID!, $f: DateTimeISO!, $to: DateTimeISO!) { tenantAnalytics(tenantId: $t, from: $f, to: $to) { issued served } }`, { t: owner.tenantId, f: from, to })).tenantAnalytics;
      const before = await analytics();

      clock = Date.now() + 29 * dayMs;
      await api.server.dataLifecycleJob!.runOnce();
      assert.equal((await readTicket(owner, served.id)).customerName, "Served Customer", "inside the 30 days");

      clock = Date.now() + 31 * dayMs;
      const outcome = await api.server.dataLifecycleJob!.runOnce();
      assert.ok(outcome.ticketsErased >= 1);
      const erased = await readTicket(owner, served.id);
      assert.equal(erased.customerName, null);
      assert.equal(erased.phone, null);
      assert.deepEqual(erased.extensions, {});
      assert.equal(erased.status, "SERVED");
      assert.equal((await readTicket(owner, waiting.id)).customerName, "Still Waiting", "a ticket that has not ended is kept");
      assert.equal((await readTicket(other.owner, otherServed.id)).customerName, "Other Customer", "another tenant keeps 90 days");
      assert.deepEqual(await analytics(), before, "statistics are unchanged");

      await api.server.dataLifecycleJob!.runOnce();
      const audits = (await auditActions(owner, owner.tenantId, "ticket.erase_personal_data")).filter((e) => e.targetId === served.id);
      assert.deepEqual(
        audits.map((e) => [e.actorType, e.after]),
        [["SYSTEM", { basis: "retention", retentionDays: 30 }]],
        "erased and audited once",
      );
      clock = Date.now() + 91 * dayMs;
      await api.server.dataLifecycleJob!.runOnce();
      assert.equal((await readTicket(other.owner, otherServed.id)).customerName, null);
      clock = Date.now();
    });
  });

  describe("exportTenantData", () => {
    it("streams every table's rows of the tenant and its subtenants as JSON, without secrets or another tenant's rows", async () => {
      const sub = await createSubtenant(a.owner, a.owner.tenantId, "Export sub");
      const subLine = await createLine(a.owner.gql, sub, { name: "Sub line", prefix: "S" });
      const subTicket = await issueTicket(a.owner.gql, subLine, { customerName: "Sub Customer" });
      const own = await customerTicket(a.owner, a.lineId, "Export Customer");
      const key = assertOk(await a.owner.gql<{ createApiKey: { apiKey: { id: string } } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "k", scopes: ["tenant:read"]) { apiKey { id } } }`, { t: a.owner.tenantId }));
      const foreign = await customerTicket(b.owner, b.lineId, "Foreign Customer");

      const link = assertOk(await a.owner.gql<{ exportTenantData: { url: string; expiresAt: string } }>(exportMutation, { t: a.owner.tenantId })).exportTenantData;
      const expiresIn = Date.parse(link.expiresAt) - Date.now();
      assert.ok(expiresIn > 0 && expiresIn <= 300_000, `expires in minutes, got ${expiresIn} ms`);
      const response = await fetch(new URL(link.url, api.server.url));
      assert.equal(response.status, 200);
      const text = await response.text();
      const doc = JSON.parse(text) as { format: string; tenantId: string; tenants: { id: string }[]; tables: Record<string, Record<string, unknown>[]> };
      assert.equal(doc.format, "qline.tenant-export.v1");
      assert.deepEqual(new Set(doc.tenants.map((t) => t.id)), new Set([a.owner.tenantId, sub, ...doc.tenants.map((t) => t.id).filter((id) => id !== a.owner.tenantId && id !== sub)]));
      assert.ok(doc.tenants.some((t) => t.id === sub));
      assert.deepEqual(Object.keys(doc.tables), exportedTables.map((t) => t.name));
      const ticketIds = doc.tables.tickets!.map((t) => t.id);
      assert.ok(ticketIds.includes(own.id) && ticketIds.includes(subTicket.id));
      assert.ok(!ticketIds.includes(foreign.id));
      assert.ok(!text.includes(b.owner.tenantId), "nothing of another tenant");
      assert.ok(!text.includes("Foreign Customer"));
      const keyRow = doc.tables.api_keys!.find((k) => k.id === key.createApiKey.apiKey.id)!;
      assert.ok(keyRow && !("secret_hash" in keyRow), "API key hashes never leave");
      assert.ok(doc.tables.lines!.every((l) => !("estimator_secret" in l)));
      assert.ok(doc.tables.audit_log!.some((e) => e.action === "tenant.export"), "the export is audited");
      for (const row of Object.values(doc.tables).flat()) assert.ok([a.owner.tenantId, ...doc.tenants.map((t) => t.id)].includes(row.tenant_id as string));
    });

    it("pages through every table in keyset batches (composite keys included) and writes exactly the rows once", async () => {
      const { owner, lineId } = await setUpTenant(api, "batches");
      const second = await createLine(owner.gql, owner.tenantId, { name: "Second", prefix: "H", ttl: { waitingSeconds: 3600, warnSeconds: 600 } });
      const issued = [];
      for (let i = 0; i < 7; i++) issued.push((await issueTicket(owner.gql, i % 2 ? lineId : second, { customerName: `Batch ${i}` })).id);
      // A real HTTP response with batches of 2 rows: every table needs several keyset pages.
      const server = createServer((_req, res) => void streamTenantExport(res, { db: api.database.db, tenantId: owner.tenantId, userId: owner.userId, batchSize: 2 }));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const text = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text();
        const doc = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
        const tickets = doc.tables.tickets!.map((t) => t.id as string);
        assert.deepEqual([...tickets].sort(), [...issued].sort(), "each ticket exactly once");
        assert.equal(doc.tables.line_day_counters!.length, 2, "one counter row per line and day (composite key)");
        assert.equal(doc.tables.ticket_deadlines!.length, 8, "4 tickets of the TTL line × WARN and EXPIRE (composite key)");
        const events = doc.tables.ticket_events!.map((e) => e.id as string);
        assert.equal(new Set(events).size, events.length);
        assert.ok(events.length >= 7);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it("lists every tenant-owned table (exported or left out on purpose)", async () => {
      const tables = await withTenantTx(api.database.db, { tenantId: null, userId: null }, async (tx) =>
        decodeRows(TableName, await tx.execute(sql`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`)).map(
          (r) => r.table_name,
        ),
      );
      const covered = new Set([...exportedTables.map((t) => t.name), ...Object.keys(notExportedTables)]);
      assert.deepEqual(
        tables.filter((t) => !covered.has(t)),
        [],
      );
    });

    it("is the owner's alone; a bad, tampered or expired link is 404", async () => {
      const admin = await memberPersona(api, a.owner, a.owner.tenantId, "ADMIN");
      assertCode(await admin.gql(exportMutation, { t: a.owner.tenantId }), "FORBIDDEN");
      assertCode(await b.owner.gql(exportMutation, { t: a.owner.tenantId }), "NOT_FOUND");
      assertCode(await api.client()(exportMutation, { t: a.owner.tenantId }), "UNAUTHENTICATED");
      const key = assertOk(
        await a.owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "all", scopes: ["tenant:read", "tickets:read"]) { secret } }`, { t: a.owner.tenantId }),
      ).createApiKey.secret;
      assertCode(await api.client(`ApiKey ${key}`)(exportMutation, { t: a.owner.tenantId }), "FORBIDDEN");
      assertCode(await a.owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "x", scopes: ["tenant:export"]) { secret } }`, { t: a.owner.tenantId }), "BAD_USER_INPUT");
      const { url } = assertOk(await a.owner.gql<{ exportTenantData: { url: string } }>(exportMutation, { t: a.owner.tenantId })).exportTenantData;
      const base = api.server.url;
      const tampered = url.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
      assert.equal((await fetch(new URL(tampered, base))).status, 404);
      const expired = signExportLink(api.config.jwtSecret, { tenantId: a.owner.tenantId, userId: a.owner.userId, expiresAt: Math.floor(Date.now() / 1000) - 1 });
      assert.equal((await fetch(new URL(`/exports/tenant/${expired}`, base))).status, 404);
      // A well-signed link for a user who is not the owner (an admin) is refused at download, before any row.
      const adminLink = signExportLink(api.config.jwtSecret, { tenantId: a.owner.tenantId, userId: admin.userId, expiresAt: Math.floor(Date.now() / 1000) + 60 });
      assert.equal((await fetch(new URL(`/exports/tenant/${adminLink}`, base))).status, 404);
      assert.equal((await fetch(new URL(`/exports/tenant/garbage`, base))).status, 404);
    });
  });

  describe("deleteTenant", () => {
    it("is the owner's alone; the grace period refuses everyone else and the public; cancel restores", async () => {
      const { owner, lineId } = await setUpTenant(api, "grace");
      const ticket = await customerTicket(owner, lineId, "Grace Customer");
      const admin = await memberPersona(api, owner, owner.tenantId, "ADMIN");
      assertCode(await admin.gql(deleteMutation, { t: owner.tenantId }), "FORBIDDEN");
      assertCode(await b.owner.gql(deleteMutation, { t: owner.tenantId }), "NOT_FOUND");
      assertCode(await owner.gql(cancelMutation, { t: owner.tenantId }), "CONFLICT");

      const scheduled = assertOk(await owner.gql<{ deleteTenant: { deletionScheduledAt: string } }>(deleteMutation, { t: owner.tenantId })).deleteTenant;
      const inDays = (Date.parse(scheduled.deletionScheduledAt) - Date.now()) / dayMs;
      assert.ok(inDays > 29.9 && inDays <= 30, `30 days of grace, got ${inDays}`);
      const again = assertOk(await owner.gql<{ deleteTenant: { deletionScheduledAt: string } }>(deleteMutation, { t: owner.tenantId })).deleteTenant;
      assert.equal(again.deletionScheduledAt, scheduled.deletionScheduledAt, "asking again keeps the first date");

      assertCode(await api.client()(byCode, { c: ticket.trackingCode }), "FORBIDDEN");
      assertCode(await admin.gql(`query($t: ID!) { tenant(id: $t) { id } }`, { t: owner.tenantId }), "FORBIDDEN");
      assertCode(await owner.gql(`mutation($l: ID!) { callNext(lineId: $l) { id } }`, { l: lineId }), "FORBIDDEN");
      // The owner may still read, export and cancel.
      assert.equal(assertOk(await owner.gql<{ tenant: { deletionScheduledAt: string } }>(`query($t: ID!) { tenant(id: $t) { deletionScheduledAt } }`, { t: owner.tenantId })).tenant.deletionScheduledAt, scheduled.deletionScheduledAt);
      assertOk(await owner.gql(exportMutation, { t: owner.tenantId }));

      const cancelled = assertOk(await owner.gql<{ cancelTenantDeletion: { deletionScheduledAt: string | null } }>(cancelMutation, { t: owner.tenantId })).cancelTenantDeletion;
      assert.equal(cancelled.deletionScheduledAt, null);
      assertOk(await api.client()(byCode, { c: ticket.trackingCode }));
      assertOk(await admin.gql(`query($t: ID!) { tenant(id: $t) { id } }`, { t: owner.tenantId }));
      assert.deepEqual(
        (await auditActions(owner, owner.tenantId, "tenant.schedule_deletion")).map((e) => e.actorType),
        ["USER"],
      );
      assert.equal((await auditActions(owner, owner.tenantId, "tenant.cancel_deletion")).length, 1);
    });

    it("ends the tenant's live streams (staff and customers) at once when its deletion is scheduled", async () => {
      const { owner, lineId } = await setUpTenant(api, "livegone");
      const ticket = await issueTicket(owner.gql, lineId, {});
      const board = collect(sockets.open(`Bearer ${owner.token}`), `subscription($l: ID!) { lineUpdated(lineId: $l) { kind } }`, { l: lineId });
      const customer = collect(sockets.open(), `subscription($c: String!) { ticketUpdated(code: $c) { number status } }`, { c: ticket.trackingCode });
      await board.probe(() => touchLine(owner.gql, lineId));
      await customer.waitFor(1);
      assertOk(await owner.gql(deleteMutation, { t: owner.tenantId }));
      assert.match(await board.failure(), /FORBIDDEN/);
      assert.match(await customer.failure(), /FORBIDDEN/);
      assertOk(await owner.gql(cancelMutation, { t: owner.tenantId }));
    });

    it("after the grace (by the job's clock), deletes the subtree's rows in every table; the parent and other tenants are untouched; audited in the parent", async () => {
      const { owner } = await setUpTenant(api, "doomed");
      const sub = await createSubtenant(owner, owner.tenantId, "Doomed sub");
      const subChild = await createSubtenant(owner, sub, "Doomed grandchild");
      for (const id of [sub, subChild]) {
        const line = await createLine(owner.gql, id, { name: "L", prefix: "D" });
        const t = await issueTicket(owner.gql, line, { customerName: "Doomed Customer" });
        await finish(owner, line, t.id);
        await issueTicket(owner.gql, line, {});
      }
      assertOk(await owner.gql(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "k", scopes: ["tenant:read"]) { apiKey { id } } }`, { t: sub }));
      const parentBefore = await rowsInScope(api, owner.tenantId);
      const otherBefore = await rowsInScope(api, b.owner.tenantId);
      const subBefore = await rowsInScope(api, sub);
      assert.ok(subBefore.tickets === 2 && subBefore.ticket_events! > 0 && subBefore.audit_log! > 0 && subBefore.api_keys === 1);

      assertOk(await owner.gql(deleteMutation, { t: sub }));
      clock = Date.now() + 29 * dayMs;
      assert.equal((await api.server.dataLifecycleJob!.runOnce()).tenantsDeleted, 0, "inside the grace");
      assert.deepEqual(await rowsInScope(api, sub), { ...subBefore, audit_log: subBefore.audit_log! + 1 }, "nothing deleted yet (one more audit row: the schedule)");

      clock = Date.now() + 31 * dayMs;
      assert.equal((await api.server.dataLifecycleJob!.runOnce()).tenantsDeleted, 1);
      assert.equal((await api.server.dataLifecycleJob!.runOnce()).tenantsDeleted, 0, "once");
      clock = Date.now();
      assert.equal(total(await rowsInScope(api, sub)), 0);
      assert.equal(total(await rowsInScope(api, subChild)), 0, "subtenants go with it");
      const parentAfter = await rowsInScope(api, owner.tenantId);
      assert.deepEqual(parentAfter, { ...parentBefore, audit_log: parentBefore.audit_log! + 1 }, "the parent keeps its rows, plus the audit of the deletion");
      assert.deepEqual(await rowsInScope(api, b.owner.tenantId), otherBefore, "another tenant is untouched");
      const [hardDelete] = await auditActions(owner, owner.tenantId, "tenant.hard_delete");
      assert.equal(hardDelete!.targetId, sub);
      assert.equal(hardDelete!.actorType, "SYSTEM");
      assert.equal((hardDelete!.after!.deletedRows as Record<string, number>).tenants, 2);
      assertCode(await owner.gql(`query($t: ID!) { tenant(id: $t) { id } }`, { t: sub }), "NOT_FOUND");

      if (api.database.ownerUrl) {
        // On PostgreSQL, as the owner (no RLS): not one row of the two tenants is left in any table.
        const client = new pg.Client({ connectionString: api.database.ownerUrl });
        await client.connect();
        try {
          const { rows } = await client.query<{ table_name: string }>(`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`);
          for (const { table_name } of rows) {
            const left = await client.query<{ n: number }>(`select count(*)::int as n from "${table_name}" where tenant_id = any($1::uuid[])`, [[sub, subChild]]);
            assert.equal(left.rows[0]!.n, 0, table_name);
          }
          assert.equal((await client.query(`select 1 from tenants where id = any($1::uuid[])`, [[sub, subChild]])).rowCount, 0);
        } finally {
          await client.end();
        }
      }
    });

    it("two job runners (two API processes on PostgreSQL) erase each ticket once and delete a tenant once", async () => {
      const secondDb = openSecondConnection(api.database);
      const { owner, lineId } = await setUpTenant(api, "racing");
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const t = await customerTicket(owner, lineId, `Racer ${i}`);
        await finish(owner, lineId, t.id);
        ids.push(t.id);
      }
      const doomed = await createSubtenant(owner, owner.tenantId, "Raced away");
      assertOk(await owner.gql(deleteMutation, { t: doomed }));
      const at = () => Date.now() + 31 * dayMs;
      const jobs = [api.database.db, (secondDb ?? api.database).db].map((db) => startDataLifecycleJob({ db, autoStart: false, now: at, batchSize: 3 }));
      try {
        const outcomes = await Promise.all(jobs.map((j) => j.runOnce()));
        assert.equal(outcomes.reduce((n, o) => n + o.tenantsDeleted, 0), 1, JSON.stringify(outcomes));
        assert.ok(outcomes.reduce((n, o) => n + o.ticketsErased, 0) >= ids.length);
        const audits = (await auditActions(owner, owner.tenantId, "ticket.erase_personal_data")).filter((e) => ids.includes(e.targetId));
        assert.deepEqual(audits.map((e) => e.targetId).sort(), [...ids].sort(), "each ticket erased and audited exactly once");
        assert.equal((await auditActions(owner, owner.tenantId, "tenant.hard_delete")).length, 1);
      } finally {
        await Promise.all(jobs.map((j) => j.stop()));
        await secondDb?.close();
      }
    });

    it("deletes a root tenant too: its account remains, its owner's other data is untouched", async () => {
      const { owner, lineId } = await setUpTenant(api, "rootgone");
      await customerTicket(owner, lineId, "Root Customer");
      const otherBefore = await rowsInScope(api, b.owner.tenantId);
      assertOk(await owner.gql(deleteMutation, { t: owner.tenantId }));
      clock = Date.now() + 31 * dayMs;
      assert.equal((await api.server.dataLifecycleJob!.runOnce()).tenantsDeleted, 1);
      clock = Date.now();
      assert.equal(total(await rowsInScope(api, owner.tenantId)), 0);
      assert.deepEqual(await rowsInScope(api, b.owner.tenantId), otherBefore);
      const accounts = assertOk(await owner.gql<{ accounts: { id: string; tenants: unknown[] }[] }>(`{ accounts { id tenants { id } } }`)).accounts;
      assert.deepEqual(accounts.find((x) => x.id === owner.accountId)?.tenants ?? [], []);
    });
  });
});
