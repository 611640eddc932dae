/**
 * Field-level locks for objects that a query may reach without the access that reading them whole needs.
 *
 * A subtenant-only actor reaches its ancestors through `Tenant.parent` / `Tenant.ancestors` (it needs their
 * names for breadcrumbs), but holds no access on them: such rows are marked public-only and their private
 * fields answer FORBIDDEN. Everything not marked stays as it was (the row came through `staffDoor` on itself).
 */
import type { MiddlewareFn } from "type-graphql";
import { forbidden } from "../errors/codes.js";

const publicOnlyRows = new WeakSet<object>();

/** Marks `row` as reached without access of its own: only its public fields resolve. */
export function asPublicOnly<T extends object>(row: T): T {
  publicOnlyRows.add(row);
  return row;
}

export const isPublicOnly = (row: unknown): boolean => typeof row === "object" && row !== null && publicOnlyRows.has(row);

/** On a field of Tenant that only actors with access to that tenant itself may read (settings, location…). */
export const PrivateTenantField: MiddlewareFn = ({ root, info }, next) => {
  if (isPublicOnly(root)) throw forbidden(`Tenant.${info.fieldName} is private to the tenant's own members and keys`);
  return next();
};
