import assert from "node:assert/strict";
import { createECDH, randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { AppError } from "../../../errors/codes.js";
import { parsePushSubscription, pushEndpointAllowed } from "../push-subscription.js";

const p256dh = () => {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return ecdh.getPublicKey().toString("base64url");
};
const valid = (endpoint = "https://fcm.googleapis.com/fcm/send/abc:APA91b") => ({ endpoint, expirationTime: null, keys: { p256dh: p256dh(), auth: randomBytes(16).toString("base64url") } });

/** The failing field paths of a BAD_USER_INPUT. */
function failing(input: unknown, allow: string[] = []): string[] {
  try {
    parsePushSubscription(input, allow);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, "BAD_USER_INPUT");
    return (error.fields ?? []).map((f) => f.path);
  }
  return [];
}

describe("push endpoints", () => {
  test("the known push services over https on the default port are allowed", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
      "https://web.push.apple.com/QGuQyavXutnMH",
    ]) {
      assert.equal(pushEndpointAllowed(endpoint, []), true, endpoint);
    }
  });

  test("anything else is refused: http, other hosts, look-alikes, other ports, credentials", () => {
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "https://fcm.googleapis.com.evil.example/x",
      "https://evilfcm.googleapis.com/x",
      "https://push.services.mozilla.com.example/x",
      "https://fcm.googleapis.com:8443/x",
      "https://user:pw@fcm.googleapis.com/x",
      "https://127.0.0.1/push",
      "https://169.254.169.254/latest/meta-data",
      "not a url",
    ]) {
      assert.equal(pushEndpointAllowed(endpoint, []), false, endpoint);
    }
  });

  test("PUSH_ENDPOINT_ALLOWLIST adds hosts: `host` on any port, `host:port` on that port", () => {
    assert.equal(pushEndpointAllowed("https://127.0.0.1:9443/push/1", ["127.0.0.1"]), true);
    assert.equal(pushEndpointAllowed("https://127.0.0.1:9443/push/1", ["127.0.0.1:9443"]), true);
    assert.equal(pushEndpointAllowed("https://127.0.0.1:9444/push/1", ["127.0.0.1:9443"]), false);
    assert.equal(pushEndpointAllowed("http://127.0.0.1:9443/push/1", ["127.0.0.1:9443"]), false);
  });
});

describe("parsePushSubscription", () => {
  test("keeps endpoint, expirationTime and keys of a browser's subscription, nothing else", () => {
    const input = { ...valid(), extra: "x".repeat(100) };
    const parsed = parsePushSubscription(input, []);
    assert.deepEqual(parsed, { endpoint: input.endpoint, expirationTime: null, keys: input.keys });
  });

  test("a foreign endpoint is BAD_USER_INPUT at subscription.endpoint", () => {
    assert.deepEqual(failing(valid("https://attacker.example/collect")), ["subscription.endpoint"]);
    assert.deepEqual(failing(valid(`https://fcm.googleapis.com/${"a".repeat(1100)}`)), ["subscription.endpoint"]);
  });

  test("keys must be a P-256 point of 65 bytes and a 16-byte secret, base64url", () => {
    const base = valid();
    const short = createECDH("prime256v1");
    short.generateKeys();
    assert.deepEqual(failing({ ...base, keys: { ...base.keys, p256dh: short.getPublicKey(undefined, "compressed").toString("base64url") } }), ["subscription.keys.p256dh"]);
    const offCurve = Buffer.alloc(65, 1);
    offCurve[0] = 4;
    assert.deepEqual(failing({ ...base, keys: { ...base.keys, p256dh: offCurve.toString("base64url") } }), ["subscription.keys.p256dh"]);
    assert.deepEqual(failing({ ...base, keys: { ...base.keys, auth: randomBytes(32).toString("base64url") } }), ["subscription.keys.auth"]);
    assert.deepEqual(failing({ ...base, keys: { ...base.keys, auth: "not base64 !!" } }), ["subscription.keys.auth"]);
    assert.deepEqual(failing({ endpoint: base.endpoint }), ["subscription.keys.p256dh", "subscription.keys.auth"]);
  });

  test("not an object at all is BAD_USER_INPUT at subscription", () => {
    for (const input of [null, "https://fcm.googleapis.com/x", [valid()], 42]) assert.deepEqual(failing(input), ["subscription"]);
  });

  test("a standard-base64 padded key is accepted and stored unpadded", () => {
    const base = valid();
    const padded = Buffer.from(base.keys.auth, "base64url").toString("base64url") + "==";
    assert.equal(parsePushSubscription({ ...base, keys: { ...base.keys, auth: padded } }, []).keys.auth, base.keys.auth);
  });
});
