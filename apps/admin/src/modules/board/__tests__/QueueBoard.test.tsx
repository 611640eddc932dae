import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { QueueBoard } from "../components/QueueBoard";
import { boardLine, fakeActions, now } from "./fixtures";

const waitingNumbers = () => within(screen.getByRole("list", { name: "Waiting tickets in queue order" })).getAllByText(/^A\d{3}$/).map((e) => e.textContent);

describe("QueueBoard", () => {
  it("lists waiting tickets in queue order with type, extension fields (schema titles) and highlighted age", () => {
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={fakeActions()} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    expect(waitingNumbers()).toEqual(["A001", "A002", "A003"]);
    const first = screen.getByText("A001").closest("li") as HTMLElement;
    expect(within(first).getByText("Prescription")).toBeInTheDocument();
    expect(within(first).getByText("Insurance number")).toBeInTheDocument();
    expect(within(first).getByText("K-123")).toBeInTheDocument();
    expect(within(first).getByText("Urgent")).toBeInTheDocument();
    expect(first).toHaveClass("ticket--late");
    expect(within(first).getByText(/Waiting long/)).toBeInTheDocument();
    expect(screen.getByText("A002").closest("li")).toHaveClass("ticket--aging");
    expect(screen.getByText("A003").closest("li")).toHaveClass("ticket--fresh");
    expect(screen.getByTestId("waiting-count")).toHaveTextContent("3");
  });

  it("shows now serving per counter, the staff member's own first", () => {
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={fakeActions()} myCounterId="c-2" onChooseCounter={vi.fn()} />);
    const tiles = within(screen.getByRole("list", { name: "Now serving" })).getAllByRole("listitem");
    expect(tiles[0]).toHaveTextContent("Desk 2");
    expect(tiles[0]).toHaveTextContent("Your counter");
    expect(tiles[0]).toHaveTextContent("A099");
    expect(tiles[1]).toHaveTextContent("A000");
    expect(tiles[1]).toHaveTextContent("Serving");
  });

  it("calls next for the chosen counter by button and by the N shortcut; C completes and S starts at one's own counter", async () => {
    const actions = fakeActions();
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-2" onChooseCounter={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: /Call next/ }));
    expect(actions.callNext).toHaveBeenCalledWith("c-2");
    expect(await screen.findByText("Called A001 to Desk 2.")).toBeInTheDocument();

    fireEvent.keyDown(window, { key: "n" });
    expect(actions.callNext).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(window, { key: "s" });
    expect(actions.startServing).toHaveBeenCalledWith("s2");
    fireEvent.keyDown(window, { key: "c" });
    expect(actions.complete).toHaveBeenCalledWith("s2", "CALLED");
  });

  it("ignores shortcuts while typing", () => {
    const actions = fakeActions();
    render(
      <>
        <input aria-label="notes" />
        <QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-1" onChooseCounter={vi.fn()} />
      </>,
    );
    fireEvent.keyDown(screen.getByLabelText("notes"), { key: "n" });
    expect(actions.callNext).not.toHaveBeenCalled();
  });

  it("shows a viewer no buttons that would fail", () => {
    const actions = fakeActions();
    render(<QueueBoard line={boardLine()} now={now} live canOperate={false} actions={actions} myCounterId={null} onChooseCounter={vi.fn()} />);
    expect(screen.queryByRole("button", { name: /Call next/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Call A0/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Complete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Move/ })).not.toBeInTheDocument();
    expect(screen.getByText("A001").closest("li")).not.toHaveAttribute("draggable", "true");
    fireEvent.keyDown(window, { key: "n" });
    expect(actions.callNext).not.toHaveBeenCalled();
  });

  it("reorders at once, then shows the server's order again when the move fails", async () => {
    let fail: () => void = () => undefined;
    const actions = fakeActions({ move: vi.fn(() => new Promise<void>((resolve) => (fail = resolve))) });
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Move A001 down" }));
    expect(actions.move).toHaveBeenCalledWith("t1", 2);
    expect(waitingNumbers()).toEqual(["A002", "A001", "A003"]); // optimistic
    fail(); // the mutation ended (it failed: the server order did not change)
    await waitFor(() => expect(waitingNumbers()).toEqual(["A001", "A002", "A003"]));
  });

  it("moves by drag and drop to the dropped position", async () => {
    const actions = fakeActions();
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    const source = screen.getByText("A003").closest("li") as HTMLElement;
    const target = screen.getByText("A001").closest("li") as HTMLElement;
    const dataTransfer = { setData: vi.fn(), effectAllowed: "" };
    fireEvent.dragStart(source, { dataTransfer });
    fireEvent.dragOver(target, { clientY: -100, dataTransfer });
    fireEvent.drop(target, { dataTransfer });
    expect(actions.move).toHaveBeenCalledWith("t3", 1);
  });

  it("transfers and cancels through dialogs", async () => {
    const actions = fakeActions();
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={actions} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    await userEvent.click(screen.getByLabelText("More actions for A002"));
    await userEvent.click(screen.getAllByRole("button", { name: "Transfer to another line…" })[1] as HTMLElement);
    const dialog = screen.getByRole("dialog", { name: "Transfer A002" });
    expect(within(dialog).getByLabelText("To line")).toHaveDisplayValue("V · Vaccinations");
    await userEvent.click(within(dialog).getByRole("button", { name: "Transfer" }));
    expect(actions.transfer).toHaveBeenCalledWith("t2", "line-2");

    await userEvent.click(screen.getByLabelText("More actions for A003"));
    await userEvent.click(screen.getAllByRole("button", { name: "Cancel ticket…" })[2] as HTMLElement);
    const cancel = screen.getByRole("dialog", { name: "Cancel A003?" });
    await userEvent.type(within(cancel).getByLabelText("Reason"), "Left");
    await userEvent.click(within(cancel).getByRole("button", { name: "Cancel ticket" }));
    expect(actions.cancel).toHaveBeenCalledWith("t3", "Left");
  });

  it("says when an action failed and that the board shows the current state", () => {
    const actions = fakeActions({ problem: { message: "Ticket A001 is no longer waiting", code: "INVALID_TRANSITION", fields: {} } });
    render(<QueueBoard line={boardLine()} now={now} live={false} canOperate actions={actions} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    expect(screen.getByRole("alert")).toHaveTextContent("no longer waiting");
    expect(screen.getByText(/Not live/)).toBeInTheDocument();
  });

  it("shows an empty state when nobody waits", () => {
    const line = boardLine({ waitingCount: 0, waiting: { nodes: [], pageInfo: { hasNextPage: false } } });
    render(<QueueBoard line={line} now={now} live canOperate actions={fakeActions()} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    expect(screen.getByText("Nobody is waiting")).toBeInTheDocument();
  });
});

describe("QueueBoard counter", () => {
  it("lets staff close and open their counter, and will not call next at a closed one", async () => {
    const actions = fakeActions();
    const line = boardLine();
    render(<QueueBoard line={line} now={now} live canOperate actions={actions} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    expect(screen.getByText(/Desk 1 is open/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close counter" }));
    expect(actions.setCounterOpen).toHaveBeenCalledWith("c-1", false);
  });

  it("disables Call next while one's counter is closed", () => {
    const line = boardLine({ counters: [{ id: "c-1", name: "Desk 1", isOpen: false }] } as never);
    render(<QueueBoard line={line} now={now} live canOperate actions={fakeActions()} myCounterId="c-1" onChooseCounter={vi.fn()} />);
    expect(screen.getByRole("button", { name: /Call next/ })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Open counter" })).toBeEnabled();
  });
});
