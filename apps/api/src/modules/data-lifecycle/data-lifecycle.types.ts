import { Field, ObjectType } from "type-graphql";
import { DateTime } from "../common/scalars.js";

@ObjectType({ description: "A short-lived signed link to download all of a tenant's data (and its subtenants') as one JSON document." })
export class TenantExport {
  @Field(() => String, {
    description: "GET it (no Authorization header needed: the link is the capability). Relative to the API's origin unless the server sets QLINE_API_URL.",
  })
  url: string;

  @Field(() => DateTime, { description: "The link stops working after this (minutes from now)." })
  expiresAt: Date;
}
