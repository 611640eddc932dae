/** The only place that reads process.env. Everything else receives a typed `Config`. */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { defaultLimits, type RequestLimits } from "./limits.js";
import { logLevels, type LogLevel } from "./observability/logger.js";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseAppUrl: string | undefined;
  appDbPassword: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  jwtSecret: string;
  jwtTtlSeconds: number;
  platformAdminEmails: string[];
  seedDemo: boolean;
  production: boolean;
  /** Hosts the WEBHOOK estimator may call despite the address rule (ESTIMATOR_WEBHOOK_ALLOW_HOSTS, comma-separated). */
  estimatorWebhookAllowHosts: string[];
  /** TTL job poll interval (TTL_POLL_MS, default 5000). */
  ttlPollMs: number;
  /** How often the data-lifecycle job erases expired customer data and hard-deletes tenants past their grace (DATA_LIFECYCLE_POLL_MS, default 300000). */
  dataLifecyclePollMs: number;
  /** Days between deleteTenant and the hard delete (TENANT_DELETION_GRACE_DAYS, default 30). */
  tenantDeletionGraceDays: number;
  /** How long a tenant export link stays valid (EXPORT_LINK_TTL_SECONDS, default 300). */
  exportLinkTtlSeconds: number;
  /** How long a device pairing link works (DEVICE_PAIRING_TTL_SECONDS, default 900). */
  devicePairingTtlSeconds: number;
  /** The API's public origin, e.g. https://api.example.com (QLINE_API_URL); unset: export links are relative to the API's origin. */
  apiUrl: string | undefined;
  /** Longest a Redis publish may hold up a mutation before the event is dropped (REDIS_PUBLISH_TIMEOUT_MS, default 500). */
  redisPublishTimeoutMs: number;
  /** How long a line event waits for a missing predecessor before it goes out anyway (LIVE_GAP_WAIT_MS, default 1000). */
  liveGapWaitMs: number;
  /** How long a line's live state is reused when no newer event is known (LINE_STATE_MAX_AGE_MS, default 5000). */
  lineStateMaxAgeMs: number;
  /** Each `/readyz` check (database, Redis) answers within this or counts as down (READY_CHECK_TIMEOUT_MS, default 1000). */
  readyCheckTimeoutMs: number;
  /** SIGTERM/SIGINT: drain for at most this long, then exit 1 (SHUTDOWN_TIMEOUT_MS, default 10000). */
  shutdownTimeoutMs: number;
  /** Where start.sh serves the web apps (printed with the demo login). */
  adminUrl: string | undefined;
  /** Where the public pages (join, kiosk, display, the customer's ticket) are served: join links and posters point here. */
  publicUrl: string;
  /**
   * Browser origins allowed to call the API. Empty in development: any origin (the dev servers run on
   * several ports). Set CORS_ORIGINS in production; `*.example.com` entries allow a tenant's subdomains.
   */
  corsOrigins: string[];
  /** Size, shape, cost, time and connection limits (LIMIT_*; defaults in limits.ts, documented in docs/operations.md). */
  limits: RequestLimits;
  /** pino level (LOG_LEVEL, default info; the test harness uses silent unless LOG_LEVEL is set). */
  logLevel: LogLevel;
  /** Bearer token for /metrics (METRICS_TOKEN); unset: /metrics answers loopback callers only. */
  metricsToken: string | undefined;
  /** How long a transaction waits for a database connection before SERVICE_UNAVAILABLE (DB_CONNECTION_WAIT_MS, 5000). */
  dbConnectionWaitMs: number;
  /** Proxy hops in front of the API whose X-Forwarded-For is trusted for the client address (TRUST_PROXY, 0). */
  trustProxy: number;
  rateLimits: RateLimitConfig;
  /** Web Push (docs/notifications.md, "Web Push"). */
  push: PushConfig;
  notifications: NotificationConfig;
  /** The platform's own emails: invitations and password resets (docs/people.md). */
  platformMail: PlatformMailConfig;
}

/** Emails qline sends as itself (invitations, password resets), through its own outbox and worker. */
export interface PlatformMailConfig {
  /**
   * PLATFORM_SMTP_URL, else the notification SMTP settings (SMTP_URL / SMTP_HOST…); null: none (the dev SMTP sink
   * when QLINE_DEV_SINKS is on; otherwise platform mail waits in the outbox and the worker logs why).
   */
  smtp: SmtpConfig | null;
  /** Sender (PLATFORM_MAIL_FROM, default MAIL_FROM). */
  from: string;
  /** Where links in platform emails point: the admin console (QLINE_ADMIN_URL, default http://127.0.0.1:4173). */
  adminUrl: string;
  /** How long an invitation link works (INVITATION_TTL_HOURS, default 168 = 7 days). */
  invitationTtlSeconds: number;
  /** How long a password-reset link works (PASSWORD_RESET_TTL_MINUTES, default 30). */
  passwordResetTtlSeconds: number;
  /** Worker poll interval (PLATFORM_MAIL_POLL_MS, default 5000; a commit that queues mail also wakes this process's worker). */
  pollMs: number;
}

/** VAPID keys and where push messages may go. */
export interface PushConfig {
  /**
   * The application server's key pair (base64url: public 65-byte uncompressed P-256 point, private 32 bytes) and
   * the contact (`mailto:` or `https:`) push services see. Null: Web Push is off (production without VAPID_*).
   */
  vapid: { publicKey: string; privateKey: string; subject: string } | null;
  /** Where the keys came from: env, generated into the data dir, or absent (push off). */
  vapidSource: "env" | "data-dir" | "none";
  /**
   * Extra push endpoint hosts (`host` or `host:port`, PUSH_ENDPOINT_ALLOWLIST) besides the known push services;
   * tests and e2e name their loopback receiver here.
   */
  endpointAllowHosts: string[];
  /** PEM certificates trusted for push endpoints besides the system's (PUSH_TLS_CA_FILE; the test receiver's own). */
  tlsCa: string | undefined;
}

/** Notification delivery (docs/notifications.md "Configuration"). */
export interface NotificationConfig {
  /** Platform SMTP: SMTP_URL, or SMTP_HOST/SMTP_PORT/SMTP_SECURE/SMTP_USER/SMTP_PASSWORD; null = none. */
  smtp: SmtpConfig | null;
  /** Envelope and header sender of every email (MAIL_FROM, default "qline <no-reply@qline.local>"). */
  mailFrom: string;
  /** Platform Twilio account (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM); null = none. */
  twilio: { accountSid: string; authToken: string; from: string } | null;
  /** Twilio's API base (TWILIO_BASE_URL, default https://api.twilio.com); also used with a tenant's own account. */
  twilioBaseUrl: string;
  /**
   * QLINE_DEV_SINKS=1: run a loopback SMTP server and Twilio-speaking HTTP server and deliver there (start.sh).
   * The SMS sink accepts TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN when they are set (other processes may deliver to it).
   */
  devSinks: boolean;
  /** Ports of the dev sinks (QLINE_DEV_SMTP_PORT, QLINE_DEV_SMS_PORT; default 0: any free port). */
  devSinkPorts: { smtp: number; sms: number };
  /**
   * 32-byte key for tenant credentials at rest (QLINE_SECRETS_KEY, base64 or hex); development: a data-dir file.
   * Null in production without the variable: tenants then cannot store credentials (the API says why).
   */
  secretsKey: Buffer | null;
  /** Worker poll interval (NOTIFY_POLL_MS, default 2000; a commit that enqueues also wakes this process's worker). */
  pollMs: number;
  /** Attempts before a message is DEAD (NOTIFY_MAX_ATTEMPTS, default 8). */
  maxAttempts: number;
  /** First retry delay; doubles per attempt with ±20 % jitter, at most 1 h (NOTIFY_RETRY_BASE_MS, default 5000). */
  retryBaseMs: number;
  /** Longest one provider call may take (NOTIFY_SEND_TIMEOUT_MS, default 15000); the lease is twice this at least. */
  sendTimeoutMs: number;
}

export type SmtpConfig = { url: string } | { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined };

/** Rate limits and fairness caps (RATE_*); docs/operations.md "Rate limits and fairness" explains each. */
export interface RateLimitConfig {
  /** RATE_LIMITS=off turns every limit below off (benchmarks' baseline); default on. */
  enabled: boolean;
  /** `login` attempts per client address per minute. */
  loginPerIpPerMinute: number;
  /** Failed logins for one email from one address before the backoff starts (then 1 s, 2 s, 4 s, … per failure). */
  loginFreeFailuresPerIp: number;
  /** Failed logins for one email from any address before its backoff starts. */
  loginFreeFailuresPerAccount: number;
  /** Longest login backoff. */
  loginBackoffMaxSeconds: number;
  /** `signUp` per client address per hour. */
  signUpPerIpPerHour: number;
  /** Public lookups (`ticketByCode`, `tenantBySlug`, `slugAvailable`) per client address per minute. */
  publicLookupsPerIpPerMinute: number;
  /** `cancelMyTicket`, `runningLate`, `subscribeTicketPush` and `unsubscribeTicketPush` per client address per minute. */
  cancelPerIpPerMinute: number;
  /** `joinLine` per client address per hour (a venue's Wi-Fi is one address for many customers). */
  joinPerIpPerHour: number;
  /** `joinLine` per device (the page's deviceId) per line per hour. */
  joinPerDevicePerLinePerHour: number;
  /** `joinLine` per phone number or email per line per hour (tries, whether or not they succeed). */
  joinPerContactPerLinePerHour: number;
  /** `testEstimatorWebhook` calls per line per minute (each one makes an outbound HTTP request). */
  webhookTestsPerLinePerMinute: number;
  /** `requestPasswordReset` per client address per hour. */
  passwordResetPerIpPerHour: number;
  /** Reset emails per address per hour; past it the request answers the same and sends nothing. */
  passwordResetPerEmailPerHour: number;
  /** `inviteMember` / `resendInvitation` per inviting user per hour (each sends an email to an outside address). */
  invitesPerCallerPerHour: number;
  /** Ticket exports (`GET /analytics/tickets`) per caller per minute (each streams up to a year of tickets). */
  ticketExportsPerCallerPerMinute: number;
  /** Queries / mutations per caller (API key, user, or the address of an anonymous caller) per minute. */
  queriesPerCallerPerMinute: number;
  mutationsPerCallerPerMinute: number;
  /** Queries / mutations per tenant (of an API key) per minute. */
  queriesPerTenantPerMinute: number;
  mutationsPerTenantPerMinute: number;
  /** Operations one caller may have running at once (one more is refused at once). */
  inFlightPerCaller: number;
  /** Operations one tenant's API keys may have running at once in a process (its CPU share; one more is refused at once). */
  inFlightPerTenant: number;
  /** Database transactions one tenant may hold at once (more wait their turn, up to DB_CONNECTION_WAIT_MS). */
  transactionsPerTenant: number;
  /** Longest wait for Redis before a limiter decides from this process's memory instead. */
  redisTimeoutMs: number;
  /** Prefix of every limiter key in Redis (tests give each process its own). */
  keyPrefix: string;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** A development secret persisted beside the embedded database, so tokens survive restarts. */
function localJwtSecret(dataDir: string): string {
  const file = join(dataDir, "jwt-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A base64url string of exactly `bytes` bytes. */
function base64urlBytes(value: string, bytes: number): boolean {
  return /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, "base64url").length === bytes;
}

/** A development VAPID key pair persisted beside the embedded database (like the JWT secret), so subscriptions survive restarts. */
function localVapidKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const file = join(dataDir, "vapid-keys.json");
  if (existsSync(file)) {
    const stored: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (stored && typeof stored === "object" && "publicKey" in stored && "privateKey" in stored) {
      const { publicKey, privateKey } = stored;
      if (typeof publicKey === "string" && typeof privateKey === "string") return { publicKey, privateKey };
    }
    throw new Error(`${file} is not a VAPID key pair; delete it to generate a new one`);
  }
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const { x, y, d } = privateKey.export({ format: "jwk" });
  if (!x || !y || !d) throw new Error("node:crypto exported an EC key without coordinates");
  // The application server key is the uncompressed point 0x04 ‖ x ‖ y; the private key is d (JWK sizes are fixed).
  const pair = {
    publicKey: Buffer.concat([Buffer.from([4]), Buffer.from(x, "base64url"), Buffer.from(y, "base64url")]).toString("base64url"),
    privateKey: d,
  };
  writeFileSync(file, JSON.stringify(pair), { mode: 0o600 });
  return pair;
}

function pushConfig(env: NodeJS.ProcessEnv, production: boolean, dataDir: string): PushConfig {
  const subject = env.VAPID_SUBJECT || "mailto:push@qline.invalid";
  if (!/^(mailto:|https:\/\/)\S+$/.test(subject)) throw new Error(`VAPID_SUBJECT must be a mailto: or https: URL, got "${subject}"`);
  const endpointAllowHosts = (env.PUSH_ENDPOINT_ALLOWLIST ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const tlsCa = env.PUSH_TLS_CA_FILE ? readFileSync(env.PUSH_TLS_CA_FILE, "utf8") : undefined;
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = env;
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey) throw new Error("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together");
    if (!base64urlBytes(publicKey, 65) || Buffer.from(publicKey, "base64url")[0] !== 4)
      throw new Error("VAPID_PUBLIC_KEY must be a base64url uncompressed P-256 point (65 bytes)");
    if (!base64urlBytes(privateKey, 32)) throw new Error("VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)");
    if (production && !env.VAPID_SUBJECT) throw new Error("VAPID_SUBJECT (mailto: or https: contact for push services) must be set with the VAPID keys");
    return { vapid: { publicKey, privateKey, subject }, vapidSource: "env", endpointAllowHosts, tlsCa };
  }
  // Production never invents keys: a key pair that changes with the machine would silently orphan every
  // subscription. Without VAPID_* push is off and the start-up log says so (server.ts).
  if (production) return { vapid: null, vapidSource: "none", endpointAllowHosts, tlsCa };
  return { vapid: { ...localVapidKeys(dataDir), subject }, vapidSource: "data-dir", endpointAllowHosts, tlsCa };
}

/** The key for tenant secrets: QLINE_SECRETS_KEY, or (outside production) a file beside the embedded database. */
function secretsKey(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): Buffer | null {
  const raw = env.QLINE_SECRETS_KEY;
  if (raw) {
    const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
    if (key.length !== 32) throw new Error("QLINE_SECRETS_KEY must be 32 bytes (64 hex digits or base64)");
    return key;
  }
  if (production) return null;
  const file = join(dataDir, "secrets-key");
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("base64"), { mode: 0o600 });
  return key;
}

function notificationConfig(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): NotificationConfig {
  const smtp: SmtpConfig | null = env.SMTP_URL
    ? { url: env.SMTP_URL }
    : env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: integer("SMTP_PORT", env.SMTP_PORT, 587) || 587,
          secure: ["1", "true"].includes((env.SMTP_SECURE ?? "").toLowerCase()),
          user: env.SMTP_USER || undefined,
          password: env.SMTP_PASSWORD || undefined,
        }
      : null;
  const twilio =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
      ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_FROM }
      : null;
  return {
    smtp,
    mailFrom: env.MAIL_FROM || "qline <no-reply@qline.local>",
    twilio,
    twilioBaseUrl: (env.TWILIO_BASE_URL || "https://api.twilio.com").replace(/\/+$/, ""),
    devSinks: ["1", "true"].includes((env.QLINE_DEV_SINKS ?? "").toLowerCase()),
    devSinkPorts: { smtp: integer("QLINE_DEV_SMTP_PORT", env.QLINE_DEV_SMTP_PORT, 0), sms: integer("QLINE_DEV_SMS_PORT", env.QLINE_DEV_SMS_PORT, 0) },
    secretsKey: secretsKey(env, dataDir, production),
    pollMs: integer("NOTIFY_POLL_MS", env.NOTIFY_POLL_MS, 2000) || 2000,
    maxAttempts: integer("NOTIFY_MAX_ATTEMPTS", env.NOTIFY_MAX_ATTEMPTS, 8) || 8,
    retryBaseMs: integer("NOTIFY_RETRY_BASE_MS", env.NOTIFY_RETRY_BASE_MS, 5000) || 5000,
    sendTimeoutMs: integer("NOTIFY_SEND_TIMEOUT_MS", env.NOTIFY_SEND_TIMEOUT_MS, 15_000) || 15_000,
  };
}

function platformMailConfig(env: NodeJS.ProcessEnv, notifications: NotificationConfig): PlatformMailConfig {
  return {
    smtp: env.PLATFORM_SMTP_URL ? { url: env.PLATFORM_SMTP_URL } : notifications.smtp,
    from: env.PLATFORM_MAIL_FROM || notifications.mailFrom,
    adminUrl: (env.QLINE_ADMIN_URL || "http://127.0.0.1:4173").replace(/\/+$/, ""),
    invitationTtlSeconds: (integer("INVITATION_TTL_HOURS", env.INVITATION_TTL_HOURS, 168) || 168) * 3600,
    passwordResetTtlSeconds: (integer("PASSWORD_RESET_TTL_MINUTES", env.PASSWORD_RESET_TTL_MINUTES, 30) || 30) * 60,
    pollMs: integer("PLATFORM_MAIL_POLL_MS", env.PLATFORM_MAIL_POLL_MS, 5000) || 5000,
  };
}

function logLevel(value: string | undefined): LogLevel {
  if (!value) return "info";
  const level = logLevels.find((l) => l === value.toLowerCase());
  if (!level) throw new Error(`LOG_LEVEL must be one of ${logLevels.join(", ")}, got "${value}"`);
  return level;
}

function rateLimits(env: NodeJS.ProcessEnv): RateLimitConfig {
  const n = (name: string, fallback: number) => integer(name, env[name], fallback);
  return {
    enabled: !["off", "false", "0"].includes((env.RATE_LIMITS ?? "").toLowerCase()),
    loginPerIpPerMinute: n("RATE_LOGIN_PER_IP_PER_MINUTE", 30),
    loginFreeFailuresPerIp: n("RATE_LOGIN_FREE_FAILURES_PER_IP", 5),
    loginFreeFailuresPerAccount: n("RATE_LOGIN_FREE_FAILURES_PER_ACCOUNT", 20),
    loginBackoffMaxSeconds: n("RATE_LOGIN_BACKOFF_MAX_SECONDS", 900),
    signUpPerIpPerHour: n("RATE_SIGNUP_PER_IP_PER_HOUR", 20),
    publicLookupsPerIpPerMinute: n("RATE_PUBLIC_PER_IP_PER_MINUTE", 300),
    cancelPerIpPerMinute: n("RATE_CANCEL_PER_IP_PER_MINUTE", 20),
    joinPerIpPerHour: n("RATE_JOIN_PER_IP_PER_HOUR", 120),
    joinPerDevicePerLinePerHour: n("RATE_JOIN_PER_DEVICE_PER_LINE_PER_HOUR", 6),
    joinPerContactPerLinePerHour: n("RATE_JOIN_PER_CONTACT_PER_LINE_PER_HOUR", 6),
    webhookTestsPerLinePerMinute: n("RATE_WEBHOOK_TESTS_PER_LINE_PER_MINUTE", 6),
    passwordResetPerIpPerHour: n("RATE_PASSWORD_RESET_PER_IP_PER_HOUR", 20),
    passwordResetPerEmailPerHour: n("RATE_PASSWORD_RESET_PER_EMAIL_PER_HOUR", 3),
    invitesPerCallerPerHour: n("RATE_INVITES_PER_CALLER_PER_HOUR", 100),
    ticketExportsPerCallerPerMinute: n("RATE_TICKET_EXPORTS_PER_CALLER_PER_MINUTE", 6),
    queriesPerCallerPerMinute: n("RATE_QUERIES_PER_CALLER_PER_MINUTE", 1200),
    mutationsPerCallerPerMinute: n("RATE_MUTATIONS_PER_CALLER_PER_MINUTE", 600),
    queriesPerTenantPerMinute: n("RATE_QUERIES_PER_TENANT_PER_MINUTE", 6000),
    mutationsPerTenantPerMinute: n("RATE_MUTATIONS_PER_TENANT_PER_MINUTE", 3000),
    inFlightPerCaller: n("RATE_IN_FLIGHT_PER_CALLER", 8) || 8,
    inFlightPerTenant: n("RATE_IN_FLIGHT_PER_TENANT", 1) || 1,
    transactionsPerTenant: n("RATE_TRANSACTIONS_PER_TENANT", 6) || 6,
    redisTimeoutMs: n("RATE_REDIS_TIMEOUT_MS", 100) || 100,
    keyPrefix: env.RATE_KEY_PREFIX || "qline:rl",
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  const dataDir = resolve(env.QLINE_DATA_DIR || ".qline-data");
  const jwtSecret = env.JWT_SECRET || (production ? "" : localJwtSecret(dataDir));
  const notifications = notificationConfig(env, dataDir, production);
  if (jwtSecret.length < 32) throw new Error("JWT_SECRET must be set to at least 32 characters");
  return {
    port: integer("PORT", env.PORT, 4000),
    host: env.HOST || "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    appDbPassword: env.QLINE_APP_DB_PASSWORD || undefined,
    dataDir,
    redisUrl: env.REDIS_URL || undefined,
    jwtSecret,
    jwtTtlSeconds: integer("JWT_TTL_SECONDS", env.JWT_TTL_SECONDS, 12 * 3600),
    platformAdminEmails: (env.PLATFORM_ADMIN_EMAILS ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO !== "false" : !env.DATABASE_URL,
    production,
    estimatorWebhookAllowHosts: (env.ESTIMATOR_WEBHOOK_ALLOW_HOSTS ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    ttlPollMs: integer("TTL_POLL_MS", env.TTL_POLL_MS, 5000) || 5000,
    dataLifecyclePollMs: integer("DATA_LIFECYCLE_POLL_MS", env.DATA_LIFECYCLE_POLL_MS, 300_000) || 300_000,
    tenantDeletionGraceDays: integer("TENANT_DELETION_GRACE_DAYS", env.TENANT_DELETION_GRACE_DAYS, 30),
    exportLinkTtlSeconds: integer("EXPORT_LINK_TTL_SECONDS", env.EXPORT_LINK_TTL_SECONDS, 300) || 300,
    devicePairingTtlSeconds: integer("DEVICE_PAIRING_TTL_SECONDS", env.DEVICE_PAIRING_TTL_SECONDS, 900),
    apiUrl: (env.QLINE_API_URL || "").replace(/\/+$/, "") || undefined,
    redisPublishTimeoutMs: integer("REDIS_PUBLISH_TIMEOUT_MS", env.REDIS_PUBLISH_TIMEOUT_MS, 500) || 500,
    liveGapWaitMs: integer("LIVE_GAP_WAIT_MS", env.LIVE_GAP_WAIT_MS, 1000) || 1000,
    lineStateMaxAgeMs: integer("LINE_STATE_MAX_AGE_MS", env.LINE_STATE_MAX_AGE_MS, 5000) || 5000,
    readyCheckTimeoutMs: integer("READY_CHECK_TIMEOUT_MS", env.READY_CHECK_TIMEOUT_MS, 1000) || 1000,
    shutdownTimeoutMs: integer("SHUTDOWN_TIMEOUT_MS", env.SHUTDOWN_TIMEOUT_MS, 10_000) || 10_000,
    adminUrl: env.QLINE_ADMIN_URL || undefined,
    publicUrl: (env.QLINE_PUBLIC_URL || "http://127.0.0.1:4174").replace(/\/+$/, ""),
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim().replace(/\/$/, ""))
      .filter(Boolean),
    logLevel: logLevel(env.LOG_LEVEL),
    metricsToken: env.METRICS_TOKEN || undefined,
    limits: loadLimits(env),
    dbConnectionWaitMs: integer("DB_CONNECTION_WAIT_MS", env.DB_CONNECTION_WAIT_MS, 5000) || 5000,
    trustProxy: integer("TRUST_PROXY", env.TRUST_PROXY, 0),
    rateLimits: rateLimits(env),
    push: pushConfig(env, production, dataDir),
    notifications,
    platformMail: platformMailConfig(env, notifications),
  };
}

/** LIMIT_* variables; each positive integer, defaulting to `defaultLimits`. */
function loadLimits(env: NodeJS.ProcessEnv): RequestLimits {
  const limit = (name: string, fallback: number) => integer(name, env[name], fallback) || fallback;
  const d = defaultLimits;
  return {
    requestBytes: limit("LIMIT_REQUEST_BYTES", d.requestBytes),
    maxTokens: limit("LIMIT_TOKENS", d.maxTokens),
    maxDepth: limit("LIMIT_DEPTH", d.maxDepth),
    maxAliases: limit("LIMIT_ALIASES", d.maxAliases),
    maxDirectives: limit("LIMIT_DIRECTIVES", d.maxDirectives),
    maxCost: limit("LIMIT_COST", d.maxCost),
    maxSubscriptionCost: limit("LIMIT_SUBSCRIPTION_COST", d.maxSubscriptionCost),
    executionMs: limit("LIMIT_EXECUTION_MS", d.executionMs),
    wsConnectionsPerIp: limit("LIMIT_WS_CONNECTIONS_PER_IP", d.wsConnectionsPerIp),
    wsConnectionsPerActor: limit("LIMIT_WS_CONNECTIONS_PER_ACTOR", d.wsConnectionsPerActor),
    maxSubscriptionsPerConnection: limit("LIMIT_SUBSCRIPTIONS_PER_CONNECTION", d.maxSubscriptionsPerConnection),
  };
}
