import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { effectiveSettingsOf } from "../tenants/tenants.service.js";
import { Tenant } from "../tenants/tenants.types.js";
import { Ticket } from "../tickets/tickets.types.js";
import * as lifecycle from "./data-lifecycle.service.js";
import { TenantExport } from "./data-lifecycle.types.js";
import { retentionDaysOf } from "./retention.js";

@Resolver(() => Tenant)
export class DataLifecycleResolver {
  @Mutation(() => Ticket, {
    description:
      "Needs tickets:erase (STAFF and up). Erases the customer's name, phone, email, push subscription and extension answers from the ticket now, and what its messages and history copied; the ticket stays for statistics and its holder. Audited. NOT_FOUND for an unknown ticket or another tenant's.",
  })
  eraseCustomerData(@Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: RequestContext): Promise<Ticket> {
    return lifecycle.eraseCustomerData(ctx, ticketId);
  }

  @Mutation(() => TenantExport, { description: "Needs tenant:export (OWNER). A signed link, valid for minutes, to all of the tenant's and its subtenants' data as JSON. Audited." })
  exportTenantData(@Arg("tenantId", () => ID) tenantId: string, @Ctx() ctx: RequestContext): Promise<TenantExport> {
    return lifecycle.exportTenantData(ctx, tenantId);
  }

  @Mutation(() => Tenant, {
    description:
      "Needs tenant:delete (OWNER). Schedules the deletion of the tenant and its subtree after the grace period (Tenant.deletionScheduledAt); meanwhile they are refused like a suspended tenant, except to the owner (read, export, cancel). Audited.",
  })
  deleteTenant(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return lifecycle.deleteTenant(ctx, id);
  }

  @Mutation(() => Tenant, { description: "Needs tenant:delete (OWNER). Cancels this tenant's scheduled deletion; CONFLICT when none is scheduled on it." })
  cancelTenantDeletion(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return lifecycle.cancelTenantDeletion(ctx, id);
  }

  @FieldResolver(() => Int, {
    description: "Days customers' contact data and extension answers are kept after their ticket ends (settings.retentionDays, inherited; default 30, 1 to 3650).",
  })
  async retentionDays(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<number> {
    return retentionDaysOf(await effectiveSettingsOf(ctx, tenant));
  }
}
