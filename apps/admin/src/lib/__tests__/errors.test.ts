import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { toProblem } from "../errors";

describe("toProblem", () => {
  it("keys extensions.fields by input path without the input. prefix", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: "Slug must be 3-40 lowercase letters",
          extensions: { code: "BAD_USER_INPUT", fields: [{ path: "input.tenantSlug", message: "bad slug" }, { path: "theme.primaryColor", message: "not hex" }] },
        },
      ],
    });
    expect(toProblem(error)).toEqual({
      message: "Slug must be 3-40 lowercase letters",
      code: "BAD_USER_INPUT",
      fields: { tenantSlug: "bad slug", "theme.primaryColor": "not hex" },
    });
  });

  it("uses a friendly message for FORBIDDEN and keeps the code", () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: "Missing permission tenant:update in this tenant", extensions: { code: "FORBIDDEN" } }] });
    expect(toProblem(error)).toMatchObject({ code: "FORBIDDEN", message: "You do not have permission to do this.", fields: {} });
  });

  it("reports network failures plainly", () => {
    expect(toProblem(new TypeError("Failed to fetch"))).toMatchObject({ code: "NETWORK", message: expect.stringContaining("Cannot reach the server") });
  });
});

describe("placeConflict", () => {
  it("moves a CONFLICT without fields to the field its message names", async () => {
    const { placeConflict } = await import("../errors");
    expect(placeConflict({ message: 'The slug "x" is already taken', code: "CONFLICT", fields: {} }, { slug: /slug/i })).toEqual({
      message: 'The slug "x" is already taken',
      code: "CONFLICT",
      fields: { slug: 'The slug "x" is already taken' },
    });
    const other = { message: "Nope", code: "FORBIDDEN", fields: {} };
    expect(placeConflict(other, { slug: /slug/i })).toBe(other);
  });
});

describe("toProblem for sign-in", () => {
  it("keeps the API's message for a failed login", () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: "Invalid email or password", path: ["login"], extensions: { code: "UNAUTHENTICATED" } }] });
    expect(toProblem(error).message).toBe("Invalid email or password");
  });
});
