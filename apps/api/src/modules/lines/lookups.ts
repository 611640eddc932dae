/**
 * TEMPORARY aliases of doors.ts helpers under their old names, kept only for modules/tickets and
 * modules/estimates until they move to the new names (tenantOf → reachableTenantOf, ticketByTrackingCode →
 * locateTrackingCode or trackingCodeDoor, assertTenantNotSuspended → refuseUnavailableTenant). Delete it then.
 */
import type { LocatableRecord } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { locateTrackingCode, reachableTenantOf } from "../../context/doors.js";

export { refuseUnavailableTenant as assertTenantNotSuspended } from "../../context/doors.js";

export const tenantOf = (ctx: RequestContext, kind: LocatableRecord, id: string): Promise<string> => reachableTenantOf(ctx, { kind, id });

export const ticketByTrackingCode = locateTrackingCode;
