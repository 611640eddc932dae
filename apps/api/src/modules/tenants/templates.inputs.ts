import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { JSONObject } from "../common/scalars.js";
import { LineTtlInput, OpeningPeriodInput } from "../lines/lines.inputs.js";
import { NotificationSettingsInput } from "../notifications/notifications.types.js";

@InputType({ description: "Fields of a line preset to set; fields not given keep their value (resetTemplateField inherits again)." })
export class LinePresetInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  estimator?: string | null;

  @Field(() => JSONObject, { nullable: true })
  @IsOptional()
  estimatorOptions?: Record<string, unknown> | null;

  @Field(() => LineTtlInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  ttl?: LineTtlInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => [OpeningPeriodInput], { nullable: true, description: "Empty: always open." })
  @IsOptional()
  @ArrayMaxSize(50)
  openingHours?: OpeningPeriodInput[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  showEstimates?: boolean | null;

  @Field(() => NotificationSettingsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  notificationSettings?: NotificationSettingsInput | null;
}
