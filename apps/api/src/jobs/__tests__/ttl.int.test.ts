/**
 * The TTL job with a controllable clock (no waiting): escalation once, expiry, no-show, type overrides, live
 * events; two API processes on PostgreSQL acting exactly once; a process dying after its claim loses nothing.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL (the two-process test needs PostgreSQL).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openSecondConnection, testDatabaseUrl } from "@qline/db/testing";
import { assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../__tests__/harness.js";
import { callNextMutation, createLine, issueTickets } from "../../modules/tickets/__tests__/queue-fixtures.js";
import type { LineEventView } from "../../modules/tickets/live/events.js";
import { topics } from "../../modules/tickets/live/topics.js";
import { claimDueDeadlines } from "../ttl.job.js";

const ttl = { warnSeconds: 600, waitingSeconds: 1200, calledSeconds: 300 };

async function auditCount(owner: Persona, action: string): Promise<number> {
  const data = assertOk(
    await owner.gql<{ tenant: { auditLog: { nodes: unknown[] } } }>(`query($t: ID!, $a: String) { tenant(id: $t) { auditLog(first: 200, filter: { action: $a }) { nodes { id } } } }`, {
      t: owner.tenantId,
      a: action,
    }),
  );
  return data.tenant.auditLog.nodes.length;
}

async function statuses(owner: Persona, lineId: string): Promise<Record<string, number>> {
  const data = assertOk(await owner.gql<{ line: { tickets: { nodes: { status: string }[] } } }>(`query($l: ID!) { line(id: $l) { tickets(first: 200) { nodes { status } } } }`, { l: lineId }));
  const out: Record<string, number> = {};
  for (const t of data.line.tickets.nodes) out[t.status] = (out[t.status] ?? 0) + 1;
  return out;
}

describe("TTL job", () => {
  let api: TestApi;
  let owner: Persona;
  let clock = Date.now();
  before(async () => {
    api = await startTestApi({}, { ttlJob: { autoStart: false, now: () => clock } });
    owner = await signUpPersona(api, "owner");
  });
  after(async () => {
    await api.close();
  });

  it("escalates once, turns stale called tickets into no-shows and expires stale waiting ones; types override the line", async () => {
    const patient = assertOk(
      await owner.gql<{ createTicketType: { id: string } }>(`mutation($input: CreateTicketTypeInput!) { createTicketType(input: $input) { id } }`, {
        input: { tenantId: owner.tenantId, code: "LONG", name: "Long", ttl: { waitingSeconds: 5000 } },
      }),
    ).createTicketType.id;
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "TTL", prefix: "T", ttl });
    const events: LineEventView[] = [];
    const iterator = (await api.pubsub.subscribe(topics.line(owner.tenantId, lineId))) as AsyncIterator<LineEventView>;
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        events.push(next.value);
      }
    })();

    const [first, second] = await issueTickets(owner.gql, lineId, 2);
    const longOne = assertOk(
      await owner.gql<{ issueTicket: { id: string } }>(`mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id } }`, { input: { lineId, ticketTypeId: patient } }),
    ).issueTicket;
    const called = assertOk(await owner.gql<{ callNext: { id: string } }>(callNextMutation, { l: lineId, c: null })).callNext;
    assert.equal(called.id, first!.id);

    clock = Date.now() + 100_000; // nothing is due yet
    assert.equal(await api.server.ttlJob!.runOnce(), 0);

    clock = Date.now() + 700_000; // warnAfter (600 s) for all three, noShowAfter (300 s) for the called one
    assert.equal(await api.server.ttlJob!.runOnce(), 4);
    assert.equal(await api.server.ttlJob!.runOnce(), 0, "nothing happens twice");
    assert.equal(await auditCount(owner, "ticket.escalate"), 3);
    assert.deepEqual(await statuses(owner, lineId), { NO_SHOW: 1, WAITING: 2 });

    clock = Date.now() + 1_300_000; // expireAfter (1200 s) for the line's type; the LONG type waits 5000 s
    assert.equal(await api.server.ttlJob!.runOnce(), 1);
    const read = assertOk(
      await owner.gql<{ ticket: { status: string }; long: { status: string; position: number } }>(
        `query($a: ID!, $b: ID!) { ticket(id: $a) { status } long: ticket(id: $b) { status position } }`,
        { a: second!.id, b: longOne.id },
      ),
    );
    assert.equal(read.ticket.status, "EXPIRED");
    assert.deepEqual(read.long, { status: "WAITING", position: 1 }, "the stale ticket left the queue");

    await iterator.return?.();
    const kinds = events.map((e) => e.kind);
    assert.equal(kinds.filter((k) => k === "TICKET_ESCALATED").length, 3);
    assert.ok(kinds.includes("NO_SHOW") && kinds.includes("EXPIRED"), kinds.join(","));
    const expired = events.find((e) => e.kind === "EXPIRED")!;
    assert.equal(expired.stats.waitingCount, 1);
    assert.equal(typeof expired.stats.estimatedWaitSeconds, "number", "events carry the new estimates");
  });

  it("acts as the system actor: its expiries and escalations are recorded as SYSTEM, in the audit log and the ticket's history", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Audited", prefix: "U", ttl: { warnSeconds: 30, waitingSeconds: 60 } });
    const [ticket] = await issueTickets(owner.gql, lineId, 1);
    clock = Date.now() + 45_000; // warnAfter (30 s)
    assert.ok((await api.server.ttlJob!.runOnce()) >= 1);
    clock = Date.now() + 120_000; // expireAfter (60 s)
    assert.ok((await api.server.ttlJob!.runOnce()) >= 1);
    const data = assertOk(
      await owner.gql<{ tenant: { auditLog: { nodes: { action: string; actorType: string; actorId: string | null; targetId: string }[] } }; ticket: { status: string; history: { kind: string; actorType: string; actorId: string | null }[] } }>(
        `query($t: ID!, $id: ID!) {
          tenant(id: $t) { auditLog(first: 200) { nodes { action actorType actorId targetId } } }
          ticket(id: $id) { status history { kind actorType actorId } } }`,
        { t: owner.tenantId, id: ticket!.id },
      ),
    );
    assert.equal(data.ticket.status, "EXPIRED");
    const jobRows = data.tenant.auditLog.nodes.filter((n) => n.targetId === ticket!.id && n.action !== "ticket.issue");
    assert.deepEqual(jobRows.map((n) => n.action).sort(), ["ticket.escalate", "ticket.expire"]);
    for (const row of jobRows) assert.deepEqual({ actorType: row.actorType, actorId: row.actorId }, { actorType: "SYSTEM", actorId: null }, row.action);
    const byJob = data.ticket.history.filter((e) => e.kind !== "ISSUED");
    assert.deepEqual(byJob.map((e) => [e.kind, e.actorType, e.actorId]), [["TICKET_ESCALATED", "SYSTEM", null], ["EXPIRED", "SYSTEM", null]]);
    const issued = data.tenant.auditLog.nodes.find((n) => n.targetId === ticket!.id && n.action === "ticket.issue");
    assert.deepEqual({ actorType: issued?.actorType, actorId: issued?.actorId }, { actorType: "USER", actorId: owner.userId }, "staff actions stay USER");
  });

  it("after a process dies holding a claim, the row is taken over when the lease ends (nothing forgotten)", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Restart", prefix: "R", ttl: { waitingSeconds: 60 } });
    const tickets = await issueTickets(owner.gql, lineId, 3);
    clock = Date.now() + 120_000;
    // "Process A" claims everything due, then dies before acting.
    const claimed = await claimDueDeadlines(api.database.db, clock, 100, 30);
    assert.ok(claimed.filter((c) => tickets.some((t) => t.id === c.ticketId)).length === 3);
    const restarted = await startTestApi({}, { database: api.database, ttlJob: { autoStart: false, now: () => clock } });
    try {
      assert.equal(await restarted.server.ttlJob!.runOnce(), 0, "leased to the dead process");
      clock += 31_000;
      assert.equal(await restarted.server.ttlJob!.runOnce(), 3);
      assert.deepEqual(await statuses(owner, lineId), { EXPIRED: 3 });
    } finally {
      await restarted.server.close();
      await restarted.pubsub.close();
    }
  });
});

describe("TTL job with two API processes", { skip: testDatabaseUrl ? false : "needs TEST_DATABASE_URL: PGlite is one connection, so two processes cannot race on it" }, () => {
  let first: TestApi;
  let second: TestApi;
  let owner: Persona;
  let clock = Date.now();
  before(async () => {
    first = await startTestApi({}, { ttlJob: { autoStart: false, now: () => clock } });
    second = await startTestApi({}, { database: openSecondConnection(first.database)!, ttlJob: { autoStart: false, now: () => clock } });
    owner = await signUpPersona(first, "owner");
  });
  after(async () => {
    await second.server.close();
    await second.pubsub.close();
    await second.database.close().catch(() => undefined);
    await first.close();
  });

  it("each escalation and each expiry happens exactly once", async () => {
    const n = 30;
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Race", prefix: "X", ttl: { warnSeconds: 600, waitingSeconds: 1200 } });
    await issueTickets(owner.gql, lineId, n);
    const race = async () => {
      const jobs = [first.server.ttlJob!, second.server.ttlJob!, first.server.ttlJob!, second.server.ttlJob!];
      const done = await Promise.all(jobs.map((job) => job.runOnce()));
      return done.reduce((a, b) => a + b, 0);
    };
    clock = Date.now() + 700_000;
    assert.equal(await race(), n);
    assert.equal(await race(), 0);
    assert.equal(await auditCount(owner, "ticket.escalate"), n);
    clock = Date.now() + 1_300_000;
    assert.equal(await race(), n);
    assert.equal(await auditCount(owner, "ticket.expire"), n);
    assert.deepEqual(await statuses(owner, lineId), { EXPIRED: n });
  });
});
