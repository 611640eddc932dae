import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { forbidden } from "../../errors/codes.js";
import { devSinksOf } from "../notifications/runtime.js";
import { DevMessage } from "../notifications/notifications.types.js";

@Resolver()
export class PlatformMailResolver {
  @Query(() => [DevMessage], {
    description:
      "Development only (QLINE_DEV_SINKS): every email this process's dev SMTP sink received, newest first — the platform's own (invitations, password resets) included. Platform administrators only; empty without dev sinks.",
  })
  devPlatformMailbox(@Arg("to", () => String, { nullable: true }) to: string | null, @Ctx() ctx: RequestContext): DevMessage[] {
    if (ctx.actor.kind !== "user" || !ctx.actor.platformAdmin) throw forbidden("Platform administrators only");
    const sinks = devSinksOf(ctx.db);
    if (!sinks) return [];
    const wanted = to?.trim().toLowerCase();
    return sinks
      .messages()
      .filter((m) => m.kind === "EMAIL" && (!wanted || m.to.toLowerCase().includes(wanted)))
      .reverse()
      .slice(0, 200)
      .map((m) => ({ id: m.id, kind: m.kind, to: m.to, subject: m.subject, body: m.body, receivedAt: m.receivedAt }));
  }
}
