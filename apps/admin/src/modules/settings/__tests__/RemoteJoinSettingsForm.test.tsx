import { viewerAs } from "../../../test/viewers";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { UpdateTenantMutationVariables } from "../../../gql/graphql";
import { renderWithApollo } from "../../../test/render";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { RemoteJoinSettingsForm } from "../components/RemoteJoinSettingsForm";
import { TenantSettingsPage } from "../components/TenantSettingsPage";
import { TenantSettingsQuery } from "../graphql/tenant-settings.query";
import { UpdateTenantMutation } from "../graphql/update-tenant.mutation";
import { withRemoteJoin } from "../remote-join-settings";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "berlin", name: "Berlin Store", slug: "berlin-store", depth: 1, ancestors: [{ id: "root", name: "Acme Retail" }] });

const ancestors = [{ __typename: "Tenant" as const, id: "root", name: "Acme Retail", settings: { language: "en", remoteJoin: { runningLatePlaces: 5 } } }];
const own = { language: "de", kiosk: { idleSeconds: 30 }, remoteJoin: { defaultCountry: "DE" } };

function tenant(settings: Record<string, unknown>) {
  return {
    __typename: "Tenant" as const,
    id: "berlin",
    name: "Berlin Store",
    slug: "berlin-store",
    location: { __typename: "Location" as const, address: null, latitude: null, longitude: null, insideTenantId: null },
    theme: { __typename: "Theme" as const, primaryColor: null, accentColor: null, logoUrl: null, fontFamily: null },
    settings,
    effectiveSettings: { ...settings, remoteJoin: { runningLatePlaces: 5, ...(settings.remoteJoin as object) } },
    retentionDays: 30,
    deletionScheduledAt: null,
    ancestors,
  };
}

const maxField = () => screen.getByLabelText("Active tickets per phone or email, per line");
const lateField = () => screen.getByLabelText("Places “I’m running late” moves a customer back");

describe("remote join settings", () => {
  it("shows what the tenant inherits (a parent's value, else qline's default) and its own values", () => {
    renderWithApollo(<RemoteJoinSettingsForm own={own} ancestors={ancestors} canEdit saving={false} onSave={vi.fn()} />);
    expect(maxField()).toHaveValue("");
    expect(maxField()).toHaveAccessibleDescription("1 to 20. Empty: the default, 1.");
    expect(lateField()).toHaveValue("");
    expect(lateField()).toHaveAccessibleDescription("1 to 50, once per ticket. Empty: inherits 5 from Acme Retail.");
    expect(screen.getByLabelText("Country for phone numbers without a country code")).toHaveValue("DE");
  });

  it("saves through updateTenant with every other settings key kept (top-level and inside remoteJoin)", async () => {
    const sent: UpdateTenantMutationVariables[] = [];
    const next = { language: "de", kiosk: { idleSeconds: 30 }, remoteJoin: { defaultCountry: "DE", maxActivePerContact: 2, runningLatePlaces: 4 } };
    const update = {
      request: {
        query: UpdateTenantMutation,
        variables: (variables: UpdateTenantMutationVariables) => {
          sent.push(variables);
          return true;
        },
      },
      result: { data: { updateTenant: tenant(next) } },
    };
    renderWithApollo(
      <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("ADMIN"))}>
        <TenantSettingsPage />
      </CurrentTenantContext.Provider>,
      [{ request: { query: TenantSettingsQuery, variables: { id: "berlin" } }, result: { data: { tenant: tenant(own) } } }, update],
    );
    await userEvent.type(await screen.findByLabelText("Active tickets per phone or email, per line"), "2");
    await userEvent.type(lateField(), "4");
    await userEvent.click(screen.getByRole("button", { name: "Save remote join" }));

    const form = screen.getByRole("form", { name: "Joining from a phone" });
    expect(await within(form).findByText("Saved.")).toBeInTheDocument();
    expect(sent).toEqual([{ id: "berlin", input: { settings: next } }]);
    // The JSON editor shows the saved settings rather than its stale copy (saving it would undo the change).
    expect(JSON.parse((screen.getByLabelText("Own settings (JSON)") as HTMLTextAreaElement).value)).toEqual(next);
  });

  it("removes a cleared key (the tenant inherits again) and an emptied remoteJoin object", () => {
    expect(withRemoteJoin(own, { maxActivePerContact: "", runningLatePlaces: "", defaultCountry: "" })).toEqual({ language: "de", kiosk: { idleSeconds: 30 } });
    expect(withRemoteJoin({ remoteJoin: { maxActivePerContact: 3, futureKey: true } }, { maxActivePerContact: "", runningLatePlaces: "7", defaultCountry: "gb" })).toEqual({
      remoteJoin: { futureKey: true, runningLatePlaces: 7, defaultCountry: "GB" },
    });
  });

  it("refuses out-of-range values before the round trip and shows the API's errors at their field", async () => {
    const onSave = vi.fn().mockResolvedValue({
      message: "remoteJoin.runningLatePlaces must be a whole number from 1 to 50",
      code: "BAD_USER_INPUT",
      fields: { "settings.remoteJoin.runningLatePlaces": "1 to 50" },
    });
    renderWithApollo(<RemoteJoinSettingsForm own={own} ancestors={ancestors} canEdit saving={false} onSave={onSave} />);
    fireEvent.change(maxField(), { target: { value: "21" } });
    await userEvent.click(screen.getByRole("button", { name: "Save remote join" }));
    expect(maxField()).toHaveAccessibleDescription(expect.stringContaining("A whole number from 1 to 20"));
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(maxField(), { target: { value: "20" } });
    await userEvent.click(screen.getByRole("button", { name: "Save remote join" }));
    await waitFor(() => expect(lateField()).toHaveAccessibleDescription(expect.stringContaining("1 to 50")));
    expect(lateField()).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("is read-only without tenant:update", () => {
    renderWithApollo(<RemoteJoinSettingsForm own={own} ancestors={ancestors} canEdit={false} saving={false} onSave={vi.fn()} />);
    expect(maxField()).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save remote join" })).not.toBeInTheDocument();
  });
});
