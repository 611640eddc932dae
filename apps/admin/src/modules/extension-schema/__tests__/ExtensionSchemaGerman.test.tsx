import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { ExtensionSchemaEditor } from "../components/ExtensionSchemaEditor";
import { checkExtensionSchemaText } from "../schema-check";

const schema = {
  type: "object",
  properties: { reason: { type: "string", title: "Grund", enum: ["Abholung", "Rückgabe"] }, items: { type: "integer", title: "Anzahl" } },
  required: ["reason"],
};

const editor = () => screen.getByRole("textbox", { name: "JSON Schema (Entwurf 2020-12)" });
const describedBy = (element: HTMLElement) =>
  element
    .getAttribute("aria-describedby")!
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

describe("ticket fields editor in German", () => {
  it("labels the editor, the field order and the preview in German", async () => {
    await i18n.changeLanguage("de");
    render(<ExtensionSchemaEditor schema={schema} version={3} canEdit saving={false} onSave={vi.fn()} />);
    expect(editor()).toHaveAccessibleDescription("✓ Gültiges Schema.");
    expect(screen.getByRole("group", { name: "Reihenfolge der Felder" })).toHaveTextContent("Kiosk- und Beitrittsformulare fragen die Felder in dieser Reihenfolge ab.");
    expect(screen.getByRole("button", { name: "reason nach oben verschieben" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "reason nach unten verschieben" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Schema speichern" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Beispiel einfügen" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Änderungen verwerfen" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Vorschau des Kioskformulars" })).toBeInTheDocument();
    const preview = screen.getByRole("form", { name: "Vorschau des Kioskformulars" });
    expect(within(preview).getByRole("status")).toHaveTextContent("Füllen Sie das Formular aus, um das Schema auszuprobieren.");
    expect(within(preview).getByText("Extensions-JSON, das der Kiosk senden würde")).toBeInTheDocument();
  });

  it("explains a schema mistake in plain German words, and again in English after switching back", async () => {
    await i18n.changeLanguage("de");
    render(<ExtensionSchemaEditor schema={null} version={null} canEdit saving={false} onSave={vi.fn()} />);
    fireEvent.change(editor(), { target: { value: '{"type":"object","required":"name","properties":{"name":{"type":"text"}}}' } });
    expect(describedBy(editor())).toBe(
      'Feld „name“: type muss einer dieser Werte oder eine Liste davon sein: "array", "boolean", "integer", "null", "number", "object" oder "string". „required“ des Schemas muss vom Typ array sein.',
    );
    expect(screen.getByText("Korrigieren Sie das Schema, um das Formular zu sehen.")).toBeInTheDocument();

    await act(() => i18n.changeLanguage("en"));
    expect(describedBy(screen.getByRole("textbox", { name: "JSON Schema (draft 2020-12)" }))).toBe(
      'Field “name”: type must be one of "array", "boolean", "integer", "null", "number", "object" or "string", or a list of them. The schema\'s “required” must be an array.',
    );
  });

  it("says the checks' own refusals in German", () => {
    expect(checkExtensionSchemaText('{"type":"array"}', "de")).toEqual({ ok: false, message: "Ticketerweiterungen sind ein Objekt: „type“ muss „object“ sein" });
    expect(checkExtensionSchemaText("[]", "de")).toEqual({ ok: false, message: "Das Schema muss ein JSON-Objekt sein" });
    expect(checkExtensionSchemaText('{"type":"object","propertes":{}}', "de")).toEqual({ ok: false, message: "„propertes“ ist kein Schlüsselwort von JSON Schema (prüfen Sie die Schreibweise)." });
  });

  it("shows the read-only schema with its version in German", async () => {
    await i18n.changeLanguage("de");
    render(<ExtensionSchemaEditor schema={null} version={null} canEdit={false} saving={false} onSave={vi.fn()} />);
    expect(screen.getByText("Aktuelles Schema")).toBeInTheDocument();
    expect(screen.getByText("Kein Schema: Tickets tragen keine zusätzlichen Felder.")).toBeInTheDocument();
  });
});
