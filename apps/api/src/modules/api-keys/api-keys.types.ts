import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../common/scalars.js";

@ObjectType({ description: "A device or partner credential. The secret is never shown again after creation." })
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: "Shown in lists to tell keys apart: the key reads qk_<prefix>_<secret>." })
  prefix: string;

  @Field(() => [String])
  scopes: string[];

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field(() => String, { description: "The whole key, shown once. Send as `Authorization: ApiKey <secret>`." })
  secret: string;
}
