import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { IssueWalkInMutationVariables } from "../../../gql/graphql";
import { i18n } from "../../../i18n/i18n";
import { formatDateTime } from "../../../lib/format";
import { renderWithApollo } from "../../../test/render";
import { QueueBoard } from "../components/QueueBoard";
import { TicketDetailsDialog } from "../components/TicketDetailsDialog";
import { WalkInDialog } from "../components/WalkInDialog";
import { IssueWalkInMutation } from "../graphql/issue-walk-in.mutation";
import { TicketDetailsQuery } from "../graphql/ticket-details.query";
import { WalkInFormQuery } from "../graphql/walk-in-form.query";
import { boardLine, fakeActions, minutesAgo, now, ticket } from "./fixtures";

const formQuery = {
  request: { query: WalkInFormQuery, variables: { lineId: "line-1" } },
  result: {
    data: {
      line: {
        __typename: "Line" as const,
        id: "line-1",
        allowedTicketTypeIds: ["tt1", "tt2"],
        ticketTypes: [
          { __typename: "TicketType" as const, id: "tt1", code: "RX", name: "Prescription" },
          { __typename: "TicketType" as const, id: "tt2", code: "VAC", name: "Vaccination" },
        ],
      },
    },
  },
  maxUsageCount: 5,
};

function issueMock(result: object, sent: IssueWalkInMutationVariables[]) {
  return {
    request: {
      query: IssueWalkInMutation,
      variables: (variables: IssueWalkInMutationVariables) => {
        sent.push(variables);
        return true;
      },
    },
    result,
    maxUsageCount: 5,
  };
}

describe("the queue board in German", () => {
  it("shows the header, the desk, now serving and the waiting list in German", async () => {
    await i18n.changeLanguage("de");
    const line = boardLine({ acceptingTickets: false, openNow: false });
    render(<QueueBoard line={{ ...line, waiting: { ...line.waiting, pageInfo: { hasNextPage: true } } }} now={now} live={false} canOperate canIssue actions={fakeActions()} myCounterId="c-2" onChooseCounter={vi.fn()} />);

    expect(screen.getByText("Nimmt keine Tickets an")).toBeInTheDocument();
    expect(screen.getByText("Außerhalb der Öffnungszeiten")).toBeInTheDocument();
    expect(screen.getByText("Nicht live: Aktualisierung alle 15 s")).toBeInTheDocument();
    expect(screen.getByTestId("add-walk-in")).toHaveTextContent("+ Laufkundschaft hinzufügen");
    expect(screen.getByLabelText("Ihr Schalter")).toHaveDisplayValue("Desk 2");
    expect(screen.getByText("Desk 2 ist geöffnet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Schalter schließen" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Jetzt an der Reihe" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Wartend (3)" })).toBeInTheDocument();

    const tiles = within(screen.getByRole("list", { name: "Jetzt an der Reihe" })).getAllByRole("listitem");
    expect(within(tiles[0] as HTMLElement).getByText("Aufgerufen")).toBeInTheDocument();
    expect(within(tiles[0] as HTMLElement).getByRole("button", { name: "Bedienung beginnen (S)" })).toBeInTheDocument();
    expect(within(tiles[1] as HTMLElement).getByText("In Bedienung")).toBeInTheDocument();

    const waiting = screen.getByRole("list", { name: "Wartende Tickets in Reihenfolge" });
    const second = within(waiting).getByText("A002").closest("li") as HTMLElement;
    expect(within(second).getByText("3 Personen")).toBeInTheDocument();
    expect(within(second).getByTestId("ticket-channel-A002")).toHaveTextContent("Kanal: Kiosk");
    expect(within(second).getByRole("button", { name: "A002 aufrufen" })).toHaveTextContent("Aufrufen");
    expect(within(second).getByText("Mehr ▾")).toBeInTheDocument();
    const first = within(waiting).getByText("A001").closest("li") as HTMLElement;
    expect(within(first).getByText("Ja")).toBeInTheDocument();
    expect(within(first).getByText("Wartet lange:", { exact: false })).toBeInTheDocument();

    expect(screen.getByText("Die ersten 3 Tickets werden angezeigt.")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: /Nächste aufrufen/ }));
    expect(await screen.findByText("A001 an Desk 2 aufgerufen.")).toBeInTheDocument();
  });

  it("says one and several tickets in German (plural by count)", async () => {
    await i18n.changeLanguage("de");
    const line = boardLine();
    render(<QueueBoard line={{ ...line, waiting: { nodes: [ticket({ id: "t1", number: "A001" })], pageInfo: { hasNextPage: true } } }} now={now} live canOperate={false} actions={fakeActions()} myCounterId={null} onChooseCounter={vi.fn()} />);
    expect(screen.getByText("Nur das erste Ticket wird angezeigt.")).toBeInTheDocument();
    expect(i18n.t("board.showingFirst", { count: 200 })).toBe("Die ersten 200 Tickets werden angezeigt.");
  });

  it("asks before a no-show and cancels in German", async () => {
    await i18n.changeLanguage("de");
    render(<QueueBoard line={boardLine()} now={now} live canOperate actions={fakeActions()} myCounterId="c-2" onChooseCounter={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Nicht erschienen" }));
    const dialog = screen.getByRole("dialog", { name: "A099 als nicht erschienen markieren?" });
    expect(within(dialog).getByRole("button", { name: "Weiter auf die Person warten" })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Als nicht erschienen markieren" }));
    expect(await screen.findByText("A099 als nicht erschienen markiert.", { selector: ":not([role='status'])" })).toBeInTheDocument();

    fireEvent.click(screen.getAllByText("Ticket stornieren…")[0] as HTMLElement);
    const cancel = screen.getByRole("dialog", { name: "A001 stornieren?" });
    expect(within(cancel).getByLabelText("Grund")).toHaveAccessibleDescription("Optional; wird im Verlauf des Tickets gespeichert.");
    expect(within(cancel).getByRole("button", { name: "Ticket behalten" })).toBeInTheDocument();
  });
});

describe("the walk-in dialog in German", () => {
  it("labels the form in German and checks phone, email and party size with German messages before sending", async () => {
    await i18n.changeLanguage("de");
    const sent: IssueWalkInMutationVariables[] = [];
    renderWithApollo(<WalkInDialog lineId="line-1" lineName="Pharmacy" extensionSchema={null} onClose={vi.fn()} onIssued={vi.fn()} />, [formQuery, issueMock({ data: {} }, sent)]);
    const dialog = screen.getByRole("dialog", { name: "Laufkundschaft zu Pharmacy hinzufügen" });
    await within(dialog).findByLabelText("Ticketart");
    expect(within(dialog).getByLabelText("Telefon")).toHaveAccessibleDescription("Für eine SMS beim Aufruf.");
    expect(within(dialog).getByRole("group", { name: "Die Person benachrichtigen" })).toHaveAccessibleDescription("SMS braucht eine Telefonnummer, E-Mail eine E-Mail-Adresse.");
    expect(within(dialog).getByText("Per SMS")).toBeInTheDocument();
    expect(within(dialog).getByText("Per E-Mail")).toBeInTheDocument();
    expect(within(dialog).getByRole("option", { name: "Bitte wählen…" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();

    await userEvent.type(within(dialog).getByLabelText("Telefon"), "+49 12");
    await userEvent.type(within(dialog).getByLabelText("E-Mail"), "not-an-email");
    await userEvent.clear(within(dialog).getByLabelText("Personenzahl"));
    await userEvent.type(within(dialog).getByLabelText("Personenzahl"), "0");
    await userEvent.click(within(dialog).getByRole("button", { name: "Ticket ausgeben" }));

    await waitFor(() => expect(within(dialog).getByLabelText("Telefon")).toHaveAccessibleDescription("keine gültige Telefonnummer Für eine SMS beim Aufruf."));
    expect(within(dialog).getByLabelText("E-Mail")).toHaveAccessibleDescription("ist keine E-Mail-Adresse");
    expect(within(dialog).getByLabelText("Personenzahl")).toHaveAccessibleDescription("Eine ganze Zahl von 1 bis 1000");
    expect(within(dialog).getByLabelText("Ticketart")).toHaveAccessibleDescription("Wählen Sie eine Ticketart");
    expect(within(dialog).getByRole("group", { name: "Die Person benachrichtigen" })).toHaveAccessibleDescription(
      "Nachrichten beim Einreihen, kurz bevor sie an der Reihe ist, und beim Aufruf.",
    );
    expect(sent).toHaveLength(0);
  });

  it("says in German that a full line issued no ticket", async () => {
    await i18n.changeLanguage("de");
    renderWithApollo(<WalkInDialog lineId="line-1" lineName="Pharmacy" extensionSchema={null} onClose={vi.fn()} onIssued={vi.fn()} />, [
      formQuery,
      issueMock({ errors: [{ message: "Line is full", extensions: { code: "LIMIT_EXCEEDED" } }] }, []),
    ]);
    await userEvent.selectOptions(await screen.findByLabelText("Ticketart"), "tt1");
    await userEvent.click(screen.getByRole("button", { name: "Ticket ausgeben" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Das Ticket wurde nicht ausgegeben: Diese Schlange hat ihre Grenze erreicht (sie ist voll). Versuchen Sie es erneut, sobald jemand bedient wurde, oder erhöhen Sie die Kapazität der Schlange.",
    );
  });
});

describe("ticket details in German", () => {
  it("names the facts, the channel, the running-late time, the choice of messages and the history in German", async () => {
    await i18n.changeLanguage("de");
    const lateAt = minutesAgo(3);
    const details = {
      request: { query: TicketDetailsQuery, variables: { id: "t2" } },
      result: {
        data: {
          ticket: {
            __typename: "Ticket",
            id: "t2",
            number: "A002",
            status: "NO_SHOW",
            customerName: "Maria",
            phone: null,
            email: null,
            channel: "REMOTE",
            ranLateAt: lateAt,
            partySize: 2,
            extensions: { urgent: false },
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
            history: [{ __typename: "TicketEvent", id: "h1", kind: "RAN_LATE", fromStatus: "WAITING", toStatus: "WAITING", actorType: "TICKET_HOLDER", at: lateAt }],
            notify: [],
            notifications: [],
          },
        },
      },
    };
    renderWithApollo(<TicketDetailsDialog ticketId="t2" number="A002" extensionSchema={null} canErase onClose={vi.fn()} />, [details]);
    const dialog = screen.getByRole("dialog", { name: "Ticket A002" });
    const facts = (await within(dialog).findByText("Maria")).closest("dl") as HTMLElement;
    expect(within(facts).getAllByRole("term").map((t) => t.textContent)).toEqual(["Status", "Typ", "Kunde", "Telefon", "E-Mail", "Eingereiht über", "Verspätet", "Personenzahl", "Schalter", "Urgent"]);
    expect(within(facts).getByText("nicht erschienen")).toBeInTheDocument();
    expect(within(facts).getByText("Nein")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-details-channel")).toHaveTextContent("Vom eigenen Handy der Person eingereiht");
    expect(screen.getByTestId("ticket-details-late")).toHaveTextContent(`Gemeldet um ${formatDateTime(lateAt)} und nach hinten verschoben`);
    expect(within(screen.getByTestId("ticket-details-late")).getByText(formatDateTime(lateAt))).toHaveAttribute("datetime", lateAt);
    expect(screen.getByTestId("ticket-notify-channels")).toHaveTextContent("Keine Nachrichten gewählt.");
    expect(within(dialog).getByText("Noch nichts gesendet.")).toBeInTheDocument();
    expect(within(dialog).getByRole("heading", { name: "Verlauf" })).toBeInTheDocument();
    expect(within(dialog).getByText("Verspätet: nach hinten verschoben")).toBeInTheDocument();
    expect(within(dialog).getByText("durch die Person selbst")).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole("button", { name: "Kundendaten löschen" }));
    const confirm = within(dialog).getByRole("group", { name: "Löschen der Kundendaten bestätigen" });
    expect(confirm).toHaveTextContent(
      "Name, Telefon, E-Mail, Push-Abonnement und eigene Felder von Ticket A002 jetzt löschen? Das Ticket bleibt in der Schlange und in der Statistik. Dies kann nicht rückgängig gemacht werden.",
    );
    expect(within(confirm).getByRole("button", { name: "Daten behalten" })).toBeInTheDocument();
    expect(within(confirm).getByRole("button", { name: "Jetzt löschen" })).toBeInTheDocument();
  });
});
