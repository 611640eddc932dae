/**
 * Joining from your own phone (issue 12): the public joinLine and its rules and abuse limits, the join pages'
 * public reads, "I'm running late", channels, and tenant isolation — through the real API, with exact codes.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, testConfig, type GraphQLResponse, type Gql, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { callNextMutation, createLine, createTicketType, issueTicket } from "./queue-fixtures.js";

const joinMutation = `mutation($input: JoinLineInput!) {
  joinLine(input: $input) { trackingCode number status position lineId lineName channel tenantSlug ranLateAt canRunLate runningLatePlaces estimate { p50Seconds p90Seconds basis } }
}`;
const lateMutation = `mutation($c: String!) { runningLate(code: $c) { number status position ranLateAt canRunLate runningLatePlaces } }`;

interface Joined {
  trackingCode: string;
  number: string;
  status: string;
  position: number | null;
  lineId: string;
  lineName: string;
  channel: string;
  tenantSlug: string;
  ranLateAt: string | null;
  canRunLate: boolean;
  runningLatePlaces: number;
}

let phoneSeq = 1000;
/** A different valid UK number each call (+44 20 7946 xxxx is Ofcom's drama range). */
const nextPhone = () => `+44 20 7946 ${String(phoneSeq++).padStart(4, "0")}`;

const fieldPaths = (res: GraphQLResponse<unknown>) => (res.errors?.[0]?.extensions?.fields ?? []).map((f) => f.path);

describe("joining a line from your own phone", () => {
  let api: TestApi;
  let owner: Persona;
  let staff: Persona;
  let other: Persona;
  let anonymous: Gql;
  let remoteLine: string;

  const join = (input: Record<string, unknown>) => anonymous<{ joinLine: Joined }>(joinMutation, { input });
  const joinOk = async (input: Record<string, unknown>) => assertOk(await join(input)).joinLine;
  const staffTicket = async (code: string) => {
    const board = assertOk(
      await staff.gql<{ line: { tickets: { nodes: { trackingCode: string; phone: string | null; email: string | null; channel: string; ranLateAt: string | null; position: number | null; number: string; history: { kind: string; actorType: string; actorId: string | null }[]; id: string }[] } } }>(
        `query($id: ID!) { line(id: $id) { tickets(first: 200) { nodes { id trackingCode number phone email channel ranLateAt position history { kind actorType actorId } } } } }`,
        { id: remoteLineOf(code) },
      ),
    );
    return board.line.tickets.nodes.find((t) => t.trackingCode === code)!;
  };
  const lineOfCode = new Map<string, string>();
  const remoteLineOf = (code: string) => lineOfCode.get(code) ?? remoteLine;
  const remoteJoinLine = (fields: Record<string, unknown> = {}) => createLine(owner.gql, owner.tenantId, { name: "Remote", prefix: "R", remoteJoin: true, ...fields });

  before(async () => {
    api = await startTestApi({ publicUrl: "https://q.example.test" });
    owner = await signUpPersona(api, "owner");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
    other = await signUpPersona(api, "other");
    anonymous = api.client();
    remoteLine = await remoteJoinLine();
  });
  after(async () => {
    await api.close();
  });

  describe("joinLine", () => {
    it("issues a REMOTE ticket the customer tracks, with the phone in E.164 and the join recorded as the ticket's holder", async () => {
      const phone = nextPhone();
      const joined = await joinOk({ lineId: remoteLine, slug: owner.slug, customerName: " Ada ", phone, email: "Ada@Example.com", deviceId: randomUUID() });
      assert.equal(joined.status, "WAITING");
      assert.equal(joined.channel, "REMOTE");
      assert.equal(joined.tenantSlug, owner.slug);
      assert.equal(joined.lineId, remoteLine);
      assert.equal(joined.canRunLate, true);
      assert.equal(joined.runningLatePlaces, 3);
      assert.match(joined.trackingCode, /^[A-Za-z0-9_-]{20}$/);
      const byCode = assertOk(await anonymous<{ ticketByCode: { number: string; channel: string } }>(`query($c: String!) { ticketByCode(code: $c) { number channel } }`, { c: joined.trackingCode })).ticketByCode;
      assert.deepEqual(byCode, { number: joined.number, channel: "REMOTE" });

      const seen = await staffTicket(joined.trackingCode);
      assert.equal(seen.phone, phone.replace(/ /g, ""));
      assert.equal(seen.email, "Ada@Example.com");
      assert.equal(seen.channel, "REMOTE");
      assert.deepEqual(seen.history.map((h) => [h.kind, h.actorType, h.actorId]), [["ISSUED", "TICKET_HOLDER", seen.id]]);
    });

    it("refuses lines that cannot be joined, with the code that says why", async () => {
      const inStore = await createLine(owner.gql, owner.tenantId, { name: "In store", prefix: "S" });
      assertCode(await join({ lineId: inStore }), "CONFLICT");
      const stopped = await remoteJoinLine({ name: "Stopped", acceptingTickets: false });
      assertCode(await join({ lineId: stopped }), "CONFLICT");
      const today = ((new Date().getUTCDay() + 6) % 7) + 1;
      const closed = await remoteJoinLine({ name: "Closed today", openingHours: [{ day: (today % 7) + 1, opens: "09:00", closes: "17:00" }] });
      assertCode(await join({ lineId: closed }), "CONFLICT");
      const full = await remoteJoinLine({ name: "Tiny", capacity: 1 });
      await joinOk({ lineId: full, phone: nextPhone() });
      assertCode(await join({ lineId: full, phone: nextPhone() }), "LIMIT_EXCEEDED");
      assertCode(await join({ lineId: randomUUID() }), "NOT_FOUND");
      assertCode(await join({ lineId: "not-a-uuid" }), "NOT_FOUND");
    });

    it("validates phone numbers, emails, types and custom fields with the failing field's path", async () => {
      for (const phone of ["12345", "+44 20", "call me", "0207 946 0000"]) {
        const res = await join({ lineId: remoteLine, phone });
        assertCode(res, "BAD_USER_INPUT");
        assert.deepEqual(fieldPaths(res), ["input.phone"], phone);
      }
      for (const email of ["ada@", "ada example.com", "<ada@example.com>", `${"a".repeat(250)}@example.com`]) {
        const res = await join({ lineId: remoteLine, email });
        assertCode(res, "BAD_USER_INPUT");
        assert.deepEqual(fieldPaths(res), ["input.email"], email);
      }
      const typed = await remoteJoinLine({ name: "Typed", ticketTypeIds: [await createTicketType(owner.gql, owner.tenantId, "RJ1"), await createTicketType(owner.gql, owner.tenantId, "RJ2")] });
      const res = await join({ lineId: typed });
      assertCode(res, "BAD_USER_INPUT");
      assert.deepEqual(fieldPaths(res), ["input.ticketTypeId"]);
      assertCode(await join({ lineId: remoteLine, channel: "STAFF" }), "BAD_USER_INPUT");
    });

    it("checks custom fields against the tenant's schema", async () => {
      const tenant = await signUpPersona(api, "schema");
      assertOk(
        await tenant.gql(`mutation($t: ID!, $s: JSON!) { setTicketExtensionSchema(tenantId: $t, schema: $s) { id } }`, {
          t: tenant.tenantId,
          s: { type: "object", properties: { seats: { type: "integer", minimum: 1 } }, required: ["seats"] },
        }),
      );
      const line = await createLine(tenant.gql, tenant.tenantId, { name: "Tables", prefix: "T", remoteJoin: true });
      const res = await join({ lineId: line, extensions: { seats: 0 } });
      assertCode(res, "BAD_USER_INPUT");
      assert.ok(fieldPaths(res).some((p) => p.includes("seats")), JSON.stringify(res.errors));
      assert.equal((await joinOk({ lineId: line, extensions: { seats: 2 } })).status, "WAITING");
    });

    it("lets one phone or email hold one active ticket per line (or the tenant's number), however it is written", async () => {
      const line = await remoteJoinLine({ name: "One each" });
      const phone = nextPhone();
      const first = await joinOk({ lineId: line, phone });
      assertCode(await join({ lineId: line, phone: phone.replace(/ /g, "") }), "CONFLICT");
      assertCode(await join({ lineId: line, phone: phone.replace("+44 ", "+44 (0)") }), "CONFLICT");
      await joinOk({ lineId: remoteLine, phone }); // another line is another queue
      await joinOk({ lineId: line, email: "Same@Example.com" });
      assertCode(await join({ lineId: line, email: "same@example.COM" }), "CONFLICT");
      assertOk(await anonymous(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: first.trackingCode }));
      await joinOk({ lineId: line, phone }); // a cancelled ticket no longer counts

      assertOk(await owner.gql(`mutation($id: ID!, $s: JSONObject!) { updateTenant(id: $id, input: { settings: $s }) { id } }`, { id: owner.tenantId, s: { remoteJoin: { maxActivePerContact: 2 } } }));
      try {
        const two = nextPhone();
        await joinOk({ lineId: line, phone: two });
        await joinOk({ lineId: line, phone: two });
        assertCode(await join({ lineId: line, phone: two }), "CONFLICT");
      } finally {
        assertOk(await owner.gql(`mutation($id: ID!) { updateTenant(id: $id, input: { settings: {} }) { id } }`, { id: owner.tenantId }));
      }
    });

    it("normalises national numbers with the tenant's default country", async () => {
      const tenant = await signUpPersona(api, "berlin");
      assertOk(await tenant.gql(`mutation($id: ID!, $s: JSONObject!) { updateTenant(id: $id, input: { settings: $s }) { id } }`, { id: tenant.tenantId, s: { remoteJoin: { defaultCountry: "DE" } } }));
      const line = await createLine(tenant.gql, tenant.tenantId, { name: "Berlin", prefix: "B", remoteJoin: true });
      await joinOk({ lineId: line, phone: "030 123456" });
      assertCode(await join({ lineId: line, phone: "+49 30 123456" }), "CONFLICT"); // the same phone
      const nodes = assertOk(await tenant.gql<{ line: { tickets: { nodes: { phone: string }[] } } }>(`query($id: ID!) { line(id: $id) { tickets { nodes { phone } } } }`, { id: line })).line.tickets.nodes;
      assert.deepEqual(nodes.map((n) => n.phone), ["+4930123456"]);
    });

    it("returns the same ticket for a retried join and refuses a reused key with another payload", async () => {
      const device = randomUUID();
      const key = randomUUID();
      const phone = nextPhone();
      const a = await joinOk({ lineId: remoteLine, phone, idempotencyKey: key, deviceId: device });
      const b = await joinOk({ lineId: remoteLine, phone, idempotencyKey: key, deviceId: device });
      assert.equal(b.trackingCode, a.trackingCode);
      assertCode(await join({ lineId: remoteLine, phone: nextPhone(), idempotencyKey: key, deviceId: device }), "CONFLICT");
      // The same key from another device is another request: it does not hand out the first device's ticket.
      assertCode(await join({ lineId: remoteLine, phone, idempotencyKey: key, deviceId: randomUUID() }), "CONFLICT");
    });

    it("never issues into another tenant through a join link, and a remote ticket's code reads nothing of another tenant", async () => {
      const theirs = await createLine(other.gql, other.tenantId, { name: "Theirs", prefix: "X", remoteJoin: true });
      assertCode(await join({ lineId: theirs, slug: owner.slug }), "NOT_FOUND");
      assertCode(await join({ lineId: remoteLine, slug: other.slug }), "NOT_FOUND");
      const mine = await joinOk({ lineId: remoteLine, slug: owner.slug, phone: nextPhone() });
      const joinPage = assertOk(
        await anonymous<{ tenantBySlug: { joinLine: { id: string } | null; joinLines: { id: string }[] } }>(`query($s: String!, $l: ID!) { tenantBySlug(slug: $s) { joinLine(id: $l) { id } joinLines { id } } }`, {
          s: other.slug,
          l: remoteLine,
        }),
      ).tenantBySlug;
      assert.equal(joinPage.joinLine, null);
      assert.deepEqual(joinPage.joinLines.map((l) => l.id), [theirs]);
      // The other tenant's staff cannot see or act on the remote ticket.
      const seen = await staffTicket(mine.trackingCode);
      assertCode(await other.gql(`query($id: ID!) { ticket(id: $id) { id } }`, { id: seen.id }), "NOT_FOUND");
      assertCode(await other.gql(callNextMutation, { l: remoteLine }), "NOT_FOUND");
      assertCode(await other.gql(`query($id: ID!) { line(id: $id) { id } }`, { id: remoteLine }), "NOT_FOUND");
    });

    it("refuses joins into a suspended tenant", async () => {
      const operatorApi = api;
      const operator = await signUpPersona(operatorApi, "operator");
      operatorApi.config.platformAdminEmails.push(operator.email);
      const tenant = await signUpPersona(api, "suspended");
      const line = await createLine(tenant.gql, tenant.tenantId, { name: "Soon gone", prefix: "G", remoteJoin: true });
      const suspend = `mutation($t: ID!, $s: Boolean!) { setTenantSuspended(tenantId: $t, suspended: $s) }`;
      assertOk(await operator.gql(suspend, { t: tenant.tenantId, s: true }));
      assertCode(await join({ lineId: line }), "FORBIDDEN");
      const page = assertOk(await anonymous<{ tenantBySlug: { joinLines: unknown[] } }>(`query($s: String!) { tenantBySlug(slug: $s) { joinLines { id } } }`, { s: tenant.slug })).tenantBySlug;
      assert.deepEqual(page.joinLines, []);
    });
  });

  describe("the join pages' public reads", () => {
    it("list remote-join lines with whether and why they can be joined, and the wait for joining now", async () => {
      const tenant = await signUpPersona(api, "pages");
      const open = await createLine(tenant.gql, tenant.tenantId, { name: "A open", prefix: "A", remoteJoin: true });
      const hidden = await createLine(tenant.gql, tenant.tenantId, { name: "B hidden", prefix: "B", remoteJoin: true, showEstimates: false });
      const stopped = await createLine(tenant.gql, tenant.tenantId, { name: "C stopped", prefix: "C", remoteJoin: true, acceptingTickets: false });
      const full = await createLine(tenant.gql, tenant.tenantId, { name: "D full", prefix: "D", remoteJoin: true, capacity: 1 });
      await createLine(tenant.gql, tenant.tenantId, { name: "E in store", prefix: "E" });
      await issueTicket(tenant.gql, full);
      const page = assertOk(
        await anonymous<{ tenantBySlug: { joinLines: { id: string; joinable: boolean; unavailableReason: string | null; waitingCount: number; estimate: { p50Seconds: number; p90Seconds: number; basis: string } | null }[]; ticketExtensionSchema: unknown } }>(
          `query($s: String!) { tenantBySlug(slug: $s) { ticketExtensionSchema joinLines { id joinable unavailableReason waitingCount estimate { p50Seconds p90Seconds basis } } } }`,
          { s: tenant.slug },
        ),
      ).tenantBySlug;
      assert.deepEqual(
        page.joinLines.map((l) => [l.id, l.joinable, l.unavailableReason, l.waitingCount]),
        [
          [open, true, null, 0],
          [hidden, true, null, 0],
          [stopped, false, "NOT_ACCEPTING", 0],
          [full, false, "FULL", 1],
        ],
      );
      const [a, b] = page.joinLines;
      assert.ok(a!.estimate && a!.estimate.p90Seconds >= a!.estimate.p50Seconds, "a visible estimate band");
      assert.equal(b!.estimate, null, "the line hides estimates: the server says so");
      assert.equal(page.ticketExtensionSchema, null);
    });

    it("gives staff the join link of each line and the tenant's public links", async () => {
      const data = assertOk(
        await staff.gql<{ tenant: { slug: string; publicLinks: { join: string; kiosk: string; display: string } }; line: { joinUrl: string; remoteJoin: boolean } }>(
          `query($t: ID!, $l: ID!) { tenant(id: $t) { slug publicLinks { join kiosk display } } line(id: $l) { joinUrl remoteJoin } }`,
          { t: owner.tenantId, l: remoteLine },
        ),
      );
      const base = `https://q.example.test/t/${owner.slug}`;
      assert.deepEqual(data.tenant.publicLinks, { join: `${base}/join`, kiosk: `${base}/kiosk`, display: `${base}/display` });
      assert.deepEqual(data.line, { joinUrl: `${base}/join/${remoteLine}`, remoteJoin: true });
    });

    it("turns remote join on and off per line (off by default)", async () => {
      const line = await createLine(owner.gql, owner.tenantId, { name: "Toggle", prefix: "G" });
      const read = async () => assertOk(await owner.gql<{ line: { remoteJoin: boolean } }>(`query($id: ID!) { line(id: $id) { remoteJoin } }`, { id: line })).line.remoteJoin;
      assert.equal(await read(), false);
      assertOk(await owner.gql(`mutation($id: ID!) { updateLine(id: $id, input: { remoteJoin: true }) { id } }`, { id: line }));
      assert.equal(await read(), true);
      assertCode(await staff.gql(`mutation($id: ID!) { updateLine(id: $id, input: { remoteJoin: false }) { id } }`, { id: line }), "FORBIDDEN");
      assertCode(await other.gql(`mutation($id: ID!) { updateLine(id: $id, input: { remoteJoin: false }) { id } }`, { id: line }), "NOT_FOUND");
      assert.equal(await read(), true);
    });

    it("checks the remote-join settings when they are saved", async () => {
      const save = (s: Record<string, unknown>) => owner.gql(`mutation($id: ID!, $s: JSONObject!) { updateTenant(id: $id, input: { settings: $s }) { id } }`, { id: owner.tenantId, s });
      for (const [settings, path] of [
        [{ remoteJoin: { maxActivePerContact: 0 } }, "input.settings.remoteJoin.maxActivePerContact"],
        [{ remoteJoin: { runningLatePlaces: 2.5 } }, "input.settings.remoteJoin.runningLatePlaces"],
        [{ remoteJoin: { defaultCountry: "Germany" } }, "input.settings.remoteJoin.defaultCountry"],
        [{ remoteJoin: { maxTickets: 3 } }, "input.settings.remoteJoin.maxTickets"],
        [{ remoteJoin: true }, "input.settings.remoteJoin"],
      ] as const) {
        const res = await save(settings);
        assertCode(res, "BAD_USER_INPUT");
        assert.deepEqual(fieldPaths(res), [path]);
      }
    });
  });

  describe("running late", () => {
    it("moves the holder back the tenant's number of places once, only while waiting, recorded as the holder", async () => {
      const line = await remoteJoinLine({ name: "Late" });
      lineOfCode.clear();
      const tickets: Joined[] = [];
      for (let i = 0; i < 5; i++) tickets.push(await joinOk({ lineId: line, phone: nextPhone() }));
      for (const t of tickets) lineOfCode.set(t.trackingCode, line);
      const late = assertOk(await anonymous<{ runningLate: { position: number; canRunLate: boolean; ranLateAt: string | null } }>(lateMutation, { c: tickets[0]!.trackingCode })).runningLate;
      assert.equal(late.position, 4);
      assert.equal(late.canRunLate, false);
      assert.ok(late.ranLateAt);
      const positions = await Promise.all(tickets.map(async (t) => (await staffTicket(t.trackingCode)).position));
      assert.deepEqual(positions, [4, 1, 2, 3, 5]);
      assertCode(await anonymous(lateMutation, { c: tickets[0]!.trackingCode }), "INVALID_TRANSITION");

      const seen = await staffTicket(tickets[0]!.trackingCode);
      assert.equal(seen.ranLateAt, late.ranLateAt);
      assert.deepEqual(seen.history.at(-1), { kind: "RAN_LATE", actorType: "TICKET_HOLDER", actorId: seen.id });

      // Near the back it goes to the back.
      const last = assertOk(await anonymous<{ runningLate: { position: number } }>(lateMutation, { c: tickets[3]!.trackingCode })).runningLate;
      assert.equal(last.position, 5);

      // Not while called; not for an unknown code.
      assertOk(await staff.gql(callNextMutation, { l: line }));
      assertCode(await anonymous(lateMutation, { c: tickets[1]!.trackingCode }), "INVALID_TRANSITION");
      assertCode(await anonymous(lateMutation, { c: "no-such-code" }), "NOT_FOUND");
    });

    it("uses the tenant's runningLatePlaces, and a customer's cancel is recorded as the holder too", async () => {
      const tenant = await signUpPersona(api, "places");
      assertOk(await tenant.gql(`mutation($id: ID!, $s: JSONObject!) { updateTenant(id: $id, input: { settings: $s }) { id } }`, { id: tenant.tenantId, s: { remoteJoin: { runningLatePlaces: 1 } } }));
      const line = await createLine(tenant.gql, tenant.tenantId, { name: "One back", prefix: "O", remoteJoin: true });
      const a = await joinOk({ lineId: line });
      await joinOk({ lineId: line });
      await joinOk({ lineId: line });
      assert.equal(a.runningLatePlaces, 1);
      assert.equal(assertOk(await anonymous<{ runningLate: { position: number } }>(lateMutation, { c: a.trackingCode })).runningLate.position, 2);
      assertOk(await anonymous(`mutation($c: String!) { cancelMyTicket(code: $c) { status } }`, { c: a.trackingCode }));
      const history = assertOk(
        await tenant.gql<{ line: { tickets: { nodes: { trackingCode: string; history: { kind: string; actorType: string }[] }[] } } }>(
          `query($id: ID!) { line(id: $id) { tickets { nodes { trackingCode history { kind actorType } } } } }`,
          { id: line },
        ),
      ).line.tickets.nodes.find((t) => t.trackingCode === a.trackingCode)!.history;
      assert.deepEqual(history.map((h) => [h.kind, h.actorType]), [["ISSUED", "TICKET_HOLDER"], ["RAN_LATE", "TICKET_HOLDER"], ["CANCELLED", "TICKET_HOLDER"]]);
    });
  });

  describe("channels", () => {
    it("records how each ticket was issued: staff walk-ins STAFF, keys API unless they say KIOSK, REMOTE only through joinLine", async () => {
      const fields = `channel email`;
      const walkIn = assertOk(await staff.gql<{ issueTicket: { channel: string; email: string } }>(`mutation($i: IssueTicketInput!) { issueTicket(input: $i) { ${fields} } }`, { i: { lineId: remoteLine, customerName: "Walk-in", email: "walk@in.example" } })).issueTicket;
      assert.deepEqual(walkIn, { channel: "STAFF", email: "walk@in.example" });
      const key = assertOk(await owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "kiosk", scopes: ["tickets:issue"]) { secret } }`, { t: owner.tenantId })).createApiKey.secret;
      const kiosk = api.client(`ApiKey ${key}`);
      const viaKey = async (channel?: string) =>
        assertOk(await kiosk<{ issueTicket: { channel: string } }>(`mutation($i: IssueTicketInput!) { issueTicket(input: $i) { channel } }`, { i: { lineId: remoteLine, ...(channel ? { channel } : {}) } })).issueTicket.channel;
      assert.equal(await viaKey(), "API");
      assert.equal(await viaKey("KIOSK"), "KIOSK");
      const remote = await staff.gql(`mutation($i: IssueTicketInput!) { issueTicket(input: $i) { id } }`, { i: { lineId: remoteLine, channel: "REMOTE" } });
      assertCode(remote, "BAD_USER_INPUT");
      assert.deepEqual(fieldPaths(remote), ["input.channel"]);
      const badEmail = await staff.gql(`mutation($i: IssueTicketInput!) { issueTicket(input: $i) { id } }`, { i: { lineId: remoteLine, email: "nope" } });
      assert.deepEqual(fieldPaths(badEmail), ["input.email"]);
    });

    it("shows a display key the channel and running-late time but not the email", async () => {
      const key = assertOk(await owner.gql<{ createApiKey: { secret: string } }>(`mutation($t: ID!) { createApiKey(tenantId: $t, name: "tv", scopes: ["lines:read", "display:read"]) { secret } }`, { t: owner.tenantId })).createApiKey.secret;
      const tv = api.client(`ApiKey ${key}`);
      const ok = assertOk(await tv<{ line: { tickets: { nodes: { channel: string }[] } } }>(`query($id: ID!) { line(id: $id) { tickets(first: 1) { nodes { channel ranLateAt } } } }`, { id: remoteLine }));
      assert.ok(ok.line.tickets.nodes.length === 1);
      assertCode(await tv(`query($id: ID!) { line(id: $id) { tickets(first: 1) { nodes { email } } } }`, { id: remoteLine }), "FORBIDDEN");
    });
  });
});

describe("joinLine abuse limits", () => {
  let api: TestApi;
  let owner: Persona;
  let line: string;
  const join = (input: Record<string, unknown>) => api.client()(joinMutation, { input });
  const retryAfter = (res: GraphQLResponse<unknown>) => (res.errors?.[0]?.extensions as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;

  before(async () => {
    const base = testConfig().rateLimits;
    api = await startTestApi({ rateLimits: { ...base, joinPerIpPerHour: 6, joinPerDevicePerLinePerHour: 2, joinPerContactPerLinePerHour: 2 } });
    owner = await signUpPersona(api, "limits");
    line = await createLine(owner.gql, owner.tenantId, { name: "Popular", prefix: "P", remoteJoin: true });
  });
  after(async () => {
    await api.close();
  });

  it("limits joins per device per line, per phone per line (failed tries count) and per address", async () => {
    const device = randomUUID();
    assertOk(await join({ lineId: line, deviceId: device, phone: nextPhone() }));
    assertOk(await join({ lineId: line, deviceId: device, phone: nextPhone() }));
    const third = await join({ lineId: line, deviceId: device, phone: nextPhone() });
    assertCode(third, "LIMIT_EXCEEDED");
    assert.ok((retryAfter(third) ?? 0) >= 1, "says when to try again");

    const phone = nextPhone();
    assertOk(await join({ lineId: line, deviceId: randomUUID(), phone }));
    assertCode(await join({ lineId: line, deviceId: randomUUID(), phone: phone.replace(/ /g, "") }), "CONFLICT"); // already holds one: a failed try
    assertCode(await join({ lineId: line, deviceId: randomUUID(), phone }), "LIMIT_EXCEEDED");

    // Six joinLine calls from this address so far: the seventh is refused before it runs, whatever it carries.
    assertCode(await join({ lineId: line, deviceId: randomUUID(), phone: nextPhone() }), "LIMIT_EXCEEDED");
    assert.ok((retryAfter(await join({ lineId: line })) ?? 0) > 60, "the address budget is hourly");
  });
});
