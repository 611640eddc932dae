import { Arg, FieldResolver, ID, Int, Resolver, Root, Subscription } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { badInput } from "../../errors/codes.js";
import { waitingWindowMax, type LineEventView } from "./live/events.js";
import { subscribeLine, subscribeTenantActivity, subscribeTicket } from "./live/subscriptions.js";
import type { PublicTicketView } from "./views.js";
import { LineEvent, PublicTicket, WaitingPlace } from "./tickets.types.js";

interface SubscribeData {
  args: Record<string, string>;
  context: RequestContext;
}

@Resolver()
export class QueueSubscriptionsResolver {
  @Subscription(() => LineEvent, {
    description: "Every change on a line (needs display:read in its tenant; personal ticket fields need tickets:read): what changed and the line's new stats.",
    subscribe: ({ args, context }: SubscribeData) => subscribeLine(context, args.lineId!),
  })
  lineUpdated(@Root() event: LineEventView, @Arg("lineId", () => ID) _lineId: string): LineEvent {
    return event as unknown as LineEvent; // JSON-safe view with the same fields
  }

  @Subscription(() => PublicTicket, {
    description: "Public, for the customer's phone: first the ticket as it is now, then every change of its status, position and estimate; completes after a final status.",
    subscribe: ({ args, context }: SubscribeData) => subscribeTicket(context, args.code!),
  })
  ticketUpdated(@Root() ticket: PublicTicketView, @Arg("code", () => String) _code: string): PublicTicket {
    return ticket;
  }

  @Subscription(() => LineEvent, {
    description: "Everything on the lines of the tenant and its whole subtree (needs display:read; personal ticket fields need tickets:read), for admins.",
    subscribe: ({ args, context }: SubscribeData) => subscribeTenantActivity(context, args.tenantId!),
  })
  tenantActivity(@Root() event: LineEventView, @Arg("tenantId", () => ID) _tenantId: string): LineEvent {
    return event as unknown as LineEvent; // JSON-safe view with the same fields
  }
}

@Resolver(() => LineEvent)
export class LineEventResolver {
  @FieldResolver(() => [WaitingPlace], {
    description: `The first \`first\` (1 to ${waitingWindowMax}) waiting tickets after this event, in queue order, with their places and estimates (staff view).`,
  })
  waiting(@Root() event: LineEventView, @Arg("first", () => Int, { defaultValue: 50 }) first: number): WaitingPlace[] {
    if (!Number.isInteger(first) || first < 1 || first > waitingWindowMax) throw badInput(`first must be 1 to ${waitingWindowMax}`, [{ path: "first", message: "out of range" }]);
    return (event.waiting ?? []).slice(0, first).map(([ticketId, p50, p90, basis], index) => ({
      ticketId,
      position: index + 1,
      estimate: p50 == null || p90 == null ? null : { p50Seconds: p50, p90Seconds: p90, basis },
    }));
  }
}
