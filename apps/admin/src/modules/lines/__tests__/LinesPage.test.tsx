import { viewerAs } from "../../../test/viewers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QRCodeSVG } from "qrcode.react";
import { describe, expect, it, vi } from "vitest";
import type { UpdateLineMutationVariables } from "../../../gql/graphql";
import { renderWithApollo } from "../../../test/render";
import { CurrentTenantContext, currentTenantFor } from "../../tenants/hooks/use-current-tenant";
import { LinesPage } from "../components/LinesPage";
import { LinesQuery } from "../graphql/lines.query";
import { UpdateLineMutation } from "../graphql/update-line.mutation";
import { shellTenant } from "../../../test/tenants";

const shell = shellTenant({ id: "t-1", name: "Acme Pharmacy", theme: { primaryColor: "#0a7d33", accentColor: "#f5a524", logoUrl: null, fontFamily: null } });

const joinUrl = "http://127.0.0.1:4174/t/acme/join/line-1";

function line(id: string, name: string, prefix: string, remoteJoin: boolean) {
  return {
    __typename: "Line" as const,
    id,
    tenantId: "t-1",
    name,
    prefix,
    acceptingTickets: true,
    remoteJoin,
    joinUrl: `http://127.0.0.1:4174/t/acme/join/${id}`,
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
    waitingCount: 2,
    counters: [],
    allCounters: [],
  };
}

const pharmacy = line("line-1", "Pharmacy", "P", true);
const returns = line("line-2", "Returns", "R", false);
const linesQuery = {
  request: { query: LinesQuery, variables: { tenantId: "t-1", includeArchived: true } },
  result: { data: { tenant: { __typename: "Tenant" as const, id: "t-1", lines: [pharmacy, returns], ticketTypes: [] } } },
  maxUsageCount: 5,
};

function renderPage(mocks: unknown[] = []) {
  return renderWithApollo(
    <CurrentTenantContext.Provider value={currentTenantFor(shell, viewerAs("MANAGER"))}>
      <LinesPage />
    </CurrentTenantContext.Provider>,
    [linesQuery, ...(mocks as never[])],
  );
}

/** The QR code's modules: equal paths mean the same encoded text. */
function qrPath(svg: Element): string | null | undefined {
  return svg.querySelectorAll("path")[1]?.getAttribute("d");
}

describe("LinesPage remote join", () => {
  it("marks the lines that take remote joins and shows their join link with a QR code of Line.joinUrl", async () => {
    renderPage();
    const pharmacyCard = (await screen.findByRole("article", { name: /Pharmacy/ })) as HTMLElement;
    const returnsCard = screen.getByRole("article", { name: /Returns/ });
    expect(within(pharmacyCard).getByText("Remote join", { selector: ".badge" })).toBeInTheDocument();
    expect(within(returnsCard).queryByText("Remote join", { selector: ".badge" })).not.toBeInTheDocument();
    expect(within(returnsCard).getByText("Off: kiosk and staff only")).toBeInTheDocument();

    const link = screen.getByTestId("join-link-P");
    expect(link).toHaveAttribute("href", joinUrl);
    expect(link).toHaveTextContent(joinUrl);
    expect(screen.queryByTestId("join-link-R")).not.toBeInTheDocument();

    const qr = within(pharmacyCard).getByRole("img", { name: "QR code to join Pharmacy" });
    const { container } = render(<QRCodeSVG value={joinUrl} marginSize={2} />);
    expect(qrPath(qr)).toBe(qrPath(container.querySelector("svg") as Element));
    expect(qrPath(qr)).toBeTruthy();
  });

  it("opens the line's A4 poster with the tenant's branding, the line's name, “Scan to join” and the link, and prints it", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    renderPage();
    await userEvent.click(await screen.findByRole("button", { name: "Poster for Pharmacy" }));
    const poster = screen.getByTestId("join-poster-P");
    expect(poster).toHaveTextContent("Acme Pharmacy");
    expect(within(poster).getByRole("heading", { name: "Pharmacy" })).toBeInTheDocument();
    expect(poster).toHaveTextContent("Scan to join");
    expect(poster).toHaveTextContent("127.0.0.1:4174/t/acme/join/line-1");
    expect(poster).toHaveStyle({ "--poster-primary": "#0a7d33" });
    // Rendered straight into <body>, which the print style sheet reduces to the poster.
    expect(poster.closest(".poster-dialog")?.parentElement).toBe(document.body);
    expect(document.body).toHaveClass("printing-poster");
    await userEvent.click(screen.getByRole("button", { name: "Print poster" }));
    expect(print).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(document.body).not.toHaveClass("printing-poster");
    print.mockRestore();
  });

  it("sends remoteJoin from the line settings switch", async () => {
    const sent: UpdateLineMutationVariables[] = [];
    const update = {
      request: {
        query: UpdateLineMutation,
        variables: (variables: UpdateLineMutationVariables) => {
          sent.push(variables);
          return variables.id === "line-2";
        },
      },
      result: { data: { updateLine: { ...returns, remoteJoin: true } } },
    };
    renderPage([update]);
    const returnsCard = await screen.findByRole("article", { name: /Returns/ });
    await userEvent.click(within(returnsCard).getByRole("button", { name: "Edit" }));
    const dialog = screen.getByRole("dialog", { name: "Edit Returns" });
    const toggle = within(dialog).getByRole("switch", { name: "Customers can join from their own phone (remote join)" });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    await userEvent.click(within(dialog).getByRole("button", { name: "Save line" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(sent.at(-1)).toMatchObject({ id: "line-2", input: { remoteJoin: true, name: "Returns" } });
  });
});
