/**
 * The tenant settings that govern customers joining from their own phone, under `settings.remoteJoin` (inherited
 * like every setting: a chain sets them once at its root). Checked strictly when saved (`checkRemoteJoinSettings`),
 * read tolerantly (`remoteJoinPolicyOf`: a value out of range falls back to its default, never fails a join).
 */
import { sql } from "drizzle-orm";
import { col, decodeRows, z, type JsonObject, type JsonValue, type Tx } from "@qline/db";
import { badInput } from "../../errors/codes.js";
import { mergeSettings } from "./settings.js";

export interface RemoteJoinPolicy {
  /** Active (waiting, called, serving) tickets one phone number or email may hold in one line. */
  maxActivePerContact: number;
  /** Places "I'm running late" moves a waiting customer back (once per ticket). */
  runningLatePlaces: number;
  /** ISO 3166-1 alpha-2 region for phone numbers given without a country code; null = international format only. */
  defaultCountry: string | null;
}

export const remoteJoinDefaults: RemoteJoinPolicy = { maxActivePerContact: 1, runningLatePlaces: 3, defaultCountry: null };

const ranges = { maxActivePerContact: [1, 20], runningLatePlaces: [1, 50] } as const;

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const inRange = (v: JsonValue | undefined, [min, max]: readonly [number, number]): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const isCountry = (v: JsonValue | undefined): v is string => typeof v === "string" && /^[A-Z]{2}$/.test(v);

/** The effective policy from effective (merged) settings; anything missing or invalid takes its default. */
export function remoteJoinPolicyOf(effective: JsonObject): RemoteJoinPolicy {
  const own = isObject(effective.remoteJoin) ? effective.remoteJoin : {};
  return {
    maxActivePerContact: inRange(own.maxActivePerContact, ranges.maxActivePerContact) ? own.maxActivePerContact : remoteJoinDefaults.maxActivePerContact,
    runningLatePlaces: inRange(own.runningLatePlaces, ranges.runningLatePlaces) ? own.runningLatePlaces : remoteJoinDefaults.runningLatePlaces,
    defaultCountry: isCountry(own.defaultCountry) ? own.defaultCountry : remoteJoinDefaults.defaultCountry,
  };
}

/** On save: `settings.remoteJoin`, when present, holds only known keys with valid values (BAD_USER_INPUT at the key). */
export function checkRemoteJoinSettings(settings: JsonObject, field = "input.settings"): void {
  const value = settings.remoteJoin;
  if (value === undefined) return;
  const path = `${field}.remoteJoin`;
  if (!isObject(value)) throw badInput("remoteJoin must be an object", [{ path, message: "must be an object" }]);
  for (const [key, v] of Object.entries(value)) {
    if (key === "maxActivePerContact" || key === "runningLatePlaces") {
      const [min, max] = ranges[key];
      if (!inRange(v, ranges[key])) throw badInput(`remoteJoin.${key} must be a whole number from ${min} to ${max}`, [{ path: `${path}.${key}`, message: `${min} to ${max}` }]);
    } else if (key === "defaultCountry") {
      if (v !== null && !isCountry(v)) throw badInput("remoteJoin.defaultCountry must be a two-letter country code such as GB", [{ path: `${path}.${key}`, message: "ISO 3166-1 alpha-2, upper case" }]);
    } else {
      throw badInput(`Unknown setting remoteJoin.${key}`, [{ path: `${path}.${key}`, message: "unknown setting" }]);
    }
  }
}

const PolicyRow = z.object({ id: col.uuid, slug: col.text, settings: col.jsonObject });

/** The tenant's slug and effective remote-join policy, in one statement (the tenant's transaction sees its ancestors). */
export async function readRemoteJoinPolicy(tx: Tx, tenantPath: readonly string[]): Promise<{ slug: string; policy: RemoteJoinPolicy }> {
  const rows = decodeRows(
    PolicyRow,
    await tx.execute(sql`select id, slug, settings from tenants where id = any(${`{${tenantPath.join(",")}}`}::uuid[])`), // ids from the server-side path
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain = tenantPath.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const self = byId.get(tenantPath[tenantPath.length - 1]!);
  if (!self) throw new Error("readRemoteJoinPolicy: the tenant is not visible in its own transaction");
  return { slug: self.slug, policy: remoteJoinPolicyOf(mergeSettings(chain.map((r) => r.settings))) };
}

/**
 * SQL for the places "I'm running late" moves back, for the ticket row aliased `t` (the nearest tenant on its
 * path that sets a valid value; the default otherwise): lets the public ticket read it in the same statement.
 */
export const runningLatePlacesSql = sql`coalesce((
  select (s.settings #>> '{remoteJoin,runningLatePlaces}')::numeric::int
  from tenants me join tenants s on s.id = any(me.path)
  where me.id = t.tenant_id and jsonb_typeof(s.settings #> '{remoteJoin,runningLatePlaces}') = 'number'
    and (s.settings #>> '{remoteJoin,runningLatePlaces}')::numeric between ${ranges.runningLatePlaces[0]} and ${ranges.runningLatePlaces[1]}
    and (s.settings #>> '{remoteJoin,runningLatePlaces}')::numeric = trunc((s.settings #>> '{remoteJoin,runningLatePlaces}')::numeric)
  order by cardinality(s.path) desc limit 1), ${remoteJoinDefaults.runningLatePlaces})`;
