/**
 * The board query's SQL, counted deterministically (no load): seeds the board benchmark's line once on the local
 * PostgreSQL, then captures one board query's statements and transactions (the same capture as board.ts) and
 * writes its JSON answer, so two builds can be compared on the same data.
 *
 *   node dist/benchmarks/board-sql.js seed <state.json>            a fresh database with the seeded line
 *   node dist/benchmarks/board-sql.js capture <state.json> <out>   counts on stdout, answer + statements in <out>;
 *                                                                  BOARD_SEQUENTIAL=n also times n sequential queries
 *                                                                  (latency, and CPU of this process per query)
 *   node dist/benchmarks/board-sql.js drop <state.json>
 */
import { readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { startApi } from "../lib/api.js";
import { createBenchDatabase } from "../lib/database.js";
import { pgUrl } from "../lib/env.js";
import { bulkWaitingSql, callNextMutation, createCounter, createLine, signUp } from "../lib/fixtures.js";
import { captureBoardSql } from "./board.js";
import { fmt, percentile } from "../lib/stats.js";

interface State {
  database: string;
  ownerUrl: string;
  token: string;
  lineId: string;
}

const [command, stateFile, outFile] = process.argv.slice(2);
if (!command || !stateFile) throw new Error("usage: board-sql.js seed|capture|drop <state.json> [out.json]");

if (command === "seed") {
  const database = await createBenchDatabase();
  const api = await startApi({ databaseUrl: database.ownerUrl });
  try {
    // As board.ts: 150 waiting (bulk), 5 called at 2 counters, a second line; plus a ticket type on a third of them.
    const owner = await signUp(api.url, 4);
    const lineId = await createLine(owner);
    const counters = [await createCounter(owner, lineId, "Desk 1"), await createCounter(owner, lineId, "Desk 2")];
    await createLine(owner, "Second", "S");
    const type = await owner.client.ok<{ createTicketType: { id: string } }>(`mutation($input: CreateTicketTypeInput!) { createTicketType(input: $input) { id } }`, {
      input: { tenantId: owner.tenantId, code: "T", name: "Takeaway", defaultServiceSeconds: 90 },
    });
    const pool = database.owner();
    await pool.query(bulkWaitingSql, [owner.tenantId, lineId, 150, 0]);
    await pool.query(`update tickets set ticket_type_id = $1 where line_id = $2 and seq % 3 = 0`, [type.createTicketType.id, lineId]);
    for (let i = 0; i < 5; i++) await owner.client.ok(callNextMutation, { l: lineId, c: counters[i % 2] });
    owner.client.close();
    const state: State = { database: database.name, ownerUrl: database.ownerUrl, token: owner.token, lineId };
    writeFileSync(stateFile, JSON.stringify(state, null, 2));
    console.log(`seeded ${database.name}`);
  } finally {
    await api.stop(); // the database stays for capture; `drop` removes it
  }
  process.exit(0);
}

const state = JSON.parse(readFileSync(stateFile, "utf8")) as State;
if (command === "capture") {
  const sequential = Number(process.env.BOARD_SEQUENTIAL ?? 0);
  const { statements, response, latenciesMs, cpuMsPerQuery } = await captureBoardSql(state.ownerUrl, state.token, state.lineId, sequential);
  const transactions = statements.filter((s) => /^begin/i.test(s.text)).length;
  const connections = new Set(statements.map((s) => s.connection)).size;
  console.log(`board query: ${statements.length} statements in ${transactions} transactions on ${connections} connections`);
  if (latenciesMs.length) console.log(`sequential: ${latenciesMs.length} queries, p50 ${fmt(percentile(latenciesMs, 50))} ms, p90 ${fmt(percentile(latenciesMs, 90))} ms, CPU (API and client, one process) ${fmt(cpuMsPerQuery ?? 0)} ms per query`);
  if (outFile) writeFileSync(outFile, JSON.stringify({ response, statements: statements.map((s) => s.text.replace(/\s+/g, " ").trim()) }, null, 2));
} else if (command === "drop") {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${state.database} with (force)`);
  await admin.end();
} else {
  throw new Error(`unknown command ${command}`);
}
