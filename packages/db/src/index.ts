export * from "./schema/index.js";
export { withTenantTx, withLocatedTenantTx, type TenantScope, type LocatedScope, type LocatableRecord } from "./tenant-tx.js";
export { runWithDeadline, currentDeadline, DeadlineExceededError } from "./deadline.js";
export type { AppDatabase, Database, Tx, Driver, PoolStats } from "./database.js";
export { DatabaseBusyError, isDatabaseBusy, defaultConnectionWaitMs } from "./database.js";
export { openDatabase, type DatabaseConfig } from "./migrate.js";
export { col, decodeRows, decodeFirstRow, RowDecodeError, z } from "./decode.js";
