/**
 * Journeys in Debian Chromium against the real API and the built public pages served by `vite preview`.
 *
 * Default: one API on a fresh embedded PGlite database (new data directory per run).
 * `E2E_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres` (+ `REDIS_URL`, default redis://127.0.0.1:6379):
 * a fresh database on that server and TWO API processes sharing it through Redis pub/sub — the kiosk, customer
 * and display pages talk to the first, admin and staff steps (E2E_STAFF_API_URL) to the second.
 *
 * The admin console (apps/admin) is built and served by `vite preview` against the staff API (E2E_ADMIN_URL).
 *
 * Ports are chosen free once here (workers inherit process.env). `E2E_SKIP_BUILD=1` reuses the API's build.
 */
import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");

function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString().trim();
}

process.env.E2E_API_PORT ??= freePort();
process.env.E2E_KIOSK_PORT ??= freePort();
process.env.E2E_ADMIN_PORT ??= freePort();
// The admin console's build goes outside the repository (apps/admin has no ignore rule for it).
process.env.E2E_ADMIN_DIST ??= mkdtempSync(join(tmpdir(), "qline-e2e-admin-"));
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "qline-e2e-"));
// Two-process topology on PostgreSQL + Redis: a database of its own, dropped in global-teardown.ts.
const pgBase = process.env.E2E_DATABASE_URL;
if (pgBase && !process.env.E2E_PG_URL) {
  const name = `qline_e2e_${Date.now().toString(36)}_${process.pid}`;
  execFileSync("psql", [pgBase, "-qc", `create database ${name}`]);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  process.env.E2E_PG_URL = url.toString();
  process.env.E2E_STAFF_API_PORT = freePort();
}
const pgUrl = process.env.E2E_PG_URL;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const apiPort = process.env.E2E_API_PORT;
const kioskPort = process.env.E2E_KIOSK_PORT;
export const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
process.env.E2E_API_URL = apiUrl;
process.env.E2E_KIOSK_URL = `http://127.0.0.1:${kioskPort}`;
const staffPort = pgUrl ? process.env.E2E_STAFF_API_PORT! : apiPort;
process.env.E2E_STAFF_API_URL = `http://127.0.0.1:${staffPort}/graphql`;
/** The admin console, built against the staff API (the second process in the PostgreSQL + Redis topology). */
const adminPort = process.env.E2E_ADMIN_PORT;
process.env.E2E_ADMIN_URL = `http://127.0.0.1:${adminPort}`;

/** Host routing: the kiosk is built with this base domain and Chromium resolves every *.qline.test to 127.0.0.1. */
export const baseDomain = "qline.test";
process.env.E2E_BASE_DOMAIN = baseDomain;
/** Signs up in the specs to suspend tenants. */
process.env.E2E_PLATFORM_ADMIN = "platform-admin@e2e.test";

/** Budgets no journey comes near (every browser here shares one address); the limits have their own API tests. */
const rateLimits: Record<string, string> = {
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
  RATE_INVITES_PER_CALLER_PER_HOUR: "100000",
  RATE_QUERIES_PER_CALLER_PER_MINUTE: "1000000",
  RATE_MUTATIONS_PER_CALLER_PER_MINUTE: "1000000",
  RATE_QUERIES_PER_TENANT_PER_MINUTE: "1000000",
  RATE_MUTATIONS_PER_TENANT_PER_MINUTE: "1000000",
  RATE_IN_FLIGHT_PER_CALLER: "10000",
  RATE_IN_FLIGHT_PER_TENANT: "10000",
  RATE_KEY_PREFIX: `qline:rl:e2e:${process.pid}`,
};

const database: Record<string, string> = {
  ...rateLimits,
  // One JSON line per operation would bury the journeys' own output; E2E_API_LOG_LEVEL=info shows them.
  LOG_LEVEL: process.env.E2E_API_LOG_LEVEL ?? "warn",
  PLATFORM_ADMIN_EMAILS: process.env.E2E_PLATFORM_ADMIN,
  // Join links and QR posters point at the public pages under test.
  QLINE_PUBLIC_URL: process.env.E2E_KIOSK_URL,
  // Links in invitation and password-reset emails open the admin console under test.
  QLINE_ADMIN_URL: process.env.E2E_ADMIN_URL,
  NOTIFY_POLL_MS: "500",
  PLATFORM_MAIL_POLL_MS: "500",
  // Web Push to the specs' local push receiver (packages/push-receiver: loopback, its own test certificate).
  PUSH_ENDPOINT_ALLOWLIST: "127.0.0.1",
  PUSH_TLS_CA_FILE: join(repo, "packages/push-receiver/fixtures/receiver-cert.pem"),
  ...(pgUrl
    ? // Both processes read the VAPID keys generated into the same (temporary) data folder.
      { DATABASE_URL: pgUrl, REDIS_URL: redisUrl, SEED_DEMO: "false", JWT_SECRET: "e2e-only-secret-shared-by-both-api-processes", QLINE_DATA_DIR: process.env.E2E_DATA_DIR! }
    : { QLINE_DATA_DIR: process.env.E2E_DATA_DIR!, SEED_DEMO: "true" }),
};

/**
 * Email and SMS go to an API's embedded loopback SMTP server and Twilio-speaking sink; devMailbox lists what that
 * process's sinks received. Two processes: the staff process (the admin's) runs the sinks on fixed ports and the
 * public process delivers to them as to any SMTP server and Twilio account, so the admin's mailbox sees every
 * message whichever worker delivered it.
 */
process.env.E2E_DEV_SMTP_PORT ??= freePort();
process.env.E2E_DEV_SMS_PORT ??= freePort();
const devTwilio = { TWILIO_ACCOUNT_SID: "ACe2e00000000000000000000000000000", TWILIO_AUTH_TOKEN: "e2e-dev-sink-token", TWILIO_FROM: "+15005550006" };
const devSinks: Record<string, string> = { QLINE_DEV_SINKS: "1", QLINE_DEV_SMTP_PORT: process.env.E2E_DEV_SMTP_PORT, QLINE_DEV_SMS_PORT: process.env.E2E_DEV_SMS_PORT, ...devTwilio };
const toStaffSinks: Record<string, string> = {
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: process.env.E2E_DEV_SMTP_PORT,
  TWILIO_BASE_URL: `http://127.0.0.1:${process.env.E2E_DEV_SMS_PORT}`,
  ...devTwilio,
};

const buildApi = process.env.E2E_SKIP_BUILD ? "" : "pnpm exec turbo run build --filter=@qline/api... --output-logs=errors-only && ";

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_KIOSK_URL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--host-resolver-rules=MAP *.${baseDomain} 127.0.0.1`,
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  globalTeardown: "./global-teardown.ts",
  webServer: [
    {
      name: "api",
      command: `${buildApi}node apps/api/dist/main.js`,
      cwd: repo,
      url: `http://127.0.0.1:${apiPort}/healthz`,
      env: { PORT: apiPort, HOST: "127.0.0.1", ...database, ...(pgUrl ? toStaffSinks : devSinks) },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    ...(pgUrl
      ? [
          {
            name: "api-staff",
            // Waits for the first process's build; both migrate under the API's advisory lock.
            command: `until [ -f apps/api/dist/main.js ] && curl -sf http://127.0.0.1:${apiPort}/healthz >/dev/null; do sleep 1; done; node apps/api/dist/main.js`,
            cwd: repo,
            url: `http://127.0.0.1:${staffPort}/healthz`,
            env: { PORT: staffPort, HOST: "127.0.0.1", ...database, ...devSinks },
            timeout: 240_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]
      : []),
    {
      name: "kiosk",
      command: `pnpm exec vite build --outDir dist-e2e --logLevel warn && pnpm exec vite preview --outDir dist-e2e --host 127.0.0.1 --port ${kioskPort} --strictPort`,
      cwd: join(repo, "apps/kiosk"),
      url: `http://127.0.0.1:${kioskPort}/`,
      env: { VITE_API_URL: apiUrl, VITE_BASE_DOMAIN: baseDomain },
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      name: "admin",
      command: `pnpm exec vite build --outDir ${process.env.E2E_ADMIN_DIST} --emptyOutDir --logLevel warn && pnpm exec vite preview --outDir ${process.env.E2E_ADMIN_DIST} --host 127.0.0.1 --port ${adminPort} --strictPort`,
      cwd: join(repo, "apps/admin"),
      url: `http://127.0.0.1:${adminPort}/`,
      env: { VITE_API_URL: process.env.E2E_STAFF_API_URL },
      timeout: 180_000,
      reuseExistingServer: false,
    },
  ],
});
