import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { OpeningPeriod as OpeningPeriodValue, TicketStatus as TicketStatusValue } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { JSON, JSONObject } from "../common/scalars.js";
import { getTenant } from "../tenants/tenants.service.js";
import { PublicTenant, Tenant } from "../tenants/tenants.types.js";
import { TicketFilterInput, TicketStatus } from "../tickets/tickets.inputs.js";
import { defaultTicketPage, ticketsOfLine } from "../tickets/queries.js";
import { TicketConnection } from "../tickets/tickets.types.js";
import { CreateCounterInput, CreateLineInput, CreateTicketTypeInput, UpdateLineInput } from "./lines.inputs.js";
import { lineEstimatedWait } from "../estimates/estimates.queries.js";
import * as linesService from "./lines.service.js";
import { Counter, Line, LineStats, NowServing, PublicLine, TicketType } from "./lines.types.js";
import { PublicJoinLine, PublicLinks } from "./join.types.js";
import { lineJoinUrl, publicLinksOf } from "./join-links.js";

/** Lists hide archived rows unless asked (history reaches them by id: Ticket.line, Ticket.ticketType, Ticket.counter). */
const withoutArchived = <T extends { archivedAt: Date | null }>(rows: T[], includeArchived: boolean): T[] =>
  includeArchived ? rows : rows.filter((r) => r.archivedAt === null);

const periods = (value: { day: number; opens: string; closes: string }[] | null | undefined): OpeningPeriodValue[] | null | undefined => value;

@Resolver(() => Line)
export class LinesResolver {
  @Query(() => Line, { nullable: true, description: "NOT_FOUND for an unknown line or one in a tenant you cannot read." })
  line(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Line> {
    return linesService.getLine(ctx, id);
  }

  @Mutation(() => Line, { description: "Needs lines:manage (MANAGER and up)." })
  createLine(@Arg("input", () => CreateLineInput) input: CreateLineInput, @Ctx() ctx: RequestContext): Promise<Line> {
    return linesService.createLine(ctx, input.tenantId, { ...input, openingHours: periods(input.openingHours) });
  }

  @Mutation(() => Line, { description: "Needs lines:manage." })
  updateLine(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateLineInput) input: UpdateLineInput, @Ctx() ctx: RequestContext): Promise<Line> {
    return linesService.updateLine(ctx, id, { ...input, openingHours: periods(input.openingHours) });
  }

  @Mutation(() => TicketType, { description: "Needs lines:manage." })
  createTicketType(@Arg("input", () => CreateTicketTypeInput) input: CreateTicketTypeInput, @Ctx() ctx: RequestContext): Promise<TicketType> {
    return linesService.createTicketType(ctx, input.tenantId, input);
  }

  @Mutation(() => Counter, { description: "Needs lines:manage. A new counter is open." })
  createCounter(@Arg("input", () => CreateCounterInput) input: CreateCounterInput, @Ctx() ctx: RequestContext): Promise<Counter> {
    return linesService.createCounter(ctx, input.lineId, input.name);
  }

  @Mutation(() => Counter, { description: "Staff (tickets:operate) open their counter." })
  openCounter(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Counter> {
    return linesService.setCounterOpen(ctx, id, true);
  }

  @Mutation(() => Counter, { description: "Staff (tickets:operate) close their counter; callNext refuses a closed counter." })
  closeCounter(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Counter> {
    return linesService.setCounterOpen(ctx, id, false);
  }

  @Mutation(() => Tenant, {
    description:
      "Sets a new version of the tenant's JSON Schema (draft 2020-12) for ticket extensions. Needs lines:manage (queue configuration). Existing tickets keep the version they were validated against.",
  })
  async setTicketExtensionSchema(@Arg("tenantId", () => ID) tenantId: string, @Arg("schema", () => JSON) schema: unknown, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return (await linesService.setTicketExtensionSchema(ctx, tenantId, schema)).tenant;
  }

  @FieldResolver(() => Tenant)
  tenant(@Root() line: Line, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return linesService.tenantOfLine(ctx, line);
  }

  @FieldResolver(() => String, { description: "The line's join page (the form), for links and QR posters: QLINE_PUBLIC_URL/t/<slug>/join/<id>." })
  async joinUrl(@Root() line: Line, @Ctx() ctx: RequestContext): Promise<string> {
    const tenant = await getTenant(ctx, line.tenantId);
    return lineJoinUrl(ctx.config.publicUrl, tenant.slug, line.id);
  }

  @FieldResolver(() => Boolean, { description: "Inside its opening hours now (no opening hours: always)." })
  openNow(@Root() line: Line): boolean {
    return linesService.lineIsOpen(line);
  }

  @FieldResolver(() => Int, {
    description:
      "The number of this line's last event as of this read (0 before any). Events (LineEvent.seq) are numbered 1, 2, 3, … per line: a client that applied events up to this number applies the next one, and re-reads when one is missing.",
  })
  seq(@Root() line: Line): number {
    return Number(line.eventSeq);
  }

  @FieldResolver(() => LineStats)
  stats(@Root() line: Line, @Ctx() ctx: RequestContext): Promise<LineStats> {
    return linesService.lineStatsOf(ctx, line);
  }

  @FieldResolver(() => Int)
  async waitingCount(@Root() line: Line, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.stats(line, ctx)).waitingCount;
  }

  @FieldResolver(() => [NowServing], { description: "Called and serving tickets, latest call first (one entry per counter in use)." })
  async nowServing(@Root() line: Line, @Ctx() ctx: RequestContext): Promise<NowServing[]> {
    return (await this.stats(line, ctx)).nowServing;
  }

  @FieldResolver(() => [Counter], { description: "Live counters by name; archived ones too with includeArchived." })
  async counters(
    @Root() line: Line,
    @Ctx() ctx: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Counter[]> {
    return withoutArchived(await linesService.countersOfLine(ctx, line.tenantId, line.id), includeArchived);
  }

  @FieldResolver(() => [TicketType], { description: "The ticket types this line accepts for new tickets (archived ones are not)." })
  async ticketTypes(@Root() line: Line, @Ctx() ctx: RequestContext): Promise<TicketType[]> {
    const all = withoutArchived(await linesService.ticketTypesOfTenant(ctx, line.tenantId), false);
    return line.allowedTicketTypeIds.length ? all.filter((t) => line.allowedTicketTypeIds.includes(t.id)) : all;
  }

  @FieldResolver(() => Int, { nullable: true, description: "What a ticket issued now would wait (p50 seconds, the line's estimator; SERVICE_RATE's when NONE)." })
  estimatedWaitSeconds(@Root() line: Line, @Ctx() ctx: RequestContext): Promise<number | null> {
    return lineEstimatedWait(ctx, line);
  }

  @FieldResolver(() => TicketConnection, { description: "Queue order. Filters combine with AND." })
  tickets(
    @Root() line: Line,
    @Ctx() ctx: RequestContext,
    @Arg("status", () => [TicketStatus], { nullable: true }) status?: TicketStatusValue[] | null,
    @Arg("first", () => Int, { defaultValue: defaultTicketPage }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("filter", () => TicketFilterInput, { nullable: true }) filter?: TicketFilterInput | null,
  ): Promise<TicketConnection> {
    return ticketsOfLine(ctx, line.tenantId, line.id, { ...filter, status }, first ?? defaultTicketPage, after);
  }
}

/** Queue fields on Tenant (type-graphql merges them with the tenants module's resolver). */
@Resolver(() => Tenant)
export class TenantQueueResolver {
  @FieldResolver(() => [Line], { description: "Lines in use by name; archived ones too with includeArchived." })
  async lines(
    @Root() tenant: Tenant,
    @Ctx() ctx: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Line[]> {
    return withoutArchived(await linesService.linesOfTenant(ctx, tenant.id), includeArchived);
  }

  @FieldResolver(() => [TicketType], { description: "Ticket types in use by code; archived ones too with includeArchived." })
  async ticketTypes(
    @Root() tenant: Tenant,
    @Ctx() ctx: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<TicketType[]> {
    return withoutArchived(await linesService.ticketTypesOfTenant(ctx, tenant.id), includeArchived);
  }

  @FieldResolver(() => JSONObject, { nullable: true, description: "The current JSON Schema for ticket extensions; null when none is set." })
  async ticketExtensionSchema(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Record<string, unknown> | null> {
    return (await linesService.extensionSchemaOf(ctx, tenant.id))?.schema ?? null;
  }

  @FieldResolver(() => PublicLinks, { description: "Where the tenant's public pages are (join, kiosk, display), from the server's QLINE_PUBLIC_URL." })
  publicLinks(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): PublicLinks {
    return publicLinksOf(ctx.config.publicUrl, tenant.slug);
  }

  @FieldResolver(() => Int, { nullable: true, description: "Version of ticketExtensionSchema; tickets record the version they were validated against." })
  async ticketExtensionSchemaVersion(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await linesService.extensionSchemaOf(ctx, tenant.id))?.version ?? null;
  }
}

@Resolver(() => PublicTenant)
export class PublicTenantLinesResolver {
  @FieldResolver(() => [PublicLine], { description: "Lines accepting tickets and open now." })
  lines(@Root() tenant: PublicTenant, @Ctx() ctx: RequestContext): Promise<PublicLine[]> {
    if (tenant.suspended) return Promise.resolve([]); // a suspended tenant issues no tickets
    return linesService.publicLinesOf(ctx, tenant.id);
  }

  @FieldResolver(() => [PublicJoinLine], { description: `Lines customers may join from their own phone (remoteJoin), joinable now or not; at most ${linesService.maxJoinLines}.` })
  joinLines(@Root() tenant: PublicTenant, @Ctx() ctx: RequestContext): Promise<PublicJoinLine[]> {
    if (tenant.suspended) return Promise.resolve([]);
    return linesService.joinLinesOf(ctx, tenant.id);
  }

  @FieldResolver(() => PublicJoinLine, { nullable: true, description: "One remote-join line (its join form); null for an unknown line or one that takes no remote joins." })
  async joinLine(@Root() tenant: PublicTenant, @Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PublicJoinLine | null> {
    if (tenant.suspended) return null;
    return (await linesService.joinLinesOf(ctx, tenant.id, id))[0] ?? null;
  }

  @FieldResolver(() => JSONObject, { nullable: true, description: "The tenant's custom-field JSON Schema (the join and kiosk forms); null when none is set." })
  async ticketExtensionSchema(@Root() tenant: PublicTenant, @Ctx() ctx: RequestContext): Promise<Record<string, unknown> | null> {
    return (await linesService.publicExtensionSchemaOf(ctx, tenant.id))?.schema ?? null;
  }
}
