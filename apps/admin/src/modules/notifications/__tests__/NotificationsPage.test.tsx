import { useState } from "react";
import type { NotificationTab } from "../../../app/router";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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
});
