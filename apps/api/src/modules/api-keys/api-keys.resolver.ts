import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import * as apiKeys from "./api-keys.service.js";
import { ApiKey, CreatedApiKey } from "./api-keys.types.js";

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  @Mutation(() => CreatedApiKey, { description: "Scopes are permission names (see docs/roles.md); you can grant only what you hold." })
  createApiKey(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("name", () => String) name: string,
    @Arg("scopes", () => [String]) scopes: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedApiKey> {
    return apiKeys.createApiKey(ctx, tenantId, name, scopes);
  }

  @Mutation(() => ApiKey)
  revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ApiKey> {
    return apiKeys.revokeApiKey(ctx, id);
  }
}
