/**
 * TEMPORARY aliases of the doors (doors.ts) under their old names, kept only for modules/tickets and
 * modules/estimates until they move to the new names; nothing else may import this module (a lint rule says so).
 * Delete it with that switch.
 */
export { isUuid } from "./access.js";
export { staffDoor as inTenant, recordDoor as inTenantOf, publicLineDoor as inPublicLineTenant } from "./doors.js";
