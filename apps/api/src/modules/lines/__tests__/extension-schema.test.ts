import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../../errors/codes.js";
import { checkExtensionSchema, checkExtensionsShape, schemaCaps, validateExtensions } from "../extension-schema.js";

const schema = {
  type: "object",
  properties: {
    vip: { type: "boolean" },
    membership: { type: "object", properties: { level: { enum: ["gold", "silver"] } }, required: ["level"] },
    email: { type: "string", format: "email" },
  },
  required: ["vip"],
  additionalProperties: false,
};

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return (e.fields ?? []).map((f) => f.path).sort();
  }
  assert.fail("expected an error");
};

describe("ticket extension schema", () => {
  it("accepts a draft 2020-12 object schema and refuses non-schemas", () => {
    assert.deepEqual(checkExtensionSchema(schema), { ...schema, "x-order": ["vip", "membership", "email"] }, "stored with its field order");
    assert.throws(() => checkExtensionSchema([1]), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT");
    assert.throws(() => checkExtensionSchema({ type: "string" }), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT");
    assert.throws(() => checkExtensionSchema({ type: "object", properties: { a: { type: "nope" } } }), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT");
    assert.throws(() => checkExtensionSchema({ type: "object", unknownKeyword: 1 }), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT", "strict mode");
  });

  it("validates extensions and reports every failing JSON pointer", () => {
    const current = { tenantId: "t1", version: 3, schema: checkExtensionSchema(schema) };
    assert.equal(validateExtensions({ vip: true, membership: { level: "gold" }, email: "a@b.co" }, current), 3);
    assert.deepEqual(fieldsOf(() => validateExtensions({ membership: { level: "bronze" }, email: "nope", extra: 1 }, current)), [
      "/email",
      "/extra",
      "/membership/level",
      "/vip",
    ]);
    assert.equal(validateExtensions({ anything: 1 }, null), null, "no schema: any object");
  });

  it("checks shape and size before any schema", () => {
    assert.deepEqual(checkExtensionsShape(undefined), {});
    for (const bad of [[], "x", 1, true]) assert.throws(() => checkExtensionsShape(bad), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT");
    assert.throws(() => checkExtensionsShape({ blob: "x".repeat(1024 * 1024) }), (e: unknown) => e instanceof AppError && e.code === "LIMIT_EXCEEDED");
  });

  it("runs patterns in linear time: ^(a+)+$ against 31 a's and a '!' answers at once, correctly", () => {
    const current = { tenantId: "t-redos", version: 1, schema: checkExtensionSchema({ type: "object", properties: { code: { type: "string", pattern: "^(a+)+$" } } }) };
    const started = performance.now();
    assert.throws(() => validateExtensions({ code: `${"a".repeat(31)}!` }, current), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT");
    assert.equal(validateExtensions({ code: "a".repeat(10_000) }, current), 1);
    // Backtracking takes minutes here (77 s for 31 a's); RE2 takes microseconds. 2 s is generous on a shared machine.
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
  });

  it("keeps JavaScript pattern semantics that RE2 shares: unanchored, \\d, named groups, patternProperties", () => {
    const current = {
      tenantId: "t-patterns",
      version: 1,
      schema: checkExtensionSchema({ type: "object", properties: { zip: { type: "string", pattern: "(?<zip>\\d{5})" } }, patternProperties: { "^x-": { type: "integer" } } }),
    };
    assert.equal(validateExtensions({ zip: "DE-12345", "x-seat": 3 }, current), 1);
    assert.deepEqual(fieldsOf(() => validateExtensions({ zip: "1234", "x-seat": "3" }, current)), ["/x-seat", "/zip"]);
  });

  it("refuses patterns RE2 cannot run (backreferences, lookaround) with BAD_USER_INPUT naming the pattern", () => {
    for (const pattern of ["(a)\\1", "a(?=b)", "a(?!b)", "(?<=a)b"]) {
      assert.throws(
        () => checkExtensionSchema({ type: "object", properties: { p: { type: "string", pattern } } }),
        (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT" && e.message.includes(JSON.stringify(pattern)) && e.message.includes("linear-time"),
        pattern,
      );
    }
    assert.throws(
      () => checkExtensionSchema({ type: "object", patternProperties: { "(x)\\1": { type: "string" } } }),
      (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT",
    );
  });

  it("refuses schemas over the size, depth and branching caps, and says which", () => {
    const refusal = (schema: unknown, text: string) =>
      assert.throws(() => checkExtensionSchema(schema), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT" && e.message.includes(text), text);
    refusal({ type: "object", description: "x".repeat(schemaCaps.maxBytes) }, "bytes");
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    refusal({ type: "object", properties: { d: deep } }, "deeper than 32");
    let nested: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 12; i++) nested = { type: "object", properties: { n: nested } }; // 25 levels: allowed
    assert.doesNotThrow(() => checkExtensionSchema({ type: "object", properties: { n: nested } }));
    const branches = Array.from({ length: schemaCaps.maxBranchingKeywords + 1 }, (_, i) => [`p${i}`, { anyOf: [{ type: "string" }, { type: "integer" }] }]);
    refusal({ type: "object", properties: Object.fromEntries(branches) }, "anyOf/oneOf/allOf/not/if/$ref");
    assert.doesNotThrow(() => checkExtensionSchema({ type: "object", properties: Object.fromEntries(branches.slice(1)) }), "exactly at the cap");
  });

  it("allows $ref to top-level $defs but refuses cycles, remote or anchor references, and exponential expansion", () => {
    const ok = { type: "object", $defs: { seat: { type: "integer", minimum: 1 } }, properties: { a: { $ref: "#/$defs/seat" }, b: { $ref: "#/$defs/seat" } } };
    const current = { tenantId: "t-refs", version: 1, schema: checkExtensionSchema(ok) };
    assert.deepEqual(fieldsOf(() => validateExtensions({ a: 1, b: 0 }, current)), ["/b"]);
    const refusal = (schema: unknown, text: string) =>
      assert.throws(() => checkExtensionSchema(schema), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT" && e.message.includes(text), text);
    refusal({ type: "object", properties: { self: { $ref: "#" } } }, "recursive");
    refusal({ type: "object", $defs: { a: { $ref: "#/$defs/b" }, b: { anyOf: [{ $ref: "#/$defs/a" }] } }, properties: { x: { $ref: "#/$defs/a" } } }, "recursive");
    refusal({ type: "object", properties: { x: { $ref: "https://example.test/s.json" } } }, "$ref must be");
    refusal({ type: "object", properties: { x: { $ref: "#/properties/y" }, y: { type: "string" } } }, "$ref must be");
    refusal({ type: "object", properties: { x: { $dynamicRef: "#meta" } } }, "$dynamicRef is not supported");
    refusal({ type: "object", properties: { x: { $id: "https://example.test/x", $ref: "#" } } }, "$id is allowed only at the top level");
    // d0 ← d1 = anyOf[d0,d0] ← d2 = anyOf[d1,d1] … : 20 definitions, 2^20 subschemas once expanded.
    const defs: Record<string, unknown> = { d0: { type: "string" } };
    for (let i = 1; i <= 20; i++) defs[`d${i}`] = { anyOf: [{ $ref: `#/$defs/d${i - 1}` }, { $ref: `#/$defs/d${i - 1}` }] };
    refusal({ type: "object", $defs: defs, properties: { x: { $ref: "#/$defs/d20" } } }, "subschemas");
  });

  it("refuses (CONFLICT, not a 500) a stored version that today's engine cannot compile", () => {
    const stored = { tenantId: "t-old", version: 7, schema: { type: "object", properties: { p: { type: "string", pattern: "a(?=b)" } } } };
    assert.throws(() => validateExtensions({ p: "ab" }, stored), (e: unknown) => e instanceof AppError && e.code === "CONFLICT" && e.message.includes("version 7"));
  });
});

/** The error's message and its fields' messages, for the plain-words assertions. */
const refusal = (fn: () => unknown): { message: string; fields: { path: string; message: string }[] } => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { message: e.message, fields: e.fields ?? [] };
    throw e;
  }
  throw new Error("expected a refusal");
};

describe("extension schema errors in plain words", () => {
  it("names the field and what is allowed for a wrong type, instead of Ajv's meta-schema paths", () => {
    const { message, fields } = refusal(() => checkExtensionSchema({ type: "object", properties: { name: { type: "text" } } }));
    assert.equal(
      message,
      'The extension schema has a problem. Field “name”: type must be one of "array", "boolean", "integer", "null", "number", "object" or "string", or a list of them.',
    );
    assert.deepEqual(fields.map((f) => f.path), ["schema/properties/name/type"]);
    assert.doesNotMatch(message, /data\/properties|must be array|anyOf/);
  });

  it("says which keyword of which field is wrong, one sentence per place", () => {
    const { message, fields } = refusal(() =>
      checkExtensionSchema({ type: "object", required: "name", properties: { age: { type: "integer", minimum: "3" } } }),
    );
    assert.match(message, /^The extension schema has 2 problems\./);
    assert.deepEqual(fields.map((f) => f.message).sort(), ["Field “age”: minimum must be a number.", "The schema's “required” must be an array."]);
  });

  it("reports a misspelt keyword by name", () => {
    const { message } = refusal(() => checkExtensionSchema({ type: "object", properties: { name: { type: "string", titel: "Name" } } }));
    assert.equal(message, "The extension schema has a problem. “titel” is not a JSON Schema keyword (check its spelling).");
  });
});

describe("custom field order (x-order)", () => {
  it("is taken from the order of properties as written, since jsonb would forget it", () => {
    const stored = checkExtensionSchema({ type: "object", properties: { seat: { type: "integer" }, name: { type: "string" }, vip: { type: "boolean" } }, required: ["name"] });
    assert.deepEqual(stored["x-order"], ["seat", "name", "vip"]);
  });

  it("keeps an explicit order, appends fields it leaves out, and drops repeats", () => {
    const stored = checkExtensionSchema({ type: "object", "x-order": ["vip", "name", "vip"], properties: { seat: { type: "integer" }, name: { type: "string" }, vip: { type: "boolean" } } });
    assert.deepEqual(stored["x-order"], ["vip", "name", "seat"]);
  });

  it("refuses an order that names a field the schema does not have, or is not a list of names", () => {
    const unknown = refusal(() => checkExtensionSchema({ type: "object", "x-order": ["nmae"], properties: { name: { type: "string" } } }));
    assert.equal(unknown.message, "Field order names “nmae”, which is not a field of the schema");
    assert.deepEqual(unknown.fields.map((f) => f.path), ["schema/x-order"]);
    assert.deepEqual(fieldsOf(() => checkExtensionSchema({ type: "object", "x-order": "name", properties: { name: { type: "string" } } })), ["schema/x-order"]);
  });

  it("is an annotation only: validation ignores it", () => {
    const stored = checkExtensionSchema({ type: "object", properties: { b: { type: "string" }, a: { type: "string" } }, required: ["a"] });
    assert.equal(validateExtensions({ a: "x" }, { tenantId: "t-order", version: 1, schema: stored }), 1);
  });
});
