import { IsHexColor, IsOptional, IsUrl, Length, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType } from "type-graphql";
import { JSONObject } from "../common/scalars.js";

@InputType()
export class LocationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  insideTenantId?: string | null;
}

@InputType()
export class ThemeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["https", "http"], require_protocol: true })
  @MaxLength(2000)
  logoUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHexColor()
  primaryColor?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHexColor()
  accentColor?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  fontFamily?: string | null;
}

@InputType()
export class CreateTenantInput {
  @Field(() => ID, { nullable: true, description: "Set to create a subtenant under this tenant." })
  @IsOptional()
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: "Required for a root tenant (without parentId)." })
  @IsOptional()
  accountId?: string | null;

  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => String)
  slug: string;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;

  @Field(() => JSONObject, { nullable: true })
  @IsOptional()
  settings?: Record<string, unknown> | null;

  @Field(() => ThemeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  theme?: ThemeInput | null;
}

@InputType({ description: "Only the fields given change. `settings` replaces the tenant's own settings object." })
export class UpdateTenantInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  slug?: string | null;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;

  @Field(() => JSONObject, { nullable: true })
  @IsOptional()
  settings?: Record<string, unknown> | null;

  @Field(() => ThemeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  theme?: ThemeInput | null;
}
