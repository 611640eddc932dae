import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import * as editing from "./editing.service.js";
import { UpdateCounterInput, UpdateTicketTypeInput } from "./lines.inputs.js";
import { Counter, Line, TicketType } from "./lines.types.js";

/**
 * Rename, archive and restore lines, counters and ticket types (lines:manage). Archived rows keep their history;
 * an unknown id and one in a tenant you cannot reach are the same NOT_FOUND. Lines are renamed with updateLine.
 */
@Resolver()
export class LinesEditingResolver {
  @Mutation(() => Line, { description: "Takes no tickets and is hidden from kiosks, join pages and transfers; CONFLICT while tickets are active. Idempotent." })
  archiveLine(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Line> {
    return editing.archiveLine(ctx, id);
  }

  @Mutation(() => Line, { description: "Undoes archiveLine. Idempotent." })
  restoreLine(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Line> {
    return editing.restoreLine(ctx, id);
  }

  @Mutation(() => Counter, { description: "Renames a counter; CONFLICT when another live counter of the line has that name." })
  updateCounter(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateCounterInput) input: UpdateCounterInput, @Ctx() ctx: RequestContext): Promise<Counter> {
    return editing.updateCounter(ctx, id, input);
  }

  @Mutation(() => Counter, { description: "Closes the counter for good (until restored) and frees its name; tickets keep it. Idempotent." })
  archiveCounter(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Counter> {
    return editing.archiveCounter(ctx, id);
  }

  @Mutation(() => Counter, { description: "Undoes archiveCounter (the counter stays closed); CONFLICT when a live counter took its name." })
  restoreCounter(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Counter> {
    return editing.restoreCounter(ctx, id);
  }

  @Mutation(() => TicketType, { description: "Renames a ticket type or changes its service-time hint." })
  updateTicketType(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateTicketTypeInput) input: UpdateTicketTypeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketType> {
    return editing.updateTicketType(ctx, id, input);
  }

  @Mutation(() => TicketType, { description: "Not offered or accepted for new tickets; existing tickets keep it. Idempotent." })
  archiveTicketType(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<TicketType> {
    return editing.archiveTicketType(ctx, id);
  }

  @Mutation(() => TicketType, { description: "Undoes archiveTicketType. Idempotent." })
  restoreTicketType(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<TicketType> {
    return editing.restoreTicketType(ctx, id);
  }
}
