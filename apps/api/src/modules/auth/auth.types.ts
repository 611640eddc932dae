import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../common/scalars.js";

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: "Send as `Authorization: Bearer <token>`." })
  token: string;

  @Field(() => User)
  user: User;
}
