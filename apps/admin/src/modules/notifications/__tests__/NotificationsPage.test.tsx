import { useState } from "react";
import type { NotificationTab } from "../../../app/router";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../../i18n/i18n";
import { describe, expect, it } from "vitest";
import type { SetMyEscalationEmailsMutationVariables, TenantNotificationsQueryVariables } from "../../../gql/graphql";
import { NotificationsPage } from "../components/NotificationsPage";
import { DevMailboxQuery } from "../graphql/dev-mailbox.query";
import { NotificationLinesQuery } from "../graphql/notification-lines.query";
import { SetMyEscalationEmailsMutation } from "../graphql/set-my-escalation-emails.mutation";
import { TenantNotificationsQuery } from "../graphql/tenant-notifications.query";
import { recording, renderAs } from "./fixtures";

const notification = (id: string, trigger: string, channel: string, status: string, extra: Record<string, unknown> = {}) => ({
  __typename: "Notification" as const,
  id,
  ticketId: "t1",
  lineId: "line-1",
  trigger,
  channel,
  provider: status === "SENT" ? "SMTP" : null,
  status,
  attempts: 1,
  recipient: "ada@example.com",
  subject: null,
  lastError: null,
  createdAt: "2026-12-04T10:00:00.000Z",
  sentAt: status === "SENT" ? "2026-12-04T10:00:02.000Z" : null,
  nextAttemptAt: null,
  ...extra,
});
const counts = { __typename: "NotificationCounts" as const, pending: 0, sending: 0, sent: 1, retrying: 0, dead: 1, skipped: 0 };
const page = (nodes: unknown[], hasNextPage: boolean, endCursor: string | null) => ({
  data: { tenantNotifications: { __typename: "NotificationConnection" as const, nodes, pageInfo: { __typename: "PageInfo" as const, hasNextPage, endCursor }, counts } },
});

const linesQuery = {
  request: { query: NotificationLinesQuery, variables: { tenantId: "berlin" } },
  result: { data: { tenant: { __typename: "Tenant" as const, id: "berlin", lines: [{ __typename: "Line" as const, id: "line-1", name: "Pharmacy", prefix: "A" }] } } },
  maxUsageCount: 10,
};
const noMailbox = { request: { query: DevMailboxQuery, variables: { tenantId: "berlin" } }, result: { errors: [{ message: "The dev mailbox is not running", extensions: { code: "NOT_FOUND" } }] }, maxUsageCount: 10 };
const mailbox = {
  request: { query: DevMailboxQuery, variables: { tenantId: "berlin" } },
  result: {
    data: {
      devMailbox: [
        { __typename: "DevMessage" as const, id: "m1", kind: "EMAIL", to: "ada@example.com", subject: "Berlin Store: your turn", body: "A042, please go to Desk 2.", receivedAt: "2026-12-04T10:00:02.000Z" },
        { __typename: "DevMessage" as const, id: "m2", kind: "SMS", to: "+4915100000", subject: null, body: "A042: please go to Desk 2.", receivedAt: "2026-12-04T10:00:03.000Z" },
      ],
    },
  },
  maxUsageCount: 10,
};

/** Answers by filter and cursor: the first page has a DEAD SMS and a SENT email, the second an older JOINED SMS. */
function logMock(sent: TenantNotificationsQueryVariables[]) {
  return {
    request: {
      query: TenantNotificationsQuery,
      variables: (v: TenantNotificationsQueryVariables) => {
        sent.push(v);
        return true;
      },
    },
    result: (v: TenantNotificationsQueryVariables) => {
      if (v.after === "c2") return page([notification("n3", "JOINED", "SMS", "SENT")], false, "c3");
      const first = [notification("n1", "CALLED", "SMS", "DEAD", { attempts: 5, lastError: "Twilio 400: invalid To number", recipient: "+4915100000" }), notification("n2", "CALLED", "EMAIL", "SENT")];
      return page(v.filter?.status ? first.filter((n) => n.status === v.filter?.status) : first, !v.filter?.status, "c2");
    },
    maxUsageCount: 20,
  };
}

describe("NotificationsPage", () => {
  it("lists deliveries with their status, error and counts, filters by a count and pages with Load more", async () => {
    const sent: TenantNotificationsQueryVariables[] = [];
    renderAs("STAFF", <NotificationsPage tab="log" />, [logMock(sent), linesQuery, noMailbox]);
    const dead = await screen.findByTestId("notification-row-CALLED-SMS");
    expect(dead).toHaveTextContent("Failed");
    expect(dead).toHaveTextContent("Twilio 400: invalid To number");
    expect(dead).toHaveTextContent("5");
    await waitFor(() => expect(dead).toHaveTextContent("Pharmacy"));
    expect(screen.getByTestId("notification-row-CALLED-EMAIL")).toHaveTextContent("Sent");
    expect(screen.getByTestId("notification-count-DEAD")).toHaveTextContent("1");

    await userEvent.click(screen.getByTestId("notifications-load-more"));
    expect(await screen.findByTestId("notification-row-JOINED-SMS")).toBeInTheDocument();
    expect(sent.some((v) => v.after === "c2" && v.first === 50)).toBe(true);

    await userEvent.click(screen.getByTestId("notification-count-DEAD"));
    await waitFor(() => expect(screen.queryByTestId("notification-row-CALLED-EMAIL")).not.toBeInTheDocument());
    expect(screen.getByTestId("notification-count-DEAD")).toHaveAttribute("aria-pressed", "true");
    expect(sent.at(-1)).toEqual({ tenantId: "berlin", filter: { status: "DEAD" }, first: 50 });
  });

  it("sends channel, trigger and line filters to the API", async () => {
    const sent: TenantNotificationsQueryVariables[] = [];
    renderAs("STAFF", <NotificationsPage tab="log" />, [logMock(sent), linesQuery, noMailbox]);
    await screen.findByTestId("notification-row-CALLED-SMS");
    await userEvent.selectOptions(screen.getByTestId("notifications-filter-channel"), "SMS");
    await userEvent.selectOptions(screen.getByTestId("notifications-filter-trigger"), "CALLED");
    await waitFor(() => expect(within(screen.getByTestId("notifications-filter-line")).getByRole("option", { name: "A · Pharmacy" })).toBeInTheDocument());
    await userEvent.selectOptions(screen.getByTestId("notifications-filter-line"), "line-1");
    await waitFor(() => expect(sent.at(-1)).toEqual({ tenantId: "berlin", filter: { channel: "SMS", trigger: "CALLED", lineId: "line-1" }, first: 50 }));
  });

  it("shows the dev mailbox tab only when devMailbox answers, and opens a message", async () => {
    renderAs("STAFF", <NotificationsPage tab="mailbox" />, [logMock([]), linesQuery, mailbox]);
    expect(await screen.findByTestId("notifications-tab-mailbox")).toHaveAttribute("aria-current", "page");
    const email = await screen.findByTestId("dev-message-EMAIL");
    expect(screen.getByTestId("dev-message-SMS")).toHaveTextContent("+4915100000");
    await userEvent.click(within(email).getByRole("button", { name: "Berlin Store: your turn" }));
    expect(await screen.findByTestId("dev-message-body")).toHaveTextContent("A042, please go to Desk 2.");
  });

  it("reads the mailbox again when its tab opens (the page's first answer only told that there is one)", async () => {
    const request = { query: DevMailboxQuery, variables: { tenantId: "berlin" } };
    const [email, sms] = mailbox.result.data.devMailbox;
    const early = { request, result: { data: { devMailbox: [email!] } } };
    const later = { request, result: { data: { devMailbox: [sms!, email!] } }, maxUsageCount: 10 };
    function Tabs() {
      const [tab, setTab] = useState<NotificationTab>("log");
      return (
        <>
          <button onClick={() => setTab("mailbox")}>open the mailbox</button>
          <NotificationsPage tab={tab} />
        </>
      );
    }
    renderAs("STAFF", <Tabs />, [logMock([]), linesQuery, early, later]);
    expect(await screen.findByTestId("notifications-tab-mailbox")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "open the mailbox" }));
    expect(await screen.findByTestId("dev-message-SMS")).toHaveTextContent("+4915100000");
  });

  it("hides the dev mailbox when the API runs without its dev sinks", async () => {
    renderAs("STAFF", <NotificationsPage tab="mailbox" />, [logMock([]), linesQuery, noMailbox]);
    expect(await screen.findByText("No dev mailbox here")).toBeInTheDocument();
    expect(screen.queryByTestId("notifications-tab-mailbox")).not.toBeInTheDocument();
    expect(screen.getByTestId("notifications-tab-templates")).toBeInTheDocument();
  });

  it("shows the providers tab only to those who may change the tenant (tenant:update)", async () => {
    const { unmount } = renderAs("MANAGER", <NotificationsPage tab="providers" />, [logMock([]), linesQuery, noMailbox]);
    expect(await screen.findByTestId("notifications-tab-log")).toHaveAttribute("aria-current", "page");
    expect(screen.queryByTestId("notifications-tab-providers")).not.toBeInTheDocument();
    unmount();
    renderAs("ADMIN", <NotificationsPage tab="log" />, [logMock([]), linesQuery, noMailbox]);
    expect(await screen.findByTestId("notifications-tab-providers")).toBeInTheDocument();
  });

  it("offers a manager the waiting-too-long email and sends setMyEscalationEmails", async () => {
    const sent: SetMyEscalationEmailsMutationVariables[] = [];
    renderAs("MANAGER", <NotificationsPage tab="log" />, [logMock([]), linesQuery, noMailbox, recording(SetMyEscalationEmailsMutation, { data: { setMyEscalationEmails: true } }, sent)]);
    await userEvent.click(await screen.findByTestId("escalation-emails-on"));
    expect(await screen.findByText(/On: you get an email/)).toBeInTheDocument();
    expect(sent).toEqual([{ tenantId: "berlin", enabled: true }]);
    expect(screen.getByTestId("escalation-emails-on")).toBeDisabled();
  });

  it("does not offer staff the waiting-too-long email", async () => {
    renderAs("STAFF", <NotificationsPage tab="log" />, [logMock([]), linesQuery, noMailbox]);
    await screen.findByTestId("notification-row-CALLED-SMS");
    expect(screen.queryByTestId("escalation-emails")).not.toBeInTheDocument();
  });

  it("speaks German: the page, its tabs, filters, the log's words for messages, channels and statuses, and the escalation email", async () => {
    await i18n.changeLanguage("de");
    const user = userEvent.setup();
    renderAs("MANAGER", <NotificationsPage tab="log" />, [logMock([]), linesQuery, noMailbox, recording(SetMyEscalationEmailsMutation, { data: { setMyEscalationEmails: false } }, [])]);
    const dead = await screen.findByTestId("notification-row-CALLED-SMS");
    expect(screen.getByRole("heading", { level: 1, name: "Benachrichtigungen" })).toBeInTheDocument();
    const tabs = screen.getByRole("navigation", { name: "Benachrichtigungen" });
    expect(within(tabs).getAllByRole("link").map((a) => a.textContent)).toEqual(["Zustellprotokoll", "Vorlagen"]);

    const table = screen.getByRole("table", { name: "Zustellprotokoll, neueste zuerst" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Erstellt", "Schlange", "Nachricht", "Kanal", "An", "Status", "Versuche", "Gesendet", "Fehler"]);
    const [, , message, channel, , status] = within(dead).getAllByRole("cell").map((td) => td.textContent);
    expect([message, channel, status]).toEqual(["Aufgerufen", "SMS", "Fehlgeschlagen"]);
    expect(within(screen.getByTestId("notification-row-CALLED-EMAIL")).getAllByRole("cell").map((td) => td.textContent).slice(2, 6)).toEqual(["Aufgerufen", "E-Mail", "ada@example.com", "Gesendet"]);

    const filters = screen.getByRole("form", { name: "Zustellprotokoll filtern" });
    expect(within(screen.getByLabelText("Status")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Jeder Status", "Ausstehend", "Wird gesendet", "Gesendet", "Neuer Versuch", "Fehlgeschlagen", "Übersprungen"]);
    expect(within(screen.getByLabelText("Nachricht")).getByRole("option", { name: "Gleich sind Sie dran" })).toBeInTheDocument();
    expect(within(screen.getByLabelText("Kanal")).getByRole("option", { name: "Jeder Kanal" })).toBeInTheDocument();
    expect(within(screen.getByLabelText("Schlange")).getByRole("option", { name: "Alle Schlangen" })).toBeInTheDocument();
    expect(within(filters).getByRole("button", { name: "Zurücksetzen" })).toBeDisabled();
    expect(within(screen.getByRole("list", { name: "Zustellungen nach Status" })).getByTestId("notification-count-DEAD")).toHaveTextContent("Fehlgeschlagen1");
    expect(screen.getByRole("button", { name: "Mehr laden" })).toBeInTheDocument();

    const escalation = screen.getByTestId("escalation-emails");
    expect(within(escalation).getByRole("heading", { name: "E-Mail an mich, wenn ein Ticket zu lange wartet" })).toBeInTheDocument();
    expect(within(escalation).getByRole("button", { name: "E-Mail an mich" })).toBeInTheDocument();
    await user.click(within(escalation).getByRole("button", { name: "Keine E-Mails mehr" }));
    expect(await within(escalation).findByRole("status")).toHaveTextContent("Aus: Sie erhalten keine E-Mails zu langen Wartezeiten.");
  });

  it("says in German that this server has no dev mailbox", async () => {
    await i18n.changeLanguage("de");
    renderAs("STAFF", <NotificationsPage tab="mailbox" />, [logMock([]), linesQuery, noMailbox]);
    expect(await screen.findByText("Hier gibt es kein Entwickler-Postfach")).toBeInTheDocument();
    expect(screen.getByText("Dieser Server versendet echte Nachrichten: sein eingebautes Entwickler-Postfach (QLINE_DEV_SINKS) ist aus.")).toBeInTheDocument();
  });

  it("shows the dev mailbox in German, and a message without a subject titled by its kind and recipient", async () => {
    await i18n.changeLanguage("de");
    const user = userEvent.setup();
    renderAs("STAFF", <NotificationsPage tab="mailbox" />, [logMock([]), linesQuery, mailbox]);
    const sms = await screen.findByTestId("dev-message-SMS");
    expect(screen.getByTestId("notifications-tab-mailbox")).toHaveTextContent("Entwickler-Postfach");
    const table = screen.getByRole("table", { name: "Empfangene Nachrichten, neueste zuerst" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Empfangen", "Art", "An", "Betreff / Text"]);
    expect(within(screen.getByTestId("dev-message-EMAIL")).getByText("E-Mail")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Aktualisieren" })).toBeInTheDocument();
    await user.click(within(sms).getByRole("button", { name: "A042: please go to Desk 2." }));
    expect(screen.getByRole("dialog", { name: "SMS an +4915100000" })).toBeInTheDocument();
  });
});
