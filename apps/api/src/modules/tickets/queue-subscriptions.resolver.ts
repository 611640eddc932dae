import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import type { LineEventView, PublicTicketView } from "./tickets.events.js";
import { subscribeLine, subscribeTenantActivity, subscribeTicket } from "./queue-subscriptions.service.js";
import { LineEvent, PublicTicket } from "./tickets.types.js";

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
    return event as unknown as LineEvent;
  }
}
