import type { JsonObject, JsonValue } from "@qline/db";
import { badInput, limitExceeded } from "../../errors/codes.js";

export const maxSettingsBytes = 16 * 1024;
const maxDepth = 10;

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Effective settings: each tenant's own values over those it inherits, field by field (nested objects merge;
 * arrays and scalars replace). `chain` is root first.
 */
export function mergeSettings(chain: readonly JsonObject[]): JsonObject {
  const merge = (base: JsonObject, own: JsonObject): JsonObject => {
    const out: JsonObject = { ...base };
    for (const [key, value] of Object.entries(own)) {
      const inherited = out[key];
      out[key] = isObject(inherited) && isObject(value) ? merge(inherited, value) : value;
    }
    return out;
  };
  return chain.reduce<JsonObject>((acc, own) => merge(acc, own), {});
}

function depthOf(value: JsonValue, depth = 0): number {
  if (Array.isArray(value)) return Math.max(depth, ...value.map((v) => depthOf(v, depth + 1)));
  if (isObject(value)) return Math.max(depth, ...Object.values(value).map((v) => depthOf(v, depth + 1)));
  return depth;
}

/** Settings are a JSON object of bounded size and depth (they are read on every request for the tenant). */
export function checkJsonObject(value: JsonObject, field: string, maxBytes = maxSettingsBytes): JsonObject {
  const bytes = Buffer.byteLength(JSON.stringify(value), "utf8");
  if (bytes > maxBytes) throw limitExceeded(`${field} is ${bytes} bytes; the limit is ${maxBytes}`);
  if (depthOf(value) > maxDepth) throw badInput(`${field} nests deeper than ${maxDepth} levels`, [{ path: field, message: "too deep" }]);
  return value;
}
