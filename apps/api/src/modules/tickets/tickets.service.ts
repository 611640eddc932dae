import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, getTableColumns, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { counters, lines, rowsOf, tenants, ticketEvents, tickets, ticketTypes, withTenantTx, type JsonObject, type NotificationChannel, type NotificationTrigger, type TicketChannel, type TicketStatus, type Tx } from "@qline/db";
import { auditActor, ticketHolder, type AuditSubject } from "../../context/actor.js";
import type { RequestContext } from "../../context/context.js";
import type { Permission } from "../../context/permissions.js";
import { inPublicLineTenant, inTenant, inTenantOf, isUuid } from "../../context/tenant-access.js";
import { loadInTenant, perArgLoader } from "../../context/tenant-reads.js";
import { badInput, conflict, notFound } from "../../errors/codes.js";
import { uniqueViolation } from "../../errors/postgres.js";
import { recordAudit } from "../audit/audit.service.js";
import { checkExtensionsShape, validateExtensions } from "../lines/extension-schema.js";
import { refuseArchivedTicketType } from "../lines/editing.service.js";
import { lineArchived } from "../lines/lines.errors.js";
import { currentExtensionSchema, lineIsOpen, type LineRow } from "../lines/lines.service.js";
import { assertTenantNotSuspended, ticketByTrackingCode } from "../lines/lookups.js";
import { eventKindOf, ticketTransitions, transition, undoNoShowWindowSeconds, type TicketAction } from "./ticket-state.js";
import { activeTicketLimit, alreadyRanLate, counterClosed, idempotencyKeyReused, lineClosed, lineFull, lineNotAccepting, remoteJoinOff, ticketTypeNotAllowed } from "./tickets.errors.js";
import { normalizeEmail, normalizePhone } from "./contact.js";
import { readRemoteJoinPolicy, type RemoteJoinPolicy } from "../tenants/remote-join-settings.js";
import { announce } from "./line-refresh.js";
import { enqueueForTicket } from "../notifications/outbox.js";
import { checkNotifyChoice } from "../notifications/choice.js";
import { holderView, lineEvent, publicTicket, type LineEvent, type PublicTicketView, type TicketView } from "./tickets.events.js";

type TicketRow = typeof tickets.$inferSelect;

/** 1-based place among the line's WAITING tickets in queue order `(sort_key, id)`; null unless WAITING. */
// Outer columns are spelled out: drizzle may render `${column}` unqualified, which would bind to `w`.
// `w.id <>` matters in an UPDATE's RETURNING: the subquery sees the ticket's own pre-update version there
// (a moved ticket would count its old place).
const positionSql = sql<number | null>`case when "tickets"."status" = 'WAITING' then (
  select count(*)::int + 1 from tickets w
  where w.tenant_id = "tickets"."tenant_id" and w.line_id = "tickets"."line_id" and w.status = 'WAITING'
    and w.id <> "tickets"."id" and (w.sort_key, w.id) < ("tickets"."sort_key", "tickets"."id")) end`.mapWith((v: unknown) => (v == null ? null : Number(v)));

const ticketSelection = { ...getTableColumns(tickets), position: positionSql };

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function toView(row: TicketRow & { position: number | null }): TicketView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    lineId: row.lineId,
    ticketTypeId: row.ticketTypeId,
    counterId: row.counterId,
    number: row.number,
    trackingCode: row.trackingCode,
    status: row.status,
    position: row.position,
    customerName: row.customerName,
    phone: row.phone,
    email: row.email,
    channel: row.channel,
    ranLateAt: iso(row.ranLateAt),
    partySize: row.partySize,
    extensions: row.extensions,
    extensionSchemaVersion: row.extensionSchemaVersion,
    cancelReason: row.cancelReason,
    notify: row.notifyChannels,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    joinedAt: row.joinedAt.toISOString(),
    calledAt: iso(row.calledAt),
    servedAt: iso(row.servedAt),
    completedAt: iso(row.completedAt),
    endedAt: iso(row.endedAt),
    personalDataErasedAt: iso(row.personalDataErasedAt),
  };
}

export async function loadTicket(tx: Tx, tenantId: string, id: string): Promise<TicketView | null> {
  const [row] = await tx
    .select(ticketSelection)
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)));
  return row ? toView(row) : null;
}

async function lockTicket(tx: Tx, tenantId: string, id: string): Promise<TicketRow> {
  const [row] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .for("update");
  if (!row) throw notFound("Ticket");
  return row;
}

async function lineOf(tx: Tx, tenantId: string, lineId: string): Promise<LineRow> {
  if (!isUuid(lineId)) throw notFound("Line");
  const [line] = await tx.select().from(lines).where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)));
  if (!line) throw notFound("Line");
  return line;
}

async function recordEvent(
  tx: Tx,
  actor: AuditSubject,
  e: { tenantId: string; ticketId: string; lineId: string; kind: string; from: TicketStatus | null; to: TicketStatus; counterId: string | null; data?: JsonObject },
): Promise<void> {
  const { actorType, actorId } = auditActor(actor);
  await tx.insert(ticketEvents).values({
    tenantId: e.tenantId,
    id: randomUUID(),
    ticketId: e.ticketId,
    lineId: e.lineId,
    kind: e.kind,
    fromStatus: e.from,
    toStatus: e.to,
    counterId: e.counterId,
    actorType,
    actorId,
    data: e.data ?? {},
    at: new Date(),
  });
}

function checkPartySize(partySize: number | null | undefined, path: string): number | undefined {
  if (partySize == null) return undefined;
  if (!Number.isInteger(partySize) || partySize < 1 || partySize > 1000) throw badInput("Party size must be 1 to 1000", [{ path, message: "must be 1 to 1000" }]);
  return partySize;
}

/** The ticket type a new ticket gets: given and allowed on the line, or the line's only allowed type. */
async function resolveTicketType(tx: Tx, line: LineRow, ticketTypeId: string | null | undefined, path: string): Promise<string | null> {
  const allowed = line.allowedTicketTypeIds;
  if (!ticketTypeId) {
    if (allowed.length === 1) {
      await refuseArchivedTicketType(tx, line.tenantId, allowed[0]!, path);
      return allowed[0]!;
    }
    if (allowed.length > 1) throw badInput("This line needs a ticket type", [{ path, message: "required on this line" }]);
    return null;
  }
  const [type] = isUuid(ticketTypeId)
    ? await tx.select({ id: ticketTypes.id }).from(ticketTypes).where(and(eq(ticketTypes.tenantId, line.tenantId), eq(ticketTypes.id, ticketTypeId)))
    : [];
  if (!type) throw badInput("Unknown ticket type", [{ path, message: "no such ticket type in this tenant" }]);
  if (allowed.length > 0 && !allowed.includes(ticketTypeId)) {
    throw ticketTypeNotAllowed(line.name, path);
  }
  await refuseArchivedTicketType(tx, line.tenantId, ticketTypeId, path);
  return ticketTypeId;
}

/** Deterministic JSON (object keys sorted) so equal payloads hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface IssueTicketFields {
  lineId: string;
  ticketTypeId?: string | null | undefined;
  customerName?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  partySize?: number | null | undefined;
  extensions?: unknown;
  idempotencyKey?: string | null | undefined;
  channel?: TicketChannel | null | undefined;
  /** Channels the customer wants messages on (SMS needs a phone, EMAIL an email: BAD_USER_INPUT at input.notify). */
  notify?: readonly NotificationChannel[] | null | undefined;
  /** Language of those messages: "en" (default) or "de". */
  language?: string | null | undefined;
}

const formatNumber = (prefix: string, seq: number) => `${prefix}${String(seq).padStart(3, "0")}`;

/** An issue request checked and normalised before its transaction (no I/O). */
interface IssueRequest {
  lineId: string;
  ticketTypeId: string | null | undefined;
  customerName: string | null;
  phone: string | null;
  email: string | null;
  partySize: number;
  extensions: JsonObject;
  channel: TicketChannel;
  notifyChannels: NotificationChannel[];
  language: string;
  key: string | null;
  requestHash: string;
}

function prepareIssue(input: IssueTicketFields, channel: TicketChannel, contact: { phone: string | null; email: string | null }, hashSalt = ""): IssueRequest {
  const extensions = checkExtensionsShape(input.extensions);
  const partySize = checkPartySize(input.partySize, "input.partySize") ?? 1;
  const customerName = input.customerName?.trim() || null;
  const { notifyChannels, language } = checkNotifyChoice(input.notify, input.language, contact);
  const fields = { lineId: input.lineId, ticketTypeId: input.ticketTypeId ?? null, customerName, ...contact, partySize, extensions, channel, notifyChannels, language };
  return {
    ...fields,
    key: input.idempotencyKey ?? null,
    requestHash: createHash("sha256").update(hashSalt).update(canonicalJson(fields)).digest("hex"),
  };
}

/** What the line must allow for this issue; `remote` adds joinLine's rules (remote join on, active tickets per contact). */
interface IssueRules {
  remote: RemoteJoinPolicy | null;
  tenant: { slug: string; runningLatePlaces: number };
}

/**
 * Issues a ticket in the caller's transaction. Numbering: the per-line-per-day counter row is incremented
 * (upsert), so issuers of one line queue on its row lock and a failed issue rolls its number back (no gap, no
 * duplicate). The capacity and per-contact checks run after that lock, so they see every ticket committed before.
 */
async function issueInLine(
  tx: Tx,
  actor: AuditSubject | ((ticketId: string) => AuditSubject),
  tenantPath: readonly string[],
  tenantId: string,
  request: IssueRequest,
  rules: IssueRules,
): Promise<{ replay: TicketView | null; event: LineEvent | null }> {
  if (request.key) {
    const [existing] = await tx.select(ticketSelection).from(tickets).where(and(eq(tickets.tenantId, tenantId), eq(tickets.idempotencyKey, request.key)));
    if (existing) {
      if (existing.idempotencyHash !== request.requestHash) throw idempotencyKeyReused();
      return { replay: toView(existing), event: null };
    }
  }
  const line = await lineOf(tx, tenantId, request.lineId);
  if (rules.remote && !line.remoteJoin) throw remoteJoinOff(line.name);
  if (line.archivedAt) throw lineArchived(line.name);
  if (!line.acceptingTickets) throw lineNotAccepting(line.name);
  if (!lineIsOpen(line)) throw lineClosed(line.name);
  const ticketTypeId = await resolveTicketType(tx, line, request.ticketTypeId, "input.ticketTypeId");
  const schemaVersion = validateExtensions(request.extensions, await currentExtensionSchema(tx, tenantId));

  const [numbered] = rowsOf<{ last: number; service_day: string }>(
    await tx.execute(sql`
      insert into line_day_counters (tenant_id, line_id, service_day, last)
      values (${tenantId}, ${line.id}, (now() at time zone ${line.timeZone})::date, 1)
      on conflict (tenant_id, line_id, service_day) do update set last = line_day_counters.last + 1
      returning last, service_day::text as service_day`),
  );
  if (!numbered) throw new Error("numbering returned no row");
  if (line.capacity != null) {
    const [waiting] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from tickets where tenant_id = ${tenantId} and line_id = ${line.id} and status = 'WAITING'`),
    );
    if (Number(waiting?.n ?? 0) >= line.capacity) throw lineFull(line.name, line.capacity);
  }
  if (rules.remote && (request.phone || request.email)) {
    const [held] = rowsOf<{ n: number }>(
      await tx.execute(sql`
        select count(*)::int as n from tickets
        where tenant_id = ${tenantId} and line_id = ${line.id} and status in ('WAITING', 'CALLED', 'SERVING')
          and (phone = ${request.phone} or lower(email) = lower(${request.email}))`),
    );
    if (Number(held?.n ?? 0) >= rules.remote.maxActivePerContact) throw activeTicketLimit(line.name, rules.remote.maxActivePerContact);
  }
  const id = randomUUID();
  const seq = Number(numbered.last);
  const subject = typeof actor === "function" ? actor(id) : actor;
  // Join time is taken after the numbering lock, so queue order follows number order. The position in
  // RETURNING counts the tickets ahead as of this statement: every earlier issuer of this line has
  // committed (they held the numbering lock), and the new row is not in the statement's snapshot.
  const [inserted] = await tx
    .insert(tickets)
    .values({
      tenantId,
      id,
      lineId: line.id,
      issuedLineId: line.id,
      ticketTypeId,
      serviceDay: numbered.service_day,
      seq,
      number: formatNumber(line.prefix, seq),
      trackingCode: randomBytes(15).toString("base64url"),
      status: "WAITING",
      sortKey: sql`extract(epoch from clock_timestamp())`,
      joinedAt: sql`clock_timestamp()`,
      createdAt: sql`clock_timestamp()`,
      customerName: request.customerName,
      phone: request.phone,
      email: request.email,
      channel: request.channel,
      partySize: request.partySize,
      extensions: request.extensions,
      extensionSchemaVersion: schemaVersion,
      idempotencyKey: request.key,
      idempotencyHash: request.key ? request.requestHash : null,
      notifyChannels: request.notifyChannels,
      language: request.language,
    })
    .returning(ticketSelection);
  if (!inserted) throw new Error("insert returned no row");
  const queuedMessages = await enqueueForTicket(tx, { tenantId, id, lineId: line.id, notifyChannels: request.notifyChannels, language: request.language }, "JOINED", line.notificationSettings);
  const number = formatNumber(line.prefix, seq);
  await recordEvent(tx, subject, { tenantId, ticketId: id, lineId: line.id, kind: "ISSUED", from: null, to: "WAITING", counterId: null, data: { channel: request.channel } });
  await recordAudit(tx, subject, { tenantId, action: "ticket.issue", targetType: "ticket", targetId: id, after: { number, lineId: line.id, channel: request.channel } });
  const view = toView(inserted);
  const own = holderView(view, line.name, null, rules.tenant);
  return { replay: null, event: await lineEvent(tx, tenantPath, tenantId, line.id, "ISSUED", view, { own, issued: true, queuedMessages }) };
}

/** Runs an issue, retrying once when two requests with one new idempotency key raced (the loser finds the winner's ticket). */
async function withIdempotentRetry<T>(key: string | null, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (key && uniqueViolation(error) === "tickets_idempotency_key") return run();
    throw error;
  }
}

/** Issues a ticket as the caller (a kiosk, staff adding a walk-in, a partner): needs tickets:issue in the line's tenant. */
export async function issueTicket(ctx: RequestContext, input: IssueTicketFields): Promise<TicketView> {
  const channel = input.channel ?? (ctx.actor.kind === "user" ? "STAFF" : "API");
  if (channel === "REMOTE") throw badInput("REMOTE tickets come from joinLine", [{ path: "input.channel", message: "KIOSK, STAFF or API" }]);
  const request = prepareIssue(input, channel, { phone: input.phone?.trim() || null, email: normalizeEmail(input.email, "input.email") });
  const { replay, event } = await withIdempotentRetry(request.key, () =>
    inTenantOf(ctx, { kind: "line", id: input.lineId }, "tickets:issue", async (tx, access) => {
      const { slug, policy } = await readRemoteJoinPolicy(tx, access.path);
      return issueInLine(tx, ctx.actor, access.path, access.tenantId, request, { remote: null, tenant: { slug, runningLatePlaces: policy.runningLatePlaces } });
    }),
  );
  if (replay) return replay; // an idempotent replay: nothing changed, nothing to publish
  // The numbering row lock is held until commit, so the issue transaction stays short: the line's stats
  // and estimates (and the ticket's issue-time estimate) come from the line's refresh after the commit.
  await announce(ctx, [event!]);
  return event!.ticket!;
}

export interface JoinLineFields extends IssueTicketFields {
  /** The tenant whose join page the customer is on: the line must be this tenant's (else NOT_FOUND). */
  slug?: string | null | undefined;
  deviceId?: string | null | undefined;
}

const contactKey = (kind: string, value: string) => createHash("sha256").update(`${kind}:${value}`).digest("base64url").slice(0, 22);

/**
 * Public: a customer joins a remote-join line from their own phone. Two short transactions: the first finds the
 * line's tenant and its policy (default phone region, active tickets per contact) so the contact can be
 * normalised and the per-device / per-contact budgets charged outside any transaction (they may be in Redis);
 * the second issues with issueTicket's rules plus remote join's. History and audit name the ticket's holder.
 */
export async function joinLine(ctx: RequestContext, input: JoinLineFields): Promise<PublicTicketView> {
  if (input.channel) throw badInput("joinLine sets the channel itself", [{ path: "input.channel", message: "not allowed here" }]);
  const deviceId = input.deviceId?.trim() || null;
  if (deviceId && deviceId.length > 100) throw badInput("deviceId is at most 100 characters", [{ path: "input.deviceId", message: "too long" }]);
  const place = await inPublicLineTenant(ctx, input.lineId, input.slug ?? null, async (tx, tenant) => ({ ...tenant, ...(await readRemoteJoinPolicy(tx, tenant.path)) }));
  const phone = normalizePhone(input.phone, place.policy.defaultCountry, "input.phone");
  const email = normalizeEmail(input.email, "input.email");
  await ctx.rateLimits?.checkJoin(input.lineId, deviceId ? contactKey("device", deviceId) : null, [
    ...(phone ? [contactKey("phone", phone)] : []),
    ...(email ? [contactKey("email", email.toLowerCase())] : []),
  ]);
  const request = prepareIssue({ ...input, idempotencyKey: input.idempotencyKey ? `join:${input.idempotencyKey}` : null }, "REMOTE", { phone, email }, deviceId ?? "");
  const rules: IssueRules = { remote: place.policy, tenant: { slug: place.slug, runningLatePlaces: place.policy.runningLatePlaces } };
  const { replay, event } = await withIdempotentRetry(request.key, () =>
    inPublicLineTenant(ctx, input.lineId, null, (tx, tenant) => issueInLine(tx, ticketHolder, tenant.path, tenant.tenantId, request, rules)),
  );
  if (replay) {
    const own = await inPublicLineTenant(ctx, input.lineId, null, (tx, tenant) => publicTicket(tx, tenant.tenantId, replay.id));
    if (!own) throw notFound("Ticket");
    return own;
  }
  await announce(ctx, [event!]);
  return event!.own!;
}

/**
 * Calls the oldest waiting ticket of a line exactly once: `FOR UPDATE SKIP LOCKED` lets concurrent callers (on
 * any API process) each take a different ticket; the status is re-checked on the locked row. Null when nobody
 * waits (or every waiting ticket is being taken by someone else right now).
 */
export async function callNext(ctx: RequestContext, lineId: string, counterId: string | null | undefined): Promise<TicketView | null> {
  const { ticket, events } = await inTenantOf(ctx, { kind: "line", id: lineId }, "tickets:operate", async (tx, access) => {
    const tenantId = access.tenantId;
    await lineOf(tx, tenantId, lineId);
    if (counterId) await checkCounter(tx, tenantId, lineId, counterId);
    const [picked] = rowsOf<{ id: string; notify_channels: NotificationChannel[]; language: string }>(
      await tx.execute(sql`
        with next as (
          select id from tickets
          where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING'
          order by sort_key, id
          limit 1
          for update skip locked
        )
        update tickets t set status = ${transition("WAITING", "call")}, called_at = now(), counter_id = ${counterId ?? null}, updated_at = now()
        from next
        where t.tenant_id = ${tenantId} and t.id = next.id and t.status = 'WAITING'
        returning t.id, t.notify_channels, t.language`),
    );
    if (!picked) return { ticket: null, events: [] };
    const queuedMessages = await enqueueForTicket(tx, { tenantId, id: picked.id, lineId, notifyChannels: picked.notify_channels, language: picked.language }, "CALLED");
    await recordEvent(tx, ctx.actor, { tenantId, ticketId: picked.id, lineId, kind: "CALLED", from: "WAITING", to: "CALLED", counterId: counterId ?? null, data: { via: "callNext" } });
    await recordAudit(tx, ctx.actor, { tenantId, action: "ticket.call", targetType: "ticket", targetId: picked.id, before: { status: "WAITING" }, after: { status: "CALLED", counterId: counterId ?? null } });
    const ticket = (await loadTicket(tx, tenantId, picked.id))!;
    return { ticket, events: [await lineEvent(tx, access.path, tenantId, lineId, "CALLED", ticket, { positionsChanged: true, queuedMessages })] };
  });
  await announce(ctx, events);
  return ticket;
}

async function checkCounter(tx: Tx, tenantId: string, lineId: string, counterId: string): Promise<void> {
  if (!isUuid(counterId)) throw notFound("Counter");
  const [counter] = await tx.select().from(counters).where(and(eq(counters.tenantId, tenantId), eq(counters.id, counterId)));
  if (!counter) throw notFound("Counter");
  if (counter.lineId !== lineId) throw badInput("The counter belongs to another line", [{ path: "counterId", message: "not a counter of this line" }]);
  if (!counter.isOpen) throw counterClosed(counter.name);
}

interface TransitionChange {
  set?: Partial<TicketRow>;
  data?: JsonObject;
  /** The line the ticket left (transfer): its subscribers are told too. */
  leftLineId?: string;
}

/**
 * One transition of one ticket, in the caller's transaction: lock the row, ask the state machine, apply,
 * record history and audit, and record the line events (announced by the caller after commit).
 */
export async function runTransition(
  tx: Tx,
  actor: AuditSubject,
  tenantPath: readonly string[],
  tenantId: string,
  id: string,
  action: TicketAction,
  change?: (before: TicketRow) => Promise<TransitionChange>,
): Promise<{ ticket: TicketView; events: LineEvent[] }> {
  const before = await lockTicket(tx, tenantId, id);
  const to = transition(before.status, action);
  const extra = change ? await change(before) : {};
  const now = new Date();
  const set: Partial<TicketRow> = { ...extra.set, status: to, updatedAt: now };
  const stamp = ticketTransitions[action].stamps;
  if (stamp) set[stamp] = now;
  const [updated] = await tx
    .update(tickets)
    .set(set)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .returning(ticketSelection);
  if (!updated) throw notFound("Ticket");
  const kind = eventKindOf[action];
  const lineId = set.lineId ?? before.lineId;
  const counterId = set.counterId !== undefined ? set.counterId : before.counterId;
  await recordEvent(tx, actor, { tenantId, ticketId: id, lineId, kind, from: before.status, to, counterId, data: extra.data ?? {} });
  await recordAudit(tx, actor, {
    tenantId,
    action: `ticket.${action}`,
    targetType: "ticket",
    targetId: id,
    before: { status: before.status },
    after: { status: to, ...(extra.data ?? {}) },
  });
  const ticket = toView(updated);
  const trigger = notificationTriggerOf(action, actor);
  const queuedMessages = trigger ? await enqueueForTicket(tx, { tenantId, id, lineId, notifyChannels: updated.notifyChannels, language: updated.language }, trigger) : 0;
  const positionsChanged = before.status === "WAITING" || to === "WAITING";
  const event = await lineEvent(tx, tenantPath, tenantId, lineId, kind, ticket, { positionsChanged, queuedMessages });
  const events = [event];
  if (extra.leftLineId && extra.leftLineId !== lineId) {
    events.push({ ...event, lineId: extra.leftLineId, positionsChanged: true });
  }
  return { ticket, events };
}

/** The customer message a transition causes: called, no-show, expired, and cancelled by staff (not by the holder). */
function notificationTriggerOf(action: TicketAction, actor: AuditSubject): NotificationTrigger | null {
  switch (action) {
    case "call":
      return "CALLED";
    case "markNoShow":
      return "NO_SHOW";
    case "expire":
      return "EXPIRED";
    case "cancel":
      return actor.kind === "ticketHolder" ? null : "CANCELLED";
    default:
      return null;
  }
}

/** A staff operation on one ticket by id: locate its tenant, authorize, transition, publish after commit. */
async function operate(
  ctx: RequestContext,
  id: string,
  action: TicketAction,
  change?: (tx: Tx, before: TicketRow, tenantId: string) => Promise<TransitionChange>,
  permission: Permission = "tickets:operate",
): Promise<TicketView> {
  const { ticket, events } = await inTenantOf(ctx, { kind: "ticket", id }, permission, (tx, { path, tenantId }) =>
    runTransition(tx, ctx.actor, path, tenantId, id, action, change && ((before) => change(tx, before, tenantId))),
  );
  await announce(ctx, events);
  return ticket;
}

export function callTicket(ctx: RequestContext, id: string, counterId: string | null | undefined): Promise<TicketView> {
  return operate(ctx, id, "call", async (tx, before, tenantId) => {
    if (counterId) await checkCounter(tx, tenantId, before.lineId, counterId);
    return { set: { counterId: counterId ?? null }, data: { via: "callTicket" } };
  });
}

export const startServing = (ctx: RequestContext, id: string) => operate(ctx, id, "startServing");
export const completeTicket = (ctx: RequestContext, id: string) => operate(ctx, id, "complete");
export const markNoShow = (ctx: RequestContext, id: string) => operate(ctx, id, "markNoShow");
export const requeueTicket = (ctx: RequestContext, id: string) => operate(ctx, id, "requeue", async () => ({ set: { counterId: null } }));

/**
 * Undoes a no-show within undoNoShowWindowSeconds: the ticket waits again at its old place (its sort key never
 * changed, so a called ticket is next again) and keeps its number; history gets a NO_SHOW_UNDONE event and the
 * audit log `ticket.undoNoShow`, so both show the mistake and its correction. Later, or after its personal data
 * was erased: CONFLICT. A "we missed you" message already sent cannot be recalled.
 */
export const undoNoShow = (ctx: RequestContext, id: string) =>
  operate(ctx, id, "undoNoShow", async (_tx, before): Promise<TransitionChange> => {
    const endedAt = before.endedAt ? before.endedAt.getTime() : 0;
    if (before.status === "NO_SHOW" && Date.now() - endedAt > undoNoShowWindowSeconds * 1000) {
      throw conflict(`A no-show can be undone for ${undoNoShowWindowSeconds / 60} minutes; this one is older`);
    }
    if (before.personalDataErasedAt) throw conflict("This ticket's customer data was erased; it cannot wait again");
    return { set: { counterId: null, endedAt: null }, data: { noShowAt: before.endedAt?.toISOString() ?? null } };
  });

export function cancelTicket(ctx: RequestContext, id: string, reason: string | null | undefined): Promise<TicketView> {
  const trimmed = reason?.trim() || null;
  if (trimmed && trimmed.length > 500) throw badInput("Reason is at most 500 characters", [{ path: "reason", message: "too long" }]);
  return operate(ctx, id, "cancel", async (): Promise<TransitionChange> => ({ set: { cancelReason: trimmed }, data: trimmed ? { reason: trimmed } : {} }));
}

/** Moves a ticket to another line of the same tenant, keeping its join time and place (fairness) and its number. */
export function transferTicket(ctx: RequestContext, id: string, lineId: string): Promise<TicketView> {
  return operate(ctx, id, "transfer", async (tx, before, tenantId) => {
    const target = await lineOf(tx, tenantId, lineId);
    if (target.archivedAt) throw lineArchived(target.name);
    if (target.id === before.lineId) throw badInput("The ticket is already in this line", [{ path: "lineId", message: "same line" }]);
    if (before.ticketTypeId && target.allowedTicketTypeIds.length > 0 && !target.allowedTicketTypeIds.includes(before.ticketTypeId)) {
      throw ticketTypeNotAllowed(target.name, "lineId");
    }
    return { set: { lineId: target.id, counterId: null }, data: { fromLineId: before.lineId, toLineId: target.id }, leftLineId: before.lineId };
  });
}

/**
 * The sort key that puts a waiting ticket at `position` (1 = next) among the line's other waiting tickets: between
 * its new neighbours' keys. `others` is how many other tickets wait (a position past them is out of range).
 */
async function sortKeyAt(tx: Tx, tenantId: string, lineId: string, ticketId: string, position: number): Promise<{ others: number; key: string | null }> {
  const [row] = rowsOf<{ n: number; key: string | null }>(
    await tx.execute(sql`
      with others as (
        select sort_key, row_number() over (order by sort_key, id) as rn
        from tickets
        where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING' and id <> ${ticketId}
      ),
      around as (
        select (select sort_key from others where rn = ${position} - 1) as prev, (select sort_key from others where rn = ${position}) as next
      )
      select (select count(*) from others)::int as n,
        (case when prev is null and next is null then null
              when prev is null then next - 1
              when next is null then prev + 1
              else (prev + next) / 2 end)::text as key
      from around`),
  );
  return { others: Number(row?.n ?? 0), key: row?.key ?? null };
}

/** Staff reorder: puts a waiting ticket at `position` (1 = next) among its line's waiting tickets. */
export function moveTicket(ctx: RequestContext, id: string, position: number): Promise<TicketView> {
  if (!Number.isInteger(position) || position < 1) throw badInput("Position starts at 1", [{ path: "position", message: "must be 1 or more" }]);
  return operate(ctx, id, "move", async (tx, before, tenantId) => {
    const { others, key } = await sortKeyAt(tx, tenantId, before.lineId, id, position);
    if (position > others + 1) throw badInput(`Position must be 1 to ${others + 1}`, [{ path: "position", message: "out of range" }]);
    return { set: { sortKey: key ?? before.sortKey }, data: { position } };
  });
}

export interface UpdateTicketFields {
  customerName?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  partySize?: number | null | undefined;
  extensions?: unknown;
}

/** Edits customer data; new extensions are validated against the tenant's current schema (and record its version). */
export function updateTicket(ctx: RequestContext, id: string, input: UpdateTicketFields): Promise<TicketView> {
  const partySize = checkPartySize(input.partySize, "input.partySize");
  const extensions = input.extensions !== undefined && input.extensions !== null ? checkExtensionsShape(input.extensions) : undefined;
  const email = input.email != null ? normalizeEmail(input.email, "input.email") : undefined;
  return operate(ctx, id, "update", async (tx, _before, tenantId) => {
    const set: Partial<TicketRow> = {};
    if (input.customerName != null) set.customerName = input.customerName;
    if (input.phone != null) set.phone = input.phone;
    if (email !== undefined) set.email = email;
    if (partySize != null) set.partySize = partySize;
    if (extensions) {
      set.extensions = extensions;
      set.extensionSchemaVersion = validateExtensions(extensions, await currentExtensionSchema(tx, tenantId));
    }
    const fields = Object.keys(set);
    // New personal data after an erasure is kept again (and erased again by the retention period).
    if (set.customerName != null || set.phone != null || set.email != null || set.extensions) set.personalDataErasedAt = null;
    return { set, data: { fields } };
  });
}

/** Used by the TTL job (estimator/TTL issue): expires a waiting or called ticket. */
export const expireTicket = (ctx: RequestContext, id: string) => operate(ctx, id, "expire");

export async function getTicket(ctx: RequestContext, id: string): Promise<TicketView> {
  return inTenantOf(ctx, { kind: "ticket", id }, "display:read", async (tx, { tenantId }) => {
    const ticket = await loadTicket(tx, tenantId, id);
    if (!ticket) throw notFound("Ticket");
    return ticket;
  });
}

export async function ticketHistory(ctx: RequestContext, tenantId: string, ticketId: string) {
  return inTenant(ctx, tenantId, "tickets:read", (tx) =>
    tx
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.tenantId, tenantId), eq(ticketEvents.ticketId, ticketId)))
      .orderBy(asc(ticketEvents.at), asc(ticketEvents.id)),
  );
}

export interface TicketListFilter {
  status?: TicketStatus[] | null | undefined;
  ticketTypeId?: string | null | undefined;
  from?: Date | null | undefined;
  to?: Date | null | undefined;
  extensionPath?: string[] | null | undefined;
  extensionEquals?: unknown;
}

export const defaultTicketPage = 50;

interface Cursor {
  k: string;
  i: string;
}
const encodeCursor = (sortKey: string, id: string) => Buffer.from(JSON.stringify({ k: sortKey, i: id } satisfies Cursor)).toString("base64url");
function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof parsed.k === "string" && /^-?\d+(\.\d+)?$/.test(parsed.k) && typeof parsed.i === "string" && isUuid(parsed.i)) return { k: parsed.k, i: parsed.i };
  } catch {
    // fall through to the typed error
  }
  throw badInput("Malformed cursor", [{ path: "after", message: "is not a cursor from this connection" }]);
}

/** A line's tickets in queue order, keyset-paginated, filtered by status, type, issue time and an extension value. */
export async function ticketsOfLine(ctx: RequestContext, tenantId: string, lineId: string, filter: TicketListFilter, first: number, after?: string | null) {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput("first must be between 1 and 200", [{ path: "first", message: "out of range" }]);
  const path = filter.extensionPath ?? null;
  if (path && (path.length === 0 || path.length > 10)) throw badInput("extensionPath has 1 to 10 keys", [{ path: "filter.extensionPath", message: "1 to 10 keys" }]);
  if (path && filter.extensionEquals === undefined) throw badInput("Give extensionEquals with extensionPath", [{ path: "filter.extensionEquals", message: "required with extensionPath" }]);
  const cursor = after ? decodeCursor(after) : null;
  return loadInTenant(ctx, tenantId, "display:read", ticketPages, { lineId, filter, first, cursor });
}

interface TicketPageArgs {
  lineId: string;
  filter: TicketListFilter;
  first: number;
  cursor: Cursor | null;
}

/**
 * The queue positions of a page's waiting tickets in one statement: the line's waiting tickets are numbered
 * in queue order up to the page's last waiting one — linear in how deep the page reaches, where a count per
 * ticket (positionSql) would be quadratic (200 tickets: 11 ms → under 1 ms).
 */
async function withPositions(tx: Tx, tenantId: string, lineId: string, rows: TicketRow[]): Promise<(TicketRow & { position: number | null })[]> {
  const waiting = rows.filter((r) => r.status === "WAITING");
  const last = waiting[waiting.length - 1];
  if (!last) return rows.map((r) => ({ ...r, position: null }));
  const ranked = rowsOf<{ id: string; position: number }>(
    await tx.execute(sql`
      select id, position from (
        select id, row_number() over (order by sort_key, id) as position from tickets
        where tenant_id = ${tenantId} and line_id = ${lineId} and status = 'WAITING' and (sort_key, id) <= (${last.sortKey}::numeric, ${last.id}::uuid)
      ) ranked
      where id = any(${`{${waiting.map((r) => r.id).join(",")}}`}::uuid[])`), // one array parameter: uuids read from the database
  );
  const positions = new Map(ranked.map((r) => [r.id, Number(r.position)]));
  return rows.map((r) => ({ ...r, position: r.status === "WAITING" ? (positions.get(r.id) ?? null) : null }));
}

/** Pages of tickets (Line.tickets), each its own query, all in the batch's one transaction. */
const ticketPages = perArgLoader(
  "ticketPages",
  (a: TicketPageArgs) => JSON.stringify([a.lineId, a.first, a.cursor, a.filter.status, a.filter.ticketTypeId, a.filter.from, a.filter.to, a.filter.extensionPath, a.filter.extensionEquals]),
  async (tx, tenantId, { lineId, filter, first, cursor }: TicketPageArgs) => {
    const path = filter.extensionPath ?? null;
    const conditions: SQL[] = [eq(tickets.tenantId, tenantId), eq(tickets.lineId, lineId)];
    if (filter.status?.length) conditions.push(inArray(tickets.status, filter.status));
    if (filter.ticketTypeId) conditions.push(isUuid(filter.ticketTypeId) ? eq(tickets.ticketTypeId, filter.ticketTypeId) : sql`false`);
    if (filter.from) conditions.push(gte(tickets.createdAt, filter.from));
    if (filter.to) conditions.push(lt(tickets.createdAt, filter.to));
    if (path) {
      const walk = sql.join(path.map((key) => sql`-> ${key}::text`), sql` `);
      conditions.push(sql`${tickets.extensions} ${walk} = ${JSON.stringify(filter.extensionEquals ?? null)}::jsonb`);
    }
    if (cursor) {
      const later = or(gt(tickets.sortKey, cursor.k), and(eq(tickets.sortKey, cursor.k), gt(tickets.id, cursor.i)));
      if (later) conditions.push(later);
    }
    const found = await tx
      .select()
      .from(tickets)
      .where(and(...conditions))
      .orderBy(asc(tickets.sortKey), asc(tickets.id))
      .limit(first + 1);
    const rows = await withPositions(tx, tenantId, lineId, found);
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    const nodes = page.map(toView);
    return {
      nodes,
      edges: page.map((row, i) => ({ cursor: encodeCursor(row.sortKey, row.id), node: nodes[i]! })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.sortKey, last.id) : null },
    };
  },
);

/** Public: the ticket with this tracking code, as its holder sees it; null for an unknown code. */
export async function ticketByCode(ctx: RequestContext, code: string): Promise<PublicTicketView | null> {
  const found = await ticketByTrackingCode(ctx, code);
  if (!found) return null;
  return withTenantTx(ctx.db, { tenantId: found.tenantId, userId: null }, async (tx) => {
    await assertTenantNotSuspended(tx, found.tenantId);
    return publicTicket(tx, found.tenantId, found.ticketId);
  });
}

/**
 * A public operation by the holder of a tracking code on their own ticket: located by the code, refused for a
 * suspended tenant, one transition recorded as the ticket's holder, published after commit.
 */
async function asHolder(
  ctx: RequestContext,
  code: string,
  action: TicketAction,
  change: (tx: Tx, before: TicketRow, tenant: { path: string[]; slug: string; policy: RemoteJoinPolicy }) => Promise<TransitionChange>,
): Promise<PublicTicketView> {
  const found = await ticketByTrackingCode(ctx, code);
  if (!found) throw notFound("Ticket");
  const { view, events } = await withTenantTx(ctx.db, { tenantId: found.tenantId, userId: null }, async (tx) => {
    await assertTenantNotSuspended(tx, found.tenantId);
    const [tenant] = await tx.select({ path: tenants.path }).from(tenants).where(eq(tenants.id, found.tenantId));
    const path = tenant?.path ?? [found.tenantId];
    const { slug, policy } = await readRemoteJoinPolicy(tx, path);
    const { events } = await runTransition(tx, ticketHolder(found.ticketId), path, found.tenantId, found.ticketId, action, (before) =>
      change(tx, before, { path, slug, policy }),
    );
    return { view: events[0]!.own!, events };
  });
  await announce(ctx, events);
  return view;
}

/** Public: the holder of the tracking code cancels their own ticket (from WAITING or CALLED). */
export function cancelMyTicket(ctx: RequestContext, code: string): Promise<PublicTicketView> {
  return asHolder(ctx, code, "cancel", async () => ({ set: { cancelReason: "Cancelled by the customer" }, data: { via: "trackingCode" } }));
}

/**
 * Public: "I'm running late". Once per ticket, while WAITING, the holder moves back the tenant's
 * `remoteJoin.runningLatePlaces` places (to the back when fewer wait behind them); staff see when it was used.
 */
export function runningLate(ctx: RequestContext, code: string): Promise<PublicTicketView> {
  return asHolder(ctx, code, "runLate", async (tx, before, { policy }) => {
    if (before.ranLateAt) throw alreadyRanLate();
    const [ahead] = rowsOf<{ n: number }>(
      await tx.execute(sql`
        select count(*)::int as n from tickets
        where tenant_id = ${before.tenantId} and line_id = ${before.lineId} and status = 'WAITING'
          and id <> ${before.id} and (sort_key, id) < (${before.sortKey}::numeric, ${before.id}::uuid)`),
    );
    const from = Number(ahead?.n ?? 0) + 1;
    const wanted = from + policy.runningLatePlaces;
    const atWanted = await sortKeyAt(tx, before.tenantId, before.lineId, before.id, wanted);
    const to = Math.min(wanted, atWanted.others + 1); // fewer wait behind: to the back
    const key = to === wanted ? atWanted.key : (await sortKeyAt(tx, before.tenantId, before.lineId, before.id, to)).key;
    return { set: { sortKey: key ?? before.sortKey, ranLateAt: new Date() }, data: { from, to, places: policy.runningLatePlaces, via: "trackingCode" } };
  });
}
