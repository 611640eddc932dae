import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../../errors/codes.js";
import { checkExtensionSchema, checkExtensionsShape, validateExtensions } from "../extension-schema.js";

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
    assert.deepEqual(checkExtensionSchema(schema), schema);
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
});
