/**
 * Statements per mutation: the SQL one issueTicket (signed-in user and kiosk API key) and one callNext send,
 * counted on an in-process API against a fresh PostgreSQL database. Deterministic (no timing): the count of
 * round trips is what the issue and call-next throughput goals hinge on (see results/latest.md). Prints the
 * statements with `--verbose`.
 */
import pg from "pg";
import { loadConfig, startServer, createPubSub } from "@qline/api";
import { openDatabase } from "@qline/db";
import { jwtSecret } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { callNextMutation, createCounter, createLine, issueMutation, signUp } from "../lib/fixtures.js";
import { GqlClient } from "../lib/http.js";
import { isMain, runAlone, table, type Section } from "../lib/report.js";

interface Captured {
  text: string;
  connection: number;
}

/** Records every statement the API's pg clients send while `recording` is on. */
function captureStatements(): { start(): void; stop(): Captured[]; restore(): void } {
  let recording = false;
  let captured: Captured[] = [];
  const connections = new Map<unknown, number>();
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (recording) {
      const [first] = args;
      if (!connections.has(this)) connections.set(this, connections.size);
      const text = typeof first === "string" ? first : first && typeof first === "object" && "text" in first ? String((first as { text: string }).text) : "?";
      captured.push({ text, connection: connections.get(this)! });
    }
    return original.apply(this, args);
  };
  return {
    start() {
      captured = [];
      recording = true;
    },
    stop() {
      recording = false;
      return captured;
    },
    restore() {
      proto.query = original;
    },
  };
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 140);

export async function run(): Promise<Section> {
  const started = Date.now();
  const verbose = process.argv.includes("--verbose");
  const database = await createBenchDatabase();
  const capture = captureStatements();
  const db = await openDatabase({ databaseUrl: database.ownerUrl });
  const pubsub = createPubSub(undefined);
  const config = { ...loadConfig({ JWT_SECRET: jwtSecret, QLINE_DATA_DIR: "/tmp/qline-bench-unused" }), port: 0, seedDemo: false };
  const server = await startServer({ config, database: db, pubsub, port: 0 });
  const rows: (string | number)[][] = [];
  const details: string[] = [];
  try {
    const owner = await signUp(server.url, 4);
    const lineId = await createLine(owner);
    const counterId = await createCounter(owner, lineId);
    const created = await owner.client.ok<{ createApiKey: { secret: string } }>(
      `mutation($t: ID!) { createApiKey(tenantId: $t, name: "Kiosk", scopes: ["tickets:issue"]) { secret } }`,
      { t: owner.tenantId },
    );
    const kiosk = new GqlClient(server.url, `ApiKey ${created.createApiKey.secret}`, 4);
    const cases: [string, () => Promise<unknown>][] = [
      ["issueTicket (Bearer)", () => owner.client.ok(issueMutation, { input: { lineId } })],
      ["issueTicket (ApiKey)", () => kiosk.ok(issueMutation, { input: { lineId } })],
      ["callNext (Bearer)", () => owner.client.ok(callNextMutation, { l: lineId, c: counterId })],
    ];
    for (const [label, op] of cases) {
      await op(); // warm (pool connections, prepared caches)
      capture.start();
      await op();
      const statements = capture.stop();
      const transactions = statements.filter((s) => /^begin/i.test(s.text.trim())).length;
      rows.push([label, statements.length, transactions]);
      if (verbose) details.push(`### ${label}`, "", "```", ...statements.map((s, i) => `${String(i + 1).padStart(2)} [c${s.connection}] ${oneLine(s.text)}`), "```", "");
    }
    kiosk.close();
    owner.client.close();
  } finally {
    capture.restore();
    await server.close();
    await pubsub.close();
    await db.close();
    await database.drop();
  }
  const markdown = [
    "One mutation after a warm-up, on an in-process API (pg pool, in-memory pub/sub); every statement its pg clients sent, `begin`/`commit` included. A line with no waiting tickets but the one being called.",
    "",
    table(["mutation", "SQL statements", "transactions"], rows),
    "",
    ...details,
  ].join("\n");
  return { title: "Statements per mutation", markdown, goals: [], seconds: Math.round((Date.now() - started) / 1000) };
}

if (isMain(import.meta.url)) await runAlone("statements", run);
