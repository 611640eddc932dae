/**
 * Tenant-owned provider credentials at rest: AES-256-GCM (node:crypto) with the platform key
 * (`QLINE_SECRETS_KEY`, or a data-dir file in development). Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url),
 * with the tenant id and the secret's kind as additional authenticated data, so a ciphertext copied to another
 * tenant's row or another kind does not decrypt. Never returned by the API.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { tenantSecrets, type TenantSecretKind, type Tx } from "@qline/db";
import { badInput } from "../../errors/codes.js";

export function encryptSecret(key: Buffer, tenantId: string, kind: TenantSecretKind, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`${tenantId}:${kind}`));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** The plaintext, or null when the value does not decrypt with this key for this tenant and kind. */
export function decryptSecret(key: Buffer, tenantId: string, kind: TenantSecretKind, stored: string): string | null {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${tenantId}:${kind}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The tenant's secrets of these kinds, decrypted (in the tenant's transaction). */
export async function readSecrets(tx: Tx, key: Buffer | null, tenantId: string): Promise<Partial<Record<TenantSecretKind, string>>> {
  if (!key) return {};
  const rows = await tx.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, tenantId));
  const out: Partial<Record<TenantSecretKind, string>> = {};
  for (const row of rows) {
    const plain = decryptSecret(key, tenantId, row.kind, row.ciphertext);
    if (plain !== null) out[row.kind] = plain;
  }
  return out;
}

/** Sets (or with null/"" removes) one secret. */
export async function writeSecret(tx: Tx, key: Buffer | null, tenantId: string, kind: TenantSecretKind, value: string | null): Promise<void> {
  if (!value) {
    await tx.delete(tenantSecrets).where(and(eq(tenantSecrets.tenantId, tenantId), eq(tenantSecrets.kind, kind)));
    return;
  }
  if (!key) {
    const path = kind === "TWILIO_AUTH_TOKEN" ? "input.twilioAuthToken" : "input.webhookSecret";
    throw badInput("This server cannot store credentials: its operator has not set QLINE_SECRETS_KEY", [{ path, message: "not available on this server" }]);
  }
  const ciphertext = encryptSecret(key, tenantId, kind, value);
  await tx
    .insert(tenantSecrets)
    .values({ tenantId, kind, ciphertext })
    .onConflictDoUpdate({ target: [tenantSecrets.tenantId, tenantSecrets.kind], set: { ciphertext, updatedAt: new Date() } });
}
