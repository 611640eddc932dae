import { apiUrl } from "../../env";

export type TicketExportFormat = "csv" | "json";

/** The export endpoint beside /graphql (docs/analytics.md). */
export const ticketExportEndpoint = (graphqlUrl = apiUrl) => `${graphqlUrl.replace(/\/graphql\/?$/, "")}/analytics/tickets`;

/** The query string of an export: a line, else the tenant (a subtree roll-up exports the tenant's own tickets). */
export function ticketExportUrl(
  scope: string,
  tenantId: string,
  range: { from: string; to: string },
  format: TicketExportFormat,
  endpoint = ticketExportEndpoint(),
): string {
  const params = new URLSearchParams(scope.startsWith("line:") ? { lineId: scope.slice(5) } : { tenantId });
  params.set("from", range.from);
  params.set("to", range.to);
  params.set("format", format);
  return `${endpoint}?${params.toString()}`;
}

/** The export failed without a message of the server's (the page words it: `analytics.exportHttpFailed`). */
export class TicketExportHttpError extends Error {
  constructor(readonly status: number) {
    super(`The export failed (HTTP ${status})`);
  }
}

const filenameOf = (disposition: string | null, fallback: string) => /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? fallback;

/**
 * Fetches the export with the session's token (a plain link cannot send the Authorization header) and hands it to
 * the browser as a download. The server streams it; the browser holds the file until it is saved.
 */
export async function downloadTicketExport(url: string, token: string | null, fetchImpl: typeof fetch = fetch): Promise<void> {
  const response = await fetchImpl(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    let message: string | undefined;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      message = body.error?.message;
    } catch {
      // not JSON: only the status
    }
    throw message ? new Error(message) : new TicketExportHttpError(response.status);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = filenameOf(response.headers.get("content-disposition"), url.includes("format=json") ? "qline-tickets.json" : "qline-tickets.csv");
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
