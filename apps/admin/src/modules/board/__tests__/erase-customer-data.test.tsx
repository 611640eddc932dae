import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithApollo } from "../../../test/render";
import { TicketDetailsDialog } from "../components/TicketDetailsDialog";
import { EraseCustomerDataMutation } from "../graphql/erase-customer-data.mutation";
import { TicketDetailsQuery } from "../graphql/ticket-details.query";

const erasedAt = "2026-12-04T12:00:00.000Z";

const details = {
  request: { query: TicketDetailsQuery, variables: { id: "t2" } },
  result: {
    data: {
      ticket: {
        __typename: "Ticket",
        id: "t2",
        number: "A002",
        status: "SERVED",
        customerName: "Maria",
        phone: "+491512345678",
        email: "maria@example.com",
        channel: "REMOTE",
        ranLateAt: null,
        partySize: 1,
        extensions: { note: "window seat" },
        extensionSchemaVersion: 1,
        cancelReason: null,
        joinedAt: "2026-12-04T11:00:00.000Z",
        calledAt: null,
        servedAt: null,
        completedAt: null,
        endedAt: null,
        personalDataErasedAt: null,
        ticketType: null,
        counter: null,
        notify: ["SMS"],
        notifications: [],
        history: [],
      },
    },
  },
};

const erased = {
  request: { query: EraseCustomerDataMutation, variables: { ticketId: "t2" } },
  result: {
    data: {
      eraseCustomerData: { __typename: "Ticket", id: "t2", customerName: null, phone: null, email: null, extensions: {}, cancelReason: null, personalDataErasedAt: erasedAt, notify: [], notifications: [] },
    },
  },
};

describe("erase customer data (ticket details)", () => {
  it("asks for confirmation, then erases: the dialog shows the ticket without personal data and when it was erased", async () => {
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} canErase onClose={vi.fn()} />, [details, erased]);
    expect(await screen.findByText("maria@example.com")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-notify-channels")).toHaveTextContent("Chose: SMS");
    await userEvent.click(screen.getByRole("button", { name: "Erase customer data" }));
    const confirm = screen.getByRole("group", { name: "Confirm erasing customer data" });
    expect(confirm).toHaveTextContent("cannot be undone");
    await userEvent.click(within(confirm).getByRole("button", { name: "Keep data" }));
    expect(screen.getByText("maria@example.com")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Erase customer data" }));
    await userEvent.click(screen.getByRole("button", { name: "Erase now" }));
    expect(await screen.findByTestId("ticket-details-erased")).toHaveTextContent("Customer data erased");
    expect(screen.queryByText("maria@example.com")).not.toBeInTheDocument();
    expect(screen.queryByText("Maria")).not.toBeInTheDocument();
    expect(screen.queryByText("window seat")).not.toBeInTheDocument();
    expect(screen.getByTestId("ticket-notify-channels")).toHaveTextContent("Chose no messages.");
  });

  it("shows the API's refusal", async () => {
    const refused = { request: erased.request, result: { errors: [{ message: "Missing permission tickets:erase in this tenant", extensions: { code: "FORBIDDEN" } }] } };
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} canErase onClose={vi.fn()} />, [details, refused]);
    await userEvent.click(await screen.findByRole("button", { name: "Erase customer data" }));
    await userEvent.click(screen.getByRole("button", { name: "Erase now" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You do not have permission to do this.");
    expect(screen.getByText("maria@example.com")).toBeInTheDocument();
  });

  it("offers no erase action without tickets:erase", async () => {
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} onClose={vi.fn()} />, [details]);
    expect(await screen.findByText("maria@example.com")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Erase customer data" })).not.toBeInTheDocument();
  });
});
