import assert from "node:assert/strict";
import { test } from "node:test";
import { createCipheriv, createECDH, randomBytes } from "node:crypto";
import { DecryptError, decryptAes128gcm, deriveKeys, userAgentKeys } from "./rfc8291.js";

const b64 = (s: string) => Buffer.from(s, "base64url");

// RFC 8291 Appendix A: inputs and intermediate values of the Section 5 example.
const appendixA = {
  asPublic: "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8",
  uaPrivate: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
  salt: "DGv6ra1nlYgDCS1FRnbzlw",
  authSecret: "BTBZMqHH6r4Tts7J_aSIgg",
  ikm: "S4lYMb_L0FxCeq0WhDx813KgSYqU26kOyzWUdsXYyrg",
  cek: "oIhVW04MRdy2XN9CiKLxTg",
  noncePrefix: "4h_95klXJ5E",
};

test("key derivation reproduces RFC 8291 Appendix A (IKM, CEK, nonce)", () => {
  const keys = userAgentKeys(b64(appendixA.uaPrivate), b64(appendixA.authSecret));
  const { ikm, cek, nonce } = deriveKeys(keys, b64(appendixA.asPublic), b64(appendixA.salt));
  assert.equal(ikm.toString("base64url"), appendixA.ikm);
  assert.equal(cek.toString("base64url"), appendixA.cek);
  assert.ok(nonce.toString("base64url").startsWith(appendixA.noncePrefix));
});

/** An application server's side, written from the RFC for this test only: one record, delimiter 2, no padding. */
function encrypt(ua: ReturnType<typeof userAgentKeys>, plaintext: Buffer, tamper = false): Buffer {
  const as = createECDH("prime256v1");
  as.generateKeys();
  const salt = randomBytes(16);
  // deriveKeys needs the receiver's private key; by ECDH symmetry the sender derives the same from as_private.
  const { cek, nonce } = deriveKeys(ua, as.getPublicKey(), salt);
  const cipher = createCipheriv("aes-128-gcm", cek, nonce);
  const body = Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.from([2])])), cipher.final(), cipher.getAuthTag()]);
  if (tamper) body[0]! ^= 1;
  const header = Buffer.alloc(21);
  salt.copy(header);
  header.writeUInt32BE(4096, 16);
  header.writeUInt8(65, 20);
  return Buffer.concat([header, as.getPublicKey(), body]);
}

test("decrypts an aes128gcm record and refuses a tampered one", () => {
  const ua = userAgentKeys();
  const text = Buffer.from("It's your turn: counter 2");
  assert.equal(decryptAes128gcm(ua, encrypt(ua, text)).plaintext.toString(), text.toString());
  assert.throws(() => decryptAes128gcm(ua, encrypt(ua, text, true)), DecryptError);
  assert.throws(() => decryptAes128gcm(userAgentKeys(), encrypt(ua, text)), DecryptError); // another browser's keys
});
