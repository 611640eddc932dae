import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { viewerPermissions } from "./viewer-permissions.service.js";
import { ViewerPermissions } from "./viewer-permissions.types.js";

@Resolver(() => ViewerPermissions)
export class ViewerPermissionsResolver {
  @Query(() => ViewerPermissions, { description: "What you may do in this tenant. NOT_FOUND when it does not exist or you hold no role in its tree." })
  viewerPermissions(@Arg("tenantId", () => ID) tenantId: string, @Ctx() ctx: RequestContext): Promise<ViewerPermissions> {
    return viewerPermissions(ctx, tenantId);
  }
}
