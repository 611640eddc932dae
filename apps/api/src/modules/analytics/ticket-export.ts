/**
 * The ticket-level export behind the admin's "Export tickets" (docs/analytics.md):
 *
 *   GET /analytics/tickets?tenantId=…|lineId=…&from=…&to=…&format=csv|json|jsonl
 *   Authorization: Bearer <session> | ApiKey <key>
 *
 * Authenticated like /graphql, with the analytics' permission (display:read in the tenant; staff names with
 * members:read). One row per ticket issued in [from, to) (at most 366 days), oldest first, never personal data of
 * customers (no name, phone, email, tracking code or extension answers). Streamed: keyset pages of `pageSize`
 * rows, each page read in its own short tenant transaction and written between transactions, waiting for the
 * client to drain, so the whole result is never in memory. Errors before the first byte are JSON with the
 * GraphQL codes (400 BAD_USER_INPUT, 401, 403, 404 — an unknown tenant and another tenant's are the same 404 —,
 * 429 LIMIT_EXCEEDED with Retry-After); an error mid-stream cuts the response (a client sees it truncated).
 * Rate-limited per caller (RATE_TICKET_EXPORTS_PER_CALLER_PER_MINUTE), and at most `ticketExportLimits.maxConcurrent`
 * stream at once in a process, one per caller (`ticketExportLimits`).
 */
import type { ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { Express, Request } from "express";
import { stringify } from "csv-stringify/sync";
import { col, decodeRows, z, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { isUuid } from "../../context/access.js";
import { reachableTenantOf, staffDoor } from "../../context/doors.js";
import { AppError, badInput, ErrorCode, notFound, RetryLaterError, type FieldError } from "../../errors/codes.js";
import type { Logger } from "../../observability/logger.js";
import { callerOf } from "../../rate-limits/rate-limits.js";
import { checkReportRange, lastCallerSql, reportScopeSql, type ReportScope } from "./analytics-report.service.js";

export const ticketExportFormats = ["csv", "json", "jsonl"] as const;
export type TicketExportFormat = (typeof ticketExportFormats)[number];
/** Rows per page (each page one short transaction); at most this many exports stream at once in a process. Tests change pageSize. */
export const ticketExportLimits = { pageSize: 500, maxConcurrent: 2 };

/** The columns, in order: the CSV header and the JSON keys. */
export const ticketExportColumns = [
  "ticketId",
  "number",
  "line",
  "ticketType",
  "channel",
  "status",
  "partySize",
  "counter",
  "calledById",
  "calledByName",
  "createdAt",
  "calledAt",
  "servedAt",
  "completedAt",
  "endedAt",
  "waitSeconds",
  "serviceSeconds",
] as const;
export type TicketExportRow = Record<(typeof ticketExportColumns)[number], string | number | null>;

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const PageRow = z.object({
  id: col.uuid,
  cursor_at: col.text,
  number: col.text,
  line: col.text.nullable(),
  ticket_type: col.text.nullable(),
  channel: col.text,
  status: col.text,
  party_size: col.int,
  counter: col.text.nullable(),
  staff_id: col.uuid.nullable(),
  staff_name: col.text.nullable(),
  created_at: col.text,
  called_at: col.text.nullable(),
  served_at: col.text.nullable(),
  completed_at: col.text.nullable(),
  ended_at: col.text.nullable(),
  wait: col.number.nullable(),
  service: col.number.nullable(),
});

interface PageCursor {
  at: string;
  id: string;
}

/** One keyset page of the export, oldest first, in the tenant's transaction. */
export async function ticketExportPage(tx: Tx, scope: ReportScope, showNames: boolean, after: PageCursor | null, limit: number): Promise<{ rows: TicketExportRow[]; next: PageCursor | null }> {
  const rows = decodeRows(
    PageRow,
    await tx.execute(sql`
      select t.id, t.created_at::text as cursor_at, t.number, l.name as line, tt.name as ticket_type, t.channel, t.status,
        t.party_size, c.name as counter, caller.staff_id,
        ${showNames ? sql`(select coalesce(nullif(u.name, ''), u.email) from users u where u.id = caller.staff_id)` : sql`null::text`} as staff_name,
        ${iso("t.created_at")} as created_at, ${iso("t.called_at")} as called_at, ${iso("t.served_at")} as served_at,
        ${iso("t.completed_at")} as completed_at, ${iso("t.ended_at")} as ended_at,
        case when t.called_at is not null and t.status <> 'WAITING' then round(extract(epoch from t.called_at - t.joined_at)::numeric, 1)::float8 end as wait,
        case when t.status = 'SERVED' and t.called_at is not null and t.completed_at is not null
          then round(extract(epoch from t.completed_at - t.called_at)::numeric, 1)::float8 end as service
      from tickets t
        left join lines l on l.tenant_id = t.tenant_id and l.id = t.line_id
        left join ticket_types tt on tt.tenant_id = t.tenant_id and tt.id = t.ticket_type_id
        left join counters c on c.tenant_id = t.tenant_id and c.id = t.counter_id
        ${lastCallerSql}
      where ${reportScopeSql(scope)}
        ${after ? sql`and (t.created_at, t.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by t.created_at, t.id
      limit ${limit}`),
  );
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) => ({
      ticketId: r.id,
      number: r.number,
      line: r.line,
      ticketType: r.ticket_type,
      channel: r.channel,
      status: r.status,
      partySize: r.party_size,
      counter: r.counter,
      calledById: r.staff_id,
      calledByName: r.staff_name,
      createdAt: r.created_at,
      calledAt: r.called_at,
      servedAt: r.served_at,
      completedAt: r.completed_at,
      endedAt: r.ended_at,
      waitSeconds: r.wait,
      serviceSeconds: r.service,
    })),
    next: rows.length === limit && last ? { at: last.cursor_at, id: last.id } : null,
  };
}

export interface TicketExportRequest {
  tenantId: string | null;
  lineId: string | null;
  from: Date;
  to: Date;
  format: TicketExportFormat;
}

/** The query string as an export request; BAD_USER_INPUT naming each bad parameter. */
export function parseTicketExportQuery(query: Record<string, unknown>): TicketExportRequest {
  const text = (name: string): string | null => {
    const value = query[name];
    return typeof value === "string" && value !== "" ? value : null;
  };
  const fields: FieldError[] = [];
  const format = text("format") ?? "csv";
  if (!(ticketExportFormats as readonly string[]).includes(format)) fields.push({ path: "format", message: `must be one of ${ticketExportFormats.join(", ")}` });
  const tenantId = text("tenantId");
  const lineId = text("lineId");
  if (!tenantId && !lineId) fields.push({ path: "tenantId", message: "give tenantId or lineId" });
  const fromText = text("from");
  const toText = text("to");
  if (!fromText) fields.push({ path: "from", message: "is required" });
  if (!toText) fields.push({ path: "to", message: "is required" });
  if (fields.length) throw badInput("Invalid export request", fields);
  const from = new Date(fromText!);
  const to = new Date(toText!);
  checkReportRange(from, to);
  return { tenantId, lineId, from, to, format: format as TicketExportFormat };
}

async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) throw new Error("the client went away");
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

const encoders: Record<TicketExportFormat, { type: string; extension: string; start: string; row: (r: TicketExportRow, index: number) => string; end: string }> = {
  csv: {
    type: "text/csv; charset=utf-8",
    extension: "csv",
    start: stringify([[...ticketExportColumns]]),
    row: (r) => stringify([ticketExportColumns.map((c) => r[c])]),
    end: "",
  },
  json: { type: "application/json; charset=utf-8", extension: "json", start: "[", row: (r, i) => `${i === 0 ? "" : ","}\n${JSON.stringify(r)}`, end: "\n]\n" },
  jsonl: { type: "application/x-ndjson; charset=utf-8", extension: "jsonl", start: "", row: (r) => `${JSON.stringify(r)}\n`, end: "" },
};

/**
 * Streams the export: access is decided (and the line located) before the headers; then pages go out one by one.
 * Returns the number of rows written.
 */
export async function streamTicketExport(res: ServerResponse, ctx: RequestContext, request: TicketExportRequest, pageSize = ticketExportLimits.pageSize): Promise<number> {
  let tenantId: string;
  if (request.lineId) {
    tenantId = await reachableTenantOf(ctx, { kind: "line", id: request.lineId });
    if (request.tenantId && request.tenantId !== tenantId) throw notFound("Line");
  } else {
    tenantId = request.tenantId!;
    if (!isUuid(tenantId)) throw notFound("Tenant");
  }
  const scope: ReportScope = { tenantId, lineId: request.lineId, from: request.from, to: request.to };
  const readPage = (after: PageCursor | null) =>
    staffDoor(ctx, tenantId, "display:read", (tx, access) => ticketExportPage(tx, scope, access.permissions.has("members:read"), after, pageSize));
  // The first page decides access before anything is sent.
  let page = await readPage(null);
  const encoder = encoders[request.format];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  res.writeHead(200, {
    "content-type": encoder.type,
    "content-disposition": `attachment; filename="qline-tickets-${day(request.from)}-${day(request.to)}.${encoder.extension}"`,
    "cache-control": "no-store",
  });
  let count = 0;
  await write(res, encoder.start);
  for (;;) {
    if (page.rows.length) await write(res, page.rows.map((r) => encoder.row(r, count++)).join(""));
    if (!page.next) break;
    page = await readPage(page.next);
  }
  await write(res, encoder.end);
  res.end();
  return count;
}

const statusOf: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.LIMIT_EXCEEDED]: 429,
};

export interface TicketExportDeps {
  /** The request's context, authenticated as /graphql does (throws UNAUTHENTICATED / FORBIDDEN AppErrors). */
  contextOf: (req: Request) => Promise<RequestContext>;
  logger: Logger;
  /** Origins allowed to read the download cross-origin (the admin app). */
  corsAllows: (origin: string) => boolean;
}

export function mountTicketExport(app: Express, deps: TicketExportDeps): void {
  const running = new Set<string>();
  app.options("/analytics/tickets", (req, res) => {
    const origin = req.headers.origin;
    if (origin && deps.corsAllows(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Allow-Headers", "authorization");
      res.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
    }
    res.sendStatus(204);
  });
  app.get("/analytics/tickets", async (req, res) => {
    const origin = req.headers.origin;
    if (origin && deps.corsAllows(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Expose-Headers", "content-disposition");
    }
    let slot: string | null = null;
    try {
      const ctx = await deps.contextOf(req);
      const request = parseTicketExportQuery(req.query as Record<string, unknown>);
      if (ctx.actor.kind === "anonymous") throw new AppError(ErrorCode.UNAUTHENTICATED, "Sign in or provide an API key");
      const caller = callerOf(ctx.actor, ctx.clientIp ?? "unknown");
      await ctx.rateLimits?.checkTicketExport(caller);
      if (running.size >= ticketExportLimits.maxConcurrent || running.has(caller.key)) {
        throw new RetryLaterError(ErrorCode.LIMIT_EXCEEDED, "An export is already running; retry shortly", 10);
      }
      slot = caller.key;
      running.add(slot);
      const started = performance.now();
      const rows = await streamTicketExport(res, ctx, request);
      deps.logger.info({ caller: caller.key, rows, ms: Math.round(performance.now() - started) }, "ticket export streamed");
    } catch (error) {
      if (res.headersSent) {
        deps.logger.error({ err: error }, "ticket export failed mid-stream");
        res.destroy();
      } else if (error instanceof AppError && statusOf[error.code]) {
        if (error instanceof RetryLaterError) res.setHeader("retry-after", String(error.retryAfterSeconds));
        res.status(statusOf[error.code]!).json({ error: { code: error.code, message: error.message, fields: error.fields ?? [] } });
      } else {
        deps.logger.error({ err: error }, "ticket export failed");
        res.status(500).json({ error: { code: "INTERNAL_SERVER_ERROR", message: "The export failed" } });
      }
    } finally {
      if (slot) running.delete(slot);
    }
  });
}
