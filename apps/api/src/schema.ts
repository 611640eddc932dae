import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ApiKeysResolver } from "./modules/api-keys/api-keys.resolver.js";
import { DevicesResolver, TenantDevicesResolver } from "./modules/devices/devices.resolver.js";
import { AuthResolver } from "./modules/auth/auth.resolver.js";
import { MembersResolver } from "./modules/members/members.resolver.js";
import { InvitationsResolver, TenantInvitationsResolver } from "./modules/members/invitations.resolver.js";
import { PlatformMailResolver } from "./modules/platform-mail/platform-mail.resolver.js";
import { PlatformResolver } from "./modules/platform/platform.resolver.js";
import { AccountsResolver, TenantsResolver } from "./modules/tenants/tenants.resolver.js";
import { TenantTemplatesResolver } from "./modules/tenants/templates.resolver.js";
import { ViewerPermissionsResolver } from "./modules/tenants/viewer-permissions.resolver.js";
import { LinesEditingResolver } from "./modules/lines/editing.resolver.js";
import { WebhookSettingsResolver } from "./modules/estimates/webhook-settings.resolver.js";
import { LinesResolver, PublicTenantLinesResolver, TenantQueueResolver } from "./modules/lines/lines.resolver.js";
import { LineEventResolver, QueueSubscriptionsResolver } from "./modules/tickets/queue-subscriptions.resolver.js";
import { TicketsResolver } from "./modules/tickets/tickets.resolver.js";
import { LineEstimatorResolver, PublicTicketEstimateResolver } from "./modules/estimates/estimates.resolver.js";
import { AnalyticsResolver } from "./modules/analytics/analytics.resolver.js";
import { AnalyticsReportResolver } from "./modules/analytics/analytics-report.resolver.js";
import { ChainAnalyticsResolver } from "./modules/analytics/chain-rollup.resolver.js";
import { WebPushResolver } from "./modules/notifications/web-push.resolver.js";
import { NotificationsResolver, TicketNotificationsResolver } from "./modules/notifications/notifications.resolver.js";
import { DataLifecycleResolver } from "./modules/data-lifecycle/data-lifecycle.resolver.js";
import type { QlinePubSub } from "./pubsub/pubsub.js";
import { guardPersonalFields } from "./context/personal-data.js";

export const resolvers = [AuthResolver, TenantsResolver, TenantTemplatesResolver, ViewerPermissionsResolver, AccountsResolver, MembersResolver, InvitationsResolver, TenantInvitationsResolver, PlatformMailResolver, ApiKeysResolver, DevicesResolver, TenantDevicesResolver, PlatformResolver, LinesResolver, LinesEditingResolver, TenantQueueResolver, PublicTenantLinesResolver, TicketsResolver, QueueSubscriptionsResolver, LineEventResolver, LineEstimatorResolver, WebhookSettingsResolver, PublicTicketEstimateResolver, AnalyticsResolver, AnalyticsReportResolver, ChainAnalyticsResolver, NotificationsResolver, TicketNotificationsResolver, WebPushResolver, DataLifecycleResolver] as const;

export async function buildQlineSchema(pubSub: QlinePubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    // Every @Subscription has its own `subscribe` (authorize, listen, then read the current state), so
    // type-graphql only ever publishes through this; its topic-based subscribing is not used.
    pubSub: {
      publish: (topic: string, payload: unknown) => void pubSub.publish(topic, payload),
      subscribe: () => {
        throw new Error("qline subscriptions listen through their own subscribe functions");
      },
    },
    validate: { forbidUnknownValues: false },
  });
  return guardPersonalFields(schema); // customers' data on tickets: deny by default (display:read keys)
}

/** The SDL committed as packages/schema/schema.graphql: sorted, so diffs show only real changes. */
export function printQlineSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
