/**
 * Exactly once across processes (PostgreSQL: a second process needs a shared server). A worker process killed
 * with SIGKILL mid-delivery (the provider holds its answer) leaves a SENDING row; after its lease another
 * process sends again with the same idempotency key: one SENT row, and the receiver sees one distinct key.
 * Two processes delivering the same outbox at once: every message is delivered once.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { testDatabaseUrl } from "@qline/db/testing";
import { assertOk, signUpPersona, type Persona } from "../../../__tests__/harness.js";
import { createLine } from "../../tickets/__tests__/queue-fixtures.js";
import { startNotificationWorker } from "../worker.js";
import { outbox, startNotifyEnv, type NotifyEnv } from "./fixtures.js";

const issue = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`;

function startWorkerProcess(env: NotifyEnv, leaseSeconds: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fileURLToPath(new URL("./worker-process.js", import.meta.url))], {
    env: {
      ...process.env,
      OWNER_URL: env.api.database.ownerUrl,
      SINK_SMTP_PORT: String(env.sinks.smtp.port),
      SINK_TWILIO_BASE: env.sinks.twilio.baseUrl,
      SINK_TWILIO_SID: env.sinks.twilio.accountSid,
      SINK_TWILIO_TOKEN: env.sinks.twilio.authToken,
      LEASE_SECONDS: String(leaseSeconds),
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker process exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
  });
}

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe("exactly once across processes", { skip: testDatabaseUrl ? false : "needs PostgreSQL (TEST_DATABASE_URL): a second process cannot share in-memory PGlite" }, () => {
  let env: NotifyEnv;
  let owner: Persona;
  let lineId: string;
  const children: ChildProcess[] = [];

  before(async () => {
    env = await startNotifyEnv();
    owner = await signUpPersona(env.api, "once");
    lineId = await createLine(owner.gql, owner.tenantId, { name: "Once" });
    assertOk(await owner.gql(`mutation($l: ID!) { updateNotificationSettings(lineId: $l, input: { almostThere: false }) { almostThere } }`, { l: lineId }));
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await env.close();
  });

  it("kill -9 mid-delivery: the retry after the lease reuses the idempotency key; one SENT row, one distinct key at the receiver", async () => {
    let release: () => void = () => undefined;
    let heldFirst!: () => void;
    const firstArrived = new Promise<void>((r) => (heldFirst = r));
    let requests = 0;
    env.sinks.responder = async (req) => {
      if (req.to !== "+491519999999") return { accept: true };
      if (++requests > 1) return { accept: true };
      heldFirst();
      await new Promise<void>((r) => (release = r)); // the provider holds its answer until the test lets go
      return { drop: true };
    };
    const child = await startWorkerProcess(env, 3);
    children.push(child);
    const t = assertOk(await owner.gql<{ issueTicket: { id: string } }>(issue, { input: { lineId, phone: "+491519999999", notify: ["SMS"] } })).issueTicket;
    await firstArrived;
    child.kill("SIGKILL");
    await exited(child);
    let [row] = await outbox(env.api.database.db, owner.tenantId, t.id);
    assert.equal(row!.status, "SENDING");
    assert.equal(row!.attempts, 1);

    env.clock.skip = 10_000; // past the dead process's 3 s lease
    await env.drain();
    [row] = await outbox(env.api.database.db, owner.tenantId, t.id);
    assert.deepEqual([row!.status, row!.attempts, row!.provider], ["SENT", 2, "TWILIO"]);
    release();
    const keys = [...env.sinks.received.keys()].filter((k) => k === row!.id);
    assert.equal(env.sinks.received.size, 1, "one distinct idempotency key");
    assert.deepEqual(keys, [row!.id]);
    assert.equal(env.sinks.received.get(row!.id), 2, "the same key twice: the held request and the retry");
    assert.equal(env.sinks.messages().filter((m) => m.to === "+491519999999").length, 1);
    env.sinks.responder = null;
    env.clock.skip = 0;
  });

  it("two processes delivering one outbox: every message exactly once", async () => {
    env.sinks.clear();
    const child = await startWorkerProcess(env, 60);
    children.push(child);
    const here = startNotificationWorker({ db: env.api.database.db, senders: env.api.server.notifications.senders, config: env.api.server.notifications.config, publicUrl: "http://127.0.0.1:4174", pollMs: 50 });
    try {
      const n = 40;
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        ids.push(assertOk(await owner.gql<{ issueTicket: { id: string } }>(issue, { input: { lineId, phone: `+4915180000${String(i).padStart(2, "0")}`, email: `p${i}@example.test`, notify: ["SMS", "EMAIL"] } })).issueTicket.id);
      }
      const wanted = new Set(ids);
      await until("every message SENT", async () => (await outbox(env.api.database.db, owner.tenantId)).filter((r) => wanted.has(r.ticket_id) && r.status === "SENT").length === 2 * n);
      const rows = (await outbox(env.api.database.db, owner.tenantId)).filter((r) => wanted.has(r.ticket_id));
      assert.equal(rows.length, 2 * n);
      for (const r of rows) assert.equal(env.sinks.received.get(r.id), 1, `message ${r.id} reached its provider once`);
      assert.equal(env.sinks.duplicates, 0);
    } finally {
      await here.stop();
      child.kill("SIGTERM");
      await exited(child);
    }
  });
});
