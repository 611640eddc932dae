import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSchema } from "graphql";
import { defaultLimits, shapeRules } from "../../limits.js";
import { cachedDocumentCount, cachedParse, cachedValidate, maxCachedDocuments, maxCachedQueryLength } from "../documents.js";

describe("subscription document cache", () => {
  const tokens = defaultLimits.maxTokens;
  const rules = shapeRules(defaultLimits);
  it("parses a query text once, and stays bounded", () => {
    const query = `subscription { tick }`;
    assert.equal(cachedParse(query, tokens), cachedParse(query, tokens));
    for (let i = 0; i < maxCachedDocuments + 20; i++) cachedParse(`query Q${i} { a }`, tokens);
    assert.ok(cachedDocumentCount() <= maxCachedDocuments);
  });

  it("does not keep very long texts", () => {
    const long = `{ a ${" ".repeat(maxCachedQueryLength)} }`;
    assert.notEqual(cachedParse(long, tokens), cachedParse(long, tokens));
  });

  it("validates with the limits once per (schema, document)", () => {
    const schema = buildSchema(`type Query { a: Int }`);
    const document = cachedParse(`{ a }`, tokens);
    assert.deepEqual(cachedValidate(schema, document, rules), []);
    assert.equal(cachedValidate(schema, document, rules), cachedValidate(schema, document, rules));
    const aliases = cachedParse(`{ ${Array.from({ length: defaultLimits.maxAliases + 1 }, (_, i) => `x${i}: a`).join(" ")} }`, tokens);
    assert.equal(cachedValidate(schema, aliases, rules)[0]?.extensions.code, "LIMIT_EXCEEDED");
    assert.throws(() => cachedParse(`{ a`, tokens), /Syntax Error/);
  });

  it("stops parsing at the token limit", () => {
    assert.throws(() => cachedParse(`{ ${"a ".repeat(tokens)} }`, tokens), /Document contains more tha[nt] 4000 tokens/);
    assert.doesNotThrow(() => cachedParse(`{ ${"a ".repeat(tokens - 2)} }`, tokens));
  });
});
