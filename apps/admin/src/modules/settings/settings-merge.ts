/**
 * Client copy of the API's settings inheritance (apps/api/src/modules/tenants/settings.ts): each tenant's own
 * values over those it inherits, field by field; nested objects merge, arrays and scalars replace.
 */
export type JsonObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

export function mergeSettings(chain: readonly JsonObject[]): JsonObject {
  const merge = (base: JsonObject, own: JsonObject): JsonObject => {
    const out: JsonObject = { ...base };
    for (const [key, value] of Object.entries(own)) {
      const inherited = out[key];
      out[key] = isPlainObject(inherited) && isPlainObject(value) ? merge(inherited, value) : value;
    }
    return out;
  };
  return chain.reduce<JsonObject>((acc, own) => merge(acc, own), {});
}

/** Leaf values by dotted path ("kiosk.language"); an empty object counts as a leaf. */
export function leaves(value: JsonObject, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(child) && Object.keys(child).length > 0) for (const [p, v] of leaves(child, path)) out.set(p, v);
    else out.set(path, child);
  }
  return out;
}

export type SettingSource =
  | { kind: "own"; overrides: string | null }
  | { kind: "inherited"; from: string }
  | { kind: "unknown" };

export interface SettingRow {
  path: string;
  value: unknown;
  source: SettingSource;
}

/**
 * For each effective value, where it comes from: this tenant (and which ancestor's value it overrides), or the
 * nearest ancestor that sets it. `ancestors` is root first, as the API returns them.
 */
export function explainSettings(own: JsonObject, effective: JsonObject, ancestors: readonly { name: string; settings: JsonObject }[]): SettingRow[] {
  const ownLeaves = leaves(own);
  const ancestorLeaves = ancestors.map((a) => ({ name: a.name, leaves: leaves(a.settings) }));
  const nearestSetting = (path: string) => [...ancestorLeaves].reverse().find((a) => a.leaves.has(path))?.name ?? null;
  return [...leaves(effective)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, value]) => {
      if (ownLeaves.has(path)) return { path, value, source: { kind: "own", overrides: nearestSetting(path) } };
      const from = nearestSetting(path);
      return { path, value, source: from ? { kind: "inherited", from } : { kind: "unknown" } };
    });
}

export function formatValue(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}
