import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { Account } from "../tenants/tenants.types.js";
import * as platform from "./platform.service.js";

@Resolver()
export class PlatformResolver {
  @Query(() => [Account], { description: "Platform administrators only: every account." })
  platformAccounts(@Ctx() ctx: RequestContext): Promise<Account[]> {
    return platform.platformAccounts(ctx);
  }

  @Mutation(() => Boolean, { description: "Platform administrators only. Returns the new suspended state." })
  setTenantSuspended(@Arg("tenantId", () => ID) tenantId: string, @Arg("suspended", () => Boolean) suspended: boolean, @Ctx() ctx: RequestContext): Promise<boolean> {
    return platform.setTenantSuspended(ctx, tenantId, suspended);
  }
}
