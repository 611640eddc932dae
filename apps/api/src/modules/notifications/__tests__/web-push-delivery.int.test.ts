/**
 * Web Push end to end through the API (issue 13): a customer subscribes by tracking code, staff call the ticket,
 * the outbox's worker delivers through the WEB_PUSH sender to a local push service (@qline/push-receiver: HTTPS,
 * VAPID verified, the aes128gcm body decrypted with the subscription's own keys). Expired subscriptions (410)
 * are dropped; other 4xx are not retried; 5xx are. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { col, decodeFirstRow, withTenantTx, z } from "@qline/db";
import { startPushReceiver, type PushReceiver, type ReceivedPush } from "@qline/push-receiver";
import { assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createCounter, createLine, issueTicket } from "../../tickets/__tests__/queue-fixtures.js";
import { pushTopic } from "../channels/web-push.js";
import { drainWorker, outbox, only } from "./fixtures.js";
import { pushConfigFor, subscribeMutation } from "./push-fixtures.js";

interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  trigger: string;
}
const payload = (m: ReceivedPush) => JSON.parse(m.text) as PushPayload;

describe("Web Push delivery through the outbox", () => {
  let receiver: PushReceiver;
  let api: TestApi;
  let owner: Persona;
  let other: Persona;
  const clock = {
    skip: 0,
    now() {
      return Date.now() + this.skip;
    },
  };
  const drain = () => drainWorker(api);

  /** A line with an open counter, "almost your turn" off (its own tests are on the notify branch). */
  async function lineWithCounter(persona: Persona, counterName: string): Promise<{ lineId: string; counterId: string }> {
    const lineId = await createLine(persona.gql, persona.tenantId, { name: "Pastries" });
    const counterId = await createCounter(persona.gql, lineId, counterName);
    assertOk(await persona.gql(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: counterId }));
    assertOk(await persona.gql(`mutation($l: ID!) { updateNotificationSettings(lineId: $l, input: { almostThere: false }) { almostThere } }`, { l: lineId }));
    return { lineId, counterId };
  }
  /** A waiting ticket whose holder subscribed with a new receiver subscription. */
  async function subscribedTicket(persona: Persona, lineId: string) {
    const ticket = await issueTicket(persona.gql, lineId);
    const { id, subscription } = receiver.subscribe();
    assertOk(await api.client()(subscribeMutation, { c: ticket.trackingCode, s: subscription }));
    return { ticket, subscriptionId: id, endpoint: subscription.endpoint };
  }
  const callNext = async (persona: Persona, lineId: string, counterId: string) =>
    assertOk(await persona.gql<{ callNext: { id: string; number: string } | null }>(`mutation($l: ID!, $c: ID) { callNext(lineId: $l, counterId: $c) { id number } }`, { l: lineId, c: counterId })).callNext;
  const messagesOf = (subscriptionId: string) => receiver.messages.filter((m) => m.subscriptionId === subscriptionId);
  const refusalsOf = (subscriptionId: string) => receiver.refused.filter((r) => r.subscriptionId === subscriptionId);
  const pushColumns = async (tenantId: string, ticketId: string) =>
    withTenantTx(api.database.db, { tenantId, userId: null }, async (tx) =>
      decodeFirstRow(z.object({ push_subscription: col.json, notify_channels: col.textArray }), await tx.execute(sql`select push_subscription, notify_channels from tickets where id = ${ticketId}`))!,
    );

  before(async () => {
    receiver = await startPushReceiver();
    api = await startTestApi(pushConfigFor(receiver), { notifications: { worker: { autoStart: false, now: () => clock.now(), random: () => 0.5 } } });
    owner = await signUpPersona(api, "bakery");
    other = await signUpPersona(api, "rival");
  });
  after(async () => {
    await api?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    await drain();
  });

  it("callNext → exactly one encrypted CALLED push naming the counter, VAPID-signed, urgent, topic per ticket", async () => {
    const { lineId, counterId } = await lineWithCounter(owner, "Counter 2");
    const { ticket, subscriptionId, endpoint } = await subscribedTicket(owner, lineId);
    assert.equal((await callNext(owner, lineId, counterId))?.id, ticket.id);
    await drain();

    const message = only(messagesOf(subscriptionId), "push message");
    const sent = payload(message);
    assert.equal(sent.trigger, "CALLED");
    assert.match(sent.body, new RegExp(`${ticket.number}, please go to Counter 2`));
    assert.equal(sent.title, "bakery HQ"); // the tenant's name
    assert.match(sent.url, new RegExp(`/ticket/${ticket.trackingCode}(\\?|$)`));
    assert.equal(message.urgency, "high");
    assert.equal(message.ttl, 1800);
    assert.equal(message.topic, pushTopic(ticket.id));
    assert.equal(message.vapid.aud, receiver.origin);
    assert.equal(message.vapid.publicKey, api.config.push.vapid!.publicKey);
    assert.deepEqual(refusalsOf(subscriptionId), []);

    const row = only((await outbox(api.database.db, owner.tenantId, ticket.id)).filter((r) => r.channel === "PUSH"), "PUSH outbox row");
    assert.deepEqual([row.trigger, row.provider, row.status, row.attempts, row.recipient], ["CALLED", "WEB_PUSH", "SENT", 1, endpoint]);
    // Nothing more is due: polling again sends nothing.
    assert.equal(await drain(), 0);
    assert.equal(messagesOf(subscriptionId).length, 1);
  });

  it("410 Gone: the notification is DEAD (gone), the subscription is dropped, nothing is retried", async () => {
    const { lineId, counterId } = await lineWithCounter(owner, "Counter 4");
    const { ticket, subscriptionId } = await subscribedTicket(owner, lineId);
    receiver.respondWith(subscriptionId, 410);
    await callNext(owner, lineId, counterId);
    await drain();

    const row = only((await outbox(api.database.db, owner.tenantId, ticket.id)).filter((r) => r.channel === "PUSH"), "PUSH outbox row");
    assert.deepEqual([row.trigger, row.status, row.attempts], ["CALLED", "DEAD", 1]);
    assert.match(row.last_error ?? "", /^gone: push service answered 410/);
    assert.deepEqual(await pushColumns(owner.tenantId, ticket.id), { push_subscription: null, notify_channels: [] });
    const { ticketByCode } = assertOk(await api.client()<{ ticketByCode: { pushEnabled: boolean } }>(`query($c: String!) { ticketByCode(code: $c) { pushEnabled } }`, { c: ticket.trackingCode }));
    assert.equal(ticketByCode.pushEnabled, false);
    clock.skip += 3_600_000; // past any backoff: still nothing to retry
    assert.equal(await drain(), 0);
    assert.equal(refusalsOf(subscriptionId).length, 1);
  });

  it("another 4xx is DEAD at once with the push service's answer; a 5xx is retried and delivered once it recovers", async () => {
    const { lineId, counterId } = await lineWithCounter(owner, "Counter 5");
    const rejected = await subscribedTicket(owner, lineId);
    const flaky = await subscribedTicket(owner, lineId);
    receiver.respondWith(rejected.subscriptionId, 400);
    receiver.respondWith(flaky.subscriptionId, 503);
    await callNext(owner, lineId, counterId);
    await callNext(owner, lineId, counterId);
    await drain();

    const dead = only((await outbox(api.database.db, owner.tenantId, rejected.ticket.id)).filter((r) => r.channel === "PUSH"), "PUSH row");
    assert.deepEqual([dead.status, dead.attempts], ["DEAD", 1]);
    assert.match(dead.last_error ?? "", /answered 400: answering 400 as told/);
    assert.notEqual((await pushColumns(owner.tenantId, rejected.ticket.id)).push_subscription, null); // not gone: kept
    const retrying = only((await outbox(api.database.db, owner.tenantId, flaky.ticket.id)).filter((r) => r.channel === "PUSH"), "PUSH row");
    assert.deepEqual([retrying.status, retrying.attempts], ["RETRYING", 1]);

    receiver.respondWith(flaky.subscriptionId, null); // the push service is back
    clock.skip += 3_600_000;
    await drain();
    const delivered = only((await outbox(api.database.db, owner.tenantId, flaky.ticket.id)).filter((r) => r.channel === "PUSH"), "PUSH row");
    assert.deepEqual([delivered.status, delivered.attempts], ["SENT", 2]);
    assert.equal(payload(only(messagesOf(flaky.subscriptionId), "push message")).trigger, "CALLED");
    assert.equal(refusalsOf(rejected.subscriptionId).length, 1); // never retried
  });

  it("each tenant's customers get their own tickets' messages only", async () => {
    const mine = await lineWithCounter(owner, "Counter 6");
    const theirs = await lineWithCounter(other, "Desk 9");
    const a = await subscribedTicket(owner, mine.lineId);
    const b = await subscribedTicket(other, theirs.lineId);
    await callNext(owner, mine.lineId, mine.counterId);
    await callNext(other, theirs.lineId, theirs.counterId);
    await drain();
    const toA = payload(only(messagesOf(a.subscriptionId), "push to A"));
    const toB = payload(only(messagesOf(b.subscriptionId), "push to B"));
    assert.match(toA.body, /Counter 6/);
    assert.equal(toA.title, "bakery HQ");
    assert.match(toB.body, /Desk 9/);
    assert.equal(toB.title, "rival HQ");
    // Each tenant's delivery log holds only its own ticket's message.
    assert.deepEqual((await outbox(api.database.db, other.tenantId, a.ticket.id)).length, 0);
    assert.deepEqual((await outbox(api.database.db, owner.tenantId, b.ticket.id)).length, 0);
  });

  it("an unsubscribed ticket's pending push is skipped, not sent", async () => {
    const { lineId, counterId } = await lineWithCounter(owner, "Counter 7");
    const { ticket, subscriptionId } = await subscribedTicket(owner, lineId);
    await callNext(owner, lineId, counterId); // the CALLED row is written with the call
    assertOk(await api.client()(`mutation($c: String!) { unsubscribeTicketPush(code: $c) { pushEnabled } }`, { c: ticket.trackingCode }));
    await drain();
    const row = only((await outbox(api.database.db, owner.tenantId, ticket.id)).filter((r) => r.channel === "PUSH"), "PUSH row");
    assert.equal(row.status, "SKIPPED");
    assert.equal(messagesOf(subscriptionId).length, 0);
    assert.equal(refusalsOf(subscriptionId).length, 0);
  });
});
