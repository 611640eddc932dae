/**
 * Linear-time `pattern` / `patternProperties` for tenant JSON Schemas. Ajv compiles patterns with JavaScript's
 * backtracking RegExp by default, where `^(a+)+$` against "aaaa…!" takes exponential time and blocks the whole
 * process (every tenant). Ajv's `code.regExp` option plugs another engine: here RE2 (the re2js port), which
 * matches in time linear in the input. RE2 has no backreferences and no lookaround; such patterns fail to
 * compile, and the schema is refused (BAD_USER_INPUT) when it is set.
 */
import { RE2JS } from "re2js";

/** A pattern RE2 cannot run (backreference, lookaround, bad syntax). */
export class UnsupportedPatternError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`pattern ${JSON.stringify(pattern)} is not supported: ${reason} (patterns run on a linear-time engine: no backreferences or lookaround)`);
    this.name = "UnsupportedPatternError";
  }
}

/** What Ajv needs from a compiled pattern: `test()`; `toString()` is Ajv's cache key for it, so it must be unique per pattern. */
class LinearPattern {
  constructor(
    private readonly source: string,
    private readonly re: RE2JS,
  ) {}
  test(input: string): boolean {
    return this.re.test(input);
  }
  toString(): string {
    return `re2:${this.source}`;
  }
}

/**
 * Ajv's RegExpEngine: `(pattern, flags) => { test }`. JSON Schema patterns are ECMA-262 syntax and unanchored;
 * translateRegExp maps the JS-only spellings (`(?<name>`, `\u{…}`, `\uXXXX`) to RE2's. The flags Ajv passes are
 * "u" (unicodeRegExp) or "": RE2 always matches by code point, which is what "u" means.
 */
export function linearRegExp(pattern: string, _flags: string): LinearPattern {
  try {
    return new LinearPattern(pattern, RE2JS.compile(RE2JS.translateRegExp(pattern)));
  } catch (error) {
    throw new UnsupportedPatternError(pattern, error instanceof Error ? error.message : String(error));
  }
}
/** Code Ajv would emit for standalone validators; qline never generates standalone code, so it only names the engine. */
linearRegExp.code = "linearRegExp";
