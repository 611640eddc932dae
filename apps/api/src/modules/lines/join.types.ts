/** What the public join pages see: remote-join lines and the addresses of a tenant's public pages. */
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { TicketEstimate } from "../tickets/tickets.types.js";
import { PublicLine } from "./lines.types.js";

export const JoinUnavailableReason = { CLOSED: "CLOSED", NOT_ACCEPTING: "NOT_ACCEPTING", FULL: "FULL" } as const;
registerEnumType(JoinUnavailableReason, {
  name: "JoinUnavailableReason",
  description: "Why a remote-join line cannot be joined now: CLOSED (outside opening hours), NOT_ACCEPTING (staff stopped it), FULL (capacity).",
});

@ObjectType({ description: "A line customers may join from their own phone, as its join page shows it." })
export class PublicJoinLine extends PublicLine {
  @Field(() => Boolean)
  joinable: boolean;

  @Field(() => JoinUnavailableReason, { nullable: true, description: "Null when joinable." })
  unavailableReason: keyof typeof JoinUnavailableReason | null;

  @Field(() => TicketEstimate, { nullable: true, description: "What someone joining now would wait; null when the line hides estimates or cannot be joined." })
  estimate: TicketEstimate | null;
}

@ObjectType({ description: "Addresses of a tenant's public pages (from the server's QLINE_PUBLIC_URL)." })
export class PublicLinks {
  @Field(() => String, { description: "Customers join from their own phone: the tenant's remote-join lines." })
  join: string;

  @Field(() => String, { description: "The in-store kiosk (needs a Kiosk API key on the device)." })
  kiosk: string;

  @Field(() => String, { description: "The now-serving TV display (needs a Display API key on the device)." })
  display: string;
}
