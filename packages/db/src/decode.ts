/**
 * Typed rows from raw SQL (`tx.execute(sql`…`)`), checked instead of cast.
 *
 * drizzle's typed queries know their columns; a raw statement does not, and what a column holds in JS depends on
 * the driver and on drizzle: `count(*)` and other int8/numeric values come back as strings (exact), timestamps as
 * PostgreSQL's text (drizzle turns pg's and PGlite's date parsing off), arrays of text/uuid as arrays, jsonb
 * parsed. A cast (`rows as T[]`) hides a mismatch until a comparison quietly goes wrong (`"3" === 3`). A decoder
 * says per column what it expects, converts it to the one JS type the code uses (number, Date, string[]), and
 * fails loudly (RowDecodeError, a server bug) when a column is missing or of another type.
 *
 * Built on zod (one well-kept schema library instead of hand-written checks); each column decoder accepts every
 * shape either driver may give for that SQL type, so the same decoder works on PGlite and PostgreSQL.
 *
 *   const Access = z.object({ id: col.uuid, path: col.textArray, waiting: col.int, at: col.timestamp });
 *   const [row] = decodeRows(Access, await tx.execute(sql`…`));
 */
import { z } from "zod";

/** Integers as a JS number: int2/int4 (numbers), int8 and `count(*)` (strings, or bigint where a driver parses them). */
const int = z.union([z.number(), z.string(), z.bigint()]).transform((value, ctx) => {
  const n = typeof value === "string" ? Number(value.trim()) : Number(value);
  if (typeof value === "string" && value.trim() === "") ctx.addIssue({ code: "custom", message: "empty string is not an integer" });
  else if (!Number.isSafeInteger(n)) ctx.addIssue({ code: "custom", message: `${String(value)} is not a safe integer` });
  return n;
});

/** Any number as a JS number: float4/float8 (numbers), numeric (strings; precision beyond a double is lost). */
const number = z.union([z.number(), z.string(), z.bigint()]).transform((value, ctx) => {
  const n = typeof value === "string" ? Number(value.trim()) : Number(value);
  if ((typeof value === "string" && value.trim() === "") || !Number.isFinite(n)) ctx.addIssue({ code: "custom", message: `${String(value)} is not a finite number` });
  return n;
});

/** timestamptz / date as a Date: PostgreSQL's text (`2026-12-04 16:24:42.08+00`) through drizzle, or a parsed Date. */
const timestamp = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) ctx.addIssue({ code: "custom", message: `${String(value)} is not a timestamp` });
  return date;
});

/**
 * text[] / uuid[] / an enum's array as string[]: parsed by the driver, or the array literal (`{a,b,"c d"}`) where
 * the driver does not know the element type (an enum array; a timestamptz[] through drizzle).
 */
const textArray = z.union([z.array(z.string()), z.string()]).transform((value, ctx) => {
  if (Array.isArray(value)) return value;
  const parsed = parseArrayLiteral(value);
  if (!parsed) ctx.addIssue({ code: "custom", message: `${value} is not an array literal` });
  return parsed ?? [];
});

/** The column decoders: one per SQL type the API reads raw. Add `.nullable()` for a column that may be null. */
export const col = {
  uuid: z.string(),
  text: z.string(),
  bool: z.boolean(),
  int,
  number,
  timestamp,
  textArray,
  /** jsonb / json: parsed by both drivers; give a schema for its shape where the code relies on one. */
  json: z.unknown(),
  /** A jsonb object whose values the code reads (checked to be JSON all the way down). */
  jsonObject: z.record(z.string(), z.json()),
} as const;

/** A raw row that did not match its decoder: the SQL and the code disagree (a bug, never bad input). */
export class RowDecodeError extends Error {
  constructor(readonly issues: string) {
    super(`A database row did not match its decoder: ${issues}`);
    this.name = "RowDecodeError";
  }
}

/** The rows of a raw `execute` (both drivers answer `{ rows }`), each decoded with `shape`. */
export function decodeRows<S extends z.ZodType>(shape: S, result: unknown): z.output<S>[] {
  const rows = (result as { rows?: unknown }).rows; // both drivers' results carry `rows`; checked just below
  if (!Array.isArray(rows)) throw new RowDecodeError("the result has no rows array");
  const parsed = z.array(shape).safeParse(rows);
  if (!parsed.success) throw new RowDecodeError(z.prettifyError(parsed.error));
  return parsed.data;
}

/** The first decoded row of a raw `execute`, or undefined when it returned none. */
export function decodeFirstRow<S extends z.ZodType>(shape: S, result: unknown): z.output<S> | undefined {
  return decodeRows(shape, result)[0];
}

/** `{a,b,"c d",NULL}` → ["a", "b", "c d"] (NULL elements dropped); null when `text` is not a one-dimensional array literal. */
function parseArrayLiteral(text: string): string[] | null {
  if (!text.startsWith("{") || !text.endsWith("}")) return null;
  const out: string[] = [];
  const body = text.slice(1, -1);
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"') {
      let value = "";
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === "\\") i++;
        value += body[i] ?? "";
        i++;
      }
      out.push(value);
      i++; // closing quote
    } else {
      let end = body.indexOf(",", i);
      if (end === -1) end = body.length;
      const value = body.slice(i, end);
      if (value === "{" || value.startsWith("{")) return null; // nested: not ours
      if (value !== "NULL") out.push(value);
      i = end;
    }
    if (body[i] === ",") i++;
  }
  return out;
}

export { z };
