/**
 * A request's time budget, as a deadline the transports set around each request (AsyncLocalStorage, so the
 * ~30 places that open a tenant transaction need not pass it along). The tenant transaction helpers turn the
 * time left into a transaction-local `statement_timeout`: a statement past the deadline is cancelled by
 * PostgreSQL (SQLSTATE 57014), and a transaction opened after it fails the same way without running.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const deadlines = new AsyncLocalStorage<number>();

/** Runs `fn` (and everything it starts) with a deadline in epoch milliseconds. */
export function runWithDeadline<T>(deadline: number, fn: () => T): T {
  return deadlines.run(deadline, fn);
}

/** The deadline of the request being served, if any. */
export const currentDeadline = (): number | undefined => deadlines.getStore();

/** Raised instead of opening a transaction once the deadline has passed; carries PostgreSQL's query_canceled code. */
export class DeadlineExceededError extends Error {
  readonly code = "57014";
  constructor() {
    super("The request's time budget ran out");
  }
}

/** Milliseconds left for `statement_timeout`, or undefined without a deadline. Throws once it has passed. */
export function statementTimeoutMs(now = Date.now()): number | undefined {
  const deadline = currentDeadline();
  if (deadline === undefined) return undefined;
  const left = Math.ceil(deadline - now);
  if (left <= 0) throw new DeadlineExceededError(); // statement_timeout 0 would mean "no limit"
  return left;
}
