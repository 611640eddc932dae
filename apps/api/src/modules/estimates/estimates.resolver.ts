import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { JSONObject } from "../common/scalars.js";
import { Line } from "../lines/lines.types.js";
import { PublicTicket, TicketEstimate } from "../tickets/tickets.types.js";
import { secretJustMade, type EstimateView, type WithSecretJustMade } from "./estimates.service.js";
import { publicTicketEstimate } from "./estimates.queries.js";

/** Estimator settings on Line (the webhook secret is shown once, by the mutation that made it) and the customer's estimate on PublicTicket. */
@Resolver(() => Line)
export class LineEstimatorResolver {
  @FieldResolver(() => JSONObject, { description: "The estimator's options as stored (defaults are not filled in)." })
  estimatorOptions(@Root() line: Line & { estimatorOptions?: Record<string, unknown> }): Record<string, unknown> {
    return line.estimatorOptions ?? {};
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "WEBHOOK only, shown once: the key of the X-Qline-Signature header (sha256=<hex HMAC-SHA256 of the raw body>) in the answer of the createLine or updateLine that made it (needs lines:manage). Null on every other read; estimatorWebhookSecretSet says whether one exists and rotateEstimatorWebhookSecret makes a new one.",
  })
  estimatorWebhookSecret(@Root() line: Line & { estimatorSecret?: string | null } & WithSecretJustMade): string | null {
    return line[secretJustMade] && line.estimatorSecret ? line.estimatorSecret : null;
  }
}

@Resolver(() => PublicTicket)
export class PublicTicketEstimateResolver {
  @FieldResolver(() => TicketEstimate, { nullable: true, description: "Estimated wait while WAITING; null when the line hides estimates." })
  estimate(@Root() ticket: PublicTicket & { estimate?: EstimateView | null }, @Ctx() ctx: RequestContext): Promise<EstimateView | null> {
    return publicTicketEstimate(ctx, ticket);
  }
}
