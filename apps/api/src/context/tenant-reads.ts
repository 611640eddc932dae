/**
 * The batched read door (doors.ts): reads through the staff door, for field resolvers (DataLoader inside one tenant transaction).
 *
 * Every read that a request's resolvers start in the same tick for the same tenant waits for the tick to end,
 * then all of them run in ONE transaction opened by `staffAccessDoor` (RLS scope set with set_config, the
 * actor's access decided once), each read's own permission checked there with `requirePermission`. Reads of
 * the same loader are combined into one call with every distinct argument, so a loader can answer 150 tickets'
 * counters with one set-based query. Answers are delivered after the transaction commits, so the next level of
 * fields (started by those answers) batches together again.
 *
 * A batch belongs to one request context and one tenant: a request that reads two tenants runs two
 * transactions, each under its own scope, and a loader only ever sees its batch's tenant id and transaction.
 * Loaders use `tx` only (never another door: on PGlite that would wait for this very transaction).
 *
 * Writes do not belong here: mutations keep `staffDoor`, one transaction per operation.
 *
 * A value a request already read in a tenant (the line's tenant row read with the line, a page's ticket types
 * and counters) reaches a later field through `alreadyRead`: that field's permission is checked against the
 * access the request decided there, and no transaction is opened. Nothing is cached across requests.
 */
import type { Tx } from "@qline/db";
import type { RequestContext } from "./context.js";
import type { Permission } from "./permissions.js";
import { requirePermission } from "./access.js";
import { staffAccessDoor } from "./doors.js";

export interface TenantLoader<A, V> {
  /** For errors and debugging only; loaders are told apart by identity. */
  readonly name: string;
  /** Equal keys are read once per batch. */
  key(arg: A): string;
  /** One call per batch with every distinct argument; returns one value per argument, in the same order. */
  load(tx: Tx, tenantId: string, args: readonly A[]): Promise<readonly V[]>;
}

/** A loader that reads each distinct argument with its own query (still in the batch's one transaction). */
export function perArgLoader<A, V>(name: string, key: (arg: A) => string, read: (tx: Tx, tenantId: string, arg: A) => Promise<V>): TenantLoader<A, V> {
  return {
    name,
    key,
    async load(tx, tenantId, args) {
      const out: V[] = [];
      for (const arg of args) out.push(await read(tx, tenantId, arg));
      return out;
    },
  };
}

interface Waiter {
  permission: Permission;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}
interface PendingRead {
  arg: unknown;
  waiters: Waiter[];
}
type AnyLoader = TenantLoader<unknown, unknown>;
type Batch = Map<AnyLoader, Map<string, PendingRead>>;

/** Batches not yet started, per request context and tenant. */
const openBatches = new WeakMap<RequestContext, Map<string, Batch>>();

/** Runs `fn` once every promise job queued so far (and those they queue) has run: DataLoader's scheduling. */
const afterPendingJobs = (fn: () => void): void => {
  void Promise.resolve().then(() => process.nextTick(fn));
};

/**
 * Reads `arg` with `loader` in `tenantId`, needing `permission` there; batched with the request's other reads
 * of that tenant in this tick. Rejects as `staffDoor` would (UNAUTHENTICATED, NOT_FOUND, FORBIDDEN).
 */
export function loadInTenant<A, V>(ctx: RequestContext, tenantId: string, permission: Permission, loader: TenantLoader<A, V>, arg: A): Promise<V> {
  let byTenant = openBatches.get(ctx);
  if (!byTenant) openBatches.set(ctx, (byTenant = new Map()));
  let batch = byTenant.get(tenantId);
  if (!batch) {
    const created: Batch = new Map();
    const tenants = byTenant;
    tenants.set(tenantId, created);
    afterPendingJobs(() => {
      tenants.delete(tenantId);
      void runBatch(ctx, tenantId, created);
    });
    batch = created;
  }
  const anyLoader = loader as unknown as AnyLoader; // one map holds every loader; each reads back its own values
  let reads = batch.get(anyLoader);
  if (!reads) batch.set(anyLoader, (reads = new Map()));
  const key = loader.key(arg);
  let read = reads.get(key);
  if (!read) reads.set(key, (read = { arg, waiters: [] }));
  const waiters = read.waiters;
  return new Promise<V>((resolve, reject) => waiters.push({ permission, resolve: resolve as (value: unknown) => void, reject }));
}

/**
 * A value this request already read in `tenantId` (a line's tenant row read with the line, a ticket's type and
 * counter read with the page), handed to a field that needs `permission`: checked against the access the
 * request decided there, without another transaction. Only values read in this request, in a transaction
 * scoped to `tenantId`, by a door that decided that access, may come here (nothing outlives the request). If no
 * access was decided for `tenantId` in this request, `orLoad` reads it the usual way.
 */
export function alreadyRead<V>(ctx: RequestContext, tenantId: string, permission: Permission, value: V, orLoad: () => Promise<V>): Promise<V> {
  const access = ctx.accessCache.get(tenantId);
  if (!access) return orLoad();
  try {
    requirePermission(access, permission);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return Promise.resolve(value);
}

async function runBatch(ctx: RequestContext, tenantId: string, batch: Batch): Promise<void> {
  const groups = [...batch.entries()];
  const everyone = groups.flatMap(([, reads]) => [...reads.values()].flatMap((r) => r.waiters));
  const settle: (() => void)[] = [];
  let notRun: typeof groups = [];
  try {
    await staffAccessDoor(ctx, tenantId, async (tx, access) => {
      for (const [index, [loader, reads]] of groups.entries()) {
        const allowed: PendingRead[] = [];
        for (const read of reads.values()) {
          const permitted = read.waiters.filter((w) => {
            try {
              requirePermission(access, w.permission);
              return true;
            } catch (error) {
              settle.push(() => w.reject(error));
              return false;
            }
          });
          if (permitted.length) allowed.push({ arg: read.arg, waiters: permitted });
        }
        if (allowed.length === 0) continue;
        try {
          const values = await loader.load(tx, tenantId, allowed.map((r) => r.arg));
          allowed.forEach((r, i) => settle.push(() => r.waiters.forEach((w) => w.resolve(values[i]))));
        } catch (error) {
          allowed.forEach((r) => settle.push(() => r.waiters.forEach((w) => w.reject(error))));
          // A failed statement aborts the transaction: the loaders not yet run get a fresh one.
          notRun = groups.slice(index + 1);
          return;
        }
      }
    });
  } catch (error) {
    // No access to the tenant (NOT_FOUND / FORBIDDEN), or begin/commit failed: nothing read here stands.
    for (const w of everyone) w.reject(error);
    return;
  }
  for (const s of settle) s();
  if (notRun.length) await runBatch(ctx, tenantId, new Map(notRun));
}
