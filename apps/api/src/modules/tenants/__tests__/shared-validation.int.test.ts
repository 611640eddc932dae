import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { messages } from "@qline/validation";
import { assertCode, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";

/**
 * The API refuses slugs, line prefixes and emails with the messages of @qline/validation, the schemas the admin
 * console's forms check before sending (apps/admin/src/lib/__tests__/forms.test.tsx refuses the same inputs).
 */
describe("slug, prefix and email are refused with the shared schemas' messages", () => {
  let api: TestApi;
  let owner: Persona;

  before(async () => {
    api = await startTestApi();
    owner = await signUpPersona(api, "shared");
  });
  after(() => api.close());

  function fieldMessage(res: { errors?: readonly { extensions?: Record<string, unknown> }[] }, path: string): string | undefined {
    const fields = (res.errors?.[0]?.extensions?.fields ?? []) as { path: string; message: string }[];
    return fields.find((f) => f.path === path)?.message;
  }

  it("slug: shape, consecutive hyphens, reserved", async () => {
    const create = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`;
    for (const [slug, message] of [["ab", messages.slugShape], ["Shop", messages.slugShape], ["a--b", messages.slugHyphens], ["admin", messages.slugReserved]] as const) {
      const res = await owner.gql(create, { input: { parentId: owner.tenantId, name: "Branch", slug } });
      assertCode(res, "BAD_USER_INPUT");
      assert.equal(JSON.stringify(res.errors).includes(message), true, `${slug}: ${JSON.stringify(res.errors)}`);
    }
  });

  it("line prefix", async () => {
    for (const prefix of ["ab", "ABCDE"]) {
      const res = await owner.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, { input: { tenantId: owner.tenantId, name: "Main", prefix } });
      assertCode(res, "BAD_USER_INPUT");
      assert.equal(fieldMessage(res, "input.prefix"), messages.prefix);
    }
  });

  it("email: an invitation to what is not an address", async () => {
    for (const email of ["ana", "ana@example", "a b@example.test"]) {
      const res = await owner.gql(`mutation($t: ID!, $e: String!) { inviteMember(tenantId: $t, email: $e, role: STAFF) { id } }`, { t: owner.tenantId, e: email });
      assertCode(res, "BAD_USER_INPUT");
      assert.equal(fieldMessage(res, "email"), messages.email, JSON.stringify(res.errors));
    }
  });
});
