import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import { auditLog, type Tx } from "@qline/db";
import { auditActor, type Actor } from "../../context/actor.js";
import type { RequestContext } from "../../context/context.js";
import { inTenant } from "../../context/tenant-access.js";
import { badInput } from "../../errors/codes.js";

export interface AuditEntryInput {
  tenantId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log in the caller's transaction: the record and its audit entry commit together. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntryInput): Promise<void> {
  await tx.insert(auditLog).values({
    id: randomUUID(),
    tenantId: entry.tenantId,
    ...auditActor(actor),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditFilter {
  actorId?: string | null | undefined;
  action?: string | null | undefined;
  from?: Date | null | undefined;
  to?: Date | null | undefined;
}

export type AuditRow = typeof auditLog.$inferSelect;

interface Cursor {
  at: string;
  id: string;
}
const encodeCursor = (row: AuditRow): string =>
  Buffer.from(JSON.stringify({ at: row.createdAt.toISOString(), id: row.id } satisfies Cursor)).toString("base64url");
function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof parsed.at === "string" && typeof parsed.id === "string" && !Number.isNaN(Date.parse(parsed.at))) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // fall through to the typed error
  }
  throw badInput("Malformed cursor", [{ path: "after", message: "is not a cursor from this connection" }]);
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listAudit(ctx: RequestContext, tenantId: string, filter: AuditFilter, first: number, after?: string | null) {
  if (first < 1 || first > 200) throw badInput("first must be between 1 and 200", [{ path: "first", message: "out of range" }]);
  return inTenant(ctx, tenantId, "audit:read", async (tx) => {
    const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)];
    if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
    if (filter.action) conditions.push(eq(auditLog.action, filter.action));
    if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
    if (filter.to) conditions.push(lte(auditLog.createdAt, filter.to));
    if (after) {
      const c = decodeCursor(after);
      const at = new Date(c.at);
      const older = or(lt(auditLog.createdAt, at), and(eq(auditLog.createdAt, at), lt(auditLog.id, c.id)));
      if (older) conditions.push(older);
    }
    const rows = await tx
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(first + 1);
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      nodes: page,
      edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null },
    };
  });
}
