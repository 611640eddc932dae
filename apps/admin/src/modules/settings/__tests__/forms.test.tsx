import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { BrandingForm } from "../components/BrandingForm";
import { GeneralSettingsForm } from "../components/GeneralSettingsForm";

const general = { name: "Berlin Store", slug: "berlin-store", address: "", latitude: "", longitude: "" };

describe("GeneralSettingsForm errors", () => {
  it("shows the API's field errors next to the fields they name (input.name, location.latitude)", async () => {
    const onSave = vi.fn().mockResolvedValue({
      message: "Give both latitude and longitude, or neither",
      code: "BAD_USER_INPUT",
      fields: { name: "empty", "location.latitude": "incomplete point" },
    });
    renderWithApollo(<GeneralSettingsForm initial={general} canEdit saving={false} onSave={onSave} />);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("empty"));
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Latitude")).toHaveAccessibleDescription("incomplete point");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("puts a slug CONFLICT (no field path) next to the slug field", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: 'The slug "berlin" is already taken', code: "CONFLICT", fields: {} });
    renderWithApollo(<GeneralSettingsForm initial={general} canEdit saving={false} onSave={onSave} />);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.getByLabelText("Slug")).toHaveAccessibleDescription(expect.stringContaining("already taken")));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows other errors without field paths as a form message", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: "You do not have permission to do this.", code: "FORBIDDEN", fields: {} });
    renderWithApollo(<GeneralSettingsForm initial={general} canEdit saving={false} onSave={onSave} />);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("permission");
  });

  it("catches mistakes before the round trip", async () => {
    const onSave = vi.fn();
    renderWithApollo(<GeneralSettingsForm initial={{ ...general, latitude: "52.5" }} canEdit saving={false} onSave={onSave} />);
    await userEvent.clear(screen.getByLabelText("Name"));
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Enter a name");
    expect(screen.getByLabelText("Latitude")).toHaveAccessibleDescription("Give both latitude and longitude, or neither");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("sends only a changed slug and the location", async () => {
    const onSave = vi.fn().mockResolvedValue(null);
    renderWithApollo(<GeneralSettingsForm initial={general} canEdit saving={false} onSave={onSave} />);
    await userEvent.type(screen.getByLabelText("Address"), "Alexanderplatz 1");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSave).toHaveBeenCalledWith({ name: "Berlin Store", location: { address: "Alexanderplatz 1", latitude: null, longitude: null } });
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
  });

  it("has no save button and disabled fields for a viewer", () => {
    renderWithApollo(<GeneralSettingsForm initial={general} canEdit={false} saving={false} onSave={vi.fn()} />);
    expect(screen.queryByRole("button", { name: "Save changes" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toBeDisabled();
  });
});

describe("BrandingForm errors", () => {
  const theme = { primaryColor: "#1f4fd8", accentColor: "", logoUrl: "", fontFamily: "" };

  it("shows the API's theme field errors next to the colour field", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: "Invalid input", code: "BAD_USER_INPUT", fields: { "theme.accentColor": "accentColor must be a hexadecimal color" } });
    renderWithApollo(<BrandingForm name="Berlin Store" initial={theme} canEdit saving={false} onSave={onSave} />);
    await userEvent.click(screen.getByRole("button", { name: "Save branding" }));
    await waitFor(() => expect(screen.getByLabelText("Accent colour")).toHaveAccessibleDescription(expect.stringContaining("must be a hexadecimal color")));
  });

  it("validates colours and updates the kiosk preview live", async () => {
    const onSave = vi.fn();
    renderWithApollo(<BrandingForm name="Berlin Store" initial={theme} canEdit saving={false} onSave={onSave} />);
    const primary = screen.getByLabelText("Primary colour");
    await userEvent.clear(primary);
    await userEvent.type(primary, "#0a7d33");
    expect(screen.getByLabelText("Kiosk preview")).toHaveStyle({ "--kiosk-primary": "#0a7d33" });
    await userEvent.clear(primary);
    await userEvent.type(primary, "green");
    await userEvent.click(screen.getByRole("button", { name: "Save branding" }));
    expect(primary).toHaveAccessibleDescription(expect.stringContaining("hex colour"));
    expect(onSave).not.toHaveBeenCalled();
  });
});
