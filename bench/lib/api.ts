/**
 * API processes for the benchmarks: the real `apps/api/dist/main.js` as a child process (so the load generator
 * never shares the server's event loop), on a given PostgreSQL database or on embedded PGlite.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);
/** apps/api/dist/main.js, found through the workspace dependency. */
export const apiMain = join(dirname(require.resolve("@qline/api")), "main.js");

const exitOnTerm = new URL("./exit-on-term.js", import.meta.url).href;

export const jwtSecret = "bench-secret-that-is-long-enough-for-hs256!!";

/**
 * For the load benchmarks: one caller (or one address) drives the whole load, so the per-caller, per-tenant and
 * per-address budgets and in-flight caps are lifted far above it. Every limiter stays on and is charged (its cost is
 * in the figures); none comes near refusing. What the defaults do under load is measured by noisy-neighbour.ts.
 */
export const loadLimits: Readonly<Record<string, string>> = {
  RATE_QUERIES_PER_CALLER_PER_MINUTE: "100000000",
  RATE_MUTATIONS_PER_CALLER_PER_MINUTE: "100000000",
  RATE_QUERIES_PER_TENANT_PER_MINUTE: "100000000",
  RATE_MUTATIONS_PER_TENANT_PER_MINUTE: "100000000",
  RATE_PUBLIC_PER_IP_PER_MINUTE: "100000000",
  RATE_CANCEL_PER_IP_PER_MINUTE: "100000000",
  // Every benchmark signs up from 127.0.0.1 (the budgets live in Redis across runs).
  RATE_SIGNUP_PER_IP_PER_HOUR: "100000000",
  RATE_LOGIN_PER_IP_PER_MINUTE: "100000000",
  RATE_IN_FLIGHT_PER_CALLER: "1000",
  RATE_IN_FLIGHT_PER_TENANT: "1000",
  RATE_TRANSACTIONS_PER_TENANT: "1000",
  LIMIT_WS_CONNECTIONS_PER_IP: "100000",
  LIMIT_WS_CONNECTIONS_PER_ACTOR: "100000",
};

/** One benchmark run's rate-limit key namespace: its processes share it, nothing else does. */
const runKeyPrefix = `qline:rl:bench:${process.pid}:${Date.now().toString(36)}`;

export interface ApiProcess {
  url: string;
  wsUrl: string;
  pid: number;
  /** Resident set size of the API process, bytes (from /proc). */
  rss(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

export interface ApiOptions {
  /** Owner URL of a PostgreSQL database; absent = embedded PGlite in a temporary folder. */
  databaseUrl?: string;
  redisUrl?: string;
  /** Writes a V8 CPU profile into this folder on exit (node --cpu-prof). */
  cpuProfDir?: string;
  extraArgs?: string[];
  /** More environment for the API (RATE_* limits). */
  env?: Record<string, string>;
}

export async function startApi(options: ApiOptions): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), "qline-bench-pglite-"));
  // BENCH_CPU_PROF_DIR profiles every API process of a run (see README: profiling).
  const cpuProfDir = options.cpuProfDir ?? process.env.BENCH_CPU_PROF_DIR;
  const args = ["--import", exitOnTerm, ...(cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : []), ...(options.extraArgs ?? []), apiMain];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "false",
    // As deployed: graphql-js skips its development-only checks (instanceOf across realms) in production.
    NODE_ENV: "production",
    JWT_SECRET: jwtSecret,
    QLINE_DATA_DIR: dataDir ?? join(tmpdir(), "qline-bench-unused"),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    // The limiters' counters of this run, apart from every other run's and the tests' (Redis is shared).
    RATE_KEY_PREFIX: runKeyPrefix,
    ...options.env,
  };
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const startMs = Number(process.env.BENCH_API_START_MS ?? 60_000); // a loaded shared machine can need more
  const deadline = Date.now() + startMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`API did not start within ${startMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    rss: () => rssOf(child.pid!),
    async stop() {
      if (process.env.BENCH_API_LOG) writeFileSync(process.env.BENCH_API_LOG, output); // the API's log lines, for diagnosis
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      process.off("exit", killOnExit);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
