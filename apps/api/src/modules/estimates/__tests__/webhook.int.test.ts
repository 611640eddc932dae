/**
 * The WEBHOOK estimator against a real local HTTP server: success (signature verifiable by the receiver),
 * timeout → fallback, bad payload → fallback, backoff; and through the API: basis WEBHOOK, and FALLBACK with
 * the reason for staff and an audit entry. 127.0.0.1 is allowed through ESTIMATOR_WEBHOOK_ALLOW_HOSTS.
 */
import assert from "node:assert/strict";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import type { LineSnapshot } from "@qline/estimates";
import { assertCode, assertOk, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { issueTickets } from "../../tickets/__tests__/queue-fixtures.js";
import { callWebhookEstimator, resetWebhookBackoff, setWebhookAllowHosts, webhookBackoff, webhookDns } from "../estimates.webhook.js";

type Behaviour = (body: Record<string, unknown>, res: ServerResponse) => void;

interface Receiver {
  url: string;
  requests: { headers: IncomingMessage["headers"]; raw: string }[];
  behave(b: Behaviour): void;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  let behaviour: Behaviour = (_b, res) => res.end("{}");
  const requests: Receiver["requests"] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      requests.push({ headers: req.headers, raw });
      behaviour(JSON.parse(raw) as Record<string, unknown>, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/eta`,
    requests,
    behave: (b) => (behaviour = b),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** What a tenant's receiver does: recompute the HMAC over the raw body and compare in constant time. */
function verify(secret: string, raw: string, header: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`);
  const given = Buffer.from(String(header ?? ""));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const bandsFor = (body: Record<string, unknown>, p50: number, p90: number) => ({
  estimates: Object.fromEntries((body["snapshot"] as LineSnapshot).waiting.map((t) => [t.id, { p50Seconds: p50, p90Seconds: p90 }])),
});

const snapshot = (now: number): LineSnapshot => ({
  now,
  openCounters: 1,
  waiting: [
    { id: "t1", ticketTypeId: "a", joinedAt: now - 60_000 },
    { id: "t2", ticketTypeId: "a", joinedAt: now - 30_000 },
  ],
  serving: [],
  history: [],
  ticketTypes: [{ id: "a", defaultServiceSeconds: 120 }],
});

describe("webhook estimator (real HTTP server)", () => {
  let receiver: Receiver;
  const secret = "whsec_test";
  before(async () => {
    receiver = await startReceiver();
    setWebhookAllowHosts(["127.0.0.1"]);
  });
  after(async () => {
    await receiver.close();
    setWebhookAllowHosts([]);
  });
  beforeEach(() => {
    resetWebhookBackoff();
    receiver.requests.length = 0;
  });
  const call = (now: number, lineId = "line-1", timeoutMs = 500) => callWebhookEstimator({ lineId, url: receiver.url, secret, timeoutMs, snapshot: snapshot(now) });

  it("uses the returned bands; the receiver can verify the signature and the timestamp", async () => {
    receiver.behave((body, res) => res.end(JSON.stringify(bandsFor(body, 300, 480))));
    const now = Date.UTC(2026, 10, 22, 12);
    const outcome = await call(now);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.bands.get("t2"), { p50Seconds: 300, p90Seconds: 480 });
    const request = receiver.requests[0]!;
    assert.ok(verify(secret, request.raw, request.headers["x-qline-signature"]), "signature over the raw body");
    assert.ok(!verify("other-secret", request.raw, request.headers["x-qline-signature"]));
    assert.equal(request.headers["x-qline-timestamp"], String(now / 1000));
    assert.equal((JSON.parse(request.raw) as { sentAt: number }).sentAt, now / 1000, "the timestamp is signed too");
  });

  it("falls back on a timeout, an error status and a bad payload, saying why", async () => {
    receiver.behave(() => undefined); // never answers
    const slow = await call(Date.now(), "slow", 100);
    assert.equal(slow.ok, false);
    assert.match(!slow.ok ? slow.reason : "", /timed out after 100 ms/);

    receiver.behave((_b, res) => {
      res.statusCode = 500;
      res.end("boom");
    });
    const failing = await call(Date.now(), "failing");
    assert.match(!failing.ok ? failing.reason : "", /HTTP 500/);

    receiver.behave((body, res) => res.end(JSON.stringify(bandsFor(body, 600, 300))));
    const inverted = await call(Date.now(), "inverted");
    assert.match(!inverted.ok ? inverted.reason : "", /p90Seconds is below p50Seconds/);

    receiver.behave((body, res) => res.end(JSON.stringify(bandsFor(body, -5, 10))));
    const negative = await call(Date.now(), "negative");
    assert.match(!negative.ok ? negative.reason : "", /negative/);
    assert.equal(!negative.ok && negative.firstFailure, true, "first failure of the streak (audited once)");
  });

  it("backs off a failing endpoint exponentially instead of hammering it, and resets on success", async () => {
    receiver.behave((_b, res) => {
      res.statusCode = 503;
      res.end();
    });
    const t0 = Date.now();
    await call(t0);
    assert.equal(receiver.requests.length, 1);
    const during = await call(t0 + webhookBackoff.baseMs - 1);
    assert.match(!during.ok ? during.reason : "", /backed off after 1 failure/);
    assert.equal(receiver.requests.length, 1, "not called while backed off");
    await call(t0 + webhookBackoff.baseMs); // second failure: next wait doubles
    assert.equal(receiver.requests.length, 2);
    await call(t0 + webhookBackoff.baseMs + 2 * webhookBackoff.baseMs - 1);
    assert.equal(receiver.requests.length, 2);
    receiver.behave((body, res) => res.end(JSON.stringify(bandsFor(body, 60, 90))));
    const recovered = await call(t0 + 3 * webhookBackoff.baseMs);
    assert.ok(recovered.ok);
    assert.equal(receiver.requests.length, 3);
    assert.ok((await call(t0 + 3 * webhookBackoff.baseMs + 1)).ok, "no backoff after a success");
  });

  it("refuses disallowed addresses unless allow-listed", async () => {
    setWebhookAllowHosts([]);
    try {
      const refused = await call(Date.now());
      assert.match(!refused.ok ? refused.reason : "", /loopback, private/);
      assert.equal(receiver.requests.length, 0);
    } finally {
      setWebhookAllowHosts(["127.0.0.1"]);
    }
  });
});

describe("webhook estimator: SSRF (real HTTP server on loopback)", () => {
  let receiver: Receiver;
  let port: number;
  const realLookup = webhookDns.lookup;
  before(async () => {
    receiver = await startReceiver();
    port = Number(new URL(receiver.url).port);
  });
  after(async () => {
    webhookDns.lookup = realLookup;
    setWebhookAllowHosts([]);
    await receiver.close();
  });
  beforeEach(() => {
    resetWebhookBackoff();
    receiver.requests.length = 0;
    receiver.behave((body, res) => res.end(JSON.stringify(bandsFor(body, 60, 90))));
    setWebhookAllowHosts([]);
    webhookDns.lookup = realLookup;
  });
  const callUrl = (url: string) => callWebhookEstimator({ lineId: url, url, secret: "s", timeoutMs: 2000, snapshot: snapshot(Date.now()) });

  it("refuses loopback however it is spelled, and the receiver is never reached", async () => {
    for (const host of ["[::127.0.0.1]", "[::ffff:0:7f00:1]", "[::ffff:127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "localhost.", "127.1"]) {
      const outcome = await callUrl(`http://${host}:${port}/eta`);
      assert.equal(outcome.ok, false, host);
      assert.match(!outcome.ok ? outcome.reason : "", /webhook URL points at/, host);
    }
    assert.equal(receiver.requests.length, 0);
  });

  it("connects to the address its own lookup checked: a name answering loopback is refused, and reached only when allow-listed", async () => {
    // A DNS server we control: "rebind.test" resolves to loopback (the system resolver knows no such name, so a
    // request that reaches the receiver can only have connected to the address our lookup returned).
    const asked: string[] = [];
    webhookDns.lookup = (hostname, _options, callback) => {
      asked.push(hostname);
      callback(null, [{ address: "127.0.0.1", family: 4 }]);
    };
    const refused = await callUrl(`http://rebind.test:${port}/eta`);
    assert.match(!refused.ok ? refused.reason : "", /rebind\.test resolves to a disallowed address/);
    assert.equal(receiver.requests.length, 0);

    webhookDns.lookup = (hostname, _options, callback) => {
      asked.push(hostname);
      callback(null, [{ address: "93.184.216.34", family: 4 }, { address: "::ffff:127.0.0.1", family: 6 }]);
    };
    const mixed = await callUrl(`http://mixed.test:${port}/eta`);
    assert.match(!mixed.ok ? mixed.reason : "", /mixed\.test resolves to a disallowed address/, "one bad address refuses the name");

    setWebhookAllowHosts(["rebind.test"]);
    webhookDns.lookup = (hostname, _options, callback) => {
      asked.push(hostname);
      callback(null, [{ address: "127.0.0.1", family: 4 }]);
    };
    resetWebhookBackoff();
    const reached = await callUrl(`http://rebind.test:${port}/eta`);
    assert.ok(reached.ok, !reached.ok ? reached.reason : "");
    assert.equal(receiver.requests.length, 1);
    assert.deepEqual(asked, ["rebind.test", "mixed.test", "rebind.test"], "one resolution per call: the one that was checked");
  });
});

describe("webhook estimator through the API", () => {
  let api: TestApi;
  let owner: Persona;
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
    // Every read re-estimates (no reuse of a line's state): the receiver's answer changes between reads here.
    api = await startTestApi({ estimatorWebhookAllowHosts: ["127.0.0.1"], lineStateMaxAgeMs: 0 }, { ttlJob: false });
    owner = await signUpPersona(api, "owner");
    resetWebhookBackoff();
  });
  after(async () => {
    await api.close();
    await receiver.close();
  });

  it("refuses a URL that spells a loopback address another way (BAD_USER_INPUT on the url), while the allow-listed receiver is accepted", async () => {
    const create = (url: string) =>
      owner.gql(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
        input: { tenantId: owner.tenantId, name: "Hook", prefix: "H", estimator: "WEBHOOK", estimatorOptions: { url, timeoutMs: 300 } },
      });
    const port = new URL(receiver.url).port;
    for (const host of ["[::127.0.0.1]", "[::ffff:0:7f00:1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "localhost."]) {
      const res = await create(`http://${host}:${port}/eta`);
      assertCode(res, "BAD_USER_INPUT");
      assert.ok(res.errors![0]!.extensions?.fields?.some((f) => f.path.endsWith("url")), JSON.stringify(res.errors));
    }
    assertOk(await create(receiver.url));
  });

  it("shows the tenant's bands (basis WEBHOOK), and on failure SERVICE_RATE with the reason for staff and in the audit log", async () => {
    receiver.behave((body, res) => res.end(JSON.stringify(bandsFor(body, 420, 600))));
    const line = assertOk(
      await owner.gql<{ createLine: { id: string; estimatorWebhookSecret: string } }>(
        `mutation($input: CreateLineInput!) { createLine(input: $input) { id estimatorWebhookSecret } }`,
        { input: { tenantId: owner.tenantId, name: "Hook", prefix: "W", estimator: "WEBHOOK", estimatorOptions: { url: receiver.url, timeoutMs: 300 } } },
      ),
    ).createLine;
    const [ticket] = await issueTickets(owner.gql, line.id, 1);
    const query = `query($id: ID!) { ticket(id: $id) { estimate { p50Seconds p90Seconds basis reason } } }`;
    const good = assertOk(await owner.gql<{ ticket: { estimate: Record<string, unknown> } }>(query, { id: ticket!.id })).ticket.estimate;
    assert.deepEqual(good, { p50Seconds: 420, p90Seconds: 600, basis: "WEBHOOK", reason: null });
    const last = receiver.requests[receiver.requests.length - 1]!;
    assert.ok(verify(line.estimatorWebhookSecret, last.raw, last.headers["x-qline-signature"]), "signed with the line's secret");

    receiver.behave((_b, res) => res.end("not json"));
    const fallback = assertOk(await owner.gql<{ ticket: { estimate: { basis: string; reason: string; p50Seconds: number } } }>(query, { id: ticket!.id })).ticket.estimate;
    assert.equal(fallback.basis, "FALLBACK");
    assert.match(fallback.reason, /not JSON/);
    const publicView = assertOk(await api.client()<{ ticketByCode: { estimate: { reason: string | null } } }>(`query($c: String!) { ticketByCode(code: $c) { estimate { reason } } }`, { c: ticket!.trackingCode }));
    assert.equal(publicView.ticketByCode.estimate.reason, null, "customers never see the reason");
    const audit = assertOk(
      await owner.gql<{ tenant: { auditLog: { nodes: { action: string; targetId: string }[] } } }>(
        `query($t: ID!) { tenant(id: $t) { auditLog(filter: { action: "line.estimator_fallback" }) { nodes { action targetId } } } }`,
        { t: owner.tenantId },
      ),
    );
    assert.equal(audit.tenant.auditLog.nodes.filter((n) => n.targetId === line.id).length, 1, "recorded once per failing streak");
  });

  it("answers another tenant's mutations, and the line's own, while the WEBHOOK estimator still waits for the tenant's server", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const waiting = new Promise<void>((resolve) => (reached = resolve));
    receiver.behave((body, res) => {
      reached();
      void held.then(() => res.end(JSON.stringify(bandsFor(body, 60, 90))));
    });
    try {
      const line = assertOk(
        await owner.gql<{ createLine: { id: string } }>(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
          input: { tenantId: owner.tenantId, name: "Slow hook", prefix: "S", estimator: "WEBHOOK", estimatorOptions: { url: receiver.url, timeoutMs: 5000 } },
        }),
      ).createLine;
      const other = await signUpPersona(api, "neighbour");
      const otherLine = assertOk(
        await other.gql<{ createLine: { id: string } }>(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, { input: { tenantId: other.tenantId, name: "Plain", prefix: "P" } }),
      ).createLine;

      // Were the webhook called inside a transaction, these would wait for it (on PGlite's one connection, every
      // tenant would): each must answer while the receiver still holds its request.
      const stalled = Symbol("stalled");
      const within = <T>(p: Promise<T>) => Promise.race([p, new Promise<typeof stalled>((resolve) => setTimeout(() => resolve(stalled), 4000).unref())]);
      const first = issueTickets(owner.gql, line.id, 1); // its line's refresh (after commit) asks the receiver
      await waiting; // the tenant's server has the request and does not answer until released
      assert.notEqual(await within(first), stalled, "the webhook line's issueTicket answered at commit");
      assert.notEqual(await within(issueTickets(other.gql, otherLine.id, 1)), stalled, "another tenant's issueTicket answered while the webhook was pending");
      assert.notEqual(await within(issueTickets(owner.gql, line.id, 1)), stalled, "the line's next issueTicket answered while its webhook was pending");
    } finally {
      release();
      receiver.behave((body, res) => res.end(JSON.stringify(bandsFor(body, 420, 600))));
    }
  });
});
