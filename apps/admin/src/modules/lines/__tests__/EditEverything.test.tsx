import { viewerAs } from "../../../test/viewers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import type { UpdateLineMutationVariables } from "../../../gql/graphql";
import { renderWithApollo } from "../../../test/render";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { LineFormDialog } from "../components/LineFormDialog";
import { LinesPage } from "../components/LinesPage";
import { ArchiveLineMutation } from "../graphql/archive-line.mutation";
import { LinesQuery } from "../graphql/lines.query";
import { TestWebhookMutation } from "../graphql/test-webhook.mutation";
import { UpdateCounterMutation } from "../graphql/update-counter.mutation";
import { UpdateLineMutation } from "../graphql/update-line.mutation";
import { emptyLineForm, validateLineForm } from "../line-form";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "t-1", name: "Acme", theme: { primaryColor: "#0a7d33", accentColor: "#f5a524", logoUrl: null, fontFamily: null } });

const counter = (id: string, name: string, archivedAt: string | null = null) => ({ __typename: "Counter" as const, id, lineId: "line-1", name, isOpen: !archivedAt, archivedAt });

function line(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Line" as const,
    id: "line-1",
    tenantId: "t-1",
    name: "Pharmacy",
    prefix: "P",
    acceptingTickets: true,
    remoteJoin: false,
    joinUrl: "http://127.0.0.1:4174/t/acme/join/line-1",
    openNow: true,
    capacity: null,
    timeZone: "Europe/Berlin",
    showEstimates: true,
    estimator: null,
    estimatorOptions: {},
    estimatorWebhookSecretSet: false,
    archivedAt: null,
    allowedTicketTypeIds: [],
    openingHours: null,
    ttl: { __typename: "LineTtl" as const, waitingSeconds: null, calledSeconds: null, warnSeconds: null },
    waitingCount: 4,
    counters: [counter("c-1", "Till 1"), counter("c-2", "Till 2")],
    allCounters: [counter("c-1", "Till 1"), counter("c-2", "Till 2"), counter("c-9", "Old till", "2026-01-01T00:00:00Z")],
    ...overrides,
  };
}

const linesQuery = (lines: unknown[]) => ({
  request: { query: LinesQuery, variables: { tenantId: "t-1", includeArchived: true } },
  result: { data: { tenant: { __typename: "Tenant" as const, id: "t-1", lines, ticketTypes: [] } } },
  maxUsageCount: 10,
});

function renderPage(mocks: unknown[], lines: unknown[] = [line()]) {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("MANAGER"))}>
      <LinesPage />
    </CurrentTenantContext.Provider>,
    [linesQuery(lines), ...(mocks as never[])],
  );
}

describe("stop accepting: confirmation and undo", () => {
  it("asks first, then offers Undo, which starts accepting again", async () => {
    const sent: UpdateLineMutationVariables[] = [];
    const update = (accepting: boolean) => ({
      request: {
        query: UpdateLineMutation,
        variables: (v: UpdateLineMutationVariables) => {
          if (v.input.acceptingTickets !== accepting) return false;
          sent.push(v);
          return true;
        },
      },
      result: { data: { updateLine: line({ acceptingTickets: accepting }) } },
    });
    renderPage([update(false), update(true)]);
    await userEvent.click(await screen.findByRole("button", { name: "Stop accepting" }));
    const dialog = screen.getByRole("dialog", { name: "Stop accepting tickets for Pharmacy?" });
    expect(dialog).toHaveTextContent("The 4 people already waiting keep their place.");
    expect(sent).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole("button", { name: "Stop accepting" }));
    const bar = await screen.findByRole("status");
    expect(bar).toHaveTextContent("Pharmacy stopped accepting tickets.");
    await userEvent.click(within(bar).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(sent.map((v) => v.input.acceptingTickets)).toEqual([false, true]));
  });

  it("does nothing when the confirmation is declined", async () => {
    renderPage([]);
    await userEvent.click(await screen.findByRole("button", { name: "Stop accepting" }));
    await userEvent.click(screen.getByRole("button", { name: "Keep as is" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });
});

describe("archive and rename", () => {
  it("archives a line after confirmation and lists archived lines and counters for restoring", async () => {
    const archived: string[] = [];
    const archive = {
      request: { query: ArchiveLineMutation, variables: (v: { id: string }) => (archived.push(v.id), true) },
      result: { data: { archiveLine: line({ archivedAt: "2026-12-04T10:00:00Z" }) } },
    };
    renderPage([archive], [line(), line({ id: "line-0", name: "Returns", prefix: "R", archivedAt: "2026-11-01T00:00:00Z", counters: [], allCounters: [] })]);
    await userEvent.click(await screen.findByText("Archived lines (1)"));
    expect(screen.getByRole("button", { name: /^Restore\s*Returns$/ })).toBeInTheDocument();
    expect(screen.queryByRole("article", { name: /Returns/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByText("Archived counters"));
    expect(screen.getByRole("button", { name: /^Restore\s*counter Old till$/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /^Archive\s*Pharmacy$/ }));
    const dialog = screen.getByRole("dialog", { name: "Archive Pharmacy?" });
    expect(dialog).toHaveTextContent("Its tickets and analytics keep its name");
    await userEvent.click(within(dialog).getByRole("button", { name: "Archive" }));
    await waitFor(() => expect(archived).toEqual(["line-1"]));
  });

  it("shows a taken counter name next to the rename field", async () => {
    const rename = {
      request: { query: UpdateCounterMutation, variables: { id: "c-2", input: { name: "till 1" } } },
      result: { errors: [new GraphQLError('This line already has a counter named "till 1"', { extensions: { code: "CONFLICT" } })] },
    };
    renderPage([rename]);
    await screen.findByRole("article", { name: /Pharmacy/ }, { timeout: 5000 });
    await userEvent.click(screen.getByRole("button", { name: /^Rename\s*counter Till 2$/ }));
    const input = screen.getByLabelText("New name for counter Till 2");
    await userEvent.clear(input);
    await userEvent.type(input, "till 1");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent('This line already has a counter named "till 1"');
    expect(input).toHaveAttribute("aria-invalid", "true");
  });
});

describe("line dialog: time zone and webhook", () => {
  it("offers the IANA time zones to search and refuses one that is not in the list", async () => {
    expect(validateLineForm({ ...emptyLineForm(), name: "X", timeZone: "Europe/Berlin" }).timeZone).toBeUndefined();
    expect(validateLineForm({ ...emptyLineForm(), name: "X", timeZone: "Berlin time" }).timeZone).toMatch(/pick one from the list/);
    const onSubmit = vi.fn();
    render(<LineFormDialog title="New line" submitLabel="Create line" initial={{ ...emptyLineForm(), name: "Pharmacy", timeZone: "" }} ticketTypes={[]} busy={false} onSubmit={onSubmit} onClose={vi.fn()} />);
    const field = screen.getByLabelText("Time zone");
    const options = [...document.querySelectorAll(`#${CSS.escape(field.getAttribute("list")!)} option`)].map((o) => o.getAttribute("value"));
    expect(options).toContain("Europe/Berlin");
    expect(options).toContain("UTC");
    await userEvent.type(field, "Mars/Olympus");
    await userEvent.click(screen.getByRole("button", { name: "Create line" }));
    expect(field).toHaveAccessibleDescription(expect.stringContaining("Not a known time zone"));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows the webhook's URL, timeout and secret settings, and the API's URL error under the URL field", async () => {
    const onSubmit = vi.fn().mockResolvedValue({
      message: "Invalid webhook estimator",
      code: "BAD_USER_INPUT",
      fields: { "estimatorOptions.url": "points at a loopback, private, link-local or reserved address" },
    });
    render(
      <LineFormDialog
        title="Edit Pharmacy"
        submitLabel="Save line"
        initial={{ ...emptyLineForm(), name: "Pharmacy", timeZone: "Europe/Berlin", estimator: "WEBHOOK", webhookUrl: "http://10.0.0.5/eta" }}
        ticketTypes={[]}
        busy={false}
        onSubmit={onSubmit}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByLabelText("Timeout (ms)")).toHaveValue("800");
    expect(screen.getByText(/Save the line first/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save line" }));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ estimator: "WEBHOOK", webhookUrl: "http://10.0.0.5/eta" });
    await waitFor(() => expect(screen.getByLabelText("Webhook URL")).toHaveAccessibleDescription(expect.stringContaining("points at a loopback")));
    expect(screen.queryByText("Invalid webhook estimator")).not.toBeInTheDocument(); // not a banner above the scrolled form
  });

  it("tests the webhook through the API and shows status and latency", async () => {
    const test = {
      request: { query: TestWebhookMutation, variables: { lineId: "line-1", url: "https://eta.example.com/q", timeoutMs: 800 } },
      result: { data: { testEstimatorWebhook: { __typename: "EstimatorWebhookTest" as const, ok: false, httpStatus: 503, latencyMs: 42, problem: "It answered HTTP 503" } } },
    };
    renderWithApollo(
      <LineFormDialog
        title="Edit Pharmacy"
        submitLabel="Save line"
        initial={{ ...emptyLineForm(), name: "Pharmacy", timeZone: "Europe/Berlin", estimator: "WEBHOOK", webhookUrl: "https://eta.example.com/q" }}
        ticketTypes={[]}
        busy={false}
        line={{ id: "line-1", estimatorWebhookSecretSet: true }}
        onSubmit={vi.fn()}
        onClose={vi.fn()}
      />,
      [test],
    );
    expect(screen.getByText(/It is shown only once/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Test" }));
    expect(await screen.findByTestId("webhook-test-result")).toHaveTextContent("✗ It answered HTTP 503 · HTTP 503 · 42 ms");
  });
});
