import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { JsonObject } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { ApiKey } from "../api-keys/api-keys.types.js";
import { listApiKeys } from "../api-keys/api-keys.service.js";
import { listAudit } from "../audit/audit.service.js";
import { AuditEntryConnection, AuditFilterInput, defaultAuditPage } from "../audit/audit.types.js";
import { JSONObject } from "../common/scalars.js";
import { listMembers } from "../members/members.service.js";
import { Member } from "../members/members.types.js";
import { CreateTenantInput, UpdateTenantInput } from "./tenants.inputs.js";
import * as tenants from "./tenants.service.js";
import { Account, PublicTenant, SlugAvailability, Tenant } from "./tenants.types.js";

const asJson = (value: Record<string, unknown> | null | undefined) => value as JsonObject | null | undefined;

@Resolver(() => Tenant)
export class TenantsResolver {
  @Query(() => Tenant, { nullable: true, description: "NOT_FOUND when the tenant does not exist or you hold no role in its tree." })
  tenant(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return tenants.getTenant(ctx, id);
  }

  @Query(() => PublicTenant, { nullable: true, description: "Public, no sign-in: what a kiosk or customer page needs." })
  tenantBySlug(@Arg("slug", () => String) slug: string, @Ctx() ctx: RequestContext): Promise<PublicTenant | null> {
    return tenants.tenantBySlug(ctx, slug);
  }

  @Query(() => SlugAvailability, { description: "Public: whether a slug is well-formed and free (for sign-up forms)." })
  slugAvailable(@Arg("slug", () => String) slug: string, @Ctx() ctx: RequestContext): Promise<SlugAvailability> {
    return tenants.slugAvailability(ctx, slug);
  }

  @Query(() => [Account], { description: "Accounts you own or hold a membership in." })
  accounts(@Ctx() ctx: RequestContext): Promise<Account[]> {
    return tenants.myAccounts(ctx);
  }

  @Mutation(() => Tenant, { description: "With parentId: a subtenant (needs tenant:create there). Without: a root tenant in accountId (account owner)." })
  createTenant(@Arg("input", () => CreateTenantInput) input: CreateTenantInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return tenants.createTenant(ctx, { ...input, settings: asJson(input.settings) });
  }

  @Mutation(() => Tenant)
  updateTenant(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateTenantInput) input: UpdateTenantInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return tenants.updateTenant(ctx, id, { ...input, settings: asJson(input.settings) });
  }

  @Mutation(() => Tenant, { description: "Moves a tenant and its subtree under another tenant of the same tree." })
  moveTenant(@Arg("id", () => ID) id: string, @Arg("parentId", () => ID) parentId: string, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return tenants.moveTenant(ctx, id, parentId);
  }

  @FieldResolver(() => Boolean, { description: "True when this tenant or an ancestor is suspended." })
  suspended(@Root() tenant: Tenant): boolean {
    return tenant.suspendedAt !== null;
  }

  @FieldResolver(() => Tenant, { nullable: true })
  async parent(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Tenant | null> {
    if (!tenant.parentId) return null;
    const ancestors = await tenants.ancestorsOf(ctx, tenant);
    return ancestors[ancestors.length - 1] ?? null;
  }

  @FieldResolver(() => [Tenant])
  children(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Tenant[]> {
    return tenants.childrenOf(ctx, tenant.id);
  }

  @FieldResolver(() => [Tenant], { description: "Root first, without this tenant." })
  ancestors(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Tenant[]> {
    return tenants.ancestorsOf(ctx, tenant);
  }

  @FieldResolver(() => JSONObject, { description: "Own settings over inherited ones, field by field (nested objects merge)." })
  effectiveSettings(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<JsonObject> {
    return tenants.effectiveSettingsOf(ctx, tenant);
  }

  @FieldResolver(() => Account, { nullable: true })
  account(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return tenants.accountOf(ctx, tenant);
  }

  @FieldResolver(() => [Member], { description: "People holding a role directly on this tenant." })
  members(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<Member[]> {
    return listMembers(ctx, tenant.id);
  }

  @FieldResolver(() => [ApiKey])
  apiKeys(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return listApiKeys(ctx, tenant.id);
  }

  @FieldResolver(() => AuditEntryConnection, { description: "Newest first." })
  auditLog(
    @Root() tenant: Tenant,
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput | null,
    @Arg("first", () => Int, { defaultValue: defaultAuditPage }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditEntryConnection> {
    return listAudit(ctx, tenant.id, filter ?? {}, first ?? defaultAuditPage, after);
  }
}

@Resolver(() => Account)
export class AccountsResolver {
  @FieldResolver(() => [Tenant], { description: "Tenants of this account where you hold a role directly." })
  tenants(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Tenant[]> {
    return tenants.accountTenantsForUser(ctx, account.id);
  }
}
