import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { Line } from "../lines/lines.types.js";
import * as webhookSettings from "./webhook-settings.service.js";

@ObjectType({ description: "A new webhook signing secret: shown this once." })
export class RotatedWebhookSecret {
  @Field(() => Line)
  line: Line;

  @Field(() => String, { description: "The key of the X-Qline-Signature header (sha256=<hex HMAC-SHA256 of the raw body>)." })
  secret: string;
}

@ObjectType({ description: "What one test call to the WEBHOOK estimator found." })
export class EstimatorWebhookTest {
  @Field(() => Boolean, { description: "It answered 2xx with a usable band for every sample ticket." })
  ok: boolean;

  @Field(() => Int, { nullable: true })
  httpStatus: number | null;

  @Field(() => Int)
  latencyMs: number;

  @Field(() => String, { nullable: true, description: "Why not usable (address, network, status, JSON, bands), in words." })
  problem: string | null;
}

@Resolver(() => Line)
export class WebhookSettingsResolver {
  @FieldResolver(() => Boolean, { description: "The line has a webhook signing secret (the secret itself is shown once, by rotateEstimatorWebhookSecret)." })
  estimatorWebhookSecretSet(@Root() line: Line & { estimatorSecret?: string | null }): boolean {
    return Boolean(line.estimatorSecret);
  }

  @Mutation(() => RotatedWebhookSecret, { description: "Needs lines:manage. A new signing secret for the line's WEBHOOK estimator; the old one stops working." })
  rotateEstimatorWebhookSecret(@Arg("lineId", () => ID) lineId: string, @Ctx() ctx: RequestContext): Promise<RotatedWebhookSecret> {
    return webhookSettings.rotateEstimatorWebhookSecret(ctx, lineId);
  }

  @Mutation(() => EstimatorWebhookTest, {
    description:
      "Needs lines:manage. POSTs a sample snapshot (two made-up waiting tickets), signed with the line's secret, to `url` (default: the line's) and reports status, latency and problems. Rate-limited per line.",
  })
  testEstimatorWebhook(
    @Arg("lineId", () => ID) lineId: string,
    @Ctx() ctx: RequestContext,
    @Arg("url", () => String, { nullable: true }) url?: string | null,
    @Arg("timeoutMs", () => Int, { nullable: true }) timeoutMs?: number | null,
  ): Promise<EstimatorWebhookTest> {
    return webhookSettings.testEstimatorWebhook(ctx, lineId, { url, timeoutMs });
  }
}
