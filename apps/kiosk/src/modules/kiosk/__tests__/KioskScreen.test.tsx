import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { extensionSchema, issuedTicket, publicTenant, publicTicket } from "../../../test/fixtures";
import { renderWith, scriptedClient, type SeenOperation } from "../../../test/apollo";
import { TicketByCodeQuery } from "../../ticket/graphql/ticket-by-code.query";
import { IDLE_RESET_MS, KioskScreen } from "../components/KioskScreen";

const setupAnswer = {
  data: {
    tenant: {
      __typename: "Tenant",
      id: "t1",
      ticketExtensionSchema: extensionSchema,
      ticketExtensionSchemaVersion: 1,
    },
    currentDevice: null,
  },
};

/**
 * The kiosk against a scripted API: setup answers; issueTicket answers with `issue(op, attempt)`; the issued
 * ticket's public view (the customer's estimate, null when the line hides it) is `holderView`.
 */
function kiosk(issue: (op: SeenOperation, attempt: number) => { data: unknown } | Error, holderView: Record<string, unknown> = publicTicket({ number: "A001", position: 1, estimate: { __typename: "TicketEstimate", p50Seconds: 240, p90Seconds: 540, basis: "HISTORY" } })) {
  let attempts = 0;
  const api = scriptedClient((op) => {
    if (op.operationName === "KioskSetup") return setupAnswer;
    if (op.operationName === "TicketByCode") return { data: { ticketByCode: holderView } };
    if (op.operationName === "IssueTicket") return issue(op, attempts++) as never;
    throw new Error(`unexpected ${op.operationName}`);
  });
  const view = renderWith(api.client, <KioskScreen tenant={publicTenant()} viaHost={false} origin="http://kiosk.test" />);
  return { ...api, view, issues: () => api.seen.filter((o) => o.operationName === "IssueTicket") };
}

async function toDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("button", { name: /Coffee bar/ }));
  await user.click(screen.getByRole("button", { name: "Sit in" }));
  await screen.findByRole("heading", { name: "A few details" });
}

describe("kiosk issue flow", () => {
  it("line → type → generated custom fields → ticket with number, estimate and QR link", async () => {
    const user = userEvent.setup();
    const { issues } = kiosk(() => ({ data: { issueTicket: issuedTicket() } }));
    await toDetails(user);

    await user.selectOptions(screen.getByLabelText(/Drink/), "Latte");
    await user.type(screen.getByLabelText(/Age/), "30");
    await user.type(screen.getByLabelText(/Your name/), "Ada");
    await user.click(screen.getByRole("button", { name: "+" }));
    await user.click(screen.getByRole("button", { name: "Get my ticket" }));

    expect(await screen.findByTestId("ticket-number")).toHaveTextContent("A001");
    expect(screen.getByText("You are next")).toBeInTheDocument();
    expect(await screen.findByTestId("ticket-estimate")).toHaveTextContent("Estimated wait: about 4–9 min");
    expect(screen.getByTestId("tracking-link")).toHaveAttribute("href", "http://kiosk.test/ticket/trk-abc?t=corner-cafe");
    expect(screen.getByTitle(/Scan to follow/)).toBeInTheDocument(); // the QR code's <svg><title>

    expect(issues()).toHaveLength(1);
    const input = issues()[0]!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ lineId: "l1", ticketTypeId: "tt2", customerName: "Ada", partySize: 2, extensions: { drink: "Latte", age: 30 } });
    expect(typeof input.idempotencyKey).toBe("string");
  });

  it("shows no estimate when the server hides it from the ticket's holder (estimate null), and says when it is a rough guess", async () => {
    const user = userEvent.setup();
    const hidden = kiosk(() => ({ data: { issueTicket: issuedTicket() } }), publicTicket({ number: "A001", estimate: null }));
    await toDetails(user);
    await user.selectOptions(screen.getByLabelText(/Drink/), "Latte");
    await user.click(screen.getByRole("button", { name: "Get my ticket" }));
    expect(await screen.findByTestId("ticket-number")).toHaveTextContent("A001");
    await waitFor(() => expect(hidden.seen.some((o) => o.operationName === "TicketByCode" && o.variables.code === "trk-abc")).toBe(true));
    // The answer has arrived (fence: the card re-rendered with it) and still no band.
    await waitFor(() => expect(hidden.client.readQuery({ query: TicketByCodeQuery, variables: { code: "trk-abc" } })?.ticketByCode?.estimate).toBeNull());
    expect(screen.queryByTestId("ticket-estimate")).not.toBeInTheDocument();
    hidden.view.unmount();

    kiosk(() => ({ data: { issueTicket: issuedTicket() } }), publicTicket({ number: "A001", estimate: { __typename: "TicketEstimate", p50Seconds: 20, p90Seconds: 200, basis: "COLD_START" } }));
    await toDetails(user);
    await user.selectOptions(screen.getByLabelText(/Drink/), "Latte");
    await user.click(screen.getByRole("button", { name: "Get my ticket" }));
    const estimate = await screen.findByTestId("ticket-estimate");
    expect(estimate).toHaveTextContent("Estimated wait: up to 3 min");
    expect(estimate).toHaveTextContent("A rough guess: we have little history yet.");
  });

  it("the generated form rejects an invalid custom field before anything is sent", async () => {
    const user = userEvent.setup();
    const { issues } = kiosk(() => ({ data: { issueTicket: issuedTicket() } }));
    await toDetails(user);

    await user.selectOptions(screen.getByLabelText(/Drink/), "Espresso");
    await user.type(screen.getByLabelText(/Age/), "12");
    await user.click(screen.getByRole("button", { name: "Get my ticket" }));

    expect(await screen.findByText("Must be at least 18")).toBeInTheDocument();
    expect(issues()).toHaveLength(0);
    expect(screen.queryByTestId("ticket-number")).not.toBeInTheDocument();
  });

  it("retrying after a network error reuses the tap's idempotency key (one ticket), a new tap gets a new key", async () => {
    const user = userEvent.setup();
    const { issues } = kiosk((_op, attempt) => (attempt === 0 ? new TypeError("Failed to fetch") : { data: { issueTicket: issuedTicket() } }));
    await toDetails(user);
    await user.selectOptions(screen.getByLabelText(/Drink/), "Latte");
    await user.click(screen.getByRole("button", { name: "Get my ticket" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("you will not get two tickets");
    // While the first attempt's fate is unknown the form is locked: only the same request can be sent again.
    expect(screen.queryByRole("button", { name: "Get my ticket" })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("ticket-number")).toHaveTextContent("A001");
    const [first, second] = issues();
    const key = (op: SeenOperation | undefined) => (op?.variables.input as { idempotencyKey?: string }).idempotencyKey;
    expect(issues()).toHaveLength(2);
    expect(key(first)).toBeTruthy();
    expect(key(second)).toBe(key(first));
    expect(second!.variables.input).toEqual(first!.variables.input);

    // Done → start again → a new tap is a new ticket with a new key.
    await user.click(screen.getByRole("button", { name: "Done" }));
    await toDetails(user);
    await user.selectOptions(screen.getByLabelText(/Drink/), "Espresso");
    await user.click(screen.getByRole("button", { name: "Get my ticket" }));
    await waitFor(() => expect(issues()).toHaveLength(3));
    expect(key(issues()[2])).not.toBe(key(first));
  });

  it("shows the API's extension-schema errors under the failing field", async () => {
    const user = userEvent.setup();
    const { GraphQLError } = await import("graphql");
    kiosk(() => ({
      errors: [new GraphQLError("extensions do not match", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "/age", message: "must be >= 21" }] } })],
      data: null,
    }) as never);
    await toDetails(user);
    await user.selectOptions(screen.getByLabelText(/Drink/), "Latte");
    await user.type(screen.getByLabelText(/Age/), "19");
    await user.click(screen.getByRole("button", { name: "Get my ticket" }));
    expect(await screen.findByText("must be >= 21")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
    // A server answer ends the attempt: the form is usable again.
    expect(screen.getByRole("button", { name: "Get my ticket" })).toBeEnabled();
  });

  it("sends the ticked channels as notify with the screen's language; SMS only once a phone is entered", async () => {
    const user = userEvent.setup();
    const { issues } = kiosk(() => ({ data: { issueTicket: issuedTicket() } }));
    await screen.findByRole("button", { name: /Coffee bar/ });
    await user.click(screen.getByRole("button", { name: "Deutsch" }));
    await user.click(await screen.findByRole("button", { name: /Coffee bar/ }));
    await user.click(screen.getByRole("button", { name: "Sit in" }));
    await user.selectOptions(await screen.findByLabelText(/Drink/), "Latte");
    expect(screen.getByTestId("notify-sms")).toBeDisabled();
    expect(screen.getByTestId("notify-email")).toBeDisabled();
    await user.type(screen.getByLabelText(/Telefon/), "+49 151 2345678");
    await user.click(screen.getByTestId("notify-sms"));
    expect(screen.getByTestId("notify-email")).toBeDisabled();
    await user.click(screen.getByTestId("kiosk-issue-submit"));

    expect(await screen.findByTestId("ticket-number")).toHaveTextContent("A001");
    expect(issues()[0]!.variables.input).toMatchObject({ phone: "+49 151 2345678", email: null, notify: ["SMS"], language: "de" });
  });

  it("shows the API's BAD_USER_INPUT at input.notify under the channel choice", async () => {
    const user = userEvent.setup();
    kiosk(() => ({ data: null, errors: [new GraphQLError("Invalid input", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "input.notify", message: "SMS is not available here" }] } })] }) as never);
    await toDetails(user);
    await user.selectOptions(screen.getByLabelText(/Drink/), "Latte");
    await user.type(screen.getByLabelText(/Phone/), "+49 151 2345678");
    await user.click(screen.getByTestId("notify-sms"));
    await user.click(screen.getByTestId("kiosk-issue-submit"));
    expect(await screen.findByTestId("notify-error")).toHaveTextContent("SMS is not available here");
    expect(screen.getByRole("group", { name: "Notify me" })).toHaveAccessibleDescription(expect.stringContaining("SMS is not available here"));
  });

  it("switches language on screen", async () => {
    const user = userEvent.setup();
    kiosk(() => ({ data: { issueTicket: issuedTicket() } }));
    await screen.findByRole("button", { name: /Coffee bar/ });
    await user.click(screen.getByRole("button", { name: "Deutsch" }));
    expect(screen.getByRole("heading", { name: "Worum geht es?" })).toBeInTheDocument();
    expect(screen.getByText("2 warten")).toBeInTheDocument();
    // Going back keeps the customer's language.
    await user.click(screen.getByRole("button", { name: /Coffee bar/ }));
    await user.click(screen.getByRole("button", { name: "Zurück" }));
    expect(screen.getByRole("heading", { name: "Worum geht es?" })).toBeInTheDocument();
  });
});

describe("kiosk idle reset", () => {
  it("goes back to the start, in the device language, after a minute without a touch", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      kiosk(() => ({ data: { issueTicket: issuedTicket() } }));
      await screen.findByRole("button", { name: /Coffee bar/ });
      await user.click(screen.getByRole("button", { name: "Deutsch" }));
      await user.click(screen.getByRole("button", { name: /Coffee bar/ }));
      await user.click(screen.getByRole("button", { name: "Sit in" }));
      await screen.findByRole("heading", { name: "Ein paar Angaben" });
      act(() => vi.advanceTimersByTime(IDLE_RESET_MS - 5_000));
      // A touch restarts the minute.
      await user.click(screen.getByLabelText(/Ihr Name/));
      act(() => vi.advanceTimersByTime(IDLE_RESET_MS - 5_000));
      expect(screen.getByRole("heading", { name: "Ein paar Angaben" })).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(6_000));
      // Back at the start, in the device's language for the next customer.
      expect(screen.getByRole("heading", { name: "What are you here for?" })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});
