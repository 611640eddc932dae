/**
 * Web Push subscriptions through the real API (issue 13): the public key, subscribing and unsubscribing by
 * tracking code, what is refused (foreign or malformed endpoints, ended tickets, suspended tenants, floods),
 * and tenant isolation. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { col, decodeFirstRow, withTenantTx, z } from "@qline/db";
import { startPushReceiver, type PushReceiver } from "@qline/push-receiver";
import { assertCode, assertOk, signUpPersona, startTestApi, testConfig, type GraphQLResponse, type Gql, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createLine, issueTicket } from "../../tickets/__tests__/queue-fixtures.js";
import { dropGonePushSubscription } from "../web-push.service.js";
import { pushConfigFor, subscribeMutation, unsubscribeMutation, type PublicTicketSeen } from "./push-fixtures.js";

const fieldPaths = (res: GraphQLResponse<unknown>) => (res.errors?.[0]?.extensions?.fields ?? []).map((f) => f.path);

describe("Web Push subscriptions", () => {
  let api: TestApi;
  let receiver: PushReceiver;
  let owner: Persona;
  let other: Persona;
  let anonymous: Gql;
  let line: string;

  const subscribe = (code: string, subscription: unknown) => anonymous<{ subscribeTicketPush: PublicTicketSeen }>(subscribeMutation, { c: code, s: subscription });
  const unsubscribe = (code: string) => anonymous<{ unsubscribeTicketPush: PublicTicketSeen }>(unsubscribeMutation, { c: code });
  /** The ticket row's push columns, read in its tenant's transaction. */
  const stored = async (tenantId: string, ticketId: string) =>
    withTenantTx(api.database.db, { tenantId, userId: null }, async (tx) =>
      decodeFirstRow(
        z.object({ push_subscription: z.looseObject({ endpoint: col.text, keys: z.looseObject({ p256dh: col.text, auth: col.text }) }).nullable(), notify_channels: col.textArray }),
        await tx.execute(sql`select push_subscription, notify_channels from tickets where id = ${ticketId}`),
      )!,
    );

  before(async () => {
    receiver = await startPushReceiver();
    api = await startTestApi(pushConfigFor(receiver));
    owner = await signUpPersona(api, "owner");
    other = await signUpPersona(api, "other");
    anonymous = api.client();
    line = await createLine(owner.gql, owner.tenantId);
  });
  after(async () => {
    await api?.close();
    await receiver?.close();
  });

  it("publishes the VAPID application server key to anyone", async () => {
    const { webPushPublicKey } = assertOk(await anonymous<{ webPushPublicKey: string }>(`{ webPushPublicKey }`));
    assert.equal(webPushPublicKey, api.config.push.vapid!.publicKey);
    assert.equal(Buffer.from(webPushPublicKey, "base64url").length, 65);
  });

  it("stores the holder's subscription and adds PUSH to the ticket's channels, once", async () => {
    const ticket = await issueTicket(owner.gql, line);
    const { subscription } = receiver.subscribe();
    const seen = assertOk(await subscribe(ticket.trackingCode, { ...subscription, unexpected: "dropped" })).subscribeTicketPush;
    assert.equal(seen.pushEnabled, true);
    const first = await stored(owner.tenantId, ticket.id);
    assert.deepEqual(first.push_subscription, { ...subscription, expirationTime: null });
    assert.deepEqual(first.notify_channels, ["PUSH"]);

    // The same browser subscribing again (a new endpoint after the old one expired) replaces it.
    const renewed = receiver.subscribe().subscription;
    assertOk(await subscribe(ticket.trackingCode, renewed));
    const second = await stored(owner.tenantId, ticket.id);
    assert.equal(second.push_subscription!.endpoint, renewed.endpoint);
    assert.deepEqual(second.notify_channels, ["PUSH"]);

    const { ticketByCode } = assertOk(await anonymous<{ ticketByCode: PublicTicketSeen }>(`query($c: String!) { ticketByCode(code: $c) { pushEnabled } }`, { c: ticket.trackingCode }));
    assert.equal(ticketByCode.pushEnabled, true);
  });

  it("unsubscribing forgets the subscription and PUSH, and may be repeated", async () => {
    const ticket = await issueTicket(owner.gql, line);
    assertOk(await subscribe(ticket.trackingCode, receiver.subscribe().subscription));
    assert.equal(assertOk(await unsubscribe(ticket.trackingCode)).unsubscribeTicketPush.pushEnabled, false);
    assert.deepEqual(await stored(owner.tenantId, ticket.id), { push_subscription: null, notify_channels: [] });
    assert.equal(assertOk(await unsubscribe(ticket.trackingCode)).unsubscribeTicketPush.pushEnabled, false);
  });

  it("refuses an endpoint that is not an allowed push service with BAD_USER_INPUT at subscription.endpoint", async () => {
    const ticket = await issueTicket(owner.gql, line);
    const { subscription } = receiver.subscribe();
    for (const endpoint of [
      "https://attacker.example/collect",
      subscription.endpoint.replace("https:", "http:"),
      "https://127.0.0.2:443/push/x",
      "https://169.254.169.254/latest/meta-data/",
      "file:///etc/passwd",
    ]) {
      const res = await subscribe(ticket.trackingCode, { ...subscription, endpoint });
      assertCode(res, "BAD_USER_INPUT");
      assert.deepEqual(fieldPaths(res), ["subscription.endpoint"], endpoint);
    }
    assert.equal((await stored(owner.tenantId, ticket.id)).push_subscription, null);
  });

  it("refuses malformed keys and shapes with BAD_USER_INPUT at the failing fields", async () => {
    const ticket = await issueTicket(owner.gql, line);
    const { subscription } = receiver.subscribe();
    const cases: [unknown, string[]][] = [
      [{ ...subscription, keys: { ...subscription.keys, p256dh: Buffer.alloc(65, 7).toString("base64url") } }, ["subscription.keys.p256dh"]],
      [{ ...subscription, keys: { ...subscription.keys, auth: "AAAA" } }, ["subscription.keys.auth"]],
      [{ endpoint: subscription.endpoint }, ["subscription.keys.p256dh", "subscription.keys.auth"]],
      ["not an object", ["subscription"]],
      [{ ...subscription, padding: "x".repeat(5000) }, ["subscription"]],
    ];
    for (const [input, paths] of cases) {
      const res = await subscribe(ticket.trackingCode, input);
      assertCode(res, "BAD_USER_INPUT");
      assert.deepEqual(fieldPaths(res), paths);
    }
    assert.equal((await stored(owner.tenantId, ticket.id)).push_subscription, null);
  });

  it("an unknown code is NOT_FOUND; an ended ticket cannot subscribe (INVALID_TRANSITION) but can unsubscribe", async () => {
    assertCode(await subscribe("nope-not-a-code", receiver.subscribe().subscription), "NOT_FOUND");
    assertCode(await unsubscribe("nope-not-a-code"), "NOT_FOUND");
    const ticket = await issueTicket(owner.gql, line);
    assertOk(await anonymous(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: ticket.trackingCode }));
    assertCode(await subscribe(ticket.trackingCode, receiver.subscribe().subscription), "INVALID_TRANSITION");
    assertOk(await unsubscribe(ticket.trackingCode));
  });

  it("a ticket's subscription is reached only through its own code and its own tenant", async () => {
    const otherLine = await createLine(other.gql, other.tenantId);
    const mine = await issueTicket(owner.gql, line);
    const theirs = await issueTicket(other.gql, otherLine);
    const { subscription } = receiver.subscribe();
    assertOk(await subscribe(mine.trackingCode, subscription));
    assertOk(await subscribe(theirs.trackingCode, receiver.subscribe().subscription));
    // Unsubscribing their ticket leaves mine on.
    assertOk(await unsubscribe(theirs.trackingCode));
    assert.equal((await stored(owner.tenantId, mine.id)).push_subscription?.endpoint, subscription.endpoint);
    // The delivery path's drop, run in the other tenant's transaction with my ticket's id, touches nothing (RLS).
    const dropped = await withTenantTx(api.database.db, { tenantId: other.tenantId, userId: null }, (tx) => dropGonePushSubscription(tx, other.tenantId, mine.id, subscription.endpoint));
    assert.equal(dropped, false);
    const droppedWithMyTenantId = await withTenantTx(api.database.db, { tenantId: other.tenantId, userId: null }, (tx) => dropGonePushSubscription(tx, owner.tenantId, mine.id, subscription.endpoint));
    assert.equal(droppedWithMyTenantId, false);
    assert.equal((await stored(owner.tenantId, mine.id)).push_subscription?.endpoint, subscription.endpoint);
    // The other tenant's staff cannot read my ticket at all.
    assertCode(await other.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: mine.id }), "NOT_FOUND");
    // In my tenant, the drop only removes the endpoint that failed, not a newer one.
    assert.equal(await withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, (tx) => dropGonePushSubscription(tx, owner.tenantId, mine.id, "https://stale.example/")), false);
    assert.equal(await withTenantTx(api.database.db, { tenantId: owner.tenantId, userId: null }, (tx) => dropGonePushSubscription(tx, owner.tenantId, mine.id, subscription.endpoint)), true);
    assert.deepEqual(await stored(owner.tenantId, mine.id), { push_subscription: null, notify_channels: [] });
  });

  it("a suspended tenant's customers are refused (FORBIDDEN), as cancelMyTicket is", async () => {
    const operator = await signUpPersona(api, "operator");
    api.config.platformAdminEmails.push(operator.email);
    const tenant = await signUpPersona(api, "suspended");
    const ticket = await issueTicket(tenant.gql, await createLine(tenant.gql, tenant.tenantId));
    assertOk(await operator.gql(`mutation($t: ID!, $s: Boolean!) { setTenantSuspended(tenantId: $t, suspended: $s) }`, { t: tenant.tenantId, s: true }));
    assertCode(await subscribe(ticket.trackingCode, receiver.subscribe().subscription), "FORBIDDEN");
    assertCode(await unsubscribe(ticket.trackingCode), "FORBIDDEN");
  });
});

describe("Web Push limits and switch", () => {
  it("subscribing is rate-limited per address like cancelMyTicket (LIMIT_EXCEEDED)", async () => {
    const receiver = await startPushReceiver();
    const base = testConfig();
    const api = await startTestApi({ ...pushConfigFor(receiver), rateLimits: { ...base.rateLimits, cancelPerIpPerMinute: 2 } });
    try {
      const owner = await signUpPersona(api, "limited");
      const ticket = await issueTicket(owner.gql, await createLine(owner.gql, owner.tenantId));
      const anonymous = api.client();
      for (let i = 0; i < 2; i++) assertOk(await anonymous(subscribeMutation, { c: ticket.trackingCode, s: receiver.subscribe().subscription }));
      assertCode(await anonymous(subscribeMutation, { c: ticket.trackingCode, s: receiver.subscribe().subscription }), "LIMIT_EXCEEDED");
      assertCode(await anonymous(unsubscribeMutation, { c: ticket.trackingCode }), "LIMIT_EXCEEDED");
    } finally {
      await api.close();
      await receiver.close();
    }
  });

  it("without VAPID keys (production without VAPID_*) the key is empty and subscribing is CONFLICT", async () => {
    const receiver = await startPushReceiver();
    const base = pushConfigFor(receiver).push;
    const api = await startTestApi({ push: { ...base, vapid: null, vapidSource: "none" } });
    try {
      const owner = await signUpPersona(api, "nopush");
      const ticket = await issueTicket(owner.gql, await createLine(owner.gql, owner.tenantId));
      assert.equal(assertOk(await api.client()<{ webPushPublicKey: string }>(`{ webPushPublicKey }`)).webPushPublicKey, "");
      assertCode(await api.client()(subscribeMutation, { c: ticket.trackingCode, s: receiver.subscribe().subscription }), "CONFLICT");
    } finally {
      await api.close();
      await receiver.close();
    }
  });
});
