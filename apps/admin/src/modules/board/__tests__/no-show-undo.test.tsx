import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { QueueBoard } from "../components/QueueBoard";
import { boardLine, fakeActions, now } from "./fixtures";

describe("no-show on the board", () => {
  it("asks before marking a no-show, then offers Undo, which puts the ticket back", async () => {
    const actions = fakeActions();
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-2" onChooseCounter={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "No-show" }));
    const dialog = screen.getByRole("dialog", { name: "Mark A099 as a no-show?" });
    expect(dialog).toHaveTextContent("You can undo this for 5 minutes");
    expect(actions.noShow).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole("button", { name: "Mark no-show" }));
    expect(actions.noShow).toHaveBeenCalledWith("s2");
    const bar = (await screen.findByText("A099 marked as a no-show.")).closest(".undo-bar") as HTMLElement;
    await userEvent.click(within(bar).getByRole("button", { name: "Undo" }));
    expect(actions.undoNoShow).toHaveBeenCalledWith("s2");
    expect(await screen.findByText("A099 is waiting again at its old place.")).toBeInTheDocument();
    expect(screen.queryByText("A099 marked as a no-show.")).not.toBeInTheDocument();
  });

  it("does nothing when staff keep waiting for the customer", async () => {
    const actions = fakeActions();
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-2" onChooseCounter={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "No-show" }));
    await userEvent.click(screen.getByRole("button", { name: "Keep waiting for them" }));
    expect(actions.noShow).not.toHaveBeenCalled();
    expect(screen.queryByText(/marked as a no-show/)).not.toBeInTheDocument();
  });

  it("offers no Undo when the no-show failed", async () => {
    const actions = fakeActions({ noShow: vi.fn().mockResolvedValue(false) });
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-2" onChooseCounter={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "No-show" }));
    await userEvent.click(screen.getByRole("button", { name: "Mark no-show" }));
    expect(actions.noShow).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
  });
});
