import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { auditLog, type Tx } from "@qline/db";
import { auditActor, type AuditSubject } from "../../context/actor.js";
import type { RequestContext } from "../../context/context.js";
import { staffDoor } from "../../context/doors.js";
import { badInput } from "../../errors/codes.js";
import { actorRecordKind, namesOf } from "./audit-names.js";

export interface AuditEntryInput {
  tenantId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log in the caller's transaction: the record and its audit entry commit together. */
export async function recordAudit(tx: Tx, actor: AuditSubject, entry: AuditEntryInput): Promise<void> {
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
/** An entry with the names of its target and actor where they can be found (audit-names.ts). */
export type NamedAuditRow = AuditRow & { targetName: string | null; actorName: string | null };

interface Cursor {
  at: string;
  id: string;
}
/** The cursor keeps the timestamp as PostgreSQL prints it: microseconds, which a JS Date would truncate. */
const encodeCursor = (row: { exactCreatedAt: string; id: string }): string =>
  Buffer.from(JSON.stringify({ at: row.exactCreatedAt, id: row.id } satisfies Cursor)).toString("base64url");
function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof parsed.at === "string" && typeof parsed.id === "string" && uuid.test(parsed.id) && !Number.isNaN(Date.parse(parsed.at))) {
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
  return staffDoor(ctx, tenantId, "audit:read", async (tx) => {
    const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)];
    if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
    if (filter.action) conditions.push(eq(auditLog.action, filter.action));
    if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
    if (filter.to) conditions.push(lte(auditLog.createdAt, filter.to));
    if (after) {
      const c = decodeCursor(after);
      conditions.push(sql`(${auditLog.createdAt}, ${auditLog.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`);
    }
    const rows = await tx
      .select({ entry: auditLog, exactCreatedAt: sql<string>`${auditLog.createdAt}::text` })
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(first + 1);
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    const cursorOf = (r: (typeof rows)[number]) => encodeCursor({ exactCreatedAt: r.exactCreatedAt, id: r.entry.id });
    const refs = page.flatMap(({ entry }) => [
      { kind: entry.targetType, id: entry.targetId },
      { kind: actorRecordKind[entry.actorType] ?? "", id: entry.actorId },
    ]);
    const names = await namesOf(tx, tenantId, refs);
    const named = page.map(({ entry }): NamedAuditRow => ({
      ...entry,
      targetName: entry.targetId ? (names.get(`${entry.targetType}:${entry.targetId}`) ?? null) : null,
      actorName: entry.actorId ? (names.get(`${actorRecordKind[entry.actorType] ?? ""}:${entry.actorId}`) ?? null) : null,
    }));
    return {
      nodes: named,
      edges: page.map((r, i) => ({ cursor: cursorOf(r), node: named[i]! })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(last) : null },
    };
  });
}
