import { viewerAs } from "../../../test/viewers";
import type { ReactElement } from "react";
import type { MockedProviderProps } from "@apollo/client/testing/react";
import type { MemberRole } from "../../../lib/permissions";
import { renderWithApollo } from "../../../test/render";
import { CurrentTenantContext, currentTenantFor, type ShellTenant } from "../../tenants/hooks/use-current-tenant";

export const shell: ShellTenant = {
  id: "berlin",
  name: "Berlin Store",
  slug: "berlin-store",
  depth: 0,
  accountId: "acc",
  suspended: false,
  deletionScheduledAt: null,
  ancestors: [],
  theme: { primaryColor: null, accentColor: null, logoUrl: null, fontFamily: null },
};

/** Renders a tenant page as `role` of the Berlin tenant, with Apollo mocks. */
export function renderAs(role: MemberRole, ui: ReactElement, mocks: unknown[] = []) {
  return renderWithApollo(<CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs(role))}>{ui}</CurrentTenantContext.Provider>, mocks as MockedProviderProps["mocks"]);
}

/** A GraphQL BAD_USER_INPUT answer with one field error, as the API formats it. */
export const badInput = (path: string, message: string) => ({
  errors: [{ message: "Invalid input", extensions: { code: "BAD_USER_INPUT", fields: [{ path, message }] } }],
});

/** A mock that records the variables it was called with. */
export function recording<V>(query: unknown, result: object, sent: V[], maxUsageCount = 5) {
  return {
    request: {
      query,
      variables: (variables: V) => {
        sent.push(variables);
        return true;
      },
    },
    result,
    maxUsageCount,
  };
}
