/**
 * The notification API: who may read and change what (allow and deny), another tenant's ids are NOT_FOUND,
 * secrets are write-only and encrypted at rest, templates are validated, the SMS webhook is signed and follows
 * the estimator webhook's address rule, TTL escalations reach the MANAGER+ who opted in, and devMailbox shows
 * a tenant only its own messages.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { col, decodeRows, withTenantTx, z } from "@qline/db";
import { assertCode, assertOk, memberPersona, signUpPersona, type Persona } from "../../../__tests__/harness.js";
import { createLine } from "../../tickets/__tests__/queue-fixtures.js";
import { outbox, only, startNotifyEnv, type NotifyEnv } from "./fixtures.js";

const settingsQ = `query($l: ID!) { notificationSettings(lineId: $l) { lineId joined almostThere almostTherePosition almostThereMinutes called } }`;
const updateSettings = `mutation($l: ID!, $i: NotificationSettingsInput!) { updateNotificationSettings(lineId: $l, input: $i) { almostTherePosition called } }`;
const templatesQ = `query($t: ID!) { notificationTemplates(tenantId: $t) { trigger channel language subject body isDefault variables } }`;
const setTemplate = `mutation($t: ID!, $i: NotificationTemplateInput!) { setNotificationTemplate(tenantId: $t, input: $i) { body isDefault } }`;
const resetTemplate = `mutation($t: ID!) { resetNotificationTemplate(tenantId: $t, trigger: CALLED, channel: SMS, language: "en") { body isDefault } }`;
const preview = `query($t: ID!, $i: NotificationTemplateInput!) { previewNotificationTemplate(tenantId: $t, input: $i) { subject body } }`;
const providersQ = `query($t: ID!) { notificationProviders(tenantId: $t) { smsRoute twilioConfigured twilioAccountSid webhookUrl webhookConfigured emailSenderName emailReplyTo platformSms platformEmail } }`;
const setProviders = `mutation($t: ID!, $i: NotificationProvidersInput!) { setNotificationProviders(tenantId: $t, input: $i) { smsRoute twilioConfigured webhookConfigured webhookUrl emailSenderName } }`;
const logQ = `query($t: ID!, $f: NotificationFilter, $first: Int, $after: String) { tenantNotifications(tenantId: $t, filter: $f, first: $first, after: $after) { nodes { id trigger channel status } pageInfo { hasNextPage endCursor } counts { pending sent dead skipped } } }`;
const escalation = `mutation($t: ID!, $on: Boolean!) { setMyEscalationEmails(tenantId: $t, enabled: $on) }`;
const mailbox = `query($t: ID!) { devMailbox(tenantId: $t) { kind to subject body } }`;
const issue = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id number } }`;

describe("notification API", () => {
  let env: NotifyEnv;
  let ttlClock = Date.now();
  let owner: Persona;
  let staff: Persona;
  let manager: Persona;
  let other: Persona;
  let lineId: string;
  let otherLine: string;

  before(async () => {
    env = await startNotifyEnv({ allowHosts: ["127.0.0.1"], ttlNow: () => ttlClock });
    owner = await signUpPersona(env.api, "owner");
    other = await signUpPersona(env.api, "other");
    staff = await memberPersona(env.api, owner, owner.tenantId, "STAFF");
    manager = await memberPersona(env.api, owner, owner.tenantId, "MANAGER");
    lineId = await createLine(owner.gql, owner.tenantId, { name: "Main", ttl: { warnSeconds: 60 } });
    otherLine = await createLine(other.gql, other.tenantId, { name: "Theirs" });
  });
  after(() => env.close());

  it("line settings: defaults; staff read, managers change; another tenant's line is NOT_FOUND", async () => {
    const read = assertOk(await staff.gql<{ notificationSettings: Record<string, unknown> }>(settingsQ, { l: lineId }));
    assert.deepEqual(read.notificationSettings, { lineId, joined: true, almostThere: true, almostTherePosition: 3, almostThereMinutes: 5, called: true });
    assertCode(await staff.gql(updateSettings, { l: lineId, i: { called: false } }), "FORBIDDEN");
    assertCode(await other.gql(settingsQ, { l: lineId }), "NOT_FOUND");
    assertCode(await other.gql(updateSettings, { l: lineId, i: { called: false } }), "NOT_FOUND");
    const bad = await manager.gql(updateSettings, { l: lineId, i: { almostTherePosition: 0 } });
    assertCode(bad, "BAD_USER_INPUT");
    assert.equal(bad.errors![0]!.extensions!.fields![0]!.path, "input.almostTherePosition");
    const changed = assertOk(await manager.gql<{ updateNotificationSettings: { almostTherePosition: number; called: boolean } }>(updateSettings, { l: lineId, i: { almostTherePosition: 5 } }));
    assert.deepEqual(changed.updateNotificationSettings, { almostTherePosition: 5, called: true });
  });

  it("a trigger switched off queues nothing for it", async () => {
    assertOk(await owner.gql(updateSettings, { l: otherLine, i: {} }).then(() => other.gql(updateSettings, { l: otherLine, i: { joined: false, almostThere: false } })));
    const t = assertOk(await other.gql<{ issueTicket: { id: string } }>(issue, { input: { lineId: otherLine, email: "x@example.test", notify: ["EMAIL"] } })).issueTicket;
    assert.equal((await outbox(env.api.database.db, other.tenantId, t.id)).length, 0);
  });

  it("templates: everyone reads; admins set (validated), preview and reset; another tenant is NOT_FOUND", async () => {
    const all = assertOk(await staff.gql<{ notificationTemplates: { trigger: string; channel: string; isDefault: boolean; variables: string[] }[] }>(templatesQ, { t: owner.tenantId }));
    assert.equal(all.notificationTemplates.length, (6 * 3 + 1) * 2, "6 customer triggers × 3 channels + ESCALATED by email, in en and de");
    assert.ok(all.notificationTemplates.every((t) => t.isDefault && t.variables.includes("waitRange")));
    assertCode(await other.gql(templatesQ, { t: owner.tenantId }), "NOT_FOUND");
    const input = { trigger: "CALLED", channel: "SMS", language: "en", body: "{number}: counter {counter} now!" };
    assertCode(await staff.gql(setTemplate, { t: owner.tenantId, i: input }), "FORBIDDEN");
    assertCode(await other.gql(setTemplate, { t: owner.tenantId, i: input }), "NOT_FOUND");
    const unknown = await owner.gql(setTemplate, { t: owner.tenantId, i: { ...input, body: "Hi {name}, go to {counter}" } });
    assertCode(unknown, "BAD_USER_INPUT");
    assert.equal(unknown.errors![0]!.extensions!.fields![0]!.path, "input.body");
    assert.match(unknown.errors![0]!.message, /unknown variable \{name\}/);
    assertCode(await owner.gql(setTemplate, { t: owner.tenantId, i: { ...input, trigger: "ESCALATED" } }), "BAD_USER_INPUT");
    const shown = assertOk(await staff.gql<{ previewNotificationTemplate: { body: string } }>(preview, { t: owner.tenantId, i: input }));
    assert.equal(shown.previewNotificationTemplate.body, "A042: counter Desk 3 now!");
    const set = assertOk(await owner.gql<{ setNotificationTemplate: { body: string; isDefault: boolean } }>(setTemplate, { t: owner.tenantId, i: input }));
    assert.deepEqual(set.setNotificationTemplate, { body: input.body, isDefault: false });
    const reset = assertOk(await owner.gql<{ resetNotificationTemplate: { isDefault: boolean } }>(resetTemplate, { t: owner.tenantId }));
    assert.equal(reset.resetNotificationTemplate.isDefault, true);
    assertCode(await other.gql(resetTemplate, { t: owner.tenantId }), "NOT_FOUND");
  });

  it("providers: admins only; secrets are write-only and encrypted at rest; the webhook URL follows the address rule", async () => {
    assertCode(await staff.gql(providersQ, { t: owner.tenantId }), "FORBIDDEN");
    assertCode(await other.gql(providersQ, { t: owner.tenantId }), "NOT_FOUND");
    assertCode(await other.gql(setProviders, { t: owner.tenantId, i: { smsRoute: "WEBHOOK" } }), "NOT_FOUND");
    const metadata = await owner.gql(setProviders, { t: owner.tenantId, i: { webhookUrl: "http://169.254.169.254/latest" } });
    assertCode(metadata, "BAD_USER_INPUT");
    assert.equal(metadata.errors![0]!.extensions!.fields![0]!.path, "input.webhookUrl");
    assertCode(await owner.gql(setProviders, { t: owner.tenantId, i: { twilioAccountSid: "nope" } }), "BAD_USER_INPUT");
    const secret = "whsec-test-0123456789abcdef";
    const token = "twilio-token-very-secret-1234";
    const set = assertOk(await owner.gql<{ setNotificationProviders: Record<string, unknown> }>(setProviders, {
      t: owner.tenantId,
      i: { twilioAccountSid: `AC${"1".repeat(32)}`, twilioAuthToken: token, twilioFrom: "+15005550006", webhookSecret: secret, emailSenderName: "Front desk" },
    }));
    assert.deepEqual(set.setNotificationProviders, { smsRoute: "PLATFORM", twilioConfigured: true, webhookConfigured: false, webhookUrl: null, emailSenderName: "Front desk" });
    const read = await owner.gql(providersQ, { t: owner.tenantId });
    assert.ok(!JSON.stringify(read).includes(token) && !JSON.stringify(read).includes(secret), "never returned");
    const stored = await withTenantTx(env.api.database.db, { tenantId: owner.tenantId, userId: null }, async (tx) =>
      decodeRows(z.object({ kind: col.text, ciphertext: col.text }), await tx.execute(sql`select kind, ciphertext from tenant_secrets where tenant_id = ${owner.tenantId}`)),
    );
    assert.equal(stored.length, 2);
    assert.ok(stored.every((s) => s.ciphertext.startsWith("v1.") && !s.ciphertext.includes(token) && !s.ciphertext.includes(secret)));
    const audit = await withTenantTx(env.api.database.db, { tenantId: owner.tenantId, userId: null }, async (tx) =>
      decodeRows(z.object({ after: col.json }), await tx.execute(sql`select after from audit_log where tenant_id = ${owner.tenantId} and action = 'notification.providers'`)),
    );
    assert.ok(!JSON.stringify(audit).includes(token), "the audit log does not hold the secret either");
    // The general settings editor cannot overwrite (or bypass the checks of) the notification settings.
    assertOk(await owner.gql(`mutation($id: ID!, $i: UpdateTenantInput!) { updateTenant(id: $id, input: $i) { id } }`, { id: owner.tenantId, i: { settings: { notifications: { webhookUrl: "http://10.0.0.1/" } } } }));
    const kept = assertOk(await owner.gql<{ notificationProviders: { twilioConfigured: boolean; webhookUrl: string | null; emailSenderName: string } }>(providersQ, { t: owner.tenantId }));
    assert.deepEqual([kept.notificationProviders.twilioConfigured, kept.notificationProviders.webhookUrl, kept.notificationProviders.emailSenderName], [true, null, "Front desk"]);
  });

  it("SMS by the tenant's signed webhook: HMAC over timestamp and body, the notification id as Idempotency-Key", async () => {
    const secret = "whsec-test-0123456789abcdef";
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(202, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: "gw-1" }));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms`;
      assertOk(await owner.gql(setProviders, { t: owner.tenantId, i: { smsRoute: "WEBHOOK", webhookUrl: url } }));
      const t = assertOk(await owner.gql<{ issueTicket: { id: string; number: string } }>(issue, { input: { lineId, phone: "+491517777777", notify: ["SMS"] } })).issueTicket;
      await env.drain();
      const hit = only(received.filter((r) => r.body.includes('"trigger":"JOINED"')), "webhook request for JOINED"); // ALMOST_THERE follows (position 1)
      const row = only((await outbox(env.api.database.db, owner.tenantId, t.id)).filter((r) => r.trigger === "JOINED"), "JOINED row");
      assert.equal(row.provider, "WEBHOOK");
      assert.equal(row.status, "SENT");
      assert.equal(hit.headers["idempotency-key"], row.id);
      const timestamp = String(hit.headers["x-qline-timestamp"]);
      const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${hit.body}`).digest("hex")}`;
      assert.equal(hit.headers["x-qline-signature"], expected);
      const payload = JSON.parse(hit.body) as { to: string; body: string; id: string; trigger: string };
      assert.deepEqual([payload.to, payload.id, payload.trigger], ["+491517777777", row.id, "JOINED"]);
      assert.match(payload.body, new RegExp(`You are ${t.number}`));
    } finally {
      assertOk(await owner.gql(setProviders, { t: owner.tenantId, i: { smsRoute: "PLATFORM" } }));
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });

  it("delivery log: tickets:read in the tenant; counts by status; cursor paging; another tenant is NOT_FOUND", async () => {
    const first = assertOk(await staff.gql<{ tenantNotifications: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; counts: { sent: number } } }>(logQ, { t: owner.tenantId, first: 1 }));
    assert.equal(first.tenantNotifications.nodes.length, 1);
    assert.ok(first.tenantNotifications.counts.sent >= 1);
    if (first.tenantNotifications.pageInfo.hasNextPage) {
      const next = assertOk(await staff.gql<{ tenantNotifications: { nodes: { id: string }[] } }>(logQ, { t: owner.tenantId, first: 1, after: first.tenantNotifications.pageInfo.endCursor }));
      assert.notEqual(next.tenantNotifications.nodes[0]?.id, first.tenantNotifications.nodes[0]!.id);
    }
    assertCode(await other.gql(logQ, { t: owner.tenantId }), "NOT_FOUND");
    assertCode(await staff.gql(logQ, { t: owner.tenantId, after: "garbage" }), "BAD_USER_INPUT");
    const theirs = assertOk(await other.gql<{ tenantNotifications: { nodes: { id: string }[] } }>(logQ, { t: other.tenantId }));
    const ours = assertOk(await owner.gql<{ tenantNotifications: { nodes: { id: string }[] } }>(logQ, { t: owner.tenantId, first: 200 }));
    const ourIds = new Set(ours.tenantNotifications.nodes.map((n) => n.id));
    assert.ok(theirs.tenantNotifications.nodes.every((n) => !ourIds.has(n.id)));
  });

  it("TTL escalation emails reach the MANAGER who opted in, not staff (who cannot opt in)", async () => {
    assertCode(await staff.gql(escalation, { t: owner.tenantId, on: true }), "FORBIDDEN");
    assertCode(await other.gql(escalation, { t: owner.tenantId, on: true }), "NOT_FOUND");
    assert.equal(assertOk(await manager.gql<{ setMyEscalationEmails: boolean }>(escalation, { t: owner.tenantId, on: true })).setMyEscalationEmails, true);
    const t = assertOk(await owner.gql<{ issueTicket: { id: string; number: string } }>(issue, { input: { lineId } })).issueTicket;
    ttlClock = Date.now() + 120_000;
    await env.api.server.ttlJob!.runOnce();
    env.sinks.clear();
    await env.drain();
    const rows = (await outbox(env.api.database.db, owner.tenantId, t.id)).filter((r) => r.trigger === "ESCALATED");
    assert.deepEqual(rows.map((r) => [r.channel, r.status, r.recipient]), [["EMAIL", "SENT", manager.email]]);
    const mail = only(env.sinks.messages().filter((m) => m.to.includes(manager.email) && m.subject?.includes(t.number)), "escalation email");
    assert.match(mail.body, new RegExp(`Ticket ${t.number} in line Main has waited longer`));
  });

  it("devMailbox: only with the dev sinks; a tenant sees only its own messages", async () => {
    // This API has no dev sinks of its own (the tests point SMTP/Twilio at theirs): the mailbox is empty.
    assert.deepEqual(assertOk(await owner.gql<{ devMailbox: unknown[] }>(mailbox, { t: owner.tenantId })).devMailbox, []);
    assertCode(await other.gql(mailbox, { t: owner.tenantId }), "NOT_FOUND");
  });
});
