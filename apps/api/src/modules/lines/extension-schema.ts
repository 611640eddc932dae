/**
 * Tenant-defined ticket extensions: a JSON Schema (draft 2020-12) per tenant, versioned; `extensions` on a
 * ticket are validated with Ajv against the current version. Compiled validators are cached per
 * (tenant, version): versions are immutable, so a cache entry never goes stale.
 *
 * Schemas come from tenants, so they are untrusted: they are size-limited, compiled in strict mode, and
 * `$ref` to remote documents is impossible (no loader is configured).
 */
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonObject } from "@qline/db";
import { badInput, limitExceeded, type FieldError } from "../../errors/codes.js";

// ajv and ajv-formats are CommonJS with `exports.default`; under NodeNext the default import is module.exports.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export const maxExtensionBytes = 16 * 1024;
export const maxExtensionSchemaBytes = 64 * 1024;
const maxCachedValidators = 500;

const isPlainObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, unicodeRegExp: true });
  addFormats(ajv);
  return ajv;
}

/** Checks that `schema` is a compilable draft 2020-12 schema for an object; BAD_USER_INPUT at `path` if not. */
export function checkExtensionSchema(schema: unknown, path = "schema"): JsonObject {
  if (!isPlainObject(schema)) throw badInput("The extension schema must be a JSON object", [{ path, message: "not an object" }]);
  const bytes = Buffer.byteLength(JSON.stringify(schema), "utf8");
  if (bytes > maxExtensionSchemaBytes) throw limitExceeded(`The extension schema is ${bytes} bytes; the limit is ${maxExtensionSchemaBytes}`);
  if (schema.type !== undefined && schema.type !== "object") {
    throw badInput("Ticket extensions are an object: the schema's type must be \"object\"", [{ path: `${path}/type`, message: 'must be "object"' }]);
  }
  try {
    newAjv().compile(schema);
  } catch (error) {
    throw badInput(`Invalid JSON Schema: ${(error as Error).message}`, [{ path, message: (error as Error).message }]);
  }
  return schema;
}

const cache = new Map<string, ValidateFunction>();

function validatorFor(tenantId: string, version: number, schema: JsonObject): ValidateFunction {
  const key = `${tenantId}:${version}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = newAjv().compile(schema);
    if (cache.size >= maxCachedValidators) cache.delete(cache.keys().next().value!);
    cache.set(key, validate);
  }
  return validate;
}

/** JSON pointer of a failing value; a missing required property points at the property itself. */
function pointerOf(error: ErrorObject): string {
  if (error.keyword === "required") return `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}`;
  if (error.keyword === "additionalProperties") {
    return `${error.instancePath}/${String((error.params as { additionalProperty: string }).additionalProperty)}`;
  }
  return error.instancePath || "/";
}

/** Shape and size of `extensions`, before any schema: a JSON object of at most 16 KB. */
export function checkExtensionsShape(value: unknown): JsonObject {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw badInput("extensions must be a JSON object", [{ path: "/", message: "must be an object" }]);
  const bytes = Buffer.byteLength(JSON.stringify(value), "utf8");
  if (bytes > maxExtensionBytes) throw limitExceeded(`extensions are ${bytes} bytes; the limit is ${maxExtensionBytes}`);
  return value;
}

export interface ExtensionSchemaVersion {
  tenantId: string;
  version: number;
  schema: JsonObject;
}

/** Validates against the tenant's current schema version (none: any object). Failing paths are JSON pointers. */
export function validateExtensions(extensions: JsonObject, current: ExtensionSchemaVersion | null): number | null {
  if (!current) return null;
  const validate = validatorFor(current.tenantId, current.version, current.schema);
  if (validate(extensions)) return current.version;
  const fields: FieldError[] = (validate.errors ?? []).map((e) => ({ path: pointerOf(e), message: e.message ?? e.keyword }));
  throw badInput(`extensions do not match the tenant's extension schema (version ${current.version})`, fields);
}
