export * from "./roles.js";
export * from "./users.js";
export * from "./accounts.js";
export * from "./tenants.js";
export * from "./memberships.js";
export * from "./apiKeys.js";
export * from "./auditLog.js";
