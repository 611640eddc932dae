/**
 * Tenant-defined ticket extensions: a JSON Schema (draft 2020-12) per tenant, versioned; `extensions` on a
 * ticket are validated with Ajv against the current version. Compiled validators are cached per
 * (tenant, version): versions are immutable, so a cache entry never goes stale.
 *
 * Schemas come from tenants, so they are untrusted. Before Ajv sees one, it must stay within caps on size,
 * nesting depth, branching keywords and expanded size (schemaCaps), with `$ref` only to the schema itself or
 * its top-level `$defs` and never in a cycle: validation then takes time bounded by (expanded schema size ×
 * data size). Patterns run on RE2 (linear-patterns.ts), never on the backtracking RegExp. Schemas are compiled
 * in strict mode, and `$ref` to remote documents is impossible (no loader is configured).
 *
 * Field order: PostgreSQL's jsonb does not keep an object's key order, so the order of `properties` as the
 * tenant wrote it would be lost on save (the required field landing third). The stored schema therefore carries
 * `x-order` (a list of the top-level property names): given by the editor, or taken from the order of
 * `properties` as received. Forms render in that order (the kiosk's @rjsf `ui:order`).
 *
 * Errors in a tenant's schema are reported in plain words naming the field ("Field “name”: type must be one of
 * …"), not as Ajv's meta-schema paths ("data/properties/name/type must be array").
 */
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { JsonObject } from "@qline/db";
import { badInput, conflict, limitExceeded, type FieldError } from "../../errors/codes.js";
import { linearRegExp } from "./linear-patterns.js";

// ajv and ajv-formats are CommonJS with `exports.default`; under NodeNext the default import is module.exports.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export const maxExtensionBytes = 16 * 1024;
export const maxExtensionSchemaBytes = 64 * 1024;
const maxCachedValidators = 500;

/** What a tenant's extension schema may be (docs/operations.md, "Tenant extension schemas"). */
export const schemaCaps = {
  /** UTF-8 bytes of the schema as JSON. */
  maxBytes: maxExtensionSchemaBytes,
  /** Nesting of objects and arrays in the schema document. */
  maxDepth: 32,
  /** anyOf, oneOf, allOf, not, if and $ref keywords, together. */
  maxBranchingKeywords: 64,
  /** Subschemas once every $ref is followed (a $def used twice counts twice). */
  maxExpandedSubschemas: 2000,
} as const;

const isPlainObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, unicodeRegExp: true, code: { regExp: linearRegExp } });
  addFormats(ajv);
  // An annotation for forms, not a validation rule (strict mode refuses unknown keywords otherwise).
  ajv.addKeyword({ keyword: fieldOrderKeyword, schemaType: "array" });
  return ajv;
}

/** The keyword that keeps the custom fields' order (top-level property names, first field first). */
export const fieldOrderKeyword = "x-order";

/**
 * Checks that `schema` is a compilable draft 2020-12 schema for an object; BAD_USER_INPUT at `path` if not, with
 * one plain sentence per problem. Returns the schema to store: with `x-order` filled in (see the module doc).
 */
export function checkExtensionSchema(schema: unknown, path = "schema"): JsonObject {
  if (!isPlainObject(schema)) throw badInput("The extension schema must be a JSON object", [{ path, message: "not an object" }]);
  checkSchemaCaps(schema, path);
  if (schema.type !== undefined && schema.type !== "object") {
    throw badInput("Ticket extensions are an object: the schema's type must be \"object\"", [{ path: `${path}/type`, message: 'must be "object"' }]);
  }
  const ajv = newAjv();
  if (!ajv.validateSchema(schema)) {
    const fields = describeSchemaErrors(ajv.errors ?? [], path);
    const first = fields[0]?.message ?? "it is not a valid JSON Schema";
    throw badInput(fields.length > 1 ? `The extension schema has ${fields.length} problems. ${first}` : `The extension schema has a problem. ${first}`, fields);
  }
  const ordered = withFieldOrder(schema, path);
  try {
    ajv.compile(ordered);
  } catch (error) {
    const message = plainCompileError((error as Error).message);
    throw badInput(`The extension schema has a problem. ${message}`, [{ path, message }]);
  }
  return ordered;
}

/**
 * The schema with `x-order` listing every top-level property once: the given order first (names that are not
 * properties are refused), then properties it leaves out, in the order they were received.
 */
export function withFieldOrder(schema: JsonObject, path = "schema"): JsonObject {
  const properties = isPlainObject(schema.properties) ? Object.keys(schema.properties) : [];
  const given = schema[fieldOrderKeyword];
  if (given === undefined && properties.length === 0) return schema;
  if (given !== undefined && (!Array.isArray(given) || given.some((name) => typeof name !== "string"))) {
    throw badInput(`The field order (${fieldOrderKeyword}) must be a list of field names`, [{ path: `${path}/${fieldOrderKeyword}`, message: "must be a list of field names" }]);
  }
  const order = [...new Set((given as string[] | undefined) ?? [])];
  const unknown = order.filter((name) => !properties.includes(name));
  if (unknown.length) {
    const message = `Field order names ${unknown.map((n) => `“${n}”`).join(", ")}, which ${unknown.length === 1 ? "is not a field" : "are not fields"} of the schema`;
    throw badInput(message, [{ path: `${path}/${fieldOrderKeyword}`, message }]);
  }
  for (const name of properties) if (!order.includes(name)) order.push(name);
  return { ...schema, [fieldOrderKeyword]: order };
}

const unescapePointer = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");
const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const quoteList = (values: readonly unknown[]) =>
  values.length <= 1 ? values.map((v) => JSON.stringify(v)).join("") : `${values.slice(0, -1).map((v) => JSON.stringify(v)).join(", ")} or ${JSON.stringify(values.at(-1))}`;

/** Where a meta-schema error is, in words: the custom field it belongs to (if any) and the keyword path inside it. */
function locate(instancePath: string): { field: string | null; rest: string } {
  const segments = instancePath.split("/").slice(1).map(unescapePointer);
  let field: string | null = null;
  let restStart = 0;
  for (let i = 0; i < segments.length - 1; i++) {
    if (segments[i] === "properties") {
      field = field === null ? segments[i + 1]! : `${field}.${segments[i + 1]!}`;
      restStart = i + 2;
      i++;
    }
  }
  return { field, rest: segments.slice(restStart).join(" → ") };
}

/**
 * Ajv's meta-schema errors as one sentence per place: `Field “name”: type must be one of "array", "boolean", …`.
 * Several errors at one place (an `anyOf` of an enum and a list, as for `type`) become the one that says what is
 * allowed; a generic "must match a schema in anyOf" is kept only when nothing better is known.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], path = "schema"): FieldError[] {
  const byPlace = new Map<string, ErrorObject[]>();
  for (const error of errors) byPlace.set(error.instancePath, [...(byPlace.get(error.instancePath) ?? []), error]);
  const out: FieldError[] = [];
  for (const [instancePath, group] of byPlace) {
    const { field, rest } = locate(instancePath);
    const what = field ? rest || "its definition" : rest ? `the schema's “${rest}”` : "the schema";
    const enumError = group.find((e) => e.keyword === "enum");
    const typeError = group.find((e) => e.keyword === "type");
    let problem: string;
    if (enumError) {
      const allowed = (enumError.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      problem = `${what} must be one of ${quoteList(allowed)}${typeError && (typeError.params as { type?: string }).type === "array" ? ", or a list of them" : ""}`;
    } else if (typeError) {
      const type = String((typeError.params as { type?: string | string[] }).type);
      problem = `${what} must be ${type.split(",").map(article).join(" or ")}`;
    } else {
      const specific = group.find((e) => !["anyOf", "oneOf", "allOf", "if", "$ref", "$dynamicRef"].includes(e.keyword)) ?? group[0]!;
      problem = `${what} ${specific.message ?? `fails "${specific.keyword}"`}`;
    }
    const sentence = field ? `Field “${field}”: ${problem}.` : `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
    out.push({ path: `${path}${instancePath}`, message: sentence });
  }
  // A place's generic error is redundant next to a more specific one inside it.
  return out.filter((e, _, all) => !all.some((other) => other !== e && other.path.startsWith(`${e.path}/`)));
}

/** Ajv's compile errors (strict mode, a missing $ref target) in plain words. */
function plainCompileError(message: string): string {
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message);
  if (unknownKeyword) return `“${unknownKeyword[1]}” is not a JSON Schema keyword (check its spelling).`;
  const unknownFormat = /unknown format "([^"]+)"/.exec(message);
  if (unknownFormat) return `The format “${unknownFormat[1]}” is not known; use e.g. "email", "date" or "uri".`;
  const missingRef = /can't resolve reference (\S+)/.exec(message);
  if (missingRef) return `The reference ${missingRef[1]} points at nothing in $defs.`;
  return `${message.replace(/^strict mode: /, "")}.`;
}

const cache = new Map<string, ValidateFunction>();

function validatorFor(tenantId: string, version: number, schema: JsonObject): ValidateFunction {
  const key = `${tenantId}:${version}`;
  let validate = cache.get(key);
  if (!validate) {
    try {
      validate = newAjv().compile(schema);
    } catch (error) {
      // A version stored before today's rules (e.g. a lookahead pattern RE2 cannot run): refuse, never a 500.
      throw conflict(`The tenant's extension schema (version ${version}) can no longer be used (${(error as Error).message}); set a new version`);
    }
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

// ---- caps, checked without recursion before Ajv compiles anything ----

/** Keywords whose value is one subschema, a list of subschemas, or a map of name → subschema (draft 2020-12). */
const schemaKeywords = new Set(["not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties"]);
const schemaListKeywords = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const schemaMapKeywords = new Set(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]);
const branchingKeywords = new Set(["anyOf", "oneOf", "allOf", "not", "if", "$ref"]);
/** Ways to point somewhere our reference analysis cannot follow: refused, so every reference is one we can bound. */
const refusedKeywords = new Set(["$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$anchor"]);

type Role = "schema" | "list" | "map" | "data";
interface Pending {
  value: unknown;
  role: Role;
  depth: number;
  /** Whose subschema this is: "#" (the root) or "#/$defs/name" (a top-level definition). */
  owner: string;
  pointer: string;
}

const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** "#" or "#/$defs/name" ("#/definitions/name"), as the owner key; null for any other reference. */
function localTarget(ref: string): string | null {
  if (ref === "#") return "#";
  const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  if (!match) return null;
  let name: string;
  try {
    name = decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
  return `#/${match[1]}/${name.replace(/~1/g, "/").replace(/~0/g, "~")}`;
}

function capError(path: string, pointer: string, message: string) {
  return badInput(`The extension schema is refused: ${message}`, [{ path: `${path}${pointer}`, message }]);
}

/**
 * Refuses a schema over any cap in `schemaCaps`, or whose `$ref`s are not local, not to a top-level
 * definition, or form a cycle. One walk with an explicit stack (a deep document cannot overflow it).
 */
export function checkSchemaCaps(schema: JsonObject, path = "schema"): void {
  const localSubschemas = new Map<string, number>([["#", 0]]);
  const references = new Map<string, string[]>([["#", []]]);
  let branching = 0;
  const stack: Pending[] = [{ value: schema, role: "schema", depth: 1, owner: "#", pointer: "" }];
  while (stack.length > 0) {
    const { value, role, depth, owner, pointer } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth > schemaCaps.maxDepth) throw capError(path, pointer, `it nests deeper than ${schemaCaps.maxDepth} levels`);
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, role: role === "list" ? "schema" : "data", depth: depth + 1, owner, pointer: `${pointer}/${i}` }));
      continue;
    }
    const entries = Object.entries(value as JsonObject);
    if (role === "data") {
      for (const [key, item] of entries) stack.push({ value: item, role: "data", depth: depth + 1, owner, pointer: `${pointer}/${escapePointer(key)}` });
      continue;
    }
    if (role === "map") {
      const topLevelDefinitions = owner === "#" && (pointer === "/$defs" || pointer === "/definitions");
      for (const [key, item] of entries) {
        const itemOwner = topLevelDefinitions ? `#${pointer}/${key}` : owner;
        if (topLevelDefinitions) {
          localSubschemas.set(itemOwner, 0);
          references.set(itemOwner, []);
        }
        stack.push({ value: item, role: "schema", depth: depth + 1, owner: itemOwner, pointer: `${pointer}/${escapePointer(key)}` });
      }
      continue;
    }
    localSubschemas.set(owner, localSubschemas.get(owner)! + 1);
    for (const [key, item] of entries) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (refusedKeywords.has(key)) throw capError(path, at, `${key} is not supported; use $ref to "#" or "#/$defs/<name>"`);
      if (key === "$id" && pointer !== "") throw capError(path, at, "$id is allowed only at the top level");
      if (branchingKeywords.has(key) && ++branching > schemaCaps.maxBranchingKeywords) {
        throw capError(path, at, `it has more than ${schemaCaps.maxBranchingKeywords} anyOf/oneOf/allOf/not/if/$ref keywords`);
      }
      if (key === "$ref") {
        const target = typeof item === "string" ? localTarget(item) : null;
        if (target === null) throw capError(path, at, `$ref must be "#" or "#/$defs/<name>"`);
        references.get(owner)!.push(target);
        continue;
      }
      const itemRole: Role = schemaKeywords.has(key) ? "schema" : schemaListKeywords.has(key) ? "list" : schemaMapKeywords.has(key) ? "map" : "data";
      stack.push({ value: item, role: itemRole, depth: depth + 1, owner, pointer: at });
    }
  }
  // After the walk: JSON.stringify recurses, and the walk has bounded the depth.
  const bytes = Buffer.byteLength(JSON.stringify(schema), "utf8");
  if (bytes > schemaCaps.maxBytes) throw capError(path, "", `it is ${bytes} bytes; the limit is ${schemaCaps.maxBytes}`);
  // Expanded size: each owner's own subschemas plus, per reference, the expanded size of its target. References
  // are at most maxBranchingKeywords, so this recursion is at most that deep; a cycle is refused.
  const expanded = new Map<string, number>();
  const visiting = new Set<string>();
  const sizeOf = (owner: string): number => {
    const known = expanded.get(owner);
    if (known !== undefined) return known;
    if (!localSubschemas.has(owner)) return 0; // a missing definition: Ajv's compile reports it
    if (visiting.has(owner)) throw capError(path, "", `$ref to "${owner}" is recursive; references must not form a cycle`);
    visiting.add(owner);
    let size = localSubschemas.get(owner)!;
    for (const target of references.get(owner)!) {
      size += sizeOf(target);
      if (size > schemaCaps.maxExpandedSubschemas) {
        throw capError(path, "", `following its $refs gives more than ${schemaCaps.maxExpandedSubschemas} subschemas`);
      }
    }
    visiting.delete(owner);
    expanded.set(owner, size);
    return size;
  };
  for (const owner of localSubschemas.keys()) sizeOf(owner);
}
