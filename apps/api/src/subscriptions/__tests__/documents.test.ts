import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSchema } from "graphql";
import { cachedDocumentCount, cachedParse, cachedValidate, maxCachedDocuments, maxCachedQueryLength } from "../documents.js";

describe("subscription document cache", () => {
  it("parses a query text once, and stays bounded", () => {
    const query = `subscription { tick }`;
    assert.equal(cachedParse(query), cachedParse(query));
    for (let i = 0; i < maxCachedDocuments + 20; i++) cachedParse(`query Q${i} { a }`);
    assert.ok(cachedDocumentCount() <= maxCachedDocuments);
  });

  it("does not keep very long texts", () => {
    const long = `{ a ${" ".repeat(maxCachedQueryLength)} }`;
    assert.notEqual(cachedParse(long), cachedParse(long));
  });

  it("validates with the limits once per (schema, document)", () => {
    const schema = buildSchema(`type Query { a: Int }`);
    const document = cachedParse(`{ a }`);
    assert.deepEqual(cachedValidate(schema, document), []);
    assert.equal(cachedValidate(schema, document), cachedValidate(schema, document));
    const aliases = cachedParse(`{ ${Array.from({ length: 31 }, (_, i) => `x${i}: a`).join(" ")} }`);
    assert.equal(cachedValidate(schema, aliases)[0]?.extensions.code, "LIMIT_EXCEEDED");
    assert.throws(() => cachedParse(`{ a`), /Syntax Error/);
  });
});
