import { Length } from "class-validator";
import { Field, InputType } from "type-graphql";

@InputType()
export class SignUpInput {
  @Field(() => String)
  email: string;

  @Field(() => String, { description: "At least 10 characters and hard to guess (common passwords and simple patterns are refused)." })
  password: string;

  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => String)
  @Length(1, 100)
  accountName: string;

  @Field(() => String)
  @Length(1, 100)
  tenantName: string;

  @Field(() => String)
  tenantSlug: string;
}
