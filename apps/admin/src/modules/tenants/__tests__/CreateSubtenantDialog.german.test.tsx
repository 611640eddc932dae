import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { CreateSubtenantDialog } from "../components/CreateSubtenantDialog";

describe("CreateSubtenantDialog in German", () => {
  it("titles, labels, hints and the prompts of empty fields", async () => {
    await i18n.changeLanguage("de");
    const onCreate = vi.fn();
    renderWithApollo(<CreateSubtenantDialog parent={{ id: "t1", name: "Acme Retail" }} busy={false} onCreate={onCreate} onClose={() => undefined} />);
    expect(screen.getByRole("dialog", { name: "Neuer Untermandant unter Acme Retail" })).toBeInTheDocument();
    expect(screen.getByLabelText("Adresse")).toHaveAccessibleDescription("Optional.");
    expect(screen.getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Untermandant anlegen" }));
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Geben Sie einen Namen ein");
    expect(screen.getByLabelText("Slug")).toHaveAccessibleDescription(
      "Geben Sie einen Slug ein Kleinbuchstaben, Ziffern und Bindestriche; wird in Kiosk-Links verwendet.",
    );
    expect(onCreate).not.toHaveBeenCalled();
  });
});
