/** Factories for queue tests: lines, ticket types, counters and tickets created through the real API. */
import assert from "node:assert/strict";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { assertOk, type Gql, type TestApi } from "../../../__tests__/harness.js";

export const ticketFields = `id number trackingCode status position lineId extensions extensionSchemaVersion calledAt servedAt completedAt endedAt joinedAt`;

export async function createLine(gql: Gql, tenantId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const data = assertOk(
    await gql<{ createLine: { id: string } }>(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
      input: { tenantId, name: "Main", prefix: "A", ...fields },
    }),
  );
  return data.createLine.id;
}

export async function createTicketType(gql: Gql, tenantId: string, code: string): Promise<string> {
  const data = assertOk(
    await gql<{ createTicketType: { id: string } }>(`mutation($input: CreateTicketTypeInput!) { createTicketType(input: $input) { id } }`, {
      input: { tenantId, code, name: `Type ${code}` },
    }),
  );
  return data.createTicketType.id;
}

export async function createCounter(gql: Gql, lineId: string, name = "Desk 1"): Promise<string> {
  const data = assertOk(
    await gql<{ createCounter: { id: string } }>(`mutation($input: CreateCounterInput!) { createCounter(input: $input) { id } }`, { input: { lineId, name } }),
  );
  return data.createCounter.id;
}

export interface IssuedTicket {
  id: string;
  number: string;
  trackingCode: string;
  status: string;
  position: number | null;
  lineId: string;
  extensions: Record<string, unknown>;
  extensionSchemaVersion: number | null;
  calledAt: string | null;
  servedAt: string | null;
  completedAt: string | null;
  endedAt: string | null;
  joinedAt: string;
}

export const issueMutation = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { ${ticketFields} } }`;

export async function issueTicket(gql: Gql, lineId: string, fields: Record<string, unknown> = {}): Promise<IssuedTicket> {
  return assertOk(await gql<{ issueTicket: IssuedTicket }>(issueMutation, { input: { lineId, ...fields } })).issueTicket;
}

export async function issueTickets(gql: Gql, lineId: string, n: number): Promise<IssuedTicket[]> {
  const out: IssuedTicket[] = [];
  for (let i = 0; i < n; i++) out.push(await issueTicket(gql, lineId));
  return out;
}

export const callNextMutation = `mutation($l: ID!, $c: ID) { callNext(lineId: $l, counterId: $c) { ${ticketFields} } }`;

/** A graphql-ws client for tests (Node 20 has no global WebSocket). */
export function wsClient(api: TestApi | { server: { wsUrl: string } }, authorization?: string): Client {
  return createClient({
    url: api.server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization ? { authorization } : {},
  });
}

/** The graphql-ws clients a test file opens, disposed together in its `after`. */
export function clientPool(api: () => TestApi) {
  const clients: Client[] = [];
  return {
    open(authorization?: string): Client {
      const c = wsClient(api(), authorization);
      clients.push(c);
      return c;
    },
    disposeAll: () => Promise.all(clients.map((c) => c.dispose())),
  };
}

/** Polls `read` until it gives a value (undefined: not yet), failing after `ms` with what was awaited. */
export async function until<T>(what: string, read: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Received<T> {
  values: T[];
  errors: unknown[];
  /** True once the server completed the subscription. */
  readonly completed: boolean;
  /** Resolves when `n` values have arrived (rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<T[]>;
  /** Resolves with the errors as JSON once the subscription has failed (rejects after `ms`). */
  failure(ms?: number): Promise<string>;
  /**
   * Makes sure the subscription is live on the server (graphql-ws acknowledges connections, not
   * subscriptions): runs `trigger` until one more value arrives. Callers filter probe events out.
   */
  probe(trigger: () => Promise<unknown>, ms?: number): Promise<void>;
  stop(): void;
}

/** Subscribes and collects every `next` payload's data (or error) in order. */
export function collect<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const values: T[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const waiters: { n: number; resolve: (v: T[]) => void }[] = [];
  const notify = () => {
    for (const w of [...waiters]) if (values.length >= w.n) w.resolve(values.slice());
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) errors.push(result.errors);
        else if (result.data) values.push(result.data as T);
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: () => {
        completed = true;
      },
    },
  );
  return {
    values,
    errors,
    stop,
    get completed() {
      return completed;
    },
    async probe(trigger, ms = 10_000) {
      const deadline = Date.now() + ms;
      const before = values.length;
      while (values.length === before) {
        if (Date.now() > deadline) throw new Error(`subscription never went live; errors ${JSON.stringify(errors)}`);
        await trigger();
        for (let i = 0; i < 10 && values.length === before; i++) await new Promise((r) => setTimeout(r, 30));
      }
    },
    async failure(ms = 5000) {
      const deadline = Date.now() + ms;
      while (errors.length === 0) {
        if (Date.now() > deadline) throw new Error(`expected the subscription to fail; got ${JSON.stringify(values)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return JSON.stringify(errors);
    },
    waitFor(n, ms = 5000) {
      if (values.length >= n) return Promise.resolve(values.slice());
      return new Promise<T[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${n} events, got ${values.length}: ${JSON.stringify(values)} errors ${JSON.stringify(errors)}`)), ms);
        waiters.push({
          n,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        });
      });
    },
  };
}

/** Gives events that should not arrive a moment to show up anyway. */
export const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

/** A harmless change that publishes a LINE_UPDATED event on the line (and its tenants' activity topics). */
export const touchLine = (gql: Gql, lineId: string) =>
  gql(`mutation($id: ID!) { updateLine(id: $id, input: { acceptingTickets: true }) { id } }`, { id: lineId });

/** A harmless change that publishes the ticket to its holder's topic. */
export const touchTicket = (gql: Gql, ticketId: string) =>
  gql(`mutation($id: ID!) { updateTicket(id: $id, input: { partySize: 1 }) { id } }`, { id: ticketId });

export function assertConsecutive(numbers: string[], prefix: string): void {
  const seqs = numbers.map((n) => Number(n.slice(prefix.length))).sort((a, b) => a - b);
  assert.equal(new Set(seqs).size, seqs.length, "duplicate numbers");
  seqs.forEach((s, i) => assert.equal(s, i + 1, `gap at ${i + 1}`));
}
