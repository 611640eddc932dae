import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SettingsJsonEditor } from "../components/SettingsJsonEditor";

const ancestors = [{ id: "r", name: "Acme Retail", settings: { language: "en", kiosk: { idleSeconds: 60 } } }];
const props = {
  tenantName: "Berlin Store",
  own: { language: "de" },
  effective: { language: "de", kiosk: { idleSeconds: 60 } },
  ancestors,
  canEdit: true,
  saving: false,
};

describe("SettingsJsonEditor", () => {
  it("blocks saving invalid JSON and says why next to the field", () => {
    const onSave = vi.fn();
    render(<SettingsJsonEditor {...props} onSave={onSave} />);
    const editor = screen.getByLabelText("Own settings (JSON)");
    fireEvent.change(editor, { target: { value: "{ language: " } });
    expect(editor).toHaveAttribute("aria-invalid", "true");
    expect(editor).toHaveAccessibleDescription(expect.stringContaining("Not valid JSON"));
    expect(screen.getByRole("button", { name: "Save settings" })).toBeDisabled();

    fireEvent.change(editor, { target: { value: "[1, 2]" } });
    expect(editor).toHaveAccessibleDescription(expect.stringContaining("must be a JSON object"));
    expect(onSave).not.toHaveBeenCalled();
  });

  it("previews the effective settings of the unsaved draft", () => {
    render(<SettingsJsonEditor {...props} onSave={vi.fn()} />);
    fireEvent.change(screen.getByLabelText("Own settings (JSON)"), { target: { value: '{ "kiosk": { "idleSeconds": 5 } }' } });
    expect(screen.getByText("Preview of the unsaved draft:")).toBeInTheDocument();
    expect(screen.getByLabelText("Effective settings JSON")).toHaveTextContent('"language": "en"');
    expect(screen.getByLabelText("Effective settings JSON")).toHaveTextContent('"idleSeconds": 5');
  });

  it("shows the API's field error next to the editor", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: "settings nests deeper than 10 levels", code: "BAD_USER_INPUT", fields: { settings: "too deep" } });
    render(<SettingsJsonEditor {...props} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText("Own settings (JSON)"), { target: { value: '{ "a": 1 }' } });
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(onSave).toHaveBeenCalledWith({ a: 1 });
    await waitFor(() => expect(screen.getByLabelText("Own settings (JSON)")).toHaveAccessibleDescription(expect.stringContaining("too deep")));
  });

  it("shows a form-level message for errors without a field (LIMIT_EXCEEDED)", async () => {
    const onSave = vi.fn().mockResolvedValue({ message: "settings is 20000 bytes; the limit is 16384", code: "LIMIT_EXCEEDED", fields: {} });
    render(<SettingsJsonEditor {...props} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText("Own settings (JSON)"), { target: { value: '{ "a": 1 }' } });
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the limit is 16384");
  });

  it("is read-only without tenant:update", () => {
    render(<SettingsJsonEditor {...props} canEdit={false} onSave={vi.fn()} />);
    expect(screen.queryByLabelText("Own settings (JSON)")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save settings" })).not.toBeInTheDocument();
    expect(screen.getByRole("table")).toBeInTheDocument();
  });
});
