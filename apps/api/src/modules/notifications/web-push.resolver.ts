import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { JSON } from "../common/json-scalars.js";
import { PublicTicket } from "../tickets/tickets.types.js";
import * as webPush from "./web-push.service.js";

@Resolver()
export class WebPushResolver {
  @Query(() => String, {
    description: "Public: the VAPID application server key (base64url, 65-byte P-256 point) browsers subscribe with (PushManager.subscribe applicationServerKey). Empty when Web Push is off on this server.",
  })
  webPushPublicKey(@Ctx() ctx: RequestContext): string {
    return webPush.webPushPublicKey(ctx);
  }

  @Mutation(() => PublicTicket, {
    description:
      "Public (the tracking code is the capability; rate-limited like cancelMyTicket): store the browser's PushSubscription JSON ({ endpoint, keys: { p256dh, auth } }) for this ticket and add PUSH to its notify channels. BAD_USER_INPUT at subscription.endpoint when the endpoint is not an https URL of a known push service (FCM, Mozilla, Windows, Apple), at subscription.keys.* for malformed keys; NOT_FOUND for an unknown code; INVALID_TRANSITION once the ticket ended; FORBIDDEN when the tenant is suspended; CONFLICT when Web Push is off on this server.",
  })
  subscribeTicketPush(@Arg("code", () => String) code: string, @Arg("subscription", () => JSON) subscription: unknown, @Ctx() ctx: RequestContext): Promise<PublicTicket> {
    return webPush.subscribeTicketPush(ctx, code, subscription);
  }

  @Mutation(() => PublicTicket, { description: "Public: forget this ticket's push subscription (PUSH leaves its notify channels). NOT_FOUND for an unknown code." })
  unsubscribeTicketPush(@Arg("code", () => String) code: string, @Ctx() ctx: RequestContext): Promise<PublicTicket> {
    return webPush.unsubscribeTicketPush(ctx, code);
  }
}
