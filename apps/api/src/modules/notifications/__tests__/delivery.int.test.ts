/**
 * Delivery through real protocols: the platform SMTP is a local SMTP server (smtp-server, parsed by mailparser)
 * and the platform SMS provider a local HTTP server speaking Twilio's Messages API (the embedded dev sinks).
 * Each (ticket, trigger, channel) is delivered once; a provider's 4xx is DEAD without a retry; a provider that
 * is down is retried with backoff and, when it is back, a ticket's messages arrive in order.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { assertCode, assertOk, signUpPersona, type Persona } from "../../../__tests__/harness.js";
import { createCounter, createLine } from "../../tickets/__tests__/queue-fixtures.js";
import { only, outbox, startNotifyEnv, type NotifyEnv } from "./fixtures.js";
import { startNotificationWorker } from "../worker.js";
import { lineStatesOf } from "../../tickets/live/line-state.js";

const issue = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id number trackingCode notify } }`;
const callNext = `mutation($lineId: ID!, $counterId: ID) { callNext(lineId: $lineId, counterId: $counterId) { id number } }`;

describe("notification delivery (SMTP and Twilio's API on loopback)", () => {
  let env: NotifyEnv;
  let owner: Persona;
  let lineId: string;
  let counterId: string;

  before(async () => {
    env = await startNotifyEnv();
    owner = await signUpPersona(env.api, "notify");
    lineId = await createLine(owner.gql, owner.tenantId, { name: "Advice" });
    counterId = await createCounter(owner.gql, lineId, "Desk 7");
    assertOk(await owner.gql(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: counterId }));
    // This line's tests are about the other triggers (almost your turn has its own line below).
    assertOk(await owner.gql(`mutation($l: ID!) { updateNotificationSettings(lineId: $l, input: { almostThere: false }) { almostThere } }`, { l: lineId }));
  });
  after(() => env.close());
  beforeEach(async () => {
    await env.drain(); // nothing left over from the previous test
    env.sinks.responder = null;
    env.sinks.clear();
  });

  const issueWith = async (fields: Record<string, unknown>) =>
    assertOk(await owner.gql<{ issueTicket: { id: string; number: string; trackingCode: string; notify: string[] } }>(issue, { input: { lineId, ...fields } })).issueTicket;
  const callNextTicket = async () => assertOk(await owner.gql<{ callNext: { id: string; number: string } | null }>(callNext, { lineId, counterId })).callNext;
  /** Calls until `ticketId` is called (earlier tickets of other tests may wait ahead). */
  const callUntil = async (ticketId: string) => {
    for (let i = 0; i < 50; i++) if ((await callNextTicket())?.id === ticketId) return;
    assert.fail("ticket never called");
  };

  it("delivers the called message exactly once by SMTP and by Twilio's Messages API, with the counter", async () => {
    const ticket = await issueWith({ phone: "+491511234567", email: "kim@example.test", notify: ["SMS", "EMAIL"], language: "en" });
    assert.deepEqual(ticket.notify, ["SMS", "EMAIL"]);
    await callUntil(ticket.id);
    await env.drain();

    const mine = env.sinks.messages().filter((m) => m.to.includes("kim@example.test") || m.to === "+491511234567");
    const calledMail = only(mine.filter((m) => m.kind === "EMAIL" && /your turn/.test(m.subject ?? "")), "called email");
    assert.match(calledMail.body, new RegExp(`${ticket.number}, please go to Desk 7`));
    assert.match(calledMail.from, /notify HQ/); // the tenant's name as the sender name
    const calledSms = only(mine.filter((m) => m.kind === "SMS" && m.body.startsWith("It is your turn")), "called SMS");
    assert.match(calledSms.body, /Desk 7/);
    assert.equal(mine.filter((m) => m.kind === "EMAIL").length, 2, "joined + called");
    assert.equal(mine.filter((m) => m.kind === "SMS").length, 2, "joined + called");
    assert.equal(env.sinks.duplicates, 0);

    const rows = await outbox(env.api.database.db, owner.tenantId, ticket.id);
    assert.deepEqual(
      rows.map((r) => [r.trigger, r.channel, r.provider, r.status, r.attempts]),
      [
        ["JOINED", "SMS", "TWILIO", "SENT", 1],
        ["JOINED", "EMAIL", "SMTP", "SENT", 1],
        ["CALLED", "SMS", "TWILIO", "SENT", 1],
        ["CALLED", "EMAIL", "SMTP", "SENT", 1],
      ],
    );
    // The delivery log on the ticket (staff, tickets:read).
    const log = assertOk(await owner.gql<{ ticket: { notifications: { trigger: string; status: string; recipient: string; sentAt: string | null }[] } }>(
      `query($id: ID!) { ticket(id: $id) { notifications { trigger channel status recipient sentAt } } }`,
      { id: ticket.id },
    ));
    assert.equal(log.ticket.notifications.length, 4);
    assert.ok(log.ticket.notifications.every((n) => n.status === "SENT" && n.sentAt && n.recipient));

    // Nothing more is due: another poll sends nothing again.
    assert.equal(await env.drain(), 0);
    assert.equal(env.sinks.messages().length, 4);
  });

  it("sends German templates for a ticket issued in de, only on the channels chosen", async () => {
    const ticket = await issueWith({ email: "de@example.test", phone: "+491511111111", notify: ["EMAIL"], language: "de" });
    await env.drain();
    const mail = only(env.sinks.messages(), "joined email");
    assert.equal(mail.kind, "EMAIL");
    assert.match(mail.body, new RegExp(`Sie sind ${ticket.number}`));
    assert.match(mail.body, new RegExp(`/ticket/${ticket.trackingCode}\\?t=`));
  });

  it("refuses a channel without its contact and an unknown language (BAD_USER_INPUT)", async () => {
    const noPhone = await owner.gql(issue, { input: { lineId, notify: ["SMS"] } });
    assertCode(noPhone, "BAD_USER_INPUT");
    assert.equal(noPhone.errors![0]!.extensions!.fields![0]!.path, "input.notify");
    const noEmail = await owner.gql(issue, { input: { lineId, phone: "+491511234567", notify: ["SMS", "EMAIL"] } });
    assert.equal(noEmail.errors![0]!.extensions!.fields![0]!.path, "input.notify");
    const badLanguage = await owner.gql(issue, { input: { lineId, language: "xx" } });
    assert.equal(badLanguage.errors![0]!.extensions!.fields![0]!.path, "input.language");
  });

  it("a provider's 4xx is DEAD at once with the provider's message, and never retried", async () => {
    env.sinks.responder = (req) => (req.kind === "SMS" ? { status: 400, message: "The 'To' number +491510000000 is not a valid phone number." } : { status: 550, message: "mailbox unavailable" });
    const ticket = await issueWith({ phone: "+491510000000", email: "nobody@example.test", notify: ["SMS", "EMAIL"] });
    await env.drain();
    const rows = await outbox(env.api.database.db, owner.tenantId, ticket.id);
    assert.deepEqual(rows.map((r) => [r.channel, r.status, r.attempts]), [["SMS", "DEAD", 1], ["EMAIL", "DEAD", 1]]);
    assert.match(rows[0]!.last_error!, /HTTP 400: The 'To' number \+491510000000 is not a valid phone number/);
    assert.match(rows[1]!.last_error!, /SMTP 550/);
    env.sinks.responder = null;
    env.clock.skip += 24 * 3600_000; // long after any backoff
    await env.drain();
    assert.equal(env.sinks.messages().length, 0);
    assert.deepEqual([...env.sinks.received.values()], [1, 1], "each provider saw its message once");
    const log = assertOk(await owner.gql<{ tenantNotifications: { counts: { dead: number } } }>(`query($t: ID!) { tenantNotifications(tenantId: $t, filter: { status: DEAD }) { counts { dead } } }`, { t: owner.tenantId }));
    assert.ok(log.tenantNotifications.counts.dead >= 2);
  });

  it("provider down, then back: retried with backoff, delivered after it returns, in order per ticket", async () => {
    env.sinks.responder = () => ({ drop: true }); // connections cut: SMS and SMTP both unreachable
    const ticket = await issueWith({ phone: "+491512222222", notify: ["SMS"] });
    await callUntil(ticket.id);
    await env.drain();
    let rows = await outbox(env.api.database.db, owner.tenantId, ticket.id);
    assert.deepEqual(rows.map((r) => [r.trigger, r.status, r.attempts]), [["JOINED", "RETRYING", 1], ["CALLED", "PENDING", 0]], "CALLED waits for JOINED");
    // Down for a while: each retry comes due after its backoff (5 s, 10 s, 20 s: 35 s of outage), and fails.
    for (const wait of [5_000, 10_000, 20_000]) {
      env.clock.skip += wait;
      await env.drain();
    }
    rows = await outbox(env.api.database.db, owner.tenantId, ticket.id);
    assert.deepEqual(rows.map((r) => [r.trigger, r.status, r.attempts]), [["JOINED", "RETRYING", 4], ["CALLED", "PENDING", 0]]);
    assert.match(rows[0]!.last_error!, /socket|ECONNRESET|hang up|closed/i);
    // Back: the next due retry delivers JOINED, then CALLED.
    env.sinks.responder = null;
    env.clock.skip += 40_000;
    await env.drain();
    rows = await outbox(env.api.database.db, owner.tenantId, ticket.id);
    assert.deepEqual(rows.map((r) => [r.trigger, r.status]), [["JOINED", "SENT"], ["CALLED", "SENT"]]);
    const bodies = env.sinks.messages().filter((m) => m.to === "+491512222222").map((m) => m.body);
    assert.equal(bodies.length, 2);
    assert.match(bodies[0]!, /^You are/);
    assert.match(bodies[1]!, /^It is your turn/);
  });

  it("a provider that does not answer never holds up the ticket changes behind it", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    env.sinks.responder = async () => {
      entered();
      await gate; // the provider hangs until the test lets go
      return { accept: true };
    };
    const running = env.api.server.notifications;
    const worker = startNotificationWorker({ db: env.api.database.db, senders: running.senders, config: running.config, publicUrl: env.api.config.publicUrl, pollMs: 20 });
    try {
      const ticket = await issueWith({ phone: "+491513333333", notify: ["SMS"] });
      await inside; // the worker is in the provider call for JOINED
      const started = performance.now();
      await callUntil(ticket.id);
      const tookMs = performance.now() - started;
      assert.ok(tookMs < 5000, `callNext took ${tookMs} ms while the provider hung`);
      const rows = await outbox(env.api.database.db, owner.tenantId, ticket.id);
      assert.deepEqual(rows.map((r) => [r.trigger, r.status]), [["JOINED", "SENDING"], ["CALLED", "PENDING"]]);
    } finally {
      release();
      await worker.stop();
    }
    env.sinks.responder = null;
    await env.drain();
    const rows = await outbox(env.api.database.db, owner.tenantId);
    assert.ok(rows.filter((r) => r.recipient === "+491513333333").every((r) => r.status === "SENT"));
  });

  it("almost your turn: queued once when the ticket reaches the line's threshold", async () => {
    const almostLine = await createLine(owner.gql, owner.tenantId, { name: "Almost", prefix: "B" });
    const desk = await createCounter(owner.gql, almostLine, "Desk 1");
    assertOk(await owner.gql(`mutation($id: ID!) { openCounter(id: $id) { id } }`, { id: desk }));
    assertOk(await owner.gql(`mutation($l: ID!) { updateNotificationSettings(lineId: $l, input: { almostTherePosition: 2, almostThereMinutes: 0, joined: false }) { almostTherePosition } }`, { l: almostLine }));
    const tickets = [];
    for (let i = 0; i < 4; i++) tickets.push(assertOk(await owner.gql<{ issueTicket: { id: string; number: string } }>(issue, { input: { lineId: almostLine, email: `q${i}@example.test`, notify: ["EMAIL"] } })).issueTicket);
    const last = tickets[3]!;
    // "Almost your turn" is decided by the line's refresh, which follows each commit off the request path.
    const settled = () => lineStatesOf(env.api.database.db).idle();
    await settled();
    assert.equal((await outbox(env.api.database.db, owner.tenantId, last.id)).length, 0, "position 4: not yet");
    for (let i = 0; i < 3; i++) assertOk(await owner.gql(callNext, { lineId: almostLine, counterId: desk }));
    await settled();
    const rows = await outbox(env.api.database.db, owner.tenantId, last.id);
    assert.deepEqual(rows.map((r) => r.trigger), ["ALMOST_THERE"], "queued once, though three calls moved it");
    await env.drain();
    const mail = only(env.sinks.messages().filter((m) => m.to.includes("q3@")), "almost-there email");
    assert.match(mail.body, new RegExp(`Almost your turn: ${last.number} is number 1`));
  });
});
