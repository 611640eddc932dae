import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { JSONObject } from "../common/scalars.js";
import { Line } from "../lines/lines.types.js";
import { PublicTicket, TicketEstimate } from "../tickets/tickets.types.js";
import type { EstimateView } from "./estimates.service.js";
import { publicTicketEstimate } from "./estimates.queries.js";
import { staffDoor } from "../../context/doors.js";

/** Estimator settings on Line (lines:manage sees the webhook secret) and the customer's estimate on PublicTicket. */
@Resolver(() => Line)
export class LineEstimatorResolver {
  @FieldResolver(() => JSONObject, { description: "The estimator's options as stored (defaults are not filled in)." })
  estimatorOptions(@Root() line: Line & { estimatorOptions?: Record<string, unknown> }): Record<string, unknown> {
    return line.estimatorOptions ?? {};
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "WEBHOOK only, needs lines:manage: the key of the X-Qline-Signature header (sha256=<hex HMAC-SHA256 of the raw body>). Null for others.",
  })
  async estimatorWebhookSecret(@Root() line: Line & { estimatorSecret?: string | null }, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!line.estimatorSecret) return null;
    try {
      await staffDoor(ctx, line.tenantId, "lines:manage", async () => undefined);
      return line.estimatorSecret;
    } catch {
      return null;
    }
  }
}

@Resolver(() => PublicTicket)
export class PublicTicketEstimateResolver {
  @FieldResolver(() => TicketEstimate, { nullable: true, description: "Estimated wait while WAITING; null when the line hides estimates." })
  estimate(@Root() ticket: PublicTicket & { estimate?: EstimateView | null }, @Ctx() ctx: RequestContext): Promise<EstimateView | null> {
    return publicTicketEstimate(ctx, ticket);
  }
}
