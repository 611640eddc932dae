/** How limit refusals reach clients: the time budget (57014, before or during a statement) and the token cap. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GraphQLError, parse } from "graphql";
import { DeadlineExceededError } from "@qline/db";
import { formatError, toGraphQLError } from "../errors/format-error.js";
import { isTokenLimitError } from "../limits.js";

const options = { exposeInternals: true };

describe("limit errors", () => {
  it("maps a statement cancelled by statement_timeout (57014, wrapped by drizzle) to LIMIT_EXCEEDED without SQL", () => {
    const driver = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    const wrapped = new Error("Failed query: select pg_sleep($1)", { cause: driver });
    const error = toGraphQLError(wrapped, options);
    assert.equal(error.extensions.code, "LIMIT_EXCEEDED");
    assert.doesNotMatch(error.message, /select|pg_sleep/);
  });

  it("maps a transaction refused after the deadline to LIMIT_EXCEEDED", () => {
    assert.equal(toGraphQLError(new DeadlineExceededError(), options).extensions.code, "LIMIT_EXCEEDED");
  });

  it("relabels graphql's token-limit syntax error (Apollo's GRAPHQL_PARSE_FAILED) as LIMIT_EXCEEDED, and no other syntax error", () => {
    const parseError = (text: string) => {
      try {
        parse(text, { maxTokens: 3 });
      } catch (error) {
        return error as GraphQLError;
      }
      throw new Error("parsed");
    };
    const overLimit = parseError(`{ a b c }`);
    assert.ok(isTokenLimitError(overLimit));
    const apollo = (error: GraphQLError) => formatError({ message: error.message, extensions: { code: "GRAPHQL_PARSE_FAILED" } }, error, options);
    assert.equal(apollo(overLimit).extensions?.code, "LIMIT_EXCEEDED");
    assert.equal(apollo(parseError(`{ a`)).extensions?.code, "GRAPHQL_PARSE_FAILED");
  });
});
