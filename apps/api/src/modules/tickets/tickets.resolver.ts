import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { asIssuedToCaller } from "../../context/personal-data.js";
import { alreadyRead } from "../../context/tenant-reads.js";
import { getLine, getTicketType, countersOfLine } from "../lines/lines.service.js";
import { Counter, Line, TicketType } from "../lines/lines.types.js";
import { IssueTicketInput, JoinLineInput, UpdateTicketInput } from "./tickets.inputs.js";
import { ticketEstimate } from "../estimates/estimates.queries.js";
import * as issue from "./issue.js";
import * as publicOps from "./public.js";
import * as queries from "./queries.js";
import * as transitions from "./transitions.js";
import { PublicTicket, Ticket, TicketEstimate, TicketEvent } from "./tickets.types.js";

@Resolver(() => Ticket)
export class TicketsResolver {
  @Query(() => Ticket, { nullable: true, description: "Needs display:read in the ticket's tenant; its personal fields need tickets:read." })
  ticket(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return queries.getTicket(ctx, id);
  }

  @Query(() => PublicTicket, { nullable: true, description: "Public: the tracking code is the capability. Null for an unknown code." })
  ticketByCode(@Arg("code", () => String) code: string, @Ctx() ctx: RequestContext): Promise<PublicTicket | null> {
    return publicOps.ticketByCode(ctx, code);
  }

  @Mutation(() => PublicTicket, { description: "Public: the holder of the tracking code leaves the line." })
  cancelMyTicket(@Arg("code", () => String) code: string, @Ctx() ctx: RequestContext): Promise<PublicTicket> {
    return publicOps.cancelMyTicket(ctx, code);
  }

  @Mutation(() => PublicTicket, {
    description:
      "Public (no credentials): a customer joins a line that takes remote joins, from their own phone. issueTicket's rules plus: NOT_FOUND for an unknown line (or one of another tenant than slug); CONFLICT when the line takes no remote joins, is closed or not accepting, or this phone / email already holds the tenant's maximum of active tickets in it (remoteJoin.maxActivePerContact, default 1); LIMIT_EXCEEDED (retryAfterSeconds) when the line is full or joins from this address, device or contact flood; BAD_USER_INPUT (extensions.fields) for an invalid phone, email or extensions.",
  })
  joinLine(@Arg("input", () => JoinLineInput) input: JoinLineInput, @Ctx() ctx: RequestContext): Promise<PublicTicket> {
    return issue.joinLine(ctx, input);
  }

  @Mutation(() => PublicTicket, {
    description:
      "Public: the holder of the tracking code moves back remoteJoin.runningLatePlaces places (default 3; to the back when fewer wait behind), once per ticket and only while WAITING (INVALID_TRANSITION otherwise). Staff see ranLateAt.",
  })
  runningLate(@Arg("code", () => String) code: string, @Ctx() ctx: RequestContext): Promise<PublicTicket> {
    return publicOps.runningLate(ctx, code);
  }

  @Mutation(() => Ticket, {
    description:
      "Needs tickets:issue. BAD_USER_INPUT with JSON-pointer `fields` when extensions do not match the tenant's schema; CONFLICT when the line is closed or not accepting, or the idempotency key was used with another payload; LIMIT_EXCEEDED when the line is full or extensions exceed 16 KB.",
  })
  async issueTicket(@Arg("input", () => IssueTicketInput) input: IssueTicketInput, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return asIssuedToCaller(await issue.issueTicket(ctx, input));
  }

  @Mutation(() => Ticket, { nullable: true, description: "Calls the oldest waiting ticket exactly once; null when nobody waits." })
  callNext(@Arg("lineId", () => ID) lineId: string, @Arg("counterId", () => ID, { nullable: true }) counterId: string | null, @Ctx() ctx: RequestContext): Promise<Ticket | null> {
    return transitions.callNext(ctx, lineId, counterId);
  }

  @Mutation(() => Ticket, { description: "Calls this waiting ticket (out of order)." })
  callTicket(@Arg("id", () => ID) id: string, @Arg("counterId", () => ID, { nullable: true }) counterId: string | null, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.callTicket(ctx, id, counterId);
  }

  @Mutation(() => Ticket)
  startServing(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.startServing(ctx, id);
  }

  @Mutation(() => Ticket)
  completeTicket(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.completeTicket(ctx, id);
  }

  @Mutation(() => Ticket)
  cancelTicket(@Arg("id", () => ID) id: string, @Arg("reason", () => String, { nullable: true }) reason: string | null, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.cancelTicket(ctx, id, reason);
  }

  @Mutation(() => Ticket)
  markNoShow(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.markNoShow(ctx, id);
  }

  @Mutation(() => Ticket, {
    description: "Undoes markNoShow (or the TTL job's no-show) within 5 minutes: the ticket waits again at its old place. CONFLICT when older.",
  })
  undoNoShow(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.undoNoShow(ctx, id);
  }

  @Mutation(() => Ticket, { description: "A called ticket goes back to its place in the line." })
  requeueTicket(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.requeueTicket(ctx, id);
  }

  @Mutation(() => Ticket, { description: "To another line of the same tenant, keeping the join time (fairness) and number." })
  transferTicket(@Arg("id", () => ID) id: string, @Arg("lineId", () => ID) lineId: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.transferTicket(ctx, id, lineId);
  }

  @Mutation(() => Ticket, { description: "Staff reorder: 1 = next to be called." })
  moveTicket(@Arg("id", () => ID) id: string, @Arg("position", () => Int) position: number, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.moveTicket(ctx, id, position);
  }

  @Mutation(() => Ticket, { description: "Edits customer data of an active ticket; extensions are validated against the current schema." })
  updateTicket(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateTicketInput) input: UpdateTicketInput, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return transitions.updateTicket(ctx, id, input);
  }

  @FieldResolver(() => Line)
  line(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<Line> {
    return getLine(ctx, ticket.lineId);
  }

  @FieldResolver(() => TicketType, { nullable: true })
  ticketType(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketType | null> {
    const typeId = ticket.ticketTypeId;
    if (!typeId) return Promise.resolve(null);
    const load = () => getTicketType(ctx, ticket.tenantId, typeId);
    const read = queries.readWithTicket(ticket);
    return read ? alreadyRead(ctx, ticket.tenantId, "lines:read", read.ticketType, load) : load();
  }

  @FieldResolver(() => Counter, { nullable: true })
  async counter(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<Counter | null> {
    if (!ticket.counterId) return null;
    const read = queries.readWithTicket(ticket);
    if (read) return alreadyRead(ctx, ticket.tenantId, "lines:read", read.counter, async () => this.counterOfLine(ctx, ticket));
    return this.counterOfLine(ctx, ticket);
  }

  private async counterOfLine(ctx: RequestContext, ticket: Ticket): Promise<Counter | null> {
    return (await countersOfLine(ctx, ticket.tenantId, ticket.lineId)).find((c) => c.id === ticket.counterId) ?? null;
  }

  @FieldResolver(() => [TicketEvent], { description: "Every transition, oldest first." })
  history(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketEvent[]> {
    return queries.ticketHistory(ctx, ticket.tenantId, ticket.id);
  }

  @FieldResolver(() => TicketEstimate, { nullable: true, description: "Staff view of the estimated wait while WAITING (shown even when the line hides estimates from customers)." })
  estimate(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<TicketEstimate | null> {
    return ticketEstimate(ctx, ticket, queries.readWithTicket(ticket)?.lineSeq);
  }
}
