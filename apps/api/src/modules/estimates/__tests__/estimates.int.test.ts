/**
 * Estimates through the real API and the snapshot builder with a controllable clock: cold start, counters
 * opening and closing, visibility (NONE / showEstimates), bad input with exact codes, foreign lines.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { withTenantTx, type Tx } from "@qline/db";
import { assertCode, assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { callNextMutation, createCounter, createLine, issueTickets } from "../../tickets/__tests__/queue-fixtures.js";
import { buildLineSnapshot } from "../estimates.snapshot.js";
import { computeLineState } from "../../tickets/live/line-state.js";

async function createTypedTicketType(gql: Persona["gql"], tenantId: string, code: string, defaultServiceSeconds: number | null): Promise<string> {
  return assertOk(
    await gql<{ createTicketType: { id: string } }>(`mutation($input: CreateTicketTypeInput!) { createTicketType(input: $input) { id } }`, {
      input: { tenantId, code, name: code, defaultServiceSeconds },
    }),
  ).createTicketType.id;
}

describe("estimates", () => {
  let api: TestApi;
  let owner: Persona;
  let stranger: Persona;

  before(async () => {
    api = await startTestApi({}, { ttlJob: false });
    owner = await signUpPersona(api, "owner");
    stranger = await signUpPersona(api, "stranger");
  });
  after(async () => {
    await api.close();
  });

  it("builds one snapshot per line: queue order, open counters, cold start from type defaults", async () => {
    const typeId = await createTypedTicketType(owner.gql, owner.tenantId, "EST1", 120);
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Cold", prefix: "C", ticketTypeIds: [typeId] });
    const desk1 = await createCounter(owner.gql, lineId, "Desk 1");
    const desk2 = await createCounter(owner.gql, lineId, "Desk 2");
    const tickets = await issueTickets(owner.gql, lineId, 4);
    const now = Date.now() + 60_000; // the clock is a parameter
    const db = api.database.db;
    const at = <T>(fn: (tx: Tx) => Promise<T>) => withTenantTx(db, { tenantId: owner.tenantId, userId: null }, fn);

    const snapshot = await at((tx) => buildLineSnapshot(tx, owner.tenantId, lineId, now));
    assert.equal(snapshot.now, now);
    assert.equal(snapshot.openCounters, 2);
    assert.deepEqual(snapshot.waiting.map((t) => t.id), tickets.map((t) => t.id));
    assert.equal(snapshot.history.length, 0);
    assert.ok(snapshot.ticketTypes.some((t) => t.id === typeId && t.defaultServiceSeconds === 120));

    const two = (await computeLineState(api.database.db, owner.tenantId, lineId, [], now))!.state.estimates;
    const last = two.byTicket.get(tickets[3]!.id)!;
    assert.equal(last.basis, "COLD_START");
    assert.ok(last.p50Seconds > 0 && last.p90Seconds >= last.p50Seconds);
    assert.ok(two.byTicket.get(tickets[0]!.id)!.p50Seconds <= last.p50Seconds, "later tickets wait longer");

    // Closing a counter lengthens every estimate at once; closing both says NO_COUNTERS.
    assertOk(await owner.gql(`mutation($id: ID!) { closeCounter(id: $id) { id } }`, { id: desk2 }));
    const one = (await computeLineState(api.database.db, owner.tenantId, lineId, [], now))!.state.estimates;
    assert.ok(one.byTicket.get(tickets[3]!.id)!.p50Seconds > last.p50Seconds, "one counter: longer wait");
    assertOk(await owner.gql(`mutation($id: ID!) { closeCounter(id: $id) { id } }`, { id: desk1 }));
    const none = (await computeLineState(api.database.db, owner.tenantId, lineId, [], now))!.state.estimates;
    assert.equal(none.byTicket.get(tickets[3]!.id)!.basis, "NO_COUNTERS");
    assertOk(await owner.gql(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: desk1 }));
    assertOk(await owner.gql(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: desk2 }));
    const reopened = (await computeLineState(api.database.db, owner.tenantId, lineId, [], now))!.state.estimates;
    assert.deepEqual(reopened.byTicket.get(tickets[3]!.id), last);

    // History: a served ticket inside the 2-hour window appears; the same clock 3 hours on forgets it.
    const called = assertOk(await owner.gql<{ callNext: { id: string } }>(callNextMutation, { l: lineId, c: desk1 })).callNext;
    assertOk(await owner.gql(`mutation($id: ID!) { startServing(id: $id) { id } }`, { id: called.id }));
    assertOk(await owner.gql(`mutation($id: ID!) { completeTicket(id: $id) { id } }`, { id: called.id }));
    const later = await at((tx) => buildLineSnapshot(tx, owner.tenantId, lineId, Date.now() + 1000));
    assert.deepEqual(later.history.map((h) => [h.id, h.outcome]), [[called.id, "SERVED"]]);
    const muchLater = await at((tx) => buildLineSnapshot(tx, owner.tenantId, lineId, Date.now() + 3 * 3600_000));
    assert.equal(muchLater.history.length, 0);
  });

  it("shows estimates to staff always and to customers only when the line shows them", async () => {
    const shown = await createLine(owner.gql, owner.tenantId, { name: "Shown", prefix: "S" });
    const hidden = await createLine(owner.gql, owner.tenantId, { name: "Hidden", prefix: "H", showEstimates: false });
    const noneLine = await createLine(owner.gql, owner.tenantId, { name: "None", prefix: "N", estimator: "NONE" });
    for (const [lineId, customerSees] of [[shown, true], [hidden, false], [noneLine, false]] as const) {
      const [ticket] = await issueTickets(owner.gql, lineId, 2);
      const staffView = assertOk(
        await owner.gql<{ ticket: { estimate: { p50Seconds: number; p90Seconds: number; basis: string } | null }; line: { estimatedWaitSeconds: number | null } }>(
          `query($id: ID!, $l: ID!) { ticket(id: $id) { estimate { p50Seconds p90Seconds basis } } line(id: $l) { estimatedWaitSeconds } }`,
          { id: ticket!.id, l: lineId },
        ),
      );
      assert.ok(staffView.ticket.estimate, "staff see an estimate");
      assert.ok(staffView.ticket.estimate.p90Seconds >= staffView.ticket.estimate.p50Seconds);
      assert.equal(typeof staffView.line.estimatedWaitSeconds, "number");
      const publicView = assertOk(
        await api.client()<{ ticketByCode: { estimate: { p50Seconds: number; reason: string | null } | null } }>(
          `query($c: String!) { ticketByCode(code: $c) { estimate { p50Seconds reason } } }`,
          { c: ticket!.trackingCode },
        ),
      );
      assert.equal(publicView.ticketByCode.estimate !== null, customerSees, `line ${lineId}`);
    }
  });

  it("refuses bad estimator and TTL settings with BAD_USER_INPUT naming the field", async () => {
    const create = (input: Record<string, unknown>) =>
      owner.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, { input: { tenantId: owner.tenantId, name: "Bad", prefix: "B", ...input } });
    const cases: [Record<string, unknown>, string][] = [
      [{ estimator: "ORACLE" }, "input.estimator"],
      [{ estimator: "RECENT_AVERAGE", estimatorOptions: { sampleSize: 0 } }, "input.estimatorOptions.sampleSize"],
      [{ estimator: "RECENT_AVERAGE", estimatorOptions: { sampleSize: -3 } }, "input.estimatorOptions.sampleSize"],
      [{ estimator: "SERVICE_RATE", estimatorOptions: { halfLifeSeconds: 0 } }, "input.estimatorOptions.halfLifeSeconds"],
      [{ estimator: "WEBHOOK", estimatorOptions: { url: "ftp://example.com/eta" } }, "input.estimatorOptions.url"],
      [{ estimator: "WEBHOOK", estimatorOptions: { url: "http://127.0.0.1:9/eta" } }, "input.estimatorOptions.url"],
      [{ estimator: "WEBHOOK", estimatorOptions: { url: "http://169.254.169.254/latest/meta-data" } }, "input.estimatorOptions.url"],
      [{ estimator: "WEBHOOK", estimatorOptions: { url: "http://10.1.2.3/eta" } }, "input.estimatorOptions.url"],
      [{ estimator: "WEBHOOK", estimatorOptions: { url: "http://[::1]/eta" } }, "input.estimatorOptions.url"],
      [{ estimator: "WEBHOOK", estimatorOptions: { url: "http://localhost/eta" } }, "input.estimatorOptions.url"],
      [{ estimator: "WEBHOOK", estimatorOptions: { url: "https://eta.example.com/", timeoutMs: -1 } }, "input.estimatorOptions.timeoutMs"],
      [{ ttl: { waitingSeconds: -60 } }, "input.ttl.waitingSeconds"],
      [{ ttl: { calledSeconds: 0 } }, "input.ttl.calledSeconds"],
      [{ ttl: { warnSeconds: 900, waitingSeconds: 600 } }, "input.ttl.warnSeconds"],
    ];
    for (const [input, path] of cases) {
      const res = await create(input);
      assertCode(res, "BAD_USER_INPUT");
      const fields = res.errors![0]!.extensions?.fields ?? [];
      assert.ok(fields.some((f) => f.path === path), `${JSON.stringify(input)} → ${JSON.stringify(fields)}`);
    }
    // A public https URL is fine; the signing secret is shown once, in the answer of the mutation that made it.
    const ok = assertOk(
      await owner.gql<{ createLine: { id: string; estimator: string; estimatorOptions: Record<string, unknown>; estimatorWebhookSecret: string } }>(
        `mutation($input: CreateLineInput!) { createLine(input: $input) { id estimator estimatorOptions estimatorWebhookSecret } }`,
        { input: { tenantId: owner.tenantId, name: "Hook", prefix: "W", estimator: "WEBHOOK", estimatorOptions: { url: "https://eta.example.com/q" } } },
      ),
    ).createLine;
    assert.equal(ok.estimator, "WEBHOOK");
    assert.deepEqual(ok.estimatorOptions, { url: "https://eta.example.com/q", timeoutMs: 800 });
    assert.match(ok.estimatorWebhookSecret, /^whsec_/);
    const readLater = `query($id: ID!) { line(id: $id) { estimatorWebhookSecret estimatorWebhookSecretSet } }`;
    const later = assertOk(await owner.gql<{ line: { estimatorWebhookSecret: string | null; estimatorWebhookSecretSet: boolean } }>(readLater, { id: ok.id })).line;
    assert.deepEqual(later, { estimatorWebhookSecret: null, estimatorWebhookSecretSet: true }, "never again, not even to the owner");
  });

  it("shows a secret that updateLine makes once, and never on an update that keeps it", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Later hook", prefix: "H" });
    const update = `mutation($id: ID!, $input: UpdateLineInput!) { updateLine(id: $id, input: $input) { estimatorWebhookSecret } }`;
    const toWebhook = { estimator: "WEBHOOK", estimatorOptions: { url: "https://eta.example.com/later" } };
    const made = assertOk(await owner.gql<{ updateLine: { estimatorWebhookSecret: string | null } }>(update, { id: lineId, input: toWebhook })).updateLine;
    assert.match(made.estimatorWebhookSecret ?? "", /^whsec_/);
    const kept = assertOk(await owner.gql<{ updateLine: { estimatorWebhookSecret: string | null } }>(update, { id: lineId, input: { name: "Later hook 2" } })).updateLine;
    assert.equal(kept.estimatorWebhookSecret, null);
  });

  it("answers NOT_FOUND for estimator settings on another tenant's line", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { name: "Mine", prefix: "M" });
    assertCode(
      await stranger.gql(`mutation($id: ID!) { updateLine(id: $id, input: { estimator: "RECENT_AVERAGE", estimatorOptions: { sampleSize: 5 } }) { id } }`, { id: lineId }),
      "NOT_FOUND",
    );
    assertCode(await stranger.gql(`query($id: ID!) { line(id: $id) { estimatedWaitSeconds } }`, { id: lineId }), "NOT_FOUND");
    const read = assertOk(await owner.gql<{ line: { estimator: string | null } }>(`query($id: ID!) { line(id: $id) { estimator } }`, { id: lineId })).line;
    assert.equal(read.estimator, null, "unchanged");
  });
});
