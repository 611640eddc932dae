import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { formatDateTime, formatTime } from "../../../lib/format";
import { renderWithApollo } from "../../../test/render";
import { QueueBoard } from "../components/QueueBoard";
import { TicketDetailsDialog } from "../components/TicketDetailsDialog";
import { TicketDetailsQuery } from "../graphql/ticket-details.query";
import { boardLine, fakeActions, minutesAgo, now, ticket } from "./fixtures";

const lateAt = minutesAgo(3);

function lineWithChannels() {
  return boardLine({
    waiting: {
      nodes: [
        ticket({ id: "t1", number: "A001", channel: "KIOSK" }),
        ticket({ id: "t2", number: "A002", channel: "REMOTE", ranLateAt: lateAt, customerName: "Maria" }),
        ticket({ id: "t3", number: "A003", channel: "STAFF" }),
        ticket({ id: "t4", number: "A004", channel: "API" }),
      ],
      pageInfo: { hasNextPage: false },
    },
  });
}

describe("channel badges and the running-late marker on the board", () => {
  it("shows each ticket's channel: Kiosk, Phone, Staff, API", () => {
    render(<QueueBoard line={lineWithChannels()} now={now} live canOperate actions={fakeActions()} myCounterId={null} onChooseCounter={vi.fn()} />);
    expect(screen.getByTestId("ticket-channel-A001")).toHaveTextContent("Kiosk");
    expect(screen.getByTestId("ticket-channel-A002")).toHaveTextContent("Phone");
    expect(screen.getByTestId("ticket-channel-A003")).toHaveTextContent("Staff");
    expect(screen.getByTestId("ticket-channel-A004")).toHaveTextContent("API");
    // Called and serving tickets show theirs too.
    expect(screen.getByTestId("ticket-channel-A099")).toHaveTextContent("Kiosk");
  });

  it("marks a ticket whose customer is running late, with the time they said so, and only that one", () => {
    render(<QueueBoard line={lineWithChannels()} now={now} live canOperate actions={fakeActions()} myCounterId={null} onChooseCounter={vi.fn()} />);
    const marker = screen.getByTestId("ticket-late-A002");
    expect(marker).toHaveTextContent(`Running late · ${formatTime(lateAt)}`);
    expect(within(marker).getByText(formatTime(lateAt))).toHaveAttribute("datetime", lateAt);
    expect(marker.closest("li")).toHaveTextContent("Maria");
    for (const number of ["A001", "A003", "A004", "A099", "A000"]) expect(screen.queryByTestId(`ticket-late-${number}`)).not.toBeInTheDocument();
  });
});

describe("ticket details", () => {
  const details = (overrides: Record<string, unknown>) => ({
    request: { query: TicketDetailsQuery, variables: { id: "t2" } },
    result: {
      data: {
        ticket: {
          __typename: "Ticket",
          id: "t2",
          number: "A002",
          status: "WAITING",
          customerName: "Maria",
          phone: "+491512345678",
          email: "maria@example.com",
          channel: "REMOTE",
          ranLateAt: null,
          partySize: 1,
          extensions: {},
          extensionSchemaVersion: null,
          cancelReason: null,
          joinedAt: minutesAgo(20),
          calledAt: null,
          servedAt: null,
          completedAt: null,
          endedAt: null,
          personalDataErasedAt: null,
          ticketType: null,
          counter: null,
          history: [],
          notify: [],
          notifications: [],
          ...overrides,
        },
      },
    },
  });

  it("shows the email next to the phone, how the ticket was issued and when the customer said they are running late", async () => {
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} onClose={vi.fn()} />, [details({ ranLateAt: lateAt })]);
    const email = await screen.findByText("maria@example.com");
    const facts = email.closest("dl") as HTMLElement;
    const terms = within(facts).getAllByRole("term").map((t) => t.textContent);
    expect(terms.indexOf("Email")).toBe(terms.indexOf("Phone") + 1);
    expect(within(facts).getByText("+491512345678")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-details-channel")).toHaveTextContent("Joined from the customer's own phone");
    expect(screen.getByTestId("ticket-details-late")).toHaveTextContent(`Said so at ${formatDateTime(lateAt)}`);
  });

  it("has no running-late line for a ticket that did not use it", async () => {
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} onClose={vi.fn()} />, [details({})]);
    expect(await screen.findByText("maria@example.com")).toBeInTheDocument();
    expect(screen.queryByTestId("ticket-details-late")).not.toBeInTheDocument();
  });

  it("lists the ticket's notifications: message, channel, status, attempts, sent time and the provider's error", async () => {
    const notification = (id: string, trigger: string, channel: string, status: string, extra: Record<string, unknown>) => ({
      __typename: "Notification",
      id,
      ticketId: "t2",
      lineId: "line-1",
      trigger,
      channel,
      provider: null,
      status,
      attempts: 1,
      recipient: null,
      subject: null,
      lastError: null,
      createdAt: minutesAgo(20),
      sentAt: null,
      nextAttemptAt: null,
      ...extra,
    });
    const sentAt = minutesAgo(19);
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} onClose={vi.fn()} />, [
      details({
        notify: ["SMS", "EMAIL"],
        notifications: [
          notification("n1", "JOINED", "EMAIL", "SENT", { provider: "SMTP", sentAt }),
          notification("n2", "JOINED", "SMS", "DEAD", { attempts: 5, lastError: "Twilio 400: The 'To' number is not valid" }),
        ],
      }),
    ]);
    expect(await screen.findByTestId("ticket-notify-channels")).toHaveTextContent("Chose: SMS, Email");
    const email = screen.getByTestId("notification-row-JOINED-EMAIL");
    expect(email).toHaveTextContent("Joined");
    expect(email).toHaveTextContent("Sent");
    expect(email).toHaveTextContent(formatDateTime(sentAt));
    const sms = screen.getByTestId("notification-row-JOINED-SMS");
    expect(within(sms).getByTestId("notification-status")).toHaveTextContent("Failed");
    expect(sms).toHaveTextContent("5");
    expect(sms).toHaveTextContent("Twilio 400: The 'To' number is not valid");
  });

  it("says when a ticket chose no messages", async () => {
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} onClose={vi.fn()} />, [details({})]);
    expect(await screen.findByTestId("ticket-notify-channels")).toHaveTextContent("Chose no messages.");
    expect(screen.getByText("Nothing sent yet.")).toBeInTheDocument();
  });
});
