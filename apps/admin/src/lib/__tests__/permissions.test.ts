import { describe, expect, it } from "vitest";
import { apiKeyPresets, apiKeyScopes, can, grantableRoles, roleGrants, roleIn } from "../permissions";

describe("permissions mirror", () => {
  it("pins the matrix from apps/api/src/context/permissions.ts", () => {
    expect([...roleGrants.VIEWER]).toEqual(["tenant:read", "lines:read", "display:read", "tickets:read"]);
    expect([...roleGrants.STAFF]).toEqual(["tenant:read", "lines:read", "display:read", "tickets:read", "tickets:issue", "tickets:operate", "tickets:erase"]);
    expect([...roleGrants.MANAGER]).toEqual([...roleGrants.STAFF, "lines:manage", "members:read"]);
    expect([...roleGrants.ADMIN]).toEqual([...roleGrants.MANAGER, "tenant:update", "tenant:create", "members:manage", "apikeys:manage", "audit:read"]);
    expect([...roleGrants.OWNER]).toEqual([...roleGrants.ADMIN, "tenant:export", "tenant:delete"]);
    expect(apiKeyScopes).not.toContain("tenant:export");
    expect(apiKeyScopes).not.toContain("tenant:delete");
    expect(apiKeyScopes).not.toContain("members:manage");
    expect(apiKeyScopes).not.toContain("apikeys:manage");
    expect(apiKeyScopes).toContain("display:read");
  });

  it("offers device presets that never read personal data", () => {
    expect(apiKeyPresets.Display).toEqual(["tenant:read", "lines:read", "display:read"]);
    expect(apiKeyPresets.Kiosk).toEqual(["tenant:read", "lines:read", "display:read", "tickets:issue"]);
    for (const scopes of Object.values(apiKeyPresets)) expect(scopes).not.toContain("tickets:read");
  });

  it("applies a role to the whole subtree, strongest wins", () => {
    const memberships = [
      { role: "VIEWER" as const, tenantId: "child" },
      { role: "MANAGER" as const, tenantId: "root" },
    ];
    expect(roleIn(memberships, ["root", "child"])).toBe("MANAGER");
    expect(roleIn(memberships, ["other"])).toBeNull();
    expect(can("VIEWER", "tenant:update")).toBe(false);
    expect(can(null, "tenant:read")).toBe(false);
  });

  it("grants only roles no stronger than one's own", () => {
    expect(grantableRoles("ADMIN")).toEqual(["ADMIN", "MANAGER", "STAFF", "VIEWER"]);
    expect(grantableRoles("OWNER")).toContain("OWNER");
    expect(grantableRoles("MANAGER")).toEqual([]);
  });
});
