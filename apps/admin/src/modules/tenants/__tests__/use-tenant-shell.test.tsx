import { MockedProvider, type MockedProviderProps } from "@apollo/client/testing/react";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createCache } from "../../../lib/apollo";
import { TenantShellQuery } from "../graphql/tenant-shell.query";
import { useTenantShell } from "../hooks/use-tenant-shell";

const tenant = {
  __typename: "Tenant" as const,
  id: "t1",
  name: "Branch",
  slug: "branch",
  depth: 1,
  accountId: "a1",
  suspended: false,
  deletionScheduledAt: null,
  ancestors: [{ __typename: "Tenant" as const, id: "root", name: "Root" }],
  theme: { __typename: "Theme" as const, primaryColor: null, accentColor: null, logoUrl: null, fontFamily: null },
};

function shell(viewerPermissions: { role: string | null; permissions: string[]; grantableRoles: string[]; grantableScopes: string[] }) {
  return [{ request: { query: TenantShellQuery, variables: { id: "t1" } }, result: { data: { tenant, viewerPermissions: { __typename: "ViewerPermissions", tenantId: "t1", ...viewerPermissions } } } }];
}

function wrapper(mocks: MockedProviderProps["mocks"]) {
  return ({ children }: { children: ReactNode }) => (
    <MockedProvider mocks={mocks} cache={createCache()}>
      {children}
    </MockedProvider>
  );
}

describe("a tenant's permissions come from the API (viewerPermissions), not from a copy of the role matrix", () => {
  it("allows exactly what the API granted, whatever the role is called", async () => {
    // A MANAGER whose grants the server changed: the console follows the answer, not a table of its own.
    const mocks = shell({ role: "MANAGER", permissions: ["tenant:read", "lines:read", "audit:read"], grantableRoles: [], grantableScopes: [] });
    const { result } = renderHook(() => useTenantShell("t1"), { wrapper: wrapper(mocks) });
    await waitFor(() => expect(result.current.current).not.toBeNull());
    const current = result.current.current!;
    expect(current.role).toBe("MANAGER");
    expect(current.can("audit:read")).toBe(true);
    expect(current.can("lines:manage")).toBe(false);
    expect(current.can("tickets:operate")).toBe(false);
  });

  it("offers the roles and key scopes the API says the viewer may grant", async () => {
    const mocks = shell({
      role: "ADMIN",
      permissions: ["tenant:read", "members:read", "members:manage", "apikeys:manage"],
      grantableRoles: ["ADMIN", "MANAGER", "STAFF", "VIEWER"],
      grantableScopes: ["tenant:read", "members:read"],
    });
    const { result } = renderHook(() => useTenantShell("t1"), { wrapper: wrapper(mocks) });
    await waitFor(() => expect(result.current.current).not.toBeNull());
    expect(result.current.current!.viewer.grantableRoles).toEqual(["ADMIN", "MANAGER", "STAFF", "VIEWER"]);
    expect(result.current.current!.viewer.grantableScopes).toEqual(["tenant:read", "members:read"]);
  });

  it("allows nothing while the answer is missing", async () => {
    const mocks = [{ request: { query: TenantShellQuery, variables: { id: "t1" } }, result: { errors: [{ message: "Tenant not found", extensions: { code: "NOT_FOUND" } }] } }];
    const { result } = renderHook(() => useTenantShell("t1"), { wrapper: wrapper(mocks) });
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect(result.current.current).toBeNull();
  });
});
