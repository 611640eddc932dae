import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../../errors/codes.js";
import { checkJsonObject, mergeSettings } from "../settings.js";
import { slugProblem } from "../slugs.js";

describe("mergeSettings (effective settings)", () => {
  it("lets each level override field by field, merging nested objects and replacing arrays and scalars", () => {
    const root = { locale: "en", hours: { open: "08:00", close: "18:00" }, channels: ["sms", "email"], sound: true };
    const child = { hours: { close: "22:00" }, channels: ["push"] };
    const grandchild = { locale: "fr", sound: false };
    assert.deepEqual(mergeSettings([root, child, grandchild]), {
      locale: "fr",
      hours: { open: "08:00", close: "22:00" },
      channels: ["push"],
      sound: false,
    });
  });

  it("lets an explicit null override an inherited value, and leaves inputs untouched", () => {
    const root = { banner: { text: "Welcome" } };
    assert.deepEqual(mergeSettings([root, { banner: null }]), { banner: null });
    assert.deepEqual(root, { banner: { text: "Welcome" } });
  });

  it("is empty for no levels", () => {
    assert.deepEqual(mergeSettings([]), {});
  });
});

describe("checkJsonObject", () => {
  it("accepts small objects and refuses oversized (LIMIT_EXCEEDED) and too deep (BAD_USER_INPUT) ones", () => {
    assert.deepEqual(checkJsonObject({ a: 1 }, "settings"), { a: 1 });
    assert.throws(() => checkJsonObject({ big: "x".repeat(17_000) }, "settings"), (e: unknown) => e instanceof AppError && e.code === "LIMIT_EXCEEDED");
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 12; i++) deep = { next: deep };
    assert.throws(() => checkJsonObject(deep as never, "settings"), (e: unknown) => e instanceof AppError && e.code === "BAD_USER_INPUT");
  });
});

describe("slugProblem", () => {
  it("accepts DNS-label-safe slugs and names the problem otherwise", () => {
    assert.equal(slugProblem("demo-coffee-42"), null);
    for (const bad of ["ab", "-lead", "trail-", "Upper", "under_score", "dou--ble", "x".repeat(41), "admin"]) assert.notEqual(slugProblem(bad), null, bad);
  });
});
