/**
 * Rate limits and fairness, decided in one place for both transports (docs/operations.md, "Rate limits and
 * fairness"):
 * - budgets per operation before it runs: per client address on public and credential operations, per caller
 *   and per tenant on every query and mutation (`checkOperation`);
 * - login backoff: consecutive failures per email+address and per email make the next attempt wait 1 s, 2 s,
 *   4 s, … (`login`);
 * - fairness inside the process: operations in flight per caller (`enterFlight`) and database transactions
 *   per tenant (`tenantGate`), so one tenant's flood cannot take the whole pool.
 * Every refusal is a RetryLaterError (LIMIT_EXCEEDED + retryAfterSeconds).
 */
import { Kind, OperationTypeNode, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "../context/actor.js";
import type { RateLimitConfig } from "../env.js";
import { ErrorCode, RetryLaterError } from "../errors/codes.js";
import type { Limiter, LimiterStore } from "./limiter-store.js";
import { logger } from "../observability/logger.js";

/** Who is asking, as the limits see it: the credential (or the address of an anonymous caller) and its tenant. */
export interface Caller {
  /** `key:<id>`, `user:<id>` or `ip:<address>`. */
  key: string;
  ip: string;
  /** The API key's tenant (users act in many tenants; each user has their own budget). */
  tenantId: string | null;
}

export function callerOf(actor: Actor, ip: string): Caller {
  switch (actor.kind) {
    case "apiKey":
      return { key: `key:${actor.keyId}`, ip, tenantId: actor.tenantId };
    case "user":
      return { key: `user:${actor.userId}`, ip, tenantId: null };
    case "anonymous":
      return { key: `ip:${ip}`, ip, tenantId: null };
  }
}

/** Root fields limited per client address, by the limiter that counts them (one point per field, aliases too). */
type AddressBudget = "login" | "signUp" | "publicLookup" | "cancel" | "join" | "passwordReset";
const perAddressFields: Record<string, AddressBudget> = {
  login: "login",
  // A password check like login (issue 11 adds it on another branch): the same per-address budget.
  changePassword: "login",
  signUp: "signUp",
  startSignUp: "signUp",
  confirmSignUp: "login",
  // One-time links: 256-bit tokens cannot be guessed; the budgets bound what a caller can make the server do.
  requestPasswordReset: "passwordReset",
  resetPassword: "login",
  acceptInvitation: "login",
  acceptInvitationWithSignUp: "signUp",
  invitation: "publicLookup",
  ticketByCode: "publicLookup",
  tenantBySlug: "publicLookup",
  slugAvailable: "publicLookup",
  ticketUpdated: "publicLookup",
  cancelMyTicket: "cancel",
  runningLate: "cancel",
  subscribeTicketPush: "cancel",
  unsubscribeTicketPush: "cancel",
  webPushPublicKey: "publicLookup",
  joinLine: "join",
  // Exchanging a pairing token is a credential check: the login budget per address.
  pairDevice: "login",
};

export type RefusalListener = (limiter: string) => void;

/**
 * Operations that may wait for one in-flight cap (beyond: refused at once). Not a multiple of the cap: a tenant's
 * keys together may hold `keys × RATE_IN_FLIGHT_PER_CALLER` operations waiting for the tenant's few slots, and
 * refusing those at once would have them spin on refusals again.
 */
const maxQueued = 64;

export class RateLimits {
  private readonly perAddress: Record<AddressBudget, Limiter>;
  private readonly joinPerDevice: Limiter;
  private readonly joinPerContact: Limiter;
  private readonly webhookTests: Limiter;
  private readonly resetPerEmail: Limiter;
  private readonly invitesPerCaller: Limiter;
  private readonly ticketExports: Limiter;
  private readonly callerQueries: Limiter;
  private readonly callerMutations: Limiter;
  private readonly tenantQueries: Limiter;
  private readonly tenantMutations: Limiter;
  private readonly inFlight = new KeyedSlots();
  private readonly flightWaitMs: number;
  readonly login: LoginBackoff;
  readonly tenantGate: TenantGate;

  constructor(
    readonly config: RateLimitConfig,
    private readonly store: LimiterStore,
    private readonly onRefusal: RefusalListener = () => {},
    transactionWaitMs = 5000,
  ) {
    this.flightWaitMs = transactionWaitMs;
    const minute = (name: string, points: number) => store.limiter({ name, points, durationSeconds: 60 });
    this.perAddress = {
      login: minute("login-ip", config.loginPerIpPerMinute),
      signUp: store.limiter({ name: "signup-ip", points: config.signUpPerIpPerHour, durationSeconds: 3600 }),
      publicLookup: minute("public-ip", config.publicLookupsPerIpPerMinute),
      cancel: minute("cancel-ip", config.cancelPerIpPerMinute),
      join: store.limiter({ name: "join-ip", points: config.joinPerIpPerHour, durationSeconds: 3600 }),
      passwordReset: store.limiter({ name: "reset-ip", points: config.passwordResetPerIpPerHour, durationSeconds: 3600 }),
    };
    this.resetPerEmail = store.limiter({ name: "reset-email", points: config.passwordResetPerEmailPerHour, durationSeconds: 3600 });
    this.invitesPerCaller = store.limiter({ name: "invites-caller", points: config.invitesPerCallerPerHour, durationSeconds: 3600 });
    this.ticketExports = minute("ticket-exports", config.ticketExportsPerCallerPerMinute);
    this.joinPerDevice = store.limiter({ name: "join-device", points: config.joinPerDevicePerLinePerHour, durationSeconds: 3600 });
    this.joinPerContact = store.limiter({ name: "join-contact", points: config.joinPerContactPerLinePerHour, durationSeconds: 3600 });
    this.webhookTests = minute("webhook-test", config.webhookTestsPerLinePerMinute);
    this.callerQueries = minute("caller-q", config.queriesPerCallerPerMinute);
    this.callerMutations = minute("caller-m", config.mutationsPerCallerPerMinute);
    this.tenantQueries = minute("tenant-q", config.queriesPerTenantPerMinute);
    this.tenantMutations = minute("tenant-m", config.mutationsPerTenantPerMinute);
    this.login = new LoginBackoff(config, store, (name, res) => this.refuse(name, res.msBeforeNext, "Too many failed sign-in attempts, wait before trying again"));
    this.tenantGate = new TenantGate(config.enabled ? config.transactionsPerTenant : Infinity, transactionWaitMs, () => {
      this.onRefusal("tenant-transactions");
    });
  }

  get storeKind(): LimiterStore["kind"] {
    return this.store.kind;
  }

  /** Waits (bounded) for the counters' store, so a fresh process counts in Redis from its first request. */
  ready(ms = 2000): Promise<void> {
    return this.store.ready(ms);
  }

  /** Before an operation runs: refuses (throws RetryLaterError) when a budget it needs is spent. */
  async checkOperation(caller: Caller, document: DocumentNode, operationName: string | null | undefined): Promise<void> {
    if (!this.config.enabled) return;
    const operation = pickOperation(document, operationName);
    if (!operation) return; // graphql-js reports the missing operation itself
    const counts = new Map<keyof RateLimits["perAddress"], number>();
    for (const field of rootFieldNames(document, operation.selectionSet)) {
      const limiter = perAddressFields[field];
      if (limiter) counts.set(limiter, (counts.get(limiter) ?? 0) + 1);
    }
    for (const [name, points] of counts) await this.consume(this.perAddress[name], `${name}-ip`, caller.ip, points);
    const mutation = operation.operation === OperationTypeNode.MUTATION;
    await this.consume(mutation ? this.callerMutations : this.callerQueries, mutation ? "caller-mutations" : "caller-queries", caller.key);
    if (caller.tenantId) await this.consume(mutation ? this.tenantMutations : this.tenantQueries, mutation ? "tenant-mutations" : "tenant-queries", caller.tenantId);
  }

  /**
   * A public join's budgets beyond its address's (checkOperation): per device per line and per phone / email per
   * line, counted before the join runs so a flood is refused without a transaction. `contacts` are normalised
   * (E.164 phone, lower-case email) so spellings of one number share a budget.
   */
  async checkJoin(lineId: string, deviceId: string | null, contacts: readonly string[]): Promise<void> {
    if (!this.config.enabled) return;
    if (deviceId) await this.consume(this.joinPerDevice, "join-device", `${lineId}:${deviceId}`);
    for (const contact of contacts) await this.consume(this.joinPerContact, "join-contact", `${lineId}:${contact}`);
  }

  /** A test call to a line's estimator webhook: each one is an outbound request, so at most N per line per minute. */
  async checkWebhookTest(lineId: string): Promise<void> {
    if (!this.config.enabled) return;
    await this.consume(this.webhookTests, "webhook-test", lineId);
  }

  /**
   * Whether another reset (or sign-up) email may go to this address this hour (`key`: the address, prefixed per
   * kind of mail). Never an error: past the budget the request answers exactly as before and sends nothing, so the
   * budget tells nobody anything about the address.
   */
  async mailToAddressAllowed(key: string): Promise<boolean> {
    if (!this.config.enabled) return true;
    try {
      await this.resetPerEmail.consume(key);
      return true;
    } catch (result) {
      if (result instanceof RateLimiterRes) {
        this.onRefusal("reset-email");
        return false;
      }
      logger.warn({ err: result, limiter: "reset-email" }, "rate limiter unavailable; request let through");
      return true;
    }
  }

  /** An invitation email sent by `userId` (invite or resend): LIMIT_EXCEEDED past the hourly budget. */
  async checkInvite(userId: string): Promise<void> {
    if (!this.config.enabled) return;
    await this.consume(this.invitesPerCaller, "invites-caller", userId);
  }

  /** A ticket export (`GET /analytics/tickets`) by `caller`: LIMIT_EXCEEDED past the per-minute budget. */
  async checkTicketExport(caller: Caller): Promise<void> {
    if (!this.config.enabled) return;
    await this.consume(this.ticketExports, "ticket-exports", caller.key);
  }

  /**
   * One more operation of `caller` (and of its API key's tenant) running in this process. Beyond a cap the
   * operation waits for a slot (at most the transaction wait, in a queue of at most `maxQueued`)
   * instead of being refused at once: a flood of closed-loop clients is then held at the pace its slots are
   * served, rather than spinning on cheap refusals that still cost the process a request each (measured in
   * bench/results/noisy-neighbour.md). Past the queue or the wait: LIMIT_EXCEEDED. Call the result when done.
   */
  async enterFlight(caller: Caller): Promise<() => void> {
    if (!this.config.enabled) return () => {};
    const slots: [string, number, string][] = [[caller.key, this.config.inFlightPerCaller, "caller"]];
    if (caller.tenantId) slots.push([`tenant:${caller.tenantId}`, this.config.inFlightPerTenant, "tenant"]);
    const taken: string[] = [];
    try {
      for (const [key, cap, who] of slots) {
        await this.takeSlot(key, cap, who);
        taken.push(key);
      }
    } catch (error) {
      for (const key of taken) this.inFlight.release(key);
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const key of taken.reverse()) this.inFlight.release(key);
    };
  }

  private takeSlot(key: string, cap: number, who: string): Promise<void> {
    return this.inFlight.acquire(key, cap, {
      maxWaiting: maxQueued,
      waitMs: this.flightWaitMs,
      refuse: () => this.refuse(`${who}-in-flight`, 1000, `At most ${cap} operations at once per ${who}`),
    });
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  private async consume(limiter: Limiter, name: string, key: string, points = 1): Promise<void> {
    try {
      await limiter.consume(key, points);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw this.refuse(name, result.msBeforeNext, "Rate limit exceeded, retry later");
      // The store failed and had no fallback: never block a request on the limiter itself.
      logger.warn({ err: result, limiter: name }, "rate limiter unavailable; request let through");
    }
  }

  private refuse(name: string, msBeforeNext: number, message: string): RetryLaterError {
    this.onRefusal(name);
    return new RetryLaterError(ErrorCode.LIMIT_EXCEEDED, message, Math.max(1, Math.ceil(msBeforeNext / 1000)));
  }
}

/**
 * Progressive login backoff. Failures are counted per email+address and per email (any address); past the free
 * ones, each failure blocks the next attempt for 1 s, 2 s, 4 s, … up to the maximum, whatever the password.
 * A success resets the email+address count (the per-email count decays with its one-hour window).
 */
export class LoginBackoff {
  private readonly failuresByPair: Limiter;
  private readonly failuresByEmail: Limiter;
  private readonly backoff: Limiter;

  constructor(
    private readonly config: RateLimitConfig,
    store: LimiterStore,
    private readonly refuse: (name: string, res: RateLimiterRes) => RetryLaterError,
  ) {
    // Counters only (never refuse): points far above any count.
    this.failuresByPair = store.limiter({ name: "login-fail-pair", points: 1e9, durationSeconds: 3600 });
    this.failuresByEmail = store.limiter({ name: "login-fail-email", points: 1e9, durationSeconds: 3600 });
    // Blocked while consumed > 1; `block` sets it for the backoff's seconds.
    this.backoff = store.limiter({ name: "login-backoff", points: 1, durationSeconds: 1 });
  }

  /** Before the password is checked: refuses while a backoff for this email (from here or anywhere) runs. */
  async before(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    for (const key of [pairKey(email, ip), email]) {
      const res = await this.backoff.get(key).catch(() => null);
      if (res && res.consumedPoints > this.backoff.points && res.msBeforeNext > 0) throw this.refuse("login-backoff", res);
    }
  }

  async failed(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    await this.count(this.failuresByPair, pairKey(email, ip), this.config.loginFreeFailuresPerIp);
    await this.count(this.failuresByEmail, email, this.config.loginFreeFailuresPerAccount);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    await Promise.all([this.failuresByPair.delete(pairKey(email, ip)), this.backoff.delete(pairKey(email, ip))]).catch(() => {});
  }

  private async count(failures: Limiter, key: string, free: number): Promise<void> {
    try {
      const { consumedPoints } = await failures.consume(key);
      if (consumedPoints > free) await this.backoff.block(key, backoffSeconds(consumedPoints - free, this.config.loginBackoffMaxSeconds));
    } catch (error) {
      logger.warn({ err: error }, "rate limits: a login failure was not counted");
    }
  }
}

/** 1 s after the first failure past the free ones, then doubling, capped. */
export function backoffSeconds(failuresPastFree: number, maxSeconds: number): number {
  return Math.min(maxSeconds, 2 ** Math.min(30, failuresPastFree - 1));
}

const pairKey = (email: string, ip: string) => `${email}|${ip}`;

/**
 * At most `perTenant` database transactions of one tenant at once in this process; the next waits its turn up
 * to `waitMs`, then is refused (LIMIT_EXCEEDED), so a tenant's flood queues behind itself and leaves the rest
 * of the pool to other tenants.
 */
export class TenantGate {
  private readonly slots = new KeyedSlots();

  constructor(
    private readonly perTenant: number,
    private readonly waitMs: number,
    private readonly onRefusal: () => void,
  ) {}

  async run<T>(tenantId: string | null, fn: () => Promise<T>): Promise<T> {
    if (!tenantId || this.perTenant === Infinity) return fn();
    await this.slots.acquire(tenantId, this.perTenant, {
      maxWaiting: Infinity,
      waitMs: this.waitMs,
      refuse: () => {
        this.onRefusal();
        return new RetryLaterError(ErrorCode.LIMIT_EXCEEDED, "Too many operations of this tenant at once, retry shortly", 1);
      },
    });
    try {
      return await fn();
    } finally {
      this.slots.release(tenantId);
    }
  }

  /** Transactions running now for `tenantId` (tests, diagnostics). */
  active(tenantId: string): number {
    return this.slots.active(tenantId);
  }
}

/**
 * Counted slots per key (the in-flight caps and the tenant gate): up to `cap` holders at once; the next waits in
 * line, at most `maxWaiting` of them, each at most `waitMs`, else `refuse()` is its error. A release hands the
 * slot to the first in line.
 */
class KeyedSlots {
  private readonly keys = new Map<string, { active: number; waiting: (() => void)[] }>();

  acquire(key: string, cap: number, wait: { maxWaiting: number; waitMs: number; refuse: () => Error }): Promise<void> {
    let slot = this.keys.get(key);
    if (!slot) this.keys.set(key, (slot = { active: 0, waiting: [] }));
    if (slot.active < cap) {
      slot.active++;
      return Promise.resolve();
    }
    if (slot.waiting.length >= wait.maxWaiting) return Promise.reject(wait.refuse());
    const queue = slot.waiting;
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve(); // the holder that released handed its slot over: `active` is unchanged
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(turn), 1);
        reject(wait.refuse());
      }, wait.waitMs);
      queue.push(turn);
    });
  }

  release(key: string): void {
    const slot = this.keys.get(key);
    if (!slot) return;
    const next = slot.waiting.shift();
    if (next) next();
    else if (--slot.active <= 0) this.keys.delete(key);
  }

  active(key: string): number {
    return this.keys.get(key)?.active ?? 0;
  }
}

function pickOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** The root fields an operation selects, through inline fragments and fragment spreads (each fragment once). */
function rootFieldNames(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFieldNames(document, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) names.push(...rootFieldNames(document, fragment.selectionSet, seen));
    }
  }
  return names;
}

/**
 * The client's address: the socket's peer, or with `trustProxy` hops, the address that many hops back in
 * X-Forwarded-For (the same rule as Express's `trust proxy` with a hop count).
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  const remote = remoteAddress ?? "unknown";
  if (trustProxy <= 0 || !forwardedFor) return remote;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const addresses = [remote, ...chain.reverse()];
  return addresses[Math.min(trustProxy, addresses.length - 1)] ?? remote;
}
