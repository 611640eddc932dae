import assert from "node:assert/strict";
import { createECDH } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadConfig } from "../../../env.js";

const secret = "s".repeat(40);
/** Production also needs the tenant secrets key (notifications). */
const secretsKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const keyPair = () => {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString("base64url"), VAPID_PRIVATE_KEY: ecdh.getPrivateKey().toString("base64url") };
};

describe("VAPID keys", () => {
  test("outside production they are generated once into the data dir (owner-only) and reused", () => {
    const dir = mkdtempSync(join(tmpdir(), "qline-vapid-"));
    const first = loadConfig({ QLINE_DATA_DIR: dir }).push;
    assert.equal(first.vapidSource, "data-dir");
    assert.equal(Buffer.from(first.vapid!.publicKey, "base64url").length, 65);
    assert.equal(Buffer.from(first.vapid!.privateKey, "base64url").length, 32);
    assert.equal(statSync(join(dir, "vapid-keys.json")).mode & 0o777, 0o600);
    assert.deepEqual(loadConfig({ QLINE_DATA_DIR: dir }).push.vapid, first.vapid);
    // The stored private key belongs to the public key.
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(first.vapid!.privateKey, "base64url"));
    assert.equal(ecdh.getPublicKey().toString("base64url"), first.vapid!.publicKey);
    assert.equal(JSON.parse(readFileSync(join(dir, "vapid-keys.json"), "utf8")).publicKey, first.vapid!.publicKey);
  });

  test("env keys win; production without them turns push off instead of inventing keys", () => {
    const dir = mkdtempSync(join(tmpdir(), "qline-vapid-"));
    const keys = keyPair();
    const fromEnv = loadConfig({ QLINE_DATA_DIR: dir, ...keys, VAPID_SUBJECT: "mailto:ops@example.com" }).push;
    assert.equal(fromEnv.vapidSource, "env");
    assert.deepEqual(fromEnv.vapid, { publicKey: keys.VAPID_PUBLIC_KEY, privateKey: keys.VAPID_PRIVATE_KEY, subject: "mailto:ops@example.com" });
    const off = loadConfig({ NODE_ENV: "production", JWT_SECRET: secret, QLINE_SECRETS_KEY: secretsKey, QLINE_DATA_DIR: dir }).push;
    assert.equal(off.vapid, null);
    assert.equal(off.vapidSource, "none");
  });

  test("half a key pair, malformed keys, a missing subject in production or a bad subject refuse to start", () => {
    const keys = keyPair();
    const dir = mkdtempSync(join(tmpdir(), "qline-vapid-"));
    assert.throws(() => loadConfig({ QLINE_DATA_DIR: dir, VAPID_PUBLIC_KEY: keys.VAPID_PUBLIC_KEY }), /set together/);
    assert.throws(() => loadConfig({ QLINE_DATA_DIR: dir, ...keys, VAPID_PUBLIC_KEY: "abc" }), /VAPID_PUBLIC_KEY/);
    assert.throws(() => loadConfig({ QLINE_DATA_DIR: dir, ...keys, VAPID_PRIVATE_KEY: "abc" }), /VAPID_PRIVATE_KEY/);
    assert.throws(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: secret, QLINE_SECRETS_KEY: secretsKey, QLINE_DATA_DIR: dir, ...keys }), /VAPID_SUBJECT/);
    assert.throws(() => loadConfig({ QLINE_DATA_DIR: dir, VAPID_SUBJECT: "ops@example.com" }), /VAPID_SUBJECT/);
  });
});
