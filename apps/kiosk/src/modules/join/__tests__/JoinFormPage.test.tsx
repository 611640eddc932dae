import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { beforeEach, describe, expect, it } from "vitest";
import type { ApolloLink } from "@apollo/client";
import { renderWith, scriptedClient, type SeenOperation } from "../../../test/apollo";
import { extensionSchema, joinLine, publicTenant, publicTicket } from "../../../test/fixtures";
import { JoinFormPage } from "../components/JoinFormPage";

function rejected(code: string, extensions: Record<string, unknown> = {}) {
  return { data: null, errors: [new GraphQLError("refused", { extensions: { code, ...extensions } })] } as unknown as ApolloLink.Result; // a GraphQL error answer
}

/** The form against a scripted API: the line is `lines[i]` on the i-th fetch; joinLine answers `join(attempt)`. */
function form(join: (attempt: number, op: SeenOperation) => ApolloLink.Result | Error, lines: (Record<string, unknown> | null)[] = [joinLine()], schema: Record<string, unknown> | null = extensionSchema) {
  let fetches = 0;
  let attempts = 0;
  const api = scriptedClient((op) => {
    if (op.operationName === "JoinLineForm") {
      const line = lines[Math.min(fetches++, lines.length - 1)] ?? null;
      return { data: { tenantBySlug: { __typename: "PublicTenant", id: "t1", ticketExtensionSchema: schema, joinLine: line } } };
    }
    if (op.operationName === "JoinLine") return join(attempts++, op);
    throw new Error(`unexpected ${op.operationName}`);
  });
  renderWith(api.client, <JoinFormPage tenant={publicTenant()} lineId="l1" viaHost={false} />);
  return { ...api, joins: () => api.seen.filter((o) => o.operationName === "JoinLine"), fetches: () => fetches };
}

const joined = { data: { joinLine: publicTicket({ trackingCode: "trk-new", number: "A012" }) } };

async function fillAndSubmit(user: ReturnType<typeof userEvent.setup>, { phone = "+49 30 1234567", email = "" } = {}) {
  await user.selectOptions(await screen.findByLabelText(/Drink/), "Latte");
  await user.type(screen.getByLabelText(/Your name/), "Ada");
  if (phone) await user.type(screen.getByLabelText(/Phone/), phone);
  if (email) await user.type(screen.getByLabelText(/Email/), email);
  await user.click(screen.getByTestId("join-submit"));
}

describe("join form", () => {
  beforeEach(() => {
    window.history.replaceState(null, "", "/t/corner-cafe/join/l1");
  });

  it("offers phone and email as the phone's keyboard and autofill expect them", async () => {
    form(() => joined);
    const phone = await screen.findByLabelText(/Phone/);
    expect(phone).toHaveAttribute("type", "tel");
    expect(phone).toHaveAttribute("autocomplete", "tel");
    const email = screen.getByLabelText(/Email/);
    expect(email).toHaveAttribute("type", "email");
    expect(email).toHaveAttribute("autocomplete", "email");
    // One ticket type: nothing to choose.
    expect(screen.queryByRole("group", { name: "What for?" })).not.toBeInTheDocument();
  });

  it("joins with an idempotency key and this browser's device id, then replaces the page with the ticket's", async () => {
    const user = userEvent.setup();
    const historyLength = window.history.length;
    const api = form(() => joined, [joinLine({ ticketTypes: [
      { __typename: "PublicTicketType", id: "tt1", code: "TAKE", name: "Take away" },
      { __typename: "PublicTicketType", id: "tt2", code: "SIT", name: "Sit in" },
    ] })]);
    await user.click(await screen.findByRole("radio", { name: "Sit in" }));
    await fillAndSubmit(user, { email: "ada@example.org" });

    await waitFor(() => expect(window.location.pathname + window.location.search).toBe("/ticket/trk-new?t=corner-cafe"));
    expect(window.history.length).toBe(historyLength); // replaced: Back does not return to the submitted form
    const [sent] = api.joins();
    const input = sent!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ slug: "corner-cafe", lineId: "l1", ticketTypeId: "tt2", customerName: "Ada", phone: "+49 30 1234567", email: "ada@example.org", partySize: 1, extensions: { drink: "Latte" } });
    expect(typeof input.idempotencyKey).toBe("string");
    expect(input.deviceId).toBe(localStorage.getItem("qline.deviceId"));
    expect(input.deviceId).toBeTruthy();
  });

  it("shows an input.phone error on the phone field, and an extension error under its custom field", async () => {
    const user = userEvent.setup();
    form(() => rejected("BAD_USER_INPUT", { fields: [{ path: "input.phone", message: "not a phone number" }, { path: "/age", message: "must be >= 21" }] }));
    await fillAndSubmit(user, { phone: "12" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
    const phone = screen.getByLabelText(/Phone/);
    expect(phone).toHaveAttribute("aria-invalid", "true");
    expect(phone).toHaveAccessibleDescription("Enter a phone number we can reach, with the country code (e.g. +49 …).");
    expect(screen.getByLabelText(/Email/)).not.toHaveAttribute("aria-invalid");
    expect(screen.getByText("must be >= 21")).toBeInTheDocument();
    expect(screen.getByTestId("join-submit")).toBeEnabled();
  });

  it("sends notify for the ticked channels that have a contact detail, with the page's language", async () => {
    const user = userEvent.setup();
    const api = form(() => joined);
    const sms = await screen.findByTestId("notify-sms");
    const email = screen.getByTestId("notify-email");
    expect(sms).toBeDisabled();
    expect(email).toBeDisabled();
    expect(screen.getByRole("group", { name: "Notify me" })).toHaveAccessibleDescription(/Enter a phone number above to get an SMS\..*Enter an email address above to get an email\./);
    await user.type(screen.getByLabelText(/Email/), "ada@example.org");
    await user.click(email);
    await fillAndSubmit(user);

    await waitFor(() => expect(api.joins()).toHaveLength(1));
    expect(api.joins()[0]!.variables.input).toMatchObject({ phone: "+49 30 1234567", email: "ada@example.org", notify: ["EMAIL"], language: "en" });
  });

  it("shows an input.notify error under the channel choice", async () => {
    const user = userEvent.setup();
    form(() => rejected("BAD_USER_INPUT", { fields: [{ path: "input.notify", message: "EMAIL needs an email address" }] }));
    await user.type(await screen.findByLabelText(/Email/), "ada@example.org");
    await user.click(screen.getByTestId("notify-email"));
    await fillAndSubmit(user);
    expect(await screen.findByTestId("notify-error")).toHaveTextContent("EMAIL needs an email address");
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
  });

  it("shows an input.email error on the email field", async () => {
    const user = userEvent.setup();
    form(() => rejected("BAD_USER_INPUT", { fields: [{ path: "input.email", message: "invalid" }] }));
    await fillAndSubmit(user, { phone: "", email: "ada@" });
    const email = await screen.findByLabelText(/Email/);
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription(/Enter a valid email address\./);
    expect(screen.getByLabelText(/Phone/)).not.toHaveAttribute("aria-invalid");
  });

  it("refuses a malformed email or international phone before any request, with the schemas the API checks", async () => {
    const user = userEvent.setup();
    const api = form(() => joined);
    await fillAndSubmit(user, { phone: "+49 12", email: "ada@example" });
    const email = await screen.findByLabelText(/Email/);
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription(/Enter a valid email address\./);
    expect(screen.getByLabelText(/Phone/)).toHaveAttribute("aria-invalid", "true");
    expect(api.joins()).toHaveLength(0);
  });

  it("LIMIT_EXCEEDED: too many tries, try again in N s (the button waits as long)", async () => {
    const user = userEvent.setup();
    const api = form(() => rejected("LIMIT_EXCEEDED", { retryAfterSeconds: 30 }));
    await fillAndSubmit(user);
    expect(await screen.findByTestId("join-error")).toHaveTextContent("Too many tries. Please try again in 30 s.");
    expect(screen.getByTestId("join-submit")).toBeDisabled();
    await waitFor(() => expect(api.fetches()).toBe(2)); // the line was read again (it may be full now)
  });

  it("CONFLICT on a line that is still open: this phone or email already holds a ticket", async () => {
    const user = userEvent.setup();
    const api = form(() => rejected("CONFLICT"));
    await fillAndSubmit(user);
    await waitFor(() => expect(api.fetches()).toBe(2));
    expect(await screen.findByTestId("join-error")).toHaveTextContent("This phone number or email already has a ticket in this line.");
  });

  it("CONFLICT because the line closed meanwhile: the reason replaces the form", async () => {
    const user = userEvent.setup();
    form(() => rejected("CONFLICT"), [joinLine(), joinLine({ joinable: false, unavailableReason: "NOT_ACCEPTING" })]);
    await fillAndSubmit(user);
    expect(await screen.findByTestId("join-unavailable")).toHaveTextContent("Not taking new tickets right now");
    expect(screen.queryByTestId("join-submit")).not.toBeInTheDocument();
  });

  it("NOT_FOUND: the line is gone", async () => {
    const user = userEvent.setup();
    form(() => rejected("NOT_FOUND"), [joinLine(), null]);
    await fillAndSubmit(user);
    expect(await screen.findByTestId("join-line-gone")).toHaveTextContent("This line is not available");
    expect(screen.queryByTestId("join-submit")).not.toBeInTheDocument();
  });

  it("a line that cannot be joined says why before any form, with no submit", async () => {
    const api = form(() => joined, [joinLine({ joinable: false, unavailableReason: "FULL" })]);
    const why = await screen.findByTestId("join-unavailable");
    expect(why).toHaveTextContent("You cannot join this line right now");
    expect(why).toHaveTextContent("Full right now");
    expect(screen.queryByTestId("join-submit")).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Phone/)).not.toBeInTheDocument();
    expect(within(screen.getByRole("main")).getByRole("link", { name: /All lines/ })).toHaveAttribute("href", "/t/corner-cafe/join");
    expect(api.joins()).toHaveLength(0);
  });

  it("a network error keeps the tap's key: “try again” cannot make a second ticket", async () => {
    const user = userEvent.setup();
    const api = form((attempt) => (attempt === 0 ? new TypeError("Failed to fetch") : joined));
    await fillAndSubmit(user);
    const alert = await screen.findByRole("alert");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(window.location.pathname).toBe("/ticket/trk-new"));
    const [first, second] = api.joins();
    expect(second!.variables.input).toEqual(first!.variables.input);
  });
});
