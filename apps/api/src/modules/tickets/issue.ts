/**
 * Issuing tickets: a kiosk, staff or a partner (`issueTicket`) and a customer from their own phone (`joinLine`).
 * Both issue with `issueInLine` in one transaction; the mutation answers at commit and the line's owner publishes
 * the event after it (live/line-state.ts).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { col, decodeFirstRow, tickets, z, type JsonObject, type NotificationChannel, type TicketChannel, type Tx } from "@qline/db";
import { ticketHolder, type AuditSubject } from "../../context/actor.js";
import type { RequestContext } from "../../context/context.js";
import { badInput, notFound } from "../../errors/codes.js";
import { uniqueViolation } from "../../errors/postgres.js";
import { checkExtensionsShape, validateExtensions } from "../lines/extension-schema.js";
import { lineArchived } from "../lines/lines.errors.js";
import { lineIsOpen } from "../lines/lines.service.js";
import { effectiveExtensionSchema } from "../tenants/templates.js";
import { checkNotifyChoice } from "../notifications/choice.js";
import { enqueueForTicket } from "../notifications/outbox.js";
import { readRemoteJoinPolicy, type RemoteJoinPolicy } from "../tenants/remote-join-settings.js";
import { normalizeEmail, normalizePhone } from "./contact.js";
import { lineEvent, type LineEvent } from "./live/events.js";
import { publishAfterCommit } from "./live/line-state.js";
import { checkPartySize, dbNow, lineOf, recordChange, resolveTicketType } from "./records.js";
import { activeTicketLimit, idempotencyKeyReused, lineClosed, lineFull, lineNotAccepting, remoteJoinOff } from "./tickets.errors.js";
import { holderView, publicTicket, ticketSelection, toView, type PublicTicketView, type TicketView } from "./views.js";
import { publicLineDoor, recordDoor } from "../../context/doors.js";

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

const Numbered = z.object({ last: col.int, service_day: col.text });
const Count = z.object({ n: col.int });

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
  const schemaVersion = validateExtensions(request.extensions, await effectiveExtensionSchema(tx, tenantId));

  const numbered = decodeFirstRow(
    Numbered,
    await tx.execute(sql`
      insert into line_day_counters (tenant_id, line_id, service_day, last)
      values (${tenantId}, ${line.id}, (now() at time zone ${line.timeZone})::date, 1)
      on conflict (tenant_id, line_id, service_day) do update set last = line_day_counters.last + 1
      returning last, service_day::text as service_day`),
  );
  if (!numbered) throw new Error("numbering returned no row");
  if (line.capacity != null) {
    const waiting = decodeFirstRow(
      Count,
      await tx.execute(sql`select count(*)::int as n from tickets where tenant_id = ${tenantId} and line_id = ${line.id} and status = 'WAITING'`),
    );
    if (Number(waiting?.n ?? 0) >= line.capacity) throw lineFull(line.name, line.capacity);
  }
  if (rules.remote && (request.phone || request.email)) {
    const held = decodeFirstRow(
      Count,
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
      sortKey: sql`extract(epoch from ${dbNow})`,
      joinedAt: dbNow,
      createdAt: dbNow,
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
  const eventSeq = await recordChange(
    tx,
    subject,
    { tenantId, ticketId: id, lineId: line.id, kind: "ISSUED", from: null, to: "WAITING", counterId: null, data: { channel: request.channel } },
    { action: "ticket.issue", targetType: "ticket", targetId: id, after: { number, lineId: line.id, channel: request.channel } },
  );
  const view = toView(inserted);
  const own = holderView(view, line.name, null, rules.tenant);
  return { replay: null, event: await lineEvent(tx, tenantPath, tenantId, line.id, "ISSUED", view, { own, issued: true, queuedMessages, seq: eventSeq }) };
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
    recordDoor(ctx, { kind: "line", id: input.lineId }, "tickets:issue", async (tx, access) => {
      const { slug, policy } = await readRemoteJoinPolicy(tx, access.path);
      return issueInLine(tx, ctx.actor, access.path, access.tenantId, request, { remote: null, tenant: { slug, runningLatePlaces: policy.runningLatePlaces } });
    }),
  );
  if (replay) return replay; // an idempotent replay: nothing changed, nothing to publish
  // Answered at commit: the line's stats and estimates (and the ticket's issue-time estimate) come from the
  // line's next refresh, which publishes the event.
  publishAfterCommit(ctx, [event!]);
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
  const place = await publicLineDoor(ctx, input.lineId, input.slug ?? null, async (tx, tenant) => ({ ...tenant, ...(await readRemoteJoinPolicy(tx, tenant.path)) }));
  const phone = normalizePhone(input.phone, place.policy.defaultCountry, "input.phone");
  const email = normalizeEmail(input.email, "input.email");
  await ctx.rateLimits?.checkJoin(input.lineId, deviceId ? contactKey("device", deviceId) : null, [
    ...(phone ? [contactKey("phone", phone)] : []),
    ...(email ? [contactKey("email", email.toLowerCase())] : []),
  ]);
  const request = prepareIssue({ ...input, idempotencyKey: input.idempotencyKey ? `join:${input.idempotencyKey}` : null }, "REMOTE", { phone, email }, deviceId ?? "");
  const rules: IssueRules = { remote: place.policy, tenant: { slug: place.slug, runningLatePlaces: place.policy.runningLatePlaces } };
  const { replay, event } = await withIdempotentRetry(request.key, () =>
    publicLineDoor(ctx, input.lineId, null, (tx, tenant) => issueInLine(tx, ticketHolder, tenant.path, tenant.tenantId, request, rules)),
  );
  if (replay) {
    const own = await publicLineDoor(ctx, input.lineId, null, (tx, tenant) => publicTicket(tx, tenant.tenantId, replay.id));
    if (!own) throw notFound("Ticket");
    return own;
  }
  publishAfterCommit(ctx, [event!]);
  return event!.own!;
}
