import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, UseMiddleware } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { JSONObject } from "../common/scalars.js";
import { LinePresetInput } from "./templates.inputs.js";
import * as templates from "./templates.js";
import { TemplateKind, TenantConnection, TenantTemplates } from "./templates.types.js";
import { Tenant } from "./tenants.types.js";
import { PrivateTenantField } from "../../context/field-guards.js";

/** Chain templates (docs/chains.md): inherited values with their source, and the subtree for the switcher. */
@Resolver(() => Tenant)
export class TenantTemplatesResolver {
  @FieldResolver(() => TenantTemplates, { description: "Needs tenant:read. Every inheritable field with its effective value and the tenant it comes from." })
  templates(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<TenantTemplates> {
    return templates.templatesOf(ctx, tenant.id);
  }

  @UseMiddleware(PrivateTenantField)
  @FieldResolver(() => JSONObject, { description: "The line preset fields set on this tenant itself (see templates.linePreset for the effective ones)." })
  linePreset(@Root() tenant: Tenant & { linePreset?: Record<string, unknown> }): Record<string, unknown> {
    return tenant.linePreset ?? {};
  }

  @FieldResolver(() => TenantConnection, {
    description: `Needs tenant:read. The tenant's descendants in tree order (each right after its parent), at most ${templates.maxSubtreePage} a page; search matches name or slug.`,
  })
  async descendants(
    @Root() tenant: Tenant,
    @Ctx() ctx: RequestContext,
    @Arg("search", () => String, { nullable: true }) search?: string | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<TenantConnection> {
    const page = await templates.subtreePage(ctx, tenant.id, { search, first: first ?? 50, after });
    const edges = page.rows.map((node) => ({ cursor: templates.encodePathCursor(node.path), node }));
    return { edges, nodes: page.rows, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null }, totalCount: page.totalCount };
  }

  @Mutation(() => Tenant, { description: "Needs tenant:update. Sets line preset fields on this tenant (its subtree inherits them); fields not given are unchanged." })
  setLinePreset(@Arg("tenantId", () => ID) tenantId: string, @Arg("input", () => LinePresetInput) input: LinePresetInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return templates.setLinePreset(ctx, tenantId, { ...input, notificationSettings: input.notificationSettings ? { ...input.notificationSettings } : input.notificationSettings });
  }

  @Mutation(() => Tenant, {
    description:
      "Inherit one template field again: a THEME or LINE_PRESET field (tenant:update), or EXTENSION_SCHEMA field `schema` (lines:manage). Unknown field: BAD_USER_INPUT at `field`.",
  })
  resetTemplateField(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("template", () => TemplateKind) template: TemplateKind,
    @Arg("field", () => String) field: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Tenant> {
    return templates.resetTemplateField(ctx, tenantId, template, field);
  }

  @Mutation(() => Tenant, { description: "Needs lines:manage. Hides (or shows again) a ticket type inherited from an ancestor on this tenant's lines and its subtree's." })
  setInheritedTicketTypeHidden(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("ticketTypeId", () => ID) ticketTypeId: string,
    @Arg("hidden", () => Boolean) hidden: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Tenant> {
    return templates.setInheritedTicketTypeHidden(ctx, tenantId, ticketTypeId, hidden);
  }
}
