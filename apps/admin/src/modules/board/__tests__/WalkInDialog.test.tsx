import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { IssueWalkInMutationVariables } from "../../../gql/graphql";
import { renderWithApollo } from "../../../test/render";
import { QueueBoard } from "../components/QueueBoard";
import { WalkInDialog } from "../components/WalkInDialog";
import { IssueWalkInMutation } from "../graphql/issue-walk-in.mutation";
import { WalkInFormQuery } from "../graphql/walk-in-form.query";
import { keyFor } from "../walk-in";
import { boardLine, fakeActions, now } from "./fixtures";

const schema = {
  type: "object",
  properties: { orderNumber: { type: "string", title: "Order number" } },
  required: ["orderNumber"],
};

const formQuery = (allowedTicketTypeIds: string[] = []) => ({
  request: { query: WalkInFormQuery, variables: { lineId: "line-1" } },
  result: {
    data: {
      line: {
        __typename: "Line" as const,
        id: "line-1",
        allowedTicketTypeIds,
        ticketTypes: [
          { __typename: "TicketType" as const, id: "tt1", code: "RX", name: "Prescription" },
          { __typename: "TicketType" as const, id: "tt2", code: "VAC", name: "Vaccination" },
        ],
      },
    },
  },
  maxUsageCount: 5,
});

const issued = { __typename: "Ticket" as const, id: "t9", number: "A009", status: "WAITING" as const, position: 4, lineId: "line-1", channel: "STAFF" as const };

/** An issueTicket mock that records what was sent and answers `result`. */
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

const badInputAt = (path: string, message: string) => ({ errors: [{ message: "Invalid input", extensions: { code: "BAD_USER_INPUT", fields: [{ path, message }] } }] });

function renderDialog(mocks: unknown[], onIssued = vi.fn()) {
  renderWithApollo(<WalkInDialog lineId="line-1" lineName="Pharmacy" extensionSchema={schema} onClose={vi.fn()} onIssued={onIssued} />, [formQuery(), ...(mocks as never[])]);
  return onIssued;
}

async function fillRequired() {
  await screen.findByLabelText("Ticket type");
  await userEvent.type(screen.getByLabelText("Name"), "Ada Lovelace");
  await userEvent.type(screen.getByLabelText("Phone"), "0151 2345678");
  await userEvent.type(screen.getByLabelText("Order number *"), "123456");
}

describe("WalkInDialog", () => {
  it("issues the ticket with channel STAFF, the form's fields, the custom fields and an idempotency key", async () => {
    const sent: IssueWalkInMutationVariables[] = [];
    const onIssued = renderDialog([issueMock({ data: { issueTicket: issued } }, sent)]);
    await fillRequired();
    await userEvent.type(screen.getByLabelText("Email"), "ada@example.com");
    await userEvent.selectOptions(screen.getByLabelText("Ticket type"), "tt2");
    await userEvent.clear(screen.getByLabelText("Party size"));
    await userEvent.type(screen.getByLabelText("Party size"), "2");
    await userEvent.click(screen.getByTestId("walk-in-submit"));

    await waitFor(() => expect(onIssued).toHaveBeenCalledWith(expect.objectContaining({ number: "A009" })));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.input).toEqual({
      lineId: "line-1",
      channel: "STAFF",
      customerName: "Ada Lovelace",
      phone: "0151 2345678",
      email: "ada@example.com",
      ticketTypeId: "tt2",
      partySize: 2,
      extensions: { orderNumber: "123456" },
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{32,36}$/),
    });
  });

  it("puts the API's phone error (BAD_USER_INPUT at input.phone) on the Phone field", async () => {
    const sent: IssueWalkInMutationVariables[] = [];
    const onIssued = renderDialog([
      issueMock({ errors: [{ message: "Invalid input", extensions: { code: "BAD_USER_INPUT", fields: [{ path: "input.phone", message: "not a valid phone number" }] } }] }, sent),
    ]);
    await fillRequired();
    await userEvent.click(screen.getByTestId("walk-in-submit"));

    const phone = screen.getByLabelText("Phone");
    await waitFor(() => expect(phone).toHaveAttribute("aria-invalid", "true"));
    expect(phone).toHaveAccessibleDescription(expect.stringContaining("not a valid phone number"));
    expect(screen.getByLabelText("Name")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(onIssued).not.toHaveBeenCalled();
    expect(sent[0]?.input.channel).toBe("STAFF");
  });

  it("shows the schema's JSON-pointer errors next to the custom field", async () => {
    renderDialog([issueMock({ errors: [{ message: "Invalid extensions", extensions: { code: "BAD_USER_INPUT", fields: [{ path: "/orderNumber", message: "must match the receipt" }] } }] }, [])]);
    await fillRequired();
    await userEvent.click(screen.getByTestId("walk-in-submit"));
    await waitFor(() => expect(screen.getByLabelText("Order number *")).toHaveAccessibleDescription("must match the receipt"));
  });

  it.each([
    ["closed (CONFLICT)", { message: "The line Pharmacy is not accepting tickets", extensions: { code: "CONFLICT" } }, "The ticket was not issued: The line Pharmacy is not accepting tickets"],
    ["full (LIMIT_EXCEEDED)", { message: "Line is full", extensions: { code: "LIMIT_EXCEEDED" } }, "The ticket was not issued: this line has reached its limit (it is full)"],
  ])("says in words when the line is %s, keeping the form", async (_case, error, text) => {
    const onIssued = renderDialog([issueMock({ errors: [error] }, [])]);
    await fillRequired();
    await userEvent.click(screen.getByTestId("walk-in-submit"));
    expect(await screen.findByRole("alert")).toHaveTextContent(text);
    expect(screen.getByLabelText("Name")).toHaveValue("Ada Lovelace");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(onIssued).not.toHaveBeenCalled();
  });

  it("checks what it can before the round trip (party size, email, required custom field, a type when the line restricts types)", async () => {
    const sent: IssueWalkInMutationVariables[] = [];
    renderWithApollo(<WalkInDialog lineId="line-1" lineName="Pharmacy" extensionSchema={schema} onClose={vi.fn()} onIssued={vi.fn()} />, [formQuery(["tt1", "tt2"]), issueMock({ data: { issueTicket: issued } }, sent)]);
    await screen.findByLabelText("Ticket type");
    await userEvent.clear(screen.getByLabelText("Party size"));
    await userEvent.type(screen.getByLabelText("Party size"), "0");
    await userEvent.type(screen.getByLabelText("Email"), "not-an-email");
    await userEvent.click(screen.getByTestId("walk-in-submit"));
    expect(screen.getByLabelText("Party size")).toHaveAccessibleDescription("A whole number from 1 to 1000");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription(expect.stringContaining("is not an email address"));
    expect(screen.getByLabelText("Ticket type")).toHaveAccessibleDescription("Choose a ticket type");
    expect(screen.getByLabelText("Order number *")).toHaveAccessibleDescription("Required");
    expect(sent).toHaveLength(0);
  });

  it("refuses an international phone number the shared schema rejects before the round trip; a national one is left to the API, which knows the tenant's country", async () => {
    const sent: IssueWalkInMutationVariables[] = [];
    renderDialog([issueMock({ data: { issueTicket: issued } }, sent)]);
    await screen.findByLabelText("Ticket type");
    await userEvent.type(screen.getByLabelText("Phone"), "+49 12");
    await userEvent.type(screen.getByLabelText("Order number *"), "123456");
    await userEvent.click(screen.getByTestId("walk-in-submit"));
    await waitFor(() => expect(screen.getByLabelText("Phone")).toHaveAccessibleDescription("not a valid phone number For a text message when called."));
    await waitFor(() => expect(screen.getByLabelText("Phone")).toHaveFocus()); // focused on the next animation frame
    expect(sent).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText("Phone"));
    await userEvent.type(screen.getByLabelText("Phone"), "0151 2345678");
    await userEvent.click(screen.getByTestId("walk-in-submit"));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.input.phone).toBe("0151 2345678");
  });

  it("sends the ticked channels as notify with the messages' language; a channel needs its contact detail", async () => {
    const sent: IssueWalkInMutationVariables[] = [];
    const onIssued = renderDialog([issueMock({ data: { issueTicket: issued } }, sent)]);
    await screen.findByLabelText("Ticket type");
    expect(screen.getByTestId("notify-sms")).toBeDisabled();
    expect(screen.getByTestId("notify-email")).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Phone"), "+49 151 2345678");
    await userEvent.type(screen.getByLabelText("Order number *"), "123456");
    expect(screen.getByTestId("notify-sms")).toBeEnabled();
    expect(screen.getByTestId("notify-email")).toBeDisabled();
    await userEvent.click(screen.getByTestId("notify-sms"));
    await userEvent.selectOptions(screen.getByTestId("notify-language"), "de");
    await userEvent.click(screen.getByTestId("walk-in-submit"));

    await waitFor(() => expect(onIssued).toHaveBeenCalled());
    expect(sent[0]?.input).toMatchObject({ phone: "+49 151 2345678", notify: ["SMS"], language: "de" });
  });

  it("sends no notify when nothing is ticked, and drops a channel whose contact detail was cleared", async () => {
    const sent: IssueWalkInMutationVariables[] = [];
    const onIssued = renderDialog([issueMock({ data: { issueTicket: issued } }, sent)]);
    await fillRequired();
    await userEvent.type(screen.getByLabelText("Email"), "ada@example.com");
    await userEvent.click(screen.getByTestId("notify-email"));
    await userEvent.clear(screen.getByLabelText("Email"));
    expect(screen.getByTestId("notify-email")).not.toBeChecked();
    await userEvent.click(screen.getByTestId("walk-in-submit"));
    await waitFor(() => expect(onIssued).toHaveBeenCalled());
    expect(sent[0]?.input).not.toHaveProperty("notify");
    expect(sent[0]?.input).not.toHaveProperty("language");
  });

  it("puts the API's BAD_USER_INPUT at input.notify under “Notify the customer”", async () => {
    renderDialog([issueMock(badInputAt("input.notify", "EMAIL needs an email address"), [])]);
    await fillRequired();
    await userEvent.click(screen.getByTestId("notify-sms"));
    await userEvent.click(screen.getByTestId("walk-in-submit"));
    expect(await screen.findByTestId("notify-error")).toHaveTextContent("EMAIL needs an email address");
    expect(screen.getByRole("group", { name: "Notify the customer" })).toHaveAccessibleDescription(expect.stringContaining("EMAIL needs an email address"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("keeps the idempotency key for a retry of the same walk-in and takes a new one for a corrected form", () => {
    const first = keyFor(null, { lineId: "line-1", channel: "STAFF", partySize: 1, phone: "0151" });
    expect(keyFor(first, { phone: "0151", partySize: 1, channel: "STAFF", lineId: "line-1" })).toBe(first);
    expect(keyFor(first, { lineId: "line-1", channel: "STAFF", partySize: 1, phone: "0152" }).key).not.toBe(first.key);
  });
});

describe("QueueBoard walk-ins", () => {
  it("offers Add walk-in only to those who may issue tickets", () => {
    const { unmount } = renderWithApollo(<QueueBoard line={boardLine()} now={now} live canOperate canIssue={false} actions={fakeActions()} myCounterId={null} onChooseCounter={vi.fn()} />);
    expect(screen.queryByTestId("add-walk-in")).not.toBeInTheDocument();
    unmount();
    renderWithApollo(<QueueBoard line={boardLine()} now={now} live canOperate canIssue actions={fakeActions()} myCounterId={null} onChooseCounter={vi.fn()} />);
    expect(screen.getByTestId("add-walk-in")).toHaveTextContent("Add walk-in");
  });

  it("closes the dialog after issuing, says which number was added and re-reads the board", async () => {
    const onTicketIssued = vi.fn();
    renderWithApollo(
      <QueueBoard line={boardLine({ tenant: { ...boardLine().tenant, ticketExtensionSchema: null } })} now={now} live canOperate canIssue onTicketIssued={onTicketIssued} actions={fakeActions()} myCounterId={null} onChooseCounter={vi.fn()} />,
      [formQuery(), issueMock({ data: { issueTicket: issued } }, [])],
    );
    await userEvent.click(screen.getByTestId("add-walk-in"));
    const dialog = screen.getByRole("dialog", { name: "Add walk-in to Pharmacy" });
    expect(within(dialog).getByLabelText("Name")).toHaveFocus();
    await within(dialog).findByLabelText("Ticket type");
    await userEvent.type(within(dialog).getByLabelText("Name"), "Ada");
    await userEvent.click(within(dialog).getByTestId("walk-in-submit"));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByText("Added walk-in A009.")).toBeInTheDocument();
    expect(onTicketIssued).toHaveBeenCalledTimes(1);
  });
});
