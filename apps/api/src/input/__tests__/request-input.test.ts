import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse, parseValue } from "graphql";
import { graphqlNestingExceeds, jsonNestingExceeds, textProblem, valueProblem } from "../request-input.js";
import { jsonFromLiteral } from "../../modules/common/json-scalars.js";

describe("request input scanners", () => {
  it("measure JSON nesting outside strings, in one pass", () => {
    assert.equal(jsonNestingExceeds(`{"a":[[1]]}`, 3), false);
    assert.equal(jsonNestingExceeds(`{"a":[[[1]]]}`, 3), true);
    assert.equal(jsonNestingExceeds(`{"a":"[[[[[[\\"[[[["}`, 2), false, "brackets in strings, escaped quotes");
    assert.equal(jsonNestingExceeds(Buffer.from(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)), true);
    assert.equal(jsonNestingExceeds(`[${"[],".repeat(100_000)}[]]`), false, "wide is not deep");
  });

  it("measure GraphQL nesting outside strings, block strings and comments", () => {
    assert.equal(graphqlNestingExceeds(`{ a { b(x: [{ y: 1 }]) } }`, 5), false);
    assert.equal(graphqlNestingExceeds(`{ a { b(x: [{ y: [1] }]) } }`, 5), true);
    assert.equal(graphqlNestingExceeds(`{ a(s: "{{{{{{", t: """ {{{{ \\""" {{{{ """) # {{{{{{\n }`, 2), false);
  });

  it("find NULs and lone surrogates anywhere, keys included, and accept surrogate pairs", () => {
    assert.equal(textProblem("plain 🙂 text"), null);
    assert.match(textProblem("a\u0000")!, /NUL/);
    assert.match(textProblem("\ud83d")!, /surrogate/);
    assert.match(textProblem("\ude42x")!, /surrogate/);
    assert.match(valueProblem({ a: [{ b: "ok" }, { c: "x\u0000" }] }, "variables")!, /variables\.a\[1\]\.c contains a NUL/);
    assert.match(valueProblem({ ["k\ud800"]: 1 }, "variables")!, /a key in variables/);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.match(valueProblem(deep, "variables")!, /deeper than 64/);
  });
});

describe("JSON literals", () => {
  it("become plain objects and lists in written order, with variables substituted and missing ones left out", () => {
    const value = jsonFromLiteral(parseValue(`{ b: 1, a: [true, null, "s", 2.5, $v, $missing], c: { d: $v }, e: $missing }`), { v: { x: 1 } });
    assert.deepEqual(value, { b: 1, a: [true, null, "s", 2.5, { x: 1 }, null], c: { d: { x: 1 } } });
    assert.deepEqual(Object.keys(value as object), ["b", "a", "c"]);
    assert.equal(Object.getPrototypeOf(value), Object.prototype, "class-validator needs an ordinary object");
  });

  it("keep __proto__ as an own key instead of setting the prototype", () => {
    const value = jsonFromLiteral(parseValue(`{ __proto__: { polluted: true } }`)) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ["__proto__"]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it("refuse bare enum words and nesting past the limit", () => {
    assert.throws(() => jsonFromLiteral(parseValue(`{ a: RED }`)), /quote it/);
    const document = parse(`{ f(x: ${"[".repeat(70)}${"]".repeat(70)}) }`);
    const operation = document.definitions[0]!;
    assert.ok(operation.kind === "OperationDefinition");
    const field = operation.selectionSet.selections[0]!;
    assert.ok(field.kind === "Field");
    assert.throws(() => jsonFromLiteral(field.arguments![0]!.value), /deeper than 64/);
  });
});
