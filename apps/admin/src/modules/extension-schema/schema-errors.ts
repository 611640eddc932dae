/**
 * Ajv's meta-schema errors in plain words (English, or the console's language), one sentence per place, naming the custom field: `Field “name”: type
 * must be one of "array", "boolean", …` rather than `data/properties/name/type must be array`. The API says the
 * same (apps/api/src/modules/lines/extension-schema.ts, describeSchemaErrors); keep the two in step.
 */
import type { ErrorObject } from "ajv/dist/2020";
import { i18n } from "../../i18n/i18n";

type Say = (key: string, values?: Record<string, unknown>) => string;

/**
 * The sentences in language `lng` (default: the console's current one), from `extensionSchema.errors.…`; Ajv's own
 * messages, quoted in them, stay English.
 */
const sayIn =
  (lng: string | undefined): Say =>
  (key, values) =>
    i18n.t(`extensionSchema.errors.${key}`, { ...values, lng });

const unescapePointer = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");
const article = (say: Say, type: string) => say(/^[aeiou]/.test(type) ? "typeAn" : "typeA", { type });
const quoteList = (say: Say, values: readonly unknown[]) =>
  values.length <= 1 ? values.map((v) => JSON.stringify(v)).join("") : `${values.slice(0, -1).map((v) => JSON.stringify(v)).join(", ")}${say("or")}${JSON.stringify(values.at(-1))}`;

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

export function describeSchemaErrors(errors: readonly ErrorObject[], lng?: string): string[] {
  const say = sayIn(lng);
  const byPlace = new Map<string, ErrorObject[]>();
  for (const error of errors) byPlace.set(error.instancePath, [...(byPlace.get(error.instancePath) ?? []), error]);
  const out: { path: string; sentence: string }[] = [];
  for (const [instancePath, group] of byPlace) {
    const { field, rest } = locate(instancePath);
    const what = field ? rest || say("itsDefinition") : rest ? say("schemaPart", { part: rest }) : say("theSchema");
    const enumError = group.find((e) => e.keyword === "enum");
    const typeError = group.find((e) => e.keyword === "type");
    let problem: string;
    if (enumError) {
      const allowed = (enumError.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      const orList = typeError && (typeError.params as { type?: string }).type === "array";
      problem = say(orList ? "oneOfOrList" : "oneOf", { what, values: quoteList(say, allowed) });
    } else if (typeError) {
      const type = String((typeError.params as { type?: string | string[] }).type);
      problem = say("type", { what, types: type.split(",").map((one) => article(say, one)).join(say("or")) });
    } else {
      const specific = group.find((e) => !["anyOf", "oneOf", "allOf", "if", "$ref", "$dynamicRef"].includes(e.keyword)) ?? group[0]!;
      problem = say("other", { what, message: specific.message ?? say("fails", { keyword: specific.keyword }) });
    }
    out.push({ path: instancePath, sentence: field ? say("field", { field, problem }) : say("sentence", { problem: `${problem.charAt(0).toUpperCase()}${problem.slice(1)}` }) });
  }
  return out.filter((e, _, all) => !all.some((other) => other !== e && other.path.startsWith(`${e.path}/`))).map((e) => e.sentence);
}

/** Ajv's compile errors (strict mode, a missing $ref target) in plain words. */
export function plainCompileError(message: string, lng?: string): string {
  const say = sayIn(lng);
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message);
  if (unknownKeyword) return say("unknownKeyword", { keyword: unknownKeyword[1] });
  const unknownFormat = /unknown format "([^"]+)"/.exec(message);
  if (unknownFormat) return say("unknownFormat", { format: unknownFormat[1] });
  const missingRef = /can't resolve reference (\S+)/.exec(message);
  if (missingRef) return say("missingRef", { ref: missingRef[1] });
  return `${message.replace(/^strict mode: /, "")}.`;
}
