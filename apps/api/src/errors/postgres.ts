import type { AppError } from "./codes.js";

/** The constraint a unique violation (23505) hit, if that is what `error` is (drizzle wraps driver errors). */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Runs `fn`, turning a unique violation on one of the named constraints into the given domain error. */
export async function mapUniqueViolations<T>(fn: () => Promise<T>, byConstraint: Record<string, () => AppError>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const constraint = uniqueViolation(error);
    const mapped = constraint !== null ? byConstraint[constraint] : undefined;
    throw mapped ? mapped() : error;
  }
}
