import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "../../i18n/i18n";
import { ConfirmDialog } from "../ConfirmDialog";
import { CopyButton } from "../CopyButton";
import { InlineRename } from "../InlineRename";
import { messages } from "@qline/validation";
import { TextField } from "../Field";
import { EmptyState, ErrorState, Loading } from "../states";
import { UndoBar } from "../UndoBar";

describe("shared components in German", () => {
  it("a confirm dialog: the safe choice and the close button speak German, and both close it", async () => {
    await i18n.changeLanguage("de");
    const onClose = vi.fn();
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog title="Schlange anhalten?" confirmLabel="Anhalten" onConfirm={onConfirm} onClose={onClose}>
        <p>Niemand kann mehr beitreten.</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole("dialog", { name: "Schlange anhalten?" });
    expect(dialog).toHaveTextContent("Niemand kann mehr beitreten.");
    const keep = screen.getByRole("button", { name: "Nichts ändern" });
    expect(keep).toHaveFocus();
    await userEvent.click(keep);
    await userEvent.click(screen.getByRole("button", { name: "Schließen" }));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("loading, error and empty states default to German", async () => {
    await i18n.changeLanguage("de");
    const onRetry = vi.fn();
    render(
      <>
        <Loading />
        <ErrorState error={new Error("Zeitüberschreitung")} onRetry={onRetry} />
        <EmptyState title="Noch nichts hier" />
      </>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("Wird geladen…");
    const error = screen.getByRole("alert");
    expect(error).toHaveTextContent("Konnte nicht geladen werden");
    expect(error).toHaveTextContent("Zeitüberschreitung");
    await userEvent.click(screen.getByRole("button", { name: "Erneut versuchen" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("copy, undo and rename speak German", async () => {
    await i18n.changeLanguage("de");
    render(
      <>
        <CopyButton text="x" />
        <UndoBar message="Als nicht erschienen markiert." seconds={30} onUndo={() => undefined} onDismiss={() => undefined} />
        <InlineRename label="Schalter 1" name="Schalter 1" onRename={async () => null} />
      </>,
    );
    expect(screen.getByRole("button", { name: "Kopieren" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Rückgängig" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Ausblenden" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /^Umbenennen/ }));
    const input = screen.getByRole("textbox", { name: "Neuer Name für Schalter 1" });
    await userEvent.clear(input);
    await userEvent.click(screen.getByRole("button", { name: "Speichern" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Geben Sie einen Namen ein");
    expect(screen.getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();
  });

  it("a field shows the shared schemas' messages (the API's and the form's own check) in German, and others as they came", async () => {
    await i18n.changeLanguage("de");
    const { rerender } = render(<TextField label="Kurzname" value="a--b" onChange={() => undefined} error={messages.slugHyphens} />);
    expect(screen.getByLabelText("Kurzname")).toHaveAccessibleDescription("darf keine zwei Bindestriche hintereinander enthalten");
    rerender(<TextField label="Kurzname" value="x" onChange={() => undefined} error="Some message of the server" />);
    expect(screen.getByLabelText("Kurzname")).toHaveAccessibleDescription("Some message of the server");
    await i18n.changeLanguage("en");
    rerender(<TextField label="Slug" value="a--b" onChange={() => undefined} error={messages.slugHyphens} />);
    expect(screen.getByLabelText("Slug")).toHaveAccessibleDescription("must not contain consecutive hyphens");
  });
});
