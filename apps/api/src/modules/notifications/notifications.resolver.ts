import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context/context.js";
import { Ticket } from "../tickets/tickets.types.js";
import * as service from "./notifications.service.js";
import {
  DevMessage,
  LineNotificationSettings,
  Notification,
  NotificationChannel,
  NotificationConnection,
  NotificationFilter,
  NotificationPreview,
  NotificationProviders,
  NotificationProvidersInput,
  NotificationSettingsInput,
  NotificationTemplate,
  NotificationTemplateInput,
  NotificationTrigger,
} from "./notifications.types.js";

@Resolver()
export class NotificationsResolver {
  @Query(() => LineNotificationSettings, { description: "Needs lines:read." })
  notificationSettings(@Arg("lineId", () => ID) lineId: string, @Ctx() ctx: RequestContext): Promise<LineNotificationSettings> {
    return service.lineSettings(ctx, lineId);
  }

  @Mutation(() => LineNotificationSettings, { description: "Needs lines:manage. Thresholds out of range: BAD_USER_INPUT at input.<field>." })
  updateNotificationSettings(
    @Arg("lineId", () => ID) lineId: string,
    @Arg("input", () => NotificationSettingsInput) input: NotificationSettingsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LineNotificationSettings> {
    return service.updateLineSettings(ctx, lineId, input);
  }

  @Query(() => [NotificationTemplate], { description: "Needs tenant:read. Every trigger × channel × language, the tenant's wording or the default." })
  notificationTemplates(@Arg("tenantId", () => ID) tenantId: string, @Ctx() ctx: RequestContext): Promise<NotificationTemplate[]> {
    return service.listTemplates(ctx, tenantId);
  }

  @Query(() => NotificationPreview, { description: "Needs tenant:read. Renders the template with sample values; validated like setNotificationTemplate." })
  previewNotificationTemplate(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("input", () => NotificationTemplateInput) input: NotificationTemplateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationPreview> {
    return service.previewTemplate(ctx, tenantId, input);
  }

  @Mutation(() => NotificationTemplate, { description: "Needs tenant:update. An unknown {variable}: BAD_USER_INPUT at input.body (or input.subject)." })
  setNotificationTemplate(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("input", () => NotificationTemplateInput) input: NotificationTemplateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationTemplate> {
    return service.setTemplate(ctx, tenantId, input);
  }

  @Mutation(() => NotificationTemplate, { description: "Needs tenant:update. Back to the built-in wording." })
  resetNotificationTemplate(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("trigger", () => NotificationTrigger) trigger: string,
    @Arg("channel", () => NotificationChannel) channel: string,
    @Arg("language", () => String) language: string,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationTemplate> {
    return service.resetTemplate(ctx, tenantId, trigger, channel, language);
  }

  @Query(() => NotificationProviders, { description: "Needs tenant:update. Never returns a secret." })
  notificationProviders(@Arg("tenantId", () => ID) tenantId: string, @Ctx() ctx: RequestContext): Promise<NotificationProviders> {
    return service.getProviders(ctx, tenantId);
  }

  @Mutation(() => NotificationProviders, { description: "Needs tenant:update. Secrets are stored encrypted (AES-256-GCM) and never returned." })
  setNotificationProviders(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("input", () => NotificationProvidersInput) input: NotificationProvidersInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationProviders> {
    return service.setProviders(ctx, tenantId, input);
  }

  @Query(() => NotificationConnection, { description: "Needs tickets:read. Newest first; counts by status under the other filters." })
  tenantNotifications(
    @Arg("tenantId", () => ID) tenantId: string,
    @Arg("filter", () => NotificationFilter, { nullable: true }) filter: NotificationFilter | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationConnection> {
    return service.tenantNotifications(ctx, tenantId, filter, first, after);
  }

  @Mutation(() => Boolean, { description: "MANAGER and up (lines:manage), signed in: TTL escalation emails for this tenant on or off." })
  setMyEscalationEmails(@Arg("tenantId", () => ID) tenantId: string, @Arg("enabled", () => Boolean) enabled: boolean, @Ctx() ctx: RequestContext): Promise<boolean> {
    return service.setMyEscalationEmails(ctx, tenantId, enabled);
  }

  @Query(() => [DevMessage], { description: "Needs tickets:read. What the embedded dev sinks (QLINE_DEV_SINKS) received for this tenant's messages, newest first; empty when they do not run." })
  devMailbox(@Arg("tenantId", () => ID) tenantId: string, @Ctx() ctx: RequestContext): Promise<DevMessage[]> {
    return service.devMailbox(ctx, tenantId);
  }
}

@Resolver(() => Ticket)
export class TicketNotificationsResolver {
  @FieldResolver(() => [Notification], { description: "Messages about this ticket, oldest first (personal: needs tickets:read)." })
  notifications(@Root() ticket: Ticket, @Ctx() ctx: RequestContext): Promise<Notification[]> {
    return service.ticketNotifications(ctx, ticket.tenantId, ticket.id);
  }
}
