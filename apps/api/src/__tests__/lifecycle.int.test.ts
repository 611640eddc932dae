/**
 * The real process (dist/main.js): SIGTERM with a live subscriber drains and exits 0 within SHUTDOWN_TIMEOUT_MS,
 * the subscriber seeing close code 1001; a busy port exits non-zero with one clear line. On PGlite in a temp
 * directory, or a fresh database on TEST_DATABASE_URL (and REDIS_URL when set). Startup of an embedded
 * database can take a minute on a loaded machine, so the allowance is generous.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { WebSocket } from "ws";
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from "@qline/db/testing";
import { assertOk, freePort, testPassword, uniqueSlug, type Gql, type GraphQLResponse } from "./harness.js";
import { createLine } from "../modules/tickets/__tests__/queue-fixtures.js";

const mainJs = fileURLToPath(new URL("../main.js", import.meta.url));
const STARTUP_ALLOWANCE_MS = 180_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

interface ApiProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnApi(env: NodeJS.ProcessEnv): ApiProcess {
  const child = spawn(process.execPath, [mainJs], { env, stdio: "pipe" });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

/** Resolves once /healthz answers; rejects if the process exits first or the allowance runs out. */
async function started(api: ApiProcess, port: number): Promise<void> {
  let exit: { code: number | null } | null = null;
  void api.exited.then((e) => (exit = e));
  const deadline = Date.now() + STARTUP_ALLOWANCE_MS;
  for (;;) {
    if (exit) throw new Error(`the API exited (${JSON.stringify(exit)}) before listening:\n${api.output()}`);
    if (Date.now() > deadline) throw new Error(`the API did not start within ${STARTUP_ALLOWANCE_MS} ms:\n${api.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const clientFor =
  (url: string, authorization?: string): Gql =>
  async (query, variables) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };

describe("process lifecycle (dist/main.js)", { timeout: 2 * STARTUP_ALLOWANCE_MS + 60_000 }, () => {
  let database: TestDatabase | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "qline-lifecycle-"));
  const envFor = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    QLINE_DATA_DIR: dataDir,
    SEED_DEMO: "false",
    JWT_SECRET: "lifecycle-test-secret-that-is-long-enough!",
    DATABASE_URL: database?.ownerUrl ?? "",
    REDIS_URL: process.env.REDIS_URL ?? "",
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  });

  before(async () => {
    if (testDatabaseUrl) database = await createTestDatabase();
  });
  after(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("SIGTERM with a live subscriber: the subscriber gets close 1001 and the process exits 0 within 10 s", async () => {
    const port = await freePort();
    const api = spawnApi(envFor(port));
    try {
      await started(api, port);
      const url = `http://127.0.0.1:${port}/graphql`;
      const signUp = assertOk(
        await clientFor(url)<{ signUp: { token: string } }>(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, {
          input: { email: `life-${randomBytes(4).toString("hex")}@example.test`, password: testPassword, name: "Life", accountName: "Life Inc", tenantName: "Life HQ", tenantSlug: uniqueSlug("life") },
        }),
      ).signUp;
      const gql = clientFor(url, `Bearer ${signUp.token}`);
      const tenantId = assertOk(await gql<{ me: { memberships: { tenant: { id: string } }[] } }>(`{ me { memberships { tenant { id } } } }`)).me.memberships[0]!.tenant.id;
      const lineId = await createLine(gql, tenantId);

      // A subscriber with a live subscription (its first event, SUBSCRIBED, has arrived).
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws");
      const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
      const live = new Promise<void>((resolve, reject) => {
        socket.on("message", (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
          if (message.type === "connection_ack") {
            socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: `subscription($l: ID!) { lineUpdated(lineId: $l) { kind } }`, variables: { l: lineId } } }));
          } else if (message.type === "next") resolve();
          else if (message.type === "error") reject(new Error(JSON.stringify(message.payload)));
        });
      });
      socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${signUp.token}` } })));
      await live;

      const signalledAt = Date.now();
      api.child.kill("SIGTERM");
      const [exit, close] = await Promise.all([api.exited, closed]);
      const tookMs = Date.now() - signalledAt;
      assert.deepEqual(exit, { code: 0, signal: null }, api.output());
      assert.equal(close.code, 1001, `close ${close.code} ${close.reason}`);
      assert.ok(tookMs < SHUTDOWN_TIMEOUT_MS, `exited after ${tookMs} ms`);
      assert.match(api.output(), /"signal":"SIGTERM".*"msg":"draining connections"/);
      console.log(`# lifecycle: SIGTERM to exit 0 in ${tookMs} ms`);
    } finally {
      if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill("SIGKILL");
    }
  });

  it("a busy port: the process exits non-zero saying so in one clear line", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as AddressInfo;
    const api = spawnApi(envFor(port));
    try {
      const exit = await Promise.race([
        api.exited,
        new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`still running after ${STARTUP_ALLOWANCE_MS} ms:\n${api.output()}`)), STARTUP_ALLOWANCE_MS).unref()),
      ]);
      assert.notEqual(exit.code, 0, api.output());
      assert.equal(exit.code, 1);
      // One log line at level fatal (60) that says why.
      assert.match(api.output(), new RegExp(`"level":60,.*"msg":"cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`));
    } finally {
      if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill("SIGKILL");
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });
});
