/**
 * The tenant export, streamed: `GET /exports/tenant/<token>` answers one JSON document
 *
 *   { "format": "qline.tenant-export.v1", "tenantId", "exportedAt",
 *     "tenants": [ the tenant and its subtenants ],
 *     "tables": { "<table>": [ rows of the tenant and its subtenants, each with its tenant_id ], … } }
 *
 * without holding it in memory: rows are read in keyset-ordered batches of `batchSize`, each batch in its own
 * short transaction through the link door (`linkDoor`: the link's user must still hold tenant:export there; RLS in
 * force, scoped to the tenant whose rows it reads), and written to the response between transactions, waiting for the client to drain (no network I/O
 * inside a transaction). So the document is not one snapshot: a row written during the export may or may not be
 * in it. Secrets never leave: API key hashes, a line's estimator webhook secret, ticket request hashes and the
 * tenant's provider credentials (`tenant_secrets`) are left out. Users' password hashes live in `users`, which is
 * not tenant data and is not exported (memberships carry the user ids).
 */
import type { ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import { col, decodeRows, z, type Database } from "@qline/db";
import { linkDoor } from "../../context/doors.js";

interface ExportedTable {
  name: string;
  /** The primary key after tenant_id, with each column's type (keyset pagination). */
  keys: readonly (readonly [column: string, type: "uuid" | "date" | "text" | "int"])[];
  /** Columns never exported (secrets). */
  omit?: readonly string[];
}

/** Every tenant-owned table but `tenants` itself (exported as `tenants`) and `notExportedTables`. A test keeps this complete. */
export const exportedTables: readonly ExportedTable[] = [
  { name: "memberships", keys: [["user_id", "uuid"]] },
  { name: "api_keys", keys: [["id", "uuid"]], omit: ["secret_hash"] },
  { name: "audit_log", keys: [["id", "uuid"]] },
  { name: "ticket_types", keys: [["id", "uuid"]] },
  { name: "ticket_extension_schemas", keys: [["version", "int"]] },
  { name: "lines", keys: [["id", "uuid"]], omit: ["estimator_secret"] },
  { name: "counters", keys: [["id", "uuid"]] },
  { name: "line_day_counters", keys: [["line_id", "uuid"], ["service_day", "date"]] },
  { name: "tickets", keys: [["id", "uuid"]], omit: ["idempotency_hash"] },
  { name: "ticket_events", keys: [["id", "uuid"]] },
  { name: "ticket_deadlines", keys: [["ticket_id", "uuid"], ["action", "text"]] },
  { name: "ticket_estimates", keys: [["ticket_id", "uuid"]] },
  { name: "notifications", keys: [["id", "uuid"]] },
  { name: "notification_templates", keys: [["trigger", "text"], ["channel", "text"], ["language", "text"]] },
  { name: "devices", keys: [["id", "uuid"]], omit: ["pairing_token_hash"] },
  // Who was invited, as what and when; never the link (its token's hash).
  { name: "invitations", keys: [["id", "uuid"]], omit: ["token_hash"] },
];

/** Tenant-owned tables left out on purpose, and why. */
export const notExportedTables: Readonly<Record<string, string>> = {
  tenant_secrets: "the tenant's provider credentials (encrypted secrets)",
};

export interface ExportOptions {
  db: Database;
  tenantId: string;
  userId: string;
  batchSize?: number;
}

/** Refused before the first byte: the link's user no longer may export this tenant (or it is gone). */
export class ExportRefused extends Error {}

async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) throw new Error("the client went away");
  if (res.write(chunk)) return;
  // Wait for the client to take what was written (or to go away); both listeners are removed either way.
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * Streams the export. Access is decided first (the link's user must still hold tenant:export on the tenant);
 * then the headers go out, and an error after that ends the response early (the document stays unparseable,
 * which a client notices), never with a partial but well-formed JSON.
 */
/** The link door's scope for one tenant of the export: the link's user must hold tenant:export there. */
const linkScope = (tenantId: string, userId: string) => ({ tenantId, userId, permission: "tenant:export" as const });

const TenantRow = z.object({ row: col.text, id: col.uuid });

/** A batch row: the row's JSON text and its key columns as text (k0, k1, …: every other column is text). */
const BatchRow = z.object({ row: col.text }).catchall(col.text);

export async function streamTenantExport(res: ServerResponse, options: ExportOptions): Promise<{ rows: number }> {
  const { db, tenantId, userId } = options;
  const batchSize = options.batchSize ?? 1000;
  const scopeOf = (id: string) => linkScope(id, userId);

  // The subtree (root of the export first) and the tenants' rows, read once: a tree is small next to its tickets.
  const tenantRows = await linkDoor(db, scopeOf(tenantId), async (tx) => {
    return decodeRows(
      TenantRow,
      await tx.execute(sql`select to_jsonb(t)::text as row, t.id from tenants t where t.path @> array[${tenantId}]::uuid[] order by t.depth, t.id`),
    );
  }).catch((error: unknown) => {
    throw new ExportRefused(error instanceof Error ? error.message : String(error));
  });

  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="qline-export-${tenantId}.json"`,
    "cache-control": "no-store",
  });
  let rows = 0;
  await write(res, `{"format":"qline.tenant-export.v1","tenantId":${JSON.stringify(tenantId)},"exportedAt":${JSON.stringify(new Date().toISOString())},"tenants":[`);
  await write(res, tenantRows.map((r) => r.row).join(","));
  await write(res, `],"tables":{`);
  for (const [index, table] of exportedTables.entries()) {
    await write(res, `${index === 0 ? "" : ","}${JSON.stringify(table.name)}:[`);
    let first = true;
    for (const { id } of tenantRows) {
      let after: string[] | null = null;
      for (;;) {
        const batch = await readBatch(db, scopeOf(id), table, after, batchSize);
        if (batch.length > 0) {
          await write(res, (first ? "" : ",") + batch.map((r) => r.row).join(","));
          first = false;
          rows += batch.length;
        }
        if (batch.length < batchSize) break;
        after = batch[batch.length - 1]!.keys;
      }
    }
    await write(res, "]");
  }
  await write(res, "}}\n");
  res.end();
  return { rows: rows + tenantRows.length };
}

/** One keyset page of one tenant's rows of `table`, in its own transaction (identifiers come from the fixed list above). */
async function readBatch(db: Database, scope: ReturnType<typeof linkScope>, table: ExportedTable, after: string[] | null, limit: number) {
  const name = sql.raw(`"${table.name}"`);
  const omitted = (table.omit ?? []).map((c) => ` - '${c}'`).join("");
  // The row's JSON text as PostgreSQL prints it: written as it is, never parsed and re-serialized here.
  const rowExpr = sql.raw(`(to_jsonb(x)${omitted})::text`);
  const keyList = sql.raw(table.keys.map(([c]) => `x."${c}"`).join(", "));
  const keyTexts = sql.raw(table.keys.map(([c], i) => `x."${c}"::text as k${i}`).join(", "));
  const afterSql = after
    ? sql` and (${keyList}) > (${sql.join(
        table.keys.map(([, type], i) => sql`${after[i]}::${sql.raw(type)}`),
        sql`, `,
      )})`
    : sql``;
  return linkDoor(db, scope, async (tx) => {
    const result = decodeRows(
      BatchRow,
      await tx.execute(sql`select ${rowExpr} as row, ${keyTexts} from ${name} x where x.tenant_id = ${scope.tenantId}${afterSql} order by ${keyList} limit ${limit}`),
    );
    return result.map((r) => ({ row: r.row, keys: table.keys.map((_, i) => String(r[`k${i}`])) }));
  });
}
