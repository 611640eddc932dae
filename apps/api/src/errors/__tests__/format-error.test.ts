import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toGraphQLError } from "../format-error.js";

/** A driver error as pg / PGlite throw it, wrapped by drizzle the way queries fail. */
const driverError = (code: string, message: string) =>
  Object.assign(new Error(`Failed query: select * from tickets where tracking_code = $1\nparams: secret-code`), { cause: Object.assign(new Error(message), { code }) });

describe("formatting errors for clients", () => {
  for (const exposeInternals of [true, false]) {
    it(`never shows SQL or parameters (exposeInternals=${exposeInternals})`, () => {
      const logged: unknown[] = [];
      const internal = toGraphQLError(driverError("XX000", "boom"), { exposeInternals, log: (_m, e) => logged.push(e) });
      assert.equal(internal.message, "Internal server error");
      assert.equal(internal.extensions.code, "INTERNAL_SERVER_ERROR");
      assert.equal(logged.length, 1, "the server log keeps the full error");
      for (const code of ["22021", "22P05"]) {
        const mapped = toGraphQLError(driverError(code, 'invalid byte sequence for encoding "UTF8": 0x00'), { exposeInternals });
        assert.equal(mapped.extensions.code, "BAD_USER_INPUT", code);
        assert.doesNotMatch(mapped.message, /select|params|secret|0x00/);
      }
    });
  }
});
