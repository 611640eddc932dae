import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime, JSON, JSONObject, PageInfo } from "../common/scalars.js";
import { Tenant } from "./tenants.types.js";

export enum TemplateKind {
  THEME = "THEME",
  LINE_PRESET = "LINE_PRESET",
  EXTENSION_SCHEMA = "EXTENSION_SCHEMA",
}
registerEnumType(TemplateKind, {
  name: "TemplateKind",
  description: "A chain template: branding (Theme fields), the line preset new lines start from, the custom-field schema (field `schema`).",
});

@ObjectType({ description: "The tenant an inherited value comes from." })
export class TemplateSource {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType({ description: "One inheritable field as this tenant sees it: the effective value and where it comes from." })
export class EffectiveValue {
  @Field(() => String)
  field: string;

  @Field(() => JSON, { nullable: true, description: "Null: no tenant on the chain sets it (the built-in default applies)." })
  value: unknown;

  @Field(() => TemplateSource, { nullable: true, description: "The nearest tenant (this one or an ancestor) that sets it." })
  source: TemplateSource | null;

  @Field(() => Boolean, { description: "Set on this tenant itself (\"overridden here\"); false: inherited, or unset." })
  overridden: boolean;
}

@ObjectType({ description: "The custom-field schema in force for a tenant and the tenant it comes from." })
export class EffectiveExtensionSchema {
  @Field(() => JSONObject)
  schema: Record<string, unknown>;

  @Field(() => Int, { description: "The version at the source tenant." })
  version: number;

  @Field(() => TemplateSource)
  source: TemplateSource;

  @Field(() => Boolean)
  overridden: boolean;
}

@ObjectType({ description: "A ticket type usable in a tenant: its own, or inherited from its chain (the nearest tenant's type wins per code)." })
export class EffectiveTicketType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { nullable: true })
  defaultServiceSeconds: number | null;

  @Field(() => DateTime, { nullable: true })
  archivedAt: Date | null;

  @Field(() => TemplateSource)
  source: TemplateSource;

  @Field(() => Boolean, { description: "Defined by an ancestor." })
  inherited: boolean;

  @Field(() => Boolean, { description: "Hidden here (or by an ancestor below its owner): not offered on this tenant's lines." })
  hidden: boolean;
}

@ObjectType({ description: "A tenant's chain templates: every inheritable field with its effective value and source." })
export class TenantTemplates {
  @Field(() => [EffectiveValue], { description: "Theme fields: logoUrl, primaryColor, accentColor, fontFamily." })
  theme: EffectiveValue[];

  @Field(() => [EffectiveValue], {
    description: "Line preset fields new lines start from: estimator, estimatorOptions, ttl, timeZone, openingHours, showEstimates, notificationSettings.",
  })
  linePreset: EffectiveValue[];

  @Field(() => EffectiveExtensionSchema, { nullable: true })
  extensionSchema: EffectiveExtensionSchema | null;

  @Field(() => [EffectiveTicketType])
  ticketTypes: EffectiveTicketType[];
}

@ObjectType()
export class TenantEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Tenant)
  node: Tenant;
}

@ObjectType({ description: "A page of a tenant's subtree (the tenant switcher)." })
export class TenantConnection {
  @Field(() => [TenantEdge])
  edges: TenantEdge[];

  @Field(() => [Tenant])
  nodes: Tenant[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: "Tenants in the subtree matching the search (this tenant excluded)." })
  totalCount: number;
}
