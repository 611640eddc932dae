export * from "./schema/index.js";
export { withTenantTx, rowsOf, type TenantScope } from "./tenant-tx.js";
export type { AppDatabase, Database, Tx, Driver } from "./database.js";
export { openDatabase, type DatabaseConfig } from "./migrate.js";
