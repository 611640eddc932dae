import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { fieldOrderKeyword } from "./field-order";
import { i18n } from "../../i18n/i18n";
import { describeSchemaErrors, plainCompileError } from "./schema-errors";

/**
 * The same checks the API runs before it stores a ticket-extension schema (draft 2020-12, strict mode, an object
 * schema), so mistakes show while typing rather than after a round trip; its messages are in the console's language.
 */
export type SchemaCheck = { ok: true; schema: Record<string, unknown>; validate: ValidateFunction } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, unicodeRegExp: true });
  addFormats(ajv);
  // The fields' order for forms, an annotation (the API adds the same keyword).
  ajv.addKeyword({ keyword: fieldOrderKeyword, schemaType: "array" });
  return ajv;
}

/** `lng`: the language of the messages (default: the console's current one). */
export function checkExtensionSchemaText(text: string, lng?: string): SchemaCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: i18n.t("extensionSchema.check.notJson", { error: error instanceof Error ? error.message : String(error), lng }) };
  }
  if (!isObject(value)) return { ok: false, message: i18n.t("extensionSchema.check.notObject", { lng }) };
  if (value.type !== undefined && value.type !== "object") return { ok: false, message: i18n.t("extensionSchema.check.typeObject", { lng }) };
  if (new TextEncoder().encode(JSON.stringify(value)).length > 64 * 1024) return { ok: false, message: i18n.t("extensionSchema.check.tooLarge", { lng }) };
  const ajv = newAjv();
  if (!ajv.validateSchema(value)) return { ok: false, message: describeSchemaErrors(ajv.errors ?? [], lng).join(" ") || i18n.t("extensionSchema.check.notSchema", { lng }) };
  try {
    return { ok: true, schema: value, validate: ajv.compile(value) };
  } catch (error) {
    return { ok: false, message: plainCompileError(error instanceof Error ? error.message : String(error), lng) };
  }
}

/** Errors of a form value by top-level property (what a kiosk form shows next to each field). */
export function errorsByField(errors: readonly ErrorObject[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const key =
      e.keyword === "required" ? String((e.params as { missingProperty: string }).missingProperty) : (e.instancePath.split("/")[1] ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
    const message = e.keyword === "required" ? i18n.t("extensionSchema.required") : (e.message ?? e.keyword);
    if (key && !out[key]) out[key] = message;
    else if (!key && !out[""]) out[""] = message;
  }
  return out;
}

export const exampleSchema = {
  type: "object",
  properties: {
    orderNumber: { type: "string", title: "Order number", pattern: "^[0-9]{6}$", description: "Six digits, on the receipt." },
    reason: { type: "string", title: "Reason for visit", enum: ["Collection", "Return", "Advice"] },
    email: { type: "string", format: "email", title: "Email for updates" },
    accessibility: { type: "boolean", title: "Needs step-free access" },
    items: { type: "integer", title: "Number of items", minimum: 1, maximum: 20 },
  },
  required: ["reason"],
  additionalProperties: false,
};
