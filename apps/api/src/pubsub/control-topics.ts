/**
 * Server-side control topics: access changed somewhere, and live streams that depend on it must be re-checked
 * or ended at once (on every API process, through the same pub/sub as events). Never subscribable by clients.
 */
export const controlTopics = {
  /** A tenant (and so its whole subtree) was suspended or resumed. Payload: `TenantAccessChanged`. */
  tenant: (tenantId: string) => `qline.control.tenant.${tenantId}`,
  /** A user's memberships changed (removed, role lowered) or their sessions were revoked. Payload: `UserAccessChanged`. */
  user: (userId: string) => `qline.control.user.${userId}`,
};

export interface TenantAccessChanged {
  kind: "tenantSuspended" | "tenantResumed";
  tenantId: string;
}

export interface UserAccessChanged {
  /** membershipChanged: re-check this user's access to `tenantId`; sessionsRevoked: tokens issued before `before` are void. */
  kind: "membershipChanged" | "sessionsRevoked";
  userId: string;
  tenantId?: string;
  /** ISO timestamp (sessionsRevoked): sessions issued before it are void. */
  before?: string;
  /** sessionsRevoked by logout: only this session ended. */
  sessionId?: string;
  /** sessionsRevoked by changePassword: every session of the user ended except this (new) one. Neither set: all ended. */
  exceptSessionId?: string;
}
