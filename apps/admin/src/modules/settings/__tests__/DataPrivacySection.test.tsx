import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { DataPrivacySection } from "../components/DataPrivacySection";
import { CancelTenantDeletionMutation } from "../graphql/cancel-tenant-deletion.mutation";
import { DeleteTenantMutation } from "../graphql/delete-tenant.mutation";
import { ExportTenantDataMutation } from "../graphql/export-tenant-data.mutation";
import { withRetention } from "../retention-settings";

const tenant = {
  id: "berlin",
  name: "Berlin Store",
  slug: "berlin-store",
  settings: { language: "de", remoteJoin: { defaultCountry: "DE" } },
  ancestors: [{ name: "Acme Retail", settings: { retentionDays: 60 } }],
  deletionScheduledAt: null,
};
const owner = { canEdit: true, canExport: true, canDelete: true, saving: false };
const scheduledAt = "2027-01-03T12:00:00.000Z";
const daysField = () => screen.getByLabelText("Days to keep customers' contact data after their ticket ends");

describe("Data & privacy", () => {
  it("shows the inherited retention and saves the own value with every other settings key kept; refuses out of range before sending", async () => {
    const onSave = vi.fn().mockResolvedValue(null);
    renderWithApollo(<DataPrivacySection tenant={tenant} {...owner} onSave={onSave} />);
    expect(daysField()).toHaveValue("");
    expect(daysField()).toHaveAccessibleDescription(expect.stringContaining("Empty: inherits 60 from Acme Retail.") as string);
    await userEvent.type(daysField(), "4000");
    await userEvent.click(screen.getByRole("button", { name: "Save retention" }));
    expect(onSave).not.toHaveBeenCalled();
    expect(daysField()).toHaveAccessibleDescription(expect.stringContaining("from 1 to 3650") as string);
    await userEvent.clear(daysField());
    await userEvent.type(daysField(), "14");
    await userEvent.click(screen.getByRole("button", { name: "Save retention" }));
    expect(onSave).toHaveBeenCalledWith({ language: "de", remoteJoin: { defaultCountry: "DE" }, retentionDays: 14 });
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    expect(withRetention({ retentionDays: 14, a: 1 }, "")).toEqual({ a: 1 });
  });

  it("shows the API's error at the field", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: "retentionDays must be…", code: "BAD_USER_INPUT", fields: { "settings.retentionDays": "1 to 3650" } });
    renderWithApollo(<DataPrivacySection tenant={tenant} {...owner} onSave={onSave} />);
    await userEvent.type(daysField(), "10");
    await userEvent.click(screen.getByRole("button", { name: "Save retention" }));
    expect(await screen.findByText("1 to 3650")).toBeInTheDocument();
  });

  it("exports through the signed link, resolved against the API's origin", async () => {
    const download = vi.fn();
    const link = { request: { query: ExportTenantDataMutation, variables: { tenantId: "berlin" } }, result: { data: { exportTenantData: { __typename: "TenantExport", url: "/exports/tenant/v1.abc.def", expiresAt: "2026-12-04T12:05:00.000Z" } } } };
    renderWithApollo(<DataPrivacySection tenant={tenant} {...owner} onSave={vi.fn()} download={download} />, [link]);
    await userEvent.click(screen.getByRole("button", { name: "Export all data" }));
    expect(await screen.findByText(/Your download has started/)).toBeInTheDocument();
    expect(download).toHaveBeenCalledWith("http://127.0.0.1:4000/exports/tenant/v1.abc.def");
  });

  it("deletes only after the slug is typed, shows the grace date, and cancels", async () => {
    const mocks = [
      { request: { query: DeleteTenantMutation, variables: { id: "berlin" } }, result: { data: { deleteTenant: { __typename: "Tenant", id: "berlin", deletionScheduledAt: scheduledAt } } } },
      { request: { query: CancelTenantDeletionMutation, variables: { id: "berlin" } }, result: { data: { cancelTenantDeletion: { __typename: "Tenant", id: "berlin", deletionScheduledAt: null } } } },
    ];
    renderWithApollo(<DataPrivacySection tenant={tenant} {...owner} onSave={vi.fn()} />, mocks);
    const remove = screen.getByRole("button", { name: "Delete tenant" });
    expect(remove).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Type berlin-store to confirm"), "berlin-stor");
    expect(remove).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Type berlin-store to confirm"), "e");
    await userEvent.click(remove);
    expect(await screen.findByTestId("deletion-scheduled")).toHaveTextContent("will be deleted for good on");
    expect(screen.getByTestId("deletion-scheduled").querySelector("time")).toHaveAttribute("datetime", scheduledAt);
    await userEvent.click(screen.getByRole("button", { name: "Cancel deletion" }));
    expect(await screen.findByText(/The deletion is cancelled/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete tenant" })).toBeDisabled();
  });

  it("offers export and deletion to the owner only", () => {
    renderWithApollo(<DataPrivacySection tenant={tenant} canEdit canExport={false} canDelete={false} saving={false} onSave={vi.fn()} />);
    expect(screen.queryByRole("button", { name: "Export all data" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete tenant" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save retention" })).toBeInTheDocument();
  });
});
