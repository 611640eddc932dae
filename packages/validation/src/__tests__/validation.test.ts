import { describe, expect, it } from "vitest";
import { emailSchema, linePrefixSchema, messages, phoneSchema, problemOf, slugSchema } from "../index";

describe("slug", () => {
  it("accepts DNS-label-safe lowercase slugs", () => {
    for (const slug of ["abc", "demo-coffee", "a1-b2", "x".repeat(40)]) expect(problemOf(slugSchema, slug)).toBeNull();
  });
  it("refuses each bad slug with the one message the API gives", () => {
    expect(problemOf(slugSchema, "ab")).toBe(messages.slugShape);
    expect(problemOf(slugSchema, "Demo")).toBe(messages.slugShape);
    expect(problemOf(slugSchema, "-abc")).toBe(messages.slugShape);
    expect(problemOf(slugSchema, "x".repeat(41))).toBe(messages.slugShape);
    expect(problemOf(slugSchema, "a--b")).toBe(messages.slugHyphens);
    expect(problemOf(slugSchema, "admin")).toBe(messages.slugReserved);
  });
});

describe("line prefix", () => {
  it("takes 1-4 capital letters or digits", () => {
    for (const p of ["A", "B12", "ZZZZ"]) expect(problemOf(linePrefixSchema, p)).toBeNull();
    for (const p of ["", "a", "ABCDE", "A-1"]) expect(problemOf(linePrefixSchema, p)).toBe(messages.prefix);
  });
});

describe("email", () => {
  it("accepts addresses with a domain and trims them", () => {
    expect(emailSchema.parse("  ana@example.test ")).toBe("ana@example.test");
  });
  it("refuses what is not an address, or is too long", () => {
    for (const e of ["ana", "ana@", "@example.test", "ana@example", "a b@example.test", `${"a".repeat(250)}@example.test`]) expect(problemOf(emailSchema, e)).toBe(messages.email);
  });
});

describe("phone", () => {
  it("normalises international numbers to E.164, and national ones with the tenant's country", () => {
    expect(phoneSchema().parse("+49 30 1234567")).toBe("+49301234567");
    expect(phoneSchema("DE").parse("030 1234567")).toBe("+49301234567");
  });
  it("refuses a national number without a country, and what is no phone number", () => {
    expect(problemOf(phoneSchema(), "030 1234567")).toBe(messages.phone);
    expect(problemOf(phoneSchema("DE"), "12")).toBe(messages.phone);
    expect(problemOf(phoneSchema("DE"), "call me")).toBe(messages.phone);
  });
});
