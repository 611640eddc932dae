/**
 * Server-side control topics: access changed somewhere, and live streams that depend on it must be re-checked
 * or ended at once (on every API process, through the same pub/sub as events). Never subscribable by clients.
 */
export const controlTopics = {
  /**
   * A tenant was suspended or resumed: published on the topic of the tenant itself and of every tenant of its
   * subtree, so a live stream listens only on its own tenant's topic. Payload: `TenantAccessChanged`.
   */
  tenant: (tenantId: string) => `qline.control.tenant.${tenantId}`,
  /** A user's memberships changed (removed, role lowered) or their sessions were revoked. Payload: `UserAccessChanged`. */
  user: (userId: string) => `qline.control.user.${userId}`,
  /** An API key was revoked. Payload: `ApiKeyAccessChanged`. */
  apiKey: (keyId: string) => `qline.control.apikey.${keyId}`,
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

export interface ApiKeyAccessChanged {
  kind: "apiKeyRevoked";
  keyId: string;
}
