/**
 * Names for an audit page's targets and actors ("ticket A042", "line Front desk", "member Ada"), read in the
 * page's own tenant transaction: one query per kind of record on the page, never one per entry. Tenant-safe:
 * each query names the tenant (and RLS shows only its rows); users are visible only as members of the tenant in
 * scope, so a former member (or someone acting from an ancestor tenant) has no name here and stays an id.
 */
import { sql, type SQL } from "drizzle-orm";
import { col, decodeRows, z, type Tx } from "@qline/db";
import { isUuid } from "../../context/access.js";

/** How to name each kind of record: a query over `ids` (a uuid[] literal) answering (id, name). */
const lookups: Record<string, (tenantId: string, ids: string) => SQL> = {
  ticket: (t, ids) => sql`select id, number as name from tickets where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  line: (t, ids) => sql`select id, name from lines where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  counter: (t, ids) => sql`select id, name from counters where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  ticket_type: (t, ids) => sql`select id, name from ticket_types where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  api_key: (t, ids) => sql`select id, name from api_keys where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  device: (t, ids) => sql`select id, name from devices where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  invitation: (t, ids) => sql`select id, email as name from invitations where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  tenant: (_t, ids) => sql`select id, name from tenants where id = any(${ids}::uuid[])`,
  user: (_t, ids) => sql`select id, coalesce(nullif(name, ''), email) as name from users where id = any(${ids}::uuid[])`,
};

/** The record kind an actor type names (a ticket holder is named by their ticket's number). */
export const actorRecordKind: Readonly<Record<string, string>> = { USER: "user", API_KEY: "api_key", TICKET_HOLDER: "ticket" };

export const nameableKinds: ReadonlySet<string> = new Set(Object.keys(lookups));

const NameRow = z.object({ id: col.uuid, name: col.text });

/** The names of `refs` ({kind, id}) in `tenantId`, keyed `kind:id`; kinds without a lookup and unknown ids are left out. */
export async function namesOf(tx: Tx, tenantId: string, refs: readonly { kind: string; id: string | null }[]): Promise<Map<string, string>> {
  const byKind = new Map<string, Set<string>>();
  for (const { kind, id } of refs) {
    if (!id || !isUuid(id) || !nameableKinds.has(kind)) continue;
    let ids = byKind.get(kind);
    if (!ids) byKind.set(kind, (ids = new Set()));
    ids.add(id);
  }
  const names = new Map<string, string>();
  for (const [kind, ids] of byKind) {
    // ids checked as uuids above
    const rows = decodeRows(NameRow, await tx.execute(lookups[kind]!(tenantId, `{${[...ids].join(",")}}`)));
    for (const row of rows) names.set(`${kind}:${row.id}`, row.name);
  }
  return names;
}
