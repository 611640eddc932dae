/**
 * Ajv's meta-schema errors in plain words, one sentence per place, naming the custom field: `Field “name”: type
 * must be one of "array", "boolean", …` rather than `data/properties/name/type must be array`. The API says the
 * same (apps/api/src/modules/lines/extension-schema.ts, describeSchemaErrors); keep the two in step.
 */
import type { ErrorObject } from "ajv/dist/2020";

const unescapePointer = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");
const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const quoteList = (values: readonly unknown[]) =>
  values.length <= 1 ? values.map((v) => JSON.stringify(v)).join("") : `${values.slice(0, -1).map((v) => JSON.stringify(v)).join(", ")} or ${JSON.stringify(values.at(-1))}`;

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

export function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  const byPlace = new Map<string, ErrorObject[]>();
  for (const error of errors) byPlace.set(error.instancePath, [...(byPlace.get(error.instancePath) ?? []), error]);
  const out: { path: string; sentence: string }[] = [];
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
    out.push({ path: instancePath, sentence: field ? `Field “${field}”: ${problem}.` : `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.` });
  }
  return out.filter((e, _, all) => !all.some((other) => other !== e && other.path.startsWith(`${e.path}/`))).map((e) => e.sentence);
}

/** Ajv's compile errors (strict mode, a missing $ref target) in plain words. */
export function plainCompileError(message: string): string {
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message);
  if (unknownKeyword) return `“${unknownKeyword[1]}” is not a JSON Schema keyword (check its spelling).`;
  const unknownFormat = /unknown format "([^"]+)"/.exec(message);
  if (unknownFormat) return `The format “${unknownFormat[1]}” is not known; use e.g. "email", "date" or "uri".`;
  const missingRef = /can't resolve reference (\S+)/.exec(message);
  if (missingRef) return `The reference ${missingRef[1]} points at nothing in $defs.`;
  return `${message.replace(/^strict mode: /, "")}.`;
}
