/**
 * The PUSH sender against a real local push service (@qline/push-receiver): HTTPS, VAPID checked, the
 * aes128gcm body decrypted with the subscription's own keys, as a browser's push service and browser would.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startPushReceiver, type PushReceiver } from "@qline/push-receiver";
import { loadConfig, type PushConfig } from "../../../env.js";
import { WebPushSender, pushTopic, type PushMessage } from "../channels/web-push.js";
import { freePort } from "../../../__tests__/harness.js";

const ticketId = "5b0e7c9a-1f0e-4c65-9d2b-0c1d2e3f4a5b";
const called: PushMessage = { title: "It's your turn", body: "A042: please go to Counter 2", url: "http://127.0.0.1:4174/ticket/abc", tag: `ticket-${ticketId}`, trigger: "CALLED" };

describe("WebPushSender", () => {
  let receiver: PushReceiver;
  let config: PushConfig;
  let sender: WebPushSender;

  before(async () => {
    receiver = await startPushReceiver();
    config = loadConfig({ QLINE_DATA_DIR: `/tmp/qline-test-vapid-${process.pid}`, PUSH_ENDPOINT_ALLOWLIST: receiver.host, PUSH_TLS_CA_FILE: receiver.caFile, JWT_SECRET: "x".repeat(32) }).push;
    sender = new WebPushSender(config);
  });
  after(async () => {
    sender.close();
    await receiver.close();
  });

  test("delivers one encrypted message the subscription's keys decrypt, with VAPID, TTL, Urgency and Topic", async () => {
    const { id, subscription } = receiver.subscribe();
    const outcome = await sender.send({ subscription, message: called, ticketId });
    assert.equal(outcome.kind, "sent");
    const [message] = await receiver.waitForMessages(1, { subscriptionId: id });
    assert.deepEqual(JSON.parse(message!.text), called);
    assert.equal(message!.vapid.aud, receiver.origin);
    assert.equal(message!.vapid.publicKey, config.vapid!.publicKey);
    assert.equal(message!.urgency, "high");
    assert.equal(message!.ttl, 1800);
    assert.equal(message!.topic, pushTopic(ticketId));
    assert.deepEqual(receiver.refused, []);
  });

  test("a message other than CALLED goes with normal urgency", async () => {
    const { id, subscription } = receiver.subscribe();
    assert.equal((await sender.send({ subscription, message: { ...called, trigger: "JOINED" }, ticketId })).kind, "sent");
    const [message] = await receiver.waitForMessages(1, { subscriptionId: id });
    assert.equal(message!.urgency, "normal");
  });

  test("404 and 410 mean the subscription is gone; other 4xx are rejected; 429 and 5xx are retried", async () => {
    for (const [status, kind] of [
      [404, "gone"],
      [410, "gone"],
      [400, "rejected"],
      [413, "rejected"],
      [429, "retry"],
      [500, "retry"],
      [503, "retry"],
    ] as const) {
      const { id, subscription } = receiver.subscribe();
      receiver.respondWith(id, status);
      const outcome = await sender.send({ subscription, message: called, ticketId });
      assert.equal(outcome.kind, kind, `${status} → ${kind}`);
      assert.equal(outcome.statusCode, status);
    }
  });

  test("an unreachable push service is retried", async () => {
    const port = await freePort();
    const unreachable = new WebPushSender({ ...config, endpointAllowHosts: [`127.0.0.1:${port}`] });
    const { subscription } = receiver.subscribe();
    const outcome = await unreachable.send({ subscription: { ...subscription, endpoint: `https://127.0.0.1:${port}/push/x` }, message: called, ticketId });
    unreachable.close();
    assert.equal(outcome.kind, "retry");
  });

  test("a push service whose certificate is not trusted is never sent the message", async () => {
    const untrusting = new WebPushSender({ ...config, tlsCa: undefined });
    const { id, subscription } = receiver.subscribe();
    const outcome = await untrusting.send({ subscription, message: called, ticketId });
    untrusting.close();
    assert.equal(outcome.kind, "retry");
    // Fence: a later message to the same subscription through the trusting sender is the first one it got.
    await sender.send({ subscription, message: { ...called, body: "fence" }, ticketId });
    const [first] = await receiver.waitForMessages(1, { subscriptionId: id });
    assert.equal(JSON.parse(first!.text).body, "fence");
  });

  test("an endpoint no longer allowed is refused before any request", async () => {
    const strict = new WebPushSender({ ...config, endpointAllowHosts: [] });
    const { id, subscription } = receiver.subscribe();
    const outcome = await strict.send({ subscription, message: called, ticketId });
    strict.close();
    assert.equal(outcome.kind, "rejected");
    await sender.send({ subscription, message: { ...called, body: "fence" }, ticketId });
    const [first] = await receiver.waitForMessages(1, { subscriptionId: id });
    assert.equal(JSON.parse(first!.text).body, "fence");
  });

  test("without VAPID keys (production without VAPID_*) nothing is sent", async () => {
    const off = new WebPushSender({ ...config, vapid: null, vapidSource: "none" });
    assert.equal(off.enabled, false);
    const { subscription } = receiver.subscribe();
    assert.equal((await off.send({ subscription, message: called, ticketId })).kind, "rejected");
    off.close();
  });
});
