import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { apiKeys, col, decodeFirstRow, devices, lines, z, type DeviceKind, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { apiKeyPresets, type Permission } from "../../context/permissions.js";
import { asNotFound, isUuid } from "../../context/access.js";
import { lookupDoor, pairingDoor, staffAccessDoor, staffDoor as inTenant } from "../../context/doors.js";
import { badInput, conflict, forbidden, linkExpired, notFound, unauthenticated, type FieldError } from "../../errors/codes.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { recordAudit } from "../audit/audit.service.js";
import { hashApiKeySecret, newApiKey } from "../auth/tokens.js";
import type { CurrentDevice, Device, DevicePairing, PairedDevice } from "./devices.types.js";

const TenantIdRow = z.object({ tenant_id: col.uuid.nullable() });

type DeviceRow = typeof devices.$inferSelect;

/**
 * What each kind of device may do: the key presets (context/permissions.ts). A display reads numbers only
 * (display:read, never tickets:read); a kiosk also issues tickets.
 */
export const deviceScopes: Record<DeviceKind, readonly Permission[]> = { KIOSK: apiKeyPresets.Kiosk, DISPLAY: apiKeyPresets.Display };

const MAX_LINES = 50;
const MAX_MESSAGE = 500;

/** 32 random bytes, base64url: unguessable, so a plain SHA-256 is enough to store (as for API keys). */
const newPairingToken = () => randomBytes(32).toString("base64url");
export const hashPairingToken = (token: string) => createHash("sha256").update(token).digest("hex");
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export const pairingUrl = (publicUrl: string, token: string) => `${publicUrl}/pair/${token}`;

function checkName(name: string, fields: FieldError[]): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) fields.push({ path: "input.name", message: "Name must be 1-100 characters" });
  return trimmed;
}

function checkMessage(message: string | null | undefined, fields: FieldError[]): string | null {
  const trimmed = message?.trim() ?? "";
  if (trimmed.length > MAX_MESSAGE) fields.push({ path: "input.message", message: `At most ${MAX_MESSAGE} characters` });
  return trimmed || null;
}

function checkLineIds(lineIds: readonly string[], fields: FieldError[]): string[] {
  const unique = [...new Set(lineIds)];
  if (unique.length > MAX_LINES) fields.push({ path: "input.lineIds", message: `At most ${MAX_LINES} lines` });
  unique.forEach((id, i) => {
    if (!isUuid(id)) fields.push({ path: `input.lineIds.${i}`, message: "Not a line id" });
  });
  return unique;
}

/** Every id must be a line of this very tenant (RLS hides other tenants' lines, so theirs read as unknown). */
async function requireOwnLines(tx: Tx, tenantId: string, lineIds: readonly string[]): Promise<void> {
  if (lineIds.length === 0) return;
  const found = new Set((await tx.select({ id: lines.id }).from(lines).where(and(eq(lines.tenantId, tenantId), inArray(lines.id, [...lineIds])))).map((l) => l.id));
  const missing = lineIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
  if (missing.length) throw badInput("Unknown line for this tenant", missing.map(({ i }) => ({ path: `input.lineIds.${i}`, message: "Not a line of this tenant" })));
}

/** A pending pairing: a fresh token (returned once) and its hash and expiry (stored), by the database clock. */
function pairingColumns(ttlSeconds: number) {
  const token = newPairingToken();
  return {
    token,
    columns: {
      pairingTokenHash: hashPairingToken(token),
      pairingExpiresAt: sql<Date>`now() + make_interval(secs => ${ttlSeconds})`,
      pairingUsedAt: null,
    },
  };
}

function toDevice(row: DeviceRow, lastSeenAt: Date | null): Device {
  const pending = row.pairingTokenHash && !row.pairingUsedAt && !row.revokedAt ? row.pairingExpiresAt : null;
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    kind: row.kind,
    lineIds: row.lineIds,
    message: row.message,
    createdAt: row.createdAt,
    pairedAt: row.pairedAt,
    lastSeenAt,
    pairingExpiresAt: pending,
    revokedAt: row.revokedAt,
  };
}

async function lastSeenOf(tx: Tx, row: DeviceRow): Promise<Date | null> {
  if (!row.apiKeyId) return null;
  const [key] = await tx.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(and(eq(apiKeys.tenantId, row.tenantId), eq(apiKeys.id, row.apiKeyId)));
  return key?.lastUsedAt ?? null;
}

/** The admin names a kiosk or display; the answer carries its first pairing link (shown once). */
export async function createDevice(
  ctx: RequestContext,
  tenantId: string,
  input: { name: string; kind: DeviceKind; lineIds?: string[] | null; message?: string | null },
): Promise<DevicePairing> {
  const fields: FieldError[] = [];
  const name = checkName(input.name, fields);
  const lineIds = checkLineIds(input.lineIds ?? [], fields);
  const message = checkMessage(input.message, fields);
  if (fields.length) throw badInput(fields[0]!.message, fields);
  return inTenant(ctx, tenantId, "devices:manage", async (tx, access) => {
    // As for createApiKey: nobody hands a device more than they hold themselves.
    const beyond = deviceScopes[input.kind].filter((s) => !access.permissions.has(s));
    if (beyond.length) throw forbidden(`You cannot grant scopes you do not hold: ${beyond.join(", ")}`);
    await requireOwnLines(tx, tenantId, lineIds);
    const { token, columns } = pairingColumns(ctx.config.devicePairingTtlSeconds);
    const [row] = await tx
      .insert(devices)
      .values({ tenantId, id: randomUUID(), name, kind: input.kind, lineIds, message, createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, ...columns })
      .returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "device.create", targetType: "device", targetId: row!.id, after: { name, kind: input.kind, lineIds } });
    return { device: toDevice(row!, null), pairingUrl: pairingUrl(ctx.config.publicUrl, token), expiresAt: row!.pairingExpiresAt! };
  });
}

/** The device's tenant, located by id; an unknown id and another tenant's device are the same NOT_FOUND. */
async function deviceTenant(ctx: RequestContext, id: string): Promise<string> {
  if (ctx.actor.kind === "anonymous") throw unauthenticated();
  if (!isUuid(id)) throw notFound("Device");
  const tenantId = await lookupDoor(ctx.db, async (tx) =>
    decodeFirstRow(TenantIdRow, await tx.execute(sql`select app.device_tenant(${id}) as tenant_id`))?.tenant_id,
  );
  if (!tenantId) throw notFound("Device");
  return tenantId;
}

/** One device, locked, in the admin's transaction (`devices:manage`). */
async function inDeviceTenant<T>(ctx: RequestContext, id: string, fn: (tx: Tx, row: DeviceRow, tenantId: string) => Promise<T>): Promise<T> {
  const tenantId = await deviceTenant(ctx, id);
  return asNotFound("Device", () =>
    inTenant(ctx, tenantId, "devices:manage", async (tx) => {
      const [row] = await tx.select().from(devices).where(and(eq(devices.tenantId, tenantId), eq(devices.id, id))).for("update");
      if (!row) throw notFound("Device");
      return fn(tx, row, tenantId);
    }),
  );
}

/**
 * A new pairing link for the device (the old link stops working). The device keeps its current key until the
 * new link is used; then that key is revoked and the device runs on the new one.
 */
export async function renewDevicePairing(ctx: RequestContext, id: string): Promise<DevicePairing> {
  return inDeviceTenant(ctx, id, async (tx, row, tenantId) => {
    if (row.revokedAt) throw conflict("This device was revoked; create a new one");
    const { token, columns } = pairingColumns(ctx.config.devicePairingTtlSeconds);
    const [after] = await tx.update(devices).set(columns).where(and(eq(devices.tenantId, tenantId), eq(devices.id, id))).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "device.pairing.renew", targetType: "device", targetId: id });
    return { device: toDevice(after!, await lastSeenOf(tx, after!)), pairingUrl: pairingUrl(ctx.config.publicUrl, token), expiresAt: after!.pairingExpiresAt! };
  });
}

export async function updateDevice(ctx: RequestContext, id: string, input: { name?: string | null; lineIds?: string[] | null; message?: string | null }): Promise<Device> {
  const fields: FieldError[] = [];
  const set: Partial<Pick<DeviceRow, "name" | "lineIds" | "message">> = {};
  if (input.name != null) set.name = checkName(input.name, fields);
  if (input.lineIds != null) set.lineIds = checkLineIds(input.lineIds, fields);
  if (input.message !== undefined) set.message = checkMessage(input.message, fields);
  if (fields.length) throw badInput(fields[0]!.message, fields);
  return inDeviceTenant(ctx, id, async (tx, row, tenantId) => {
    if (set.lineIds) await requireOwnLines(tx, tenantId, set.lineIds);
    if (Object.keys(set).length === 0) return toDevice(row, await lastSeenOf(tx, row));
    const [after] = await tx.update(devices).set(set).where(and(eq(devices.tenantId, tenantId), eq(devices.id, id))).returning();
    await recordAudit(tx, ctx.actor, { tenantId, action: "device.update", targetType: "device", targetId: id, before: { name: row.name, lineIds: row.lineIds, message: row.message }, after: set });
    return toDevice(after!, await lastSeenOf(tx, after!));
  });
}

/**
 * Revokes the device's key (its next request is UNAUTHENTICATED, its live socket closes with 4401) and voids a
 * pending pairing link. Idempotent.
 */
export async function revokeDevice(ctx: RequestContext, id: string): Promise<Device> {
  const { device, keyId } = await inDeviceTenant(ctx, id, async (tx, row, tenantId) => {
    if (row.revokedAt) return { device: toDevice(row, await lastSeenOf(tx, row)), keyId: null };
    const [after] = await tx.update(devices).set({ revokedAt: new Date() }).where(and(eq(devices.tenantId, tenantId), eq(devices.id, id))).returning();
    if (row.apiKeyId) {
      await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, row.apiKeyId), isNull(apiKeys.revokedAt)));
    }
    await recordAudit(tx, ctx.actor, { tenantId, action: "device.revoke", targetType: "device", targetId: id });
    return { device: toDevice(after!, await lastSeenOf(tx, after!)), keyId: row.apiKeyId };
  });
  // After commit: live streams and sockets of the key end on every process.
  if (keyId) await announceAccessChange(ctx.pubsub, [controlTopics.apiKey(keyId)], { kind: "apiKeyRevoked", keyId });
  return device;
}

export async function listDevices(ctx: RequestContext, tenantId: string): Promise<Device[]> {
  return inTenant(ctx, tenantId, "devices:manage", async (tx) => {
    const rows = await tx
      .select({ device: devices, lastUsedAt: apiKeys.lastUsedAt })
      .from(devices)
      .leftJoin(apiKeys, and(eq(apiKeys.tenantId, devices.tenantId), eq(apiKeys.id, devices.apiKeyId)))
      .where(eq(devices.tenantId, tenantId))
      .orderBy(desc(devices.createdAt));
    return rows.map((r) => toDevice(r.device, r.lastUsedAt));
  });
}

/**
 * Public: the device exchanges its pairing token for its own API key, once. An unknown token is NOT_FOUND; an
 * expired or used one, or one of a revoked device, LINK_EXPIRED. A previous key of the device (re-pairing) is
 * revoked in the same transaction and its live streams end after commit.
 */
export async function pairDevice(ctx: RequestContext, token: string): Promise<PairedDevice> {
  const trimmed = token.trim();
  if (!tokenPattern.test(trimmed)) throw notFound("Pairing link");
  const hash = hashPairingToken(trimmed);
  const result = await pairingDoor(ctx, hash, async (tx, _found, tenant) => {
    // Under the row lock: of two devices racing with one link, the second sees it used.
    const [row] = await tx
      .select({ device: devices, expired: sql<boolean>`${devices.pairingExpiresAt} <= now()` })
      .from(devices)
      .where(and(eq(devices.tenantId, tenant.tenantId), eq(devices.pairingTokenHash, hash)))
      .for("update");
    if (!row) return null;
    const { device } = row;
    if (device.revokedAt) throw linkExpired("This device was removed in the admin console: ask for a new pairing link");
    if (device.pairingUsedAt) throw linkExpired("This pairing link was already used: ask for a new one in the admin console");
    if (row.expired) throw linkExpired("This pairing link has expired: ask for a new one in the admin console");
    const { prefix, secret, key } = newApiKey();
    const keyId = randomUUID();
    const scopes = [...deviceScopes[device.kind]];
    await tx.insert(apiKeys).values({ tenantId: tenant.tenantId, id: keyId, name: `${device.kind === "KIOSK" ? "Kiosk" : "Display"}: ${device.name}`.slice(0, 100), prefix, secretHash: hashApiKeySecret(secret), scopes, createdBy: device.createdBy });
    if (device.apiKeyId) {
      await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.tenantId, tenant.tenantId), eq(apiKeys.id, device.apiKeyId), isNull(apiKeys.revokedAt)));
    }
    await tx
      .update(devices)
      .set({ apiKeyId: keyId, pairedAt: sql`now()`, pairingUsedAt: sql`now()` })
      .where(and(eq(devices.tenantId, tenant.tenantId), eq(devices.id, device.id)));
    const actor = { kind: "apiKey" as const, keyId, tenantId: tenant.tenantId, scopes: new Set(scopes) };
    await recordAudit(tx, actor, { tenantId: tenant.tenantId, action: "device.pair", targetType: "device", targetId: device.id, after: { apiKeyId: keyId, prefix } });
    const paired: PairedDevice = { deviceId: device.id, name: device.name, kind: device.kind, tenantId: tenant.tenantId, tenantSlug: tenant.slug, lineIds: device.lineIds, apiKey: key };
    return { paired, previousKeyId: device.apiKeyId };
  });
  if (!result) throw notFound("Pairing link");
  if (result.previousKeyId) await announceAccessChange(ctx.pubsub, [controlTopics.apiKey(result.previousKeyId)], { kind: "apiKeyRevoked", keyId: result.previousKeyId });
  return result.paired;
}

/**
 * The calling device's own settings: which lines it shows and its message strip. Null for any other caller. Any
 * key may read its own device (no scope needed: it is the key's own row), so a kiosk on a hand-made key without
 * display:read still starts.
 */
export async function currentDevice(ctx: RequestContext): Promise<CurrentDevice | null> {
  const actor = ctx.actor;
  if (actor.kind !== "apiKey") return null;
  return staffAccessDoor(ctx, actor.tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.apiKeyId, actor.keyId), isNull(devices.revokedAt)));
    return row ? { id: row.id, name: row.name, kind: row.kind, lineIds: row.lineIds, message: row.message } : null;
  });
}
