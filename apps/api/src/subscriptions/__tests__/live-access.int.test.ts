/**
 * Access changes take effect live: suspension ends every live stream of the tenant's subtree and refuses the
 * public doors; removing a member, revoking a key or revoking a session ends that actor's streams (and closes
 * the key's or session's connection with 4401) at once, without another event and without the periodic
 * re-check. With Redis (REDIS_URL) the change is made on a second API process and heard on the first.
 * Nothing here waits for a time to pass: a stream that must end is awaited, one that must go on is shown a
 * later event (a fence).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { openSecondConnection, type TestDatabase } from "@qline/db/testing";
import { assertCode, assertOk, createSubtenant, memberPersona, signUpPersona, startTestApi, type Gql, type Persona, type TestApi } from "../../__tests__/harness.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { subscriptionRecheck } from "../../modules/tickets/live/subscriptions.js";
import { collect, createLine, issueTicket, touchLine, until, type Received } from "../../modules/tickets/__tests__/queue-fixtures.js";
import { REVOKED_CLOSE_CODE, sessionRevokedFor } from "../live-access.js";

const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL || undefined;

const lineUpdated = `subscription($l: ID!) { lineUpdated(lineId: $l) { kind ticket { number } } }`;
const tenantActivity = `subscription($t: ID!) { tenantActivity(tenantId: $t) { kind lineId } }`;
const ticketUpdated = `subscription($c: String!) { ticketUpdated(code: $c) { number status } }`;
const suspend = `mutation($t: ID!, $s: Boolean!) { setTenantSuspended(tenantId: $t, suspended: $s) }`;
const removeMember = `mutation($t: ID!, $u: ID!) { removeMember(tenantId: $t, userId: $u) }`;
const updateRole = `mutation($t: ID!, $u: ID!, $r: MemberRole!) { updateMemberRole(tenantId: $t, userId: $u, role: $r) { role } }`;

type LineUpdated = { lineUpdated: { kind: string; ticket: { number: string } | null } };

/** A graphql-ws client that records how its connection closed. */
interface Watched {
  client: Client;
  closeCodes: number[];
}

describe("access changes take effect live", () => {
  let api: TestApi; // where subscribers are connected
  let other: TestApi; // where the changes are made (a second process with Redis; the same one without)
  let secondDb: TestDatabase | undefined;
  let platformAdmin: Persona;
  const clients: Client[] = [];
  const previousRecheck = subscriptionRecheck.intervalMs;

  const connect = (authorization?: string): Watched => {
    const closeCodes: number[] = [];
    const client = createClient({
      url: api.server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: authorization ? { authorization } : {},
      on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
    });
    clients.push(client);
    return { client, closeCodes };
  };
  /** The same person, acting on the other process. */
  const there = (p: Persona): Gql => other.client(`Bearer ${p.token}`);
  const elapsedSince = (start: number) => Date.now() - start;

  before(async () => {
    // The periodic re-check is the safety net for lost control events; it must not be what ends these streams.
    subscriptionRecheck.intervalMs = 3_600_000;
    api = await startTestApi({ platformAdminEmails: [] }, redisUrl ? { redisUrl } : {});
    if (redisUrl) {
      secondDb = openSecondConnection(api.database);
      other = await startTestApi({ platformAdminEmails: api.config.platformAdminEmails }, { database: secondDb ?? api.database, redisUrl });
    } else {
      other = api;
    }
    platformAdmin = await signUpPersona(api, "operator");
    api.config.platformAdminEmails.push(platformAdmin.email); // the same array on both processes
  });
  after(async () => {
    subscriptionRecheck.intervalMs = previousRecheck;
    await Promise.all(clients.map((c) => c.dispose()));
    if (other !== api) await other.close();
    await secondDb?.close();
    await api.close();
  });

  it("suspension ends the subtree's line, activity and public ticket streams at once with FORBIDDEN, and only those", async () => {
    const owner = await signUpPersona(api, "suspended");
    const child = await createSubtenant(owner, owner.tenantId, "Branch");
    const rootLine = await createLine(owner.gql, owner.tenantId);
    const childLine = await createLine(owner.gql, child);
    const ticket = await issueTicket(owner.gql, childLine);
    const bystander = await signUpPersona(api, "bystander");
    const bystanderLine = await createLine(bystander.gql, bystander.tenantId);

    const staff = connect(`Bearer ${owner.token}`).client;
    const streams: Received<unknown>[] = [
      collect(staff, lineUpdated, { l: rootLine }),
      collect(staff, lineUpdated, { l: childLine }),
      collect(staff, tenantActivity, { t: owner.tenantId }),
      collect(staff, tenantActivity, { t: child }),
      collect(connect().client, ticketUpdated, { c: ticket.trackingCode }),
    ];
    const unaffected = collect<LineUpdated>(connect(`Bearer ${bystander.token}`).client, lineUpdated, { l: bystanderLine });
    for (const s of streams.slice(0, 2)) await s.probe(() => touchLine(owner.gql, s === streams[0] ? rootLine : childLine));
    await streams[2]!.probe(() => touchLine(owner.gql, rootLine));
    await streams[3]!.probe(() => touchLine(owner.gql, childLine));
    await streams[4]!.waitFor(1); // the ticket as it is now: live
    await unaffected.probe(() => touchLine(bystander.gql, bystanderLine));

    const start = Date.now();
    assertOk(await there(platformAdmin)(suspend, { t: owner.tenantId, s: true }));
    for (const s of streams) assert.match(await s.failure(), /FORBIDDEN/);
    const endedAfterMs = elapsedSince(start);
    assert.ok(endedAfterMs < 3_000, `streams ended ${endedAfterMs} ms after the suspension`);

    // Fence: another tenant's stream still delivers its next event.
    const counted = unaffected.values.length;
    await issueTicket(bystander.gql, bystanderLine);
    await unaffected.waitFor(counted + 1);
    assert.deepEqual(unaffected.errors, []);
  });

  it("refuses ticketByCode, cancelMyTicket and new ticketUpdated of a suspended tenant (and its subtree) until restored", async () => {
    const owner = await signUpPersona(api, "public");
    const child = await createSubtenant(owner, owner.tenantId, "Branch");
    const ticket = await issueTicket(owner.gql, await createLine(owner.gql, child));
    const anonymous = api.client();
    const byCode = `query($c: String!) { ticketByCode(code: $c) { number status } }`;
    const cancel = `mutation($c: String!) { cancelMyTicket(code: $c) { status } }`;
    assert.equal(assertOk(await anonymous(byCode, { c: ticket.trackingCode })).ticketByCode.status, "WAITING");

    assertOk(await platformAdmin.gql(suspend, { t: owner.tenantId, s: true }));
    assertCode(await anonymous(byCode, { c: ticket.trackingCode }), "FORBIDDEN");
    assertCode(await anonymous(cancel, { c: ticket.trackingCode }), "FORBIDDEN");
    assert.match(await collect(connect().client, ticketUpdated, { c: ticket.trackingCode }).failure(), /FORBIDDEN/);

    assertOk(await platformAdmin.gql(suspend, { t: owner.tenantId, s: false }));
    assert.equal(assertOk(await anonymous(byCode, { c: ticket.trackingCode })).ticketByCode.status, "WAITING", "the cancel was refused");
    const live = collect<{ ticketUpdated: { status: string } }>(connect().client, ticketUpdated, { c: ticket.trackingCode });
    assert.equal((await live.waitFor(1))[0]!.ticketUpdated.status, "WAITING");
    assert.equal(assertOk(await anonymous(cancel, { c: ticket.trackingCode })).cancelMyTicket.status, "CANCELLED");
  });

  it("ends a removed member's streams at once, keeps a demoted one's, and leaves other members' alone", async () => {
    const owner = await signUpPersona(api, "members");
    const removed = await memberPersona(api, owner, owner.tenantId, "STAFF");
    const demoted = await memberPersona(api, owner, owner.tenantId, "MANAGER");
    const lineId = await createLine(owner.gql, owner.tenantId);
    const removedLine = collect<LineUpdated>(connect(`Bearer ${removed.token}`).client, lineUpdated, { l: lineId });
    const removedActivity = collect(connect(`Bearer ${removed.token}`).client, tenantActivity, { t: owner.tenantId });
    const demotedLine = collect<LineUpdated>(connect(`Bearer ${demoted.token}`).client, lineUpdated, { l: lineId });
    const ownerLine = collect<LineUpdated>(connect(`Bearer ${owner.token}`).client, lineUpdated, { l: lineId });
    for (const s of [removedLine, removedActivity, demotedLine, ownerLine]) await s.probe(() => touchLine(owner.gql, lineId));

    // VIEWER still reads tickets: the re-check keeps the stream.
    assertOk(await there(owner)(updateRole, { t: owner.tenantId, u: demoted.userId, r: "VIEWER" }));
    const start = Date.now();
    assertOk(await there(owner)(removeMember, { t: owner.tenantId, u: removed.userId }));
    assert.match(await removedLine.failure(), /NOT_FOUND/);
    assert.match(await removedActivity.failure(), /NOT_FOUND/);
    const endedAfterMs = elapsedSince(start);
    assert.ok(endedAfterMs < 3_000, `streams ended ${endedAfterMs} ms after the removal`);

    const counts = [demotedLine.values.length, ownerLine.values.length];
    const issued = await issueTicket(owner.gql, lineId);
    const next = (s: Received<LineUpdated>, n: number) => until("the next event", () => s.values.slice(n).find((v) => v.lineUpdated.ticket?.number === issued.number));
    await next(demotedLine, counts[0]!);
    await next(ownerLine, counts[1]!);
    assert.deepEqual([demotedLine.errors, ownerLine.errors], [[], []]);
    assert.equal(removedLine.values.some((v) => v.lineUpdated.ticket?.number === issued.number), false, "the removed member got nothing after the removal");
  });

  it("ends a revoked API key's streams and closes its connection with 4401", async () => {
    const owner = await signUpPersona(api, "keys");
    const lineId = await createLine(owner.gql, owner.tenantId);
    const create = `mutation($t: ID!) { createApiKey(tenantId: $t, name: "board", scopes: ["tickets:read", "lines:read"]) { secret apiKey { id } } }`;
    const key = assertOk(await owner.gql(create, { t: owner.tenantId })).createApiKey;
    const kept = assertOk(await owner.gql(create, { t: owner.tenantId })).createApiKey;
    const revokedSocket = connect(`ApiKey ${key.secret}`);
    const keptSocket = connect(`ApiKey ${kept.secret}`);
    const revokedLine = collect<LineUpdated>(revokedSocket.client, lineUpdated, { l: lineId });
    const keptLine = collect<LineUpdated>(keptSocket.client, lineUpdated, { l: lineId });
    for (const s of [revokedLine, keptLine]) await s.probe(() => touchLine(owner.gql, lineId));

    assertOk(await there(owner)(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.apiKey.id }));
    await revokedLine.failure();
    assert.deepEqual(await until("the close", () => (revokedSocket.closeCodes.length ? revokedSocket.closeCodes : undefined)), [REVOKED_CLOSE_CODE]);

    const counted = keptLine.values.length;
    await touchLine(owner.gql, lineId);
    await keptLine.waitFor(counted + 1);
    assert.deepEqual([keptLine.errors, keptSocket.closeCodes], [[], []]);
  });

  it("closes a user's connections with 4401 when their sessions are revoked, matching the session ids given", async () => {
    const owner = await signUpPersona(api, "sessions");
    const bystander = await signUpPersona(api, "bystander");
    const lineId = await createLine(owner.gql, owner.tenantId);
    const ownerSocket = connect(`Bearer ${owner.token}`);
    const bystanderSocket = connect(`Bearer ${bystander.token}`);
    const ownerLine = collect<LineUpdated>(ownerSocket.client, lineUpdated, { l: lineId });
    const otherLine = await createLine(bystander.gql, bystander.tenantId);
    const bystanderLine = collect<LineUpdated>(bystanderSocket.client, lineUpdated, { l: otherLine });
    await ownerLine.probe(() => touchLine(owner.gql, lineId));
    await bystanderLine.probe(() => touchLine(bystander.gql, otherLine));

    // Published as the auth module does on logout / password change (it names the session when tokens carry one).
    await other.pubsub.publish(controlTopics.user(owner.userId), { kind: "sessionsRevoked", userId: owner.userId });
    assert.deepEqual(await until("the close", () => (ownerSocket.closeCodes.length ? ownerSocket.closeCodes : undefined)), [REVOKED_CLOSE_CODE]);
    await ownerLine.failure();

    const counted = bystanderLine.values.length;
    await touchLine(bystander.gql, otherLine);
    await bystanderLine.waitFor(counted + 1);
    assert.deepEqual(bystanderSocket.closeCodes, []);
  });

  it("matches sessionsRevoked events to sessions: one session, all but one, or all", () => {
    const actor = { kind: "user", userId: "u1", platformAdmin: false, sessionId: "s1" } as const;
    const event = (extra: object) => ({ kind: "sessionsRevoked" as const, userId: "u1", ...extra });
    assert.equal(sessionRevokedFor(event({}), actor), true);
    assert.equal(sessionRevokedFor(event({ sessionId: "s1" }), actor), true);
    assert.equal(sessionRevokedFor(event({ sessionId: "s2" }), actor), false);
    assert.equal(sessionRevokedFor(event({ exceptSessionId: "s1" }), actor), false);
    assert.equal(sessionRevokedFor(event({ exceptSessionId: "s2" }), actor), true);
    assert.equal(sessionRevokedFor({ ...event({}), userId: "u2" }, actor), false);
    assert.equal(sessionRevokedFor({ kind: "membershipChanged", userId: "u1" }, actor), false);
    assert.equal(sessionRevokedFor(event({}), { kind: "apiKey", keyId: "k", tenantId: "t", scopes: new Set() }), false);
  });
});
