/**
 * The user agent's half of RFC 8291 (Message Encryption for Web Push), with node:crypto only: ECDH on P-256,
 * HKDF-SHA-256 and AES-128-GCM over the RFC 8188 "aes128gcm" record format.
 *
 * Written here on purpose rather than taken from `http_ece`: the API encrypts through `web-push`, which uses
 * `http_ece` itself, so decrypting with the same code would check the library against itself. An independent
 * decoder that follows the RFC text (and reproduces its Appendix A values, see rfc8291.test.ts) proves the bytes
 * on the wire are what a browser expects.
 */
import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from "node:crypto";

const aes128gcm = Buffer.from("Content-Encoding: aes128gcm\0", "latin1");
const nonceLabel = Buffer.from("Content-Encoding: nonce\0", "latin1");
const webPushInfo = Buffer.from("WebPush: info\0", "latin1");
const tagLength = 16;

/** A browser's subscription keys: the ECDH key pair (ua_private / ua_public) and the 16-byte auth secret. */
export interface UserAgentKeys {
  ecdh: ECDH;
  /** ua_public, 65 bytes uncompressed. */
  publicKey: Buffer;
  authSecret: Buffer;
}

export function userAgentKeys(privateKey?: Buffer, authSecret?: Buffer): UserAgentKeys {
  const ecdh = createECDH("prime256v1");
  if (privateKey) ecdh.setPrivateKey(privateKey);
  else ecdh.generateKeys();
  return { ecdh, publicKey: ecdh.getPublicKey(), authSecret: authSecret ?? randomBytes(16) };
}

/** The content encryption key and nonce base for one message (RFC 8291 §3.3–3.4, RFC 8188 §2.2–2.3). */
export function deriveKeys(keys: UserAgentKeys, asPublic: Buffer, salt: Buffer): { ikm: Buffer; cek: Buffer; nonce: Buffer } {
  const ecdhSecret = keys.ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([webPushInfo, keys.publicKey, asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, keys.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, aes128gcm, 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, nonceLabel, 12));
  return { ikm, cek, nonce };
}

/** The per-record nonce: the nonce base XOR the record's sequence number (96-bit big-endian; < 2^32 records here). */
function recordNonce(base: Buffer, sequence: number): Buffer {
  const nonce = Buffer.from(base);
  nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ sequence) >>> 0, 8);
  return nonce;
}

export class DecryptError extends Error {
  override name = "DecryptError";
}

/**
 * Decrypts an `aes128gcm` push message body: header (salt 16, rs uint32, idlen 1, keyid = as_public 65), then
 * records of `rs` bytes each (ciphertext + 16-byte tag); each plaintext ends in a delimiter (1 = more records,
 * 2 = last) followed by zero padding. Throws DecryptError for anything that does not follow the format.
 */
export function decryptAes128gcm(keys: UserAgentKeys, body: Buffer): { plaintext: Buffer; asPublic: Buffer; recordSize: number } {
  if (body.length < 21) throw new DecryptError("body shorter than the aes128gcm header");
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  if (idLength !== 65) throw new DecryptError(`keyid must be the 65-byte application server key, got ${idLength} bytes`);
  if (recordSize < tagLength + 2) throw new DecryptError(`record size ${recordSize} too small`);
  const asPublic = body.subarray(21, 21 + idLength);
  const { cek, nonce } = deriveKeys(keys, asPublic, salt);
  const records = body.subarray(21 + idLength);
  if (records.length === 0) throw new DecryptError("no records");
  const parts: Buffer[] = [];
  for (let offset = 0, sequence = 0; offset < records.length; offset += recordSize, sequence++) {
    const record = records.subarray(offset, offset + recordSize);
    if (record.length <= tagLength) throw new DecryptError("truncated record");
    const decipher = createDecipheriv("aes-128-gcm", cek, recordNonce(nonce, sequence));
    decipher.setAuthTag(record.subarray(record.length - tagLength));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(record.subarray(0, record.length - tagLength)), decipher.final()]);
    } catch {
      throw new DecryptError(`record ${sequence} failed authentication`);
    }
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = offset + recordSize >= records.length;
    const delimiter = plain[end];
    if (delimiter !== (last ? 2 : 1)) throw new DecryptError(`record ${sequence} has delimiter ${String(delimiter)}, expected ${last ? 2 : 1}`);
    parts.push(plain.subarray(0, end));
  }
  return { plaintext: Buffer.concat(parts), asPublic: Buffer.from(asPublic), recordSize };
}
