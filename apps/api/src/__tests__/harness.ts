/**
 * Integration-test harness: a real API (HTTP + WebSocket on port 0) over a fresh test database (in-memory
 * PGlite, or a new database on TEST_DATABASE_URL), with one helper per persona.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@qline/db/testing";
import type { MemberRole } from "@qline/db";
import { loadConfig, type Config } from "../env.js";
import { createPubSub, type QlinePubSub } from "../pubsub/pubsub.js";
import { startServer, type RunningServer, type ServerOptions } from "../server.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; fields?: { path: string; message: string }[] } }[];
}

export type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are navigated ad hoc; assertions check their shape

export interface TestApi {
  server: RunningServer;
  database: TestDatabase;
  pubsub: QlinePubSub;
  config: Config;
  /** A GraphQL client sending `authorization` as given (undefined: anonymous). */
  client(authorization?: string): Gql;
  close(): Promise<void>;
}

export const testPassword = "correct-horse-42";

/** A TCP port that was free a moment ago (for a child process or server the test starts itself). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Limits far above what any test sends, so no suite is slowed or refused by them; the rate-limit tests set
 * their own. Each config gets a key prefix of its own, so APIs sharing a Redis never share counters (pass the
 * same `rateLimits` to two APIs to make them share).
 */
const relaxedRateLimitEnv = () => ({
  RATE_LOGIN_PER_IP_PER_MINUTE: "100000",
  RATE_LOGIN_FREE_FAILURES_PER_IP: "100000",
  RATE_LOGIN_FREE_FAILURES_PER_ACCOUNT: "100000",
  RATE_SIGNUP_PER_IP_PER_HOUR: "100000",
  RATE_PUBLIC_PER_IP_PER_MINUTE: "1000000",
  RATE_CANCEL_PER_IP_PER_MINUTE: "100000",
  RATE_JOIN_PER_IP_PER_HOUR: "100000",
  RATE_JOIN_PER_DEVICE_PER_LINE_PER_HOUR: "100000",
  RATE_JOIN_PER_CONTACT_PER_LINE_PER_HOUR: "100000",
  RATE_PASSWORD_RESET_PER_IP_PER_HOUR: "100000",
  RATE_PASSWORD_RESET_PER_EMAIL_PER_HOUR: "100000",
  RATE_INVITES_PER_CALLER_PER_HOUR: "100000",
  RATE_QUERIES_PER_CALLER_PER_MINUTE: "1000000",
  RATE_MUTATIONS_PER_CALLER_PER_MINUTE: "1000000",
  RATE_QUERIES_PER_TENANT_PER_MINUTE: "1000000",
  RATE_MUTATIONS_PER_TENANT_PER_MINUTE: "1000000",
  RATE_IN_FLIGHT_PER_CALLER: "10000",
  RATE_IN_FLIGHT_PER_TENANT: "10000",
  RATE_TRANSACTIONS_PER_TENANT: "10000",
  // A loaded test machine can take longer than production's 100 ms; a late answer would count in memory instead.
  RATE_REDIS_TIMEOUT_MS: "3000",
  RATE_KEY_PREFIX: `qline:rl:test:${process.pid}:${randomBytes(6).toString("hex")}`,
});

export function testConfig(overrides: Partial<Config> = {}): Config {
  const config = loadConfig({
    JWT_SECRET: "test-secret-that-is-long-enough-for-hs256!",
    QLINE_DATA_DIR: "/tmp/qline-test-unused",
    QLINE_SECRETS_KEY: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
    LOG_LEVEL: process.env.LOG_LEVEL || "silent",
    ...relaxedRateLimitEnv(),
  });
  return {
    ...config,
    port: 0,
    seedDemo: false,
    // A shared, loaded test machine must not turn slowness into LIMIT_EXCEEDED (a signUp took 33 s once);
    // the budget's own tests set executionMs themselves.
    limits: { ...config.limits, executionMs: 120_000 },
    ...overrides,
  };
}

export async function startTestApi(
  overrides: Partial<Config> = {},
  options: {
    database?: TestDatabase;
    redisUrl?: string;
    ttlJob?: ServerOptions["ttlJob"];
    notifications?: ServerOptions["notifications"];
    /** Default: not polling (tests that need it pass a clock and call runOnce). */
    dataLifecycleJob?: ServerOptions["dataLifecycleJob"];
    /** Default: polling at the configured cadence (no SMTP configured: no worker). */
    platformMail?: ServerOptions["platformMail"];
    logger?: ServerOptions["logger"];
    onRateLimitRefusal?: ServerOptions["onRateLimitRefusal"];
    /** Where the pub/sub reports outages and recoveries (default: the silent test logger). */
    pubsubLog?: (message: string) => void;
  } = {},
): Promise<TestApi> {
  const config = testConfig(overrides);
  const database = options.database ?? (await createTestDatabase());
  const pubsub = createPubSub(options.redisUrl, options.pubsubLog ? { log: options.pubsubLog } : {});
  const server = await startServer({
    config,
    database,
    pubsub,
    port: 0,
    ...(options.ttlJob !== undefined ? { ttlJob: options.ttlJob } : {}),
    ...(options.notifications !== undefined ? { notifications: options.notifications } : {}),
    dataLifecycleJob: options.dataLifecycleJob ?? { autoStart: false },
    ...(options.platformMail !== undefined ? { platformMail: options.platformMail } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onRateLimitRefusal ? { onRateLimitRefusal: options.onRateLimitRefusal } : {}),
  });
  const client =
    (authorization?: string): Gql =>
    async (query, variables) => {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    };
  return {
    server,
    database,
    pubsub,
    config,
    client,
    async close() {
      await server.close();
      await pubsub.close();
      if (!options.database) await database.close();
    },
  };
}

export const uniqueSlug = (prefix = "t") => `${prefix}-${randomBytes(4).toString("hex")}`;

/** A person who signed up: owner of their own account and root tenant. */
export interface Persona {
  userId: string;
  email: string;
  token: string;
  tenantId: string;
  accountId: string;
  /** The slug of the root tenant they signed up with. */
  slug: string;
  gql: Gql;
}

export async function signUpPersona(api: TestApi, name = "owner"): Promise<Persona> {
  const email = `${name}-${randomBytes(4).toString("hex")}@example.test`;
  const slug = uniqueSlug(name.toLowerCase());
  const res = await api.client()<{ signUp: { token: string; user: { id: string } } }>(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }`,
    { input: { email, password: testPassword, name, accountName: `${name} Inc`, tenantName: `${name} HQ`, tenantSlug: slug } },
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const { token, user } = res.data!.signUp;
  const gql = api.client(`Bearer ${token}`);
  const me = await gql<{ me: { memberships: { tenant: { id: string; accountId: string } }[] } }>(`{ me { memberships { tenant { id accountId } } } }`);
  const tenant = me.data!.me.memberships[0]!.tenant;
  return { userId: user.id, email, token, tenantId: tenant.id, accountId: tenant.accountId, slug, gql };
}

/** A new person holding `role` on `tenantId` (added by `owner`). */
export async function memberPersona(api: TestApi, owner: Persona, tenantId: string, role: MemberRole): Promise<Persona> {
  const person = await signUpPersona(api, role.toLowerCase());
  const res = await owner.gql(`mutation($t: ID!, $e: String!, $r: MemberRole!) { addMember(tenantId: $t, email: $e, role: $r) { role } }`, {
    t: tenantId,
    e: person.email,
    r: role,
  });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return person;
}

export async function createSubtenant(persona: Persona, parentId: string, name = "Sub"): Promise<string> {
  const res = await persona.gql<{ createTenant: { id: string } }>(`mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`, {
    input: { parentId, name, slug: uniqueSlug("sub") },
  });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data!.createTenant.id;
}

/** Asserts the response failed with exactly this `extensions.code` (on its first error). */
export function assertCode(res: GraphQLResponse<unknown>, code: string): void {
  assert.ok(res.errors?.length, `expected ${code}, got data ${JSON.stringify(res.data)}`);
  assert.equal(res.errors[0]!.extensions?.code, code, `expected ${code}, got ${JSON.stringify(res.errors)}`);
}

export function assertOk<T>(res: GraphQLResponse<T>): T {
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data as T;
}
