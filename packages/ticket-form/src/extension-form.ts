/**
 * The tenant's custom fields: a JSON Schema (draft 2020-12, the same one the API validates with Ajv 2020) turned
 * into a form by react-jsonschema-form and validated in the browser before anything is sent.
 */
import type { ErrorSchema, RJSFSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";

export type Extensions = Record<string, unknown>;

export const extensionValidator = customizeValidator<Extensions, RJSFSchema>({ AjvClass: Ajv2020 });

const emptySchema: RJSFSchema = { type: "object", properties: {} };

/** The tenant's schema as the form's root; no schema (or a non-object one) means no custom fields. */
export function formSchema(schema: Record<string, unknown> | null | undefined): RJSFSchema {
  if (!schema || typeof schema !== "object") return emptySchema;
  const { $id: _id, ...rest } = schema as RJSFSchema; // a remote $id would make Ajv try to resolve refs by it
  return { type: "object", ...rest };
}

/**
 * The form's field order: the schema's `x-order` (the API stores it because PostgreSQL's jsonb forgets the order
 * of `properties`), names that are not fields dropped, every other field after them ("*").
 */
export function fieldOrder(schema: RJSFSchema): string[] {
  const properties = Object.keys(schema.properties ?? {});
  const given = (schema as Record<string, unknown>)["x-order"];
  const order = Array.isArray(given) ? given.filter((name): name is string => typeof name === "string" && properties.includes(name)) : [];
  return [...new Set(order), "*"];
}

export function hasFields(schema: RJSFSchema): boolean {
  return Object.keys(schema.properties ?? {}).length > 0;
}

/**
 * Where a field error from the API belongs: JSON pointers (`/age`) and `input.extensions…` paths are custom
 * fields; `input.<name>` is one of the standard inputs (`input.phone` → `phone`).
 */
export function fieldErrorTarget(path: string): { kind: "extension"; pointer: string } | { kind: "input"; name: string } | null {
  if (path.startsWith("/")) return { kind: "extension", pointer: path };
  const ext = /^input\.extensions(?:([./])(.*))?$/.exec(path);
  if (ext) return { kind: "extension", pointer: ext[2] ? `/${ext[1] === "." ? ext[2].split(".").join("/") : ext[2]}` : "/" };
  const input = /^input\.(\w+)$/.exec(path);
  return input?.[1] ? { kind: "input", name: input[1] } : null;
}

/** The standard inputs' errors by input name (`phone`, `email`, `customerName`, …). */
export function inputFieldErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const target = fieldErrorTarget(path);
    if (target?.kind === "input") out[target.name] = message;
  }
  return out;
}

/** The API's BAD_USER_INPUT `fields` on custom fields (JSON pointers such as `/age`) → errors under those fields. */
export function serverErrorSchema(fields: Record<string, string>): ErrorSchema<Extensions> | undefined {
  const root: Record<string, unknown> = {};
  let any = false;
  for (const [path, message] of Object.entries(fields)) {
    const target = fieldErrorTarget(path);
    if (target?.kind !== "extension") continue;
    const segments = target.pointer
      .split("/")
      .slice(1)
      .filter(Boolean)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    let node = root;
    for (const segment of segments) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    const list = (node.__errors as string[] | undefined) ?? [];
    node.__errors = [...list, message];
    any = true;
  }
  return any ? (root as ErrorSchema<Extensions>) : undefined;
}
