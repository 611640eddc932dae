import { GraphQLDateTimeISO } from "graphql-scalars";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { memberRoles } from "@qline/db";

export { GraphQLDateTimeISO as DateTime };
export { JSON, JSONObject } from "./json-scalars.js";

/** The role enum, straight from the database enum so the two never drift. */
export const MemberRole = Object.fromEntries(memberRoles.map((r) => [r, r])) as { [K in (typeof memberRoles)[number]]: K };
registerEnumType(MemberRole, { name: "MemberRole", description: "Strongest first. A role on a tenant applies to its whole subtree." });

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
