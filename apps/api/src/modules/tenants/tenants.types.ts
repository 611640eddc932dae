import { Field, Float, ID, Int, ObjectType, UseMiddleware } from "type-graphql";
import { PrivateTenantField } from "../../context/field-guards.js";
import { DateTime, JSONObject } from "../common/scalars.js";

@ObjectType({ description: "Where a tenant is. A venue tenant contains others (a cruise ship and its restaurants)." })
export class Location {
  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => ID, { nullable: true, description: "The tenant whose venue this one is inside." })
  insideTenantId?: string | null;
}

@ObjectType({ description: "Branding applied to the tenant's public pages." })
export class Theme {
  @Field(() => String, { nullable: true })
  logoUrl?: string | null;

  @Field(() => String, { nullable: true })
  primaryColor?: string | null;

  @Field(() => String, { nullable: true })
  accentColor?: string | null;

  @Field(() => String, { nullable: true })
  fontFamily?: string | null;
}

@ObjectType({
  description:
    "A configured deployment of qline: settings, branding, location, lines, staff. Nests to any depth. Reached as `parent`/`ancestors` by an actor without access to it, only id, name, slug, depth, theme and suspended resolve; other fields answer FORBIDDEN.",
})
export class Tenant {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  slug: string;

  @Field(() => Int, { description: "0 for a root tenant." })
  depth: number;

  @UseMiddleware(PrivateTenantField)
  @Field(() => ID)
  accountId: string;

  parentId: string | null;
  path: string[];
  suspendedAt: Date | null;

  @UseMiddleware(PrivateTenantField)
  @Field(() => DateTime, {
    nullable: true,
    description: "Set by deleteTenant: when this tenant and its subtree will be deleted for good (cancelTenantDeletion until then). Null: not scheduled.",
  })
  deletionScheduledAt: Date | null;

  @UseMiddleware(PrivateTenantField)
  @Field(() => Location)
  location: Location;

  @UseMiddleware(PrivateTenantField)
  @Field(() => JSONObject, { description: "This tenant's own settings (see effectiveSettings for inherited values)." })
  settings: Record<string, unknown>;

  @Field(() => Theme)
  theme: Theme;

  @UseMiddleware(PrivateTenantField)
  @Field(() => DateTime)
  createdAt: Date;

  @UseMiddleware(PrivateTenantField)
  @Field(() => DateTime)
  updatedAt: Date;
}

@ObjectType({ description: "What anyone may see of a tenant: enough for a kiosk or a customer's page." })
export class PublicTenant {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  slug: string;

  @Field(() => Theme)
  theme: Theme;

  @Field(() => Boolean, { description: "A suspended tenant's public pages show that it is unavailable." })
  suspended: boolean;
}

@ObjectType()
export class SlugAvailability {
  @Field(() => Boolean)
  available: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType({ description: "The billing holder; owns root tenants." })
export class Account {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ID)
  ownerUserId: string;

  @Field(() => DateTime)
  createdAt: Date;
}
