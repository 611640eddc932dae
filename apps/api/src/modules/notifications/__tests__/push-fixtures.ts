/** Web Push test setup: an API config that trusts and allows a local push receiver, and the public operations. */
import { readFileSync } from "node:fs";
import type { PushReceiver } from "@qline/push-receiver";
import type { Config } from "../../../env.js";
import { testConfig } from "../../../__tests__/harness.js";

/** Config overrides: the receiver's host allowed as a push endpoint and its certificate trusted. */
export function pushConfigFor(receiver: PushReceiver): Pick<Config, "push"> {
  const base = testConfig().push;
  return { push: { ...base, endpointAllowHosts: [receiver.host], tlsCa: readFileSync(receiver.caFile, "utf8") } };
}

export const publicTicketFields = "trackingCode number status counterName pushEnabled";
export const subscribeMutation = `mutation($c: String!, $s: JSON!) { subscribeTicketPush(code: $c, subscription: $s) { ${publicTicketFields} } }`;
export const unsubscribeMutation = `mutation($c: String!) { unsubscribeTicketPush(code: $c) { ${publicTicketFields} } }`;

export interface PublicTicketSeen {
  trackingCode: string;
  number: string;
  status: string;
  counterName: string | null;
  pushEnabled: boolean;
}
