/**
 * The WEBHOOK estimator's settings in the admin: a signing secret shown once on rotation, and a "Test" call that
 * POSTs a signed sample snapshot to a real local receiver and reports status, latency and problems; rate-limited
 * per line. 127.0.0.1 is allowed through ESTIMATOR_WEBHOOK_ALLOW_HOSTS (setWebhookAllowHosts).
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, memberPersona, signUpPersona, startTestApi, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createLine } from "../../tickets/__tests__/queue-fixtures.js";
import { setWebhookAllowHosts } from "../estimates.webhook.js";

type Answer = (body: { snapshot: { waiting: { id: string }[] } }, res: ServerResponse) => void;

const testCall = `mutation($l: ID!, $u: String, $t: Int) { testEstimatorWebhook(lineId: $l, url: $u, timeoutMs: $t) { ok httpStatus latencyMs problem } }`;
const rotate = `mutation($l: ID!) { rotateEstimatorWebhookSecret(lineId: $l) { secret line { id estimatorWebhookSecretSet } } }`;

interface TestResult {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number;
  problem: string | null;
}

describe("estimator webhook settings", () => {
  let api: TestApi;
  let owner: Persona;
  let staff: Persona;
  let receiver: Server;
  let url: string;
  let answer: Answer = (_b, res) => res.end("{}");
  const received: { headers: IncomingMessage["headers"]; raw: string }[] = [];

  before(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ headers: req.headers, raw });
        answer(JSON.parse(raw) as Parameters<Answer>[0], res);
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/eta`;
    api = await startTestApi({ estimatorWebhookAllowHosts: ["127.0.0.1"] });
    owner = await signUpPersona(api, "hook");
    staff = await memberPersona(api, owner, owner.tenantId, "STAFF");
  });
  after(async () => {
    setWebhookAllowHosts([]);
    await api.close();
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  it("shows a new secret once on rotation, and signs the test call with it", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "H" });
    const before = assertOk(await owner.gql<{ line: { estimatorWebhookSecretSet: boolean } }>(`query($l: ID!) { line(id: $l) { estimatorWebhookSecretSet } }`, { l: lineId }));
    assert.equal(before.line.estimatorWebhookSecretSet, false);
    const noSecret = await owner.gql(testCall, { l: lineId, u: url });
    assertCode(noSecret, "BAD_USER_INPUT");
    assert.match(noSecret.errors![0]!.message, /no signing secret/);

    const first = assertOk(await owner.gql<{ rotateEstimatorWebhookSecret: { secret: string; line: { estimatorWebhookSecretSet: boolean } } }>(rotate, { l: lineId })).rotateEstimatorWebhookSecret;
    assert.match(first.secret, /^whsec_/);
    assert.equal(first.line.estimatorWebhookSecretSet, true);
    const second = assertOk(await owner.gql<{ rotateEstimatorWebhookSecret: { secret: string } }>(rotate, { l: lineId })).rotateEstimatorWebhookSecret;
    assert.notEqual(second.secret, first.secret);

    answer = (body, res) => res.end(JSON.stringify({ estimates: Object.fromEntries(body.snapshot.waiting.map((t) => [t.id, { p50Seconds: 60, p90Seconds: 120 }])) }));
    const result = assertOk(await owner.gql<{ testEstimatorWebhook: TestResult }>(testCall, { l: lineId, u: url })).testEstimatorWebhook;
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.httpStatus, 200);
    assert.equal(result.problem, null);
    assert.ok(result.latencyMs >= 0);
    const last = received.at(-1)!;
    const expected = `sha256=${createHmac("sha256", second.secret).update(last.raw).digest("hex")}`;
    assert.equal(last.headers["x-qline-signature"], expected, "signed with the rotated secret");
    assert.deepEqual((JSON.parse(last.raw) as { snapshot: { waiting: { id: string }[] } }).snapshot.waiting.map((t) => t.id), ["sample-ticket-1", "sample-ticket-2"]);
  });

  it("reports an HTTP error, a non-JSON answer and missing bands as problems, and a refused URL next to the field", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "J" });
    assertOk(await owner.gql(rotate, { l: lineId }));
    const run = async () => assertOk(await owner.gql<{ testEstimatorWebhook: TestResult }>(testCall, { l: lineId, u: url })).testEstimatorWebhook;

    answer = (_b, res) => {
      res.statusCode = 503;
      res.end("down");
    };
    assert.deepEqual({ ...(await run()), latencyMs: 0 }, { ok: false, httpStatus: 503, latencyMs: 0, problem: "It answered HTTP 503" });
    answer = (_b, res) => res.end("<html>");
    assert.equal((await run()).problem, "The answer is not JSON");
    answer = (_b, res) => res.end(JSON.stringify({ estimates: {} }));
    assert.match((await run()).problem ?? "", /^The answer is not usable: ticket sample-ticket-1: no band in response/);

    const refused = await owner.gql(testCall, { l: lineId, u: "http://169.254.169.254/latest" });
    assertCode(refused, "BAD_USER_INPUT");
    assert.deepEqual(refused.errors![0]!.extensions!.fields!.map((f) => f.path), ["url"]);
  });

  it("tests the line's saved URL by default", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "G", estimator: "WEBHOOK", estimatorOptions: { url, timeoutMs: 1000 } });
    answer = (_b, res) => {
      res.statusCode = 500;
      res.end();
    };
    const before = received.length;
    const result = assertOk(await owner.gql<{ testEstimatorWebhook: TestResult }>(testCall, { l: lineId })).testEstimatorWebhook;
    assert.equal(result.httpStatus, 500);
    assert.equal(received.length, before + 1);
  });

  it("needs lines:manage", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "F" });
    assertCode(await staff.gql(rotate, { l: lineId }), "FORBIDDEN");
    assertCode(await staff.gql(testCall, { l: lineId, u: url }), "FORBIDDEN");
  });

  it("is rate-limited per line: the seventh test in a minute is LIMIT_EXCEEDED and calls nobody", async () => {
    const lineId = await createLine(owner.gql, owner.tenantId, { prefix: "E" });
    assertOk(await owner.gql(rotate, { l: lineId }));
    answer = (_b, res) => res.end("{}");
    for (let i = 0; i < 6; i++) assertOk(await owner.gql(testCall, { l: lineId, u: url }));
    const before = received.length;
    assertCode(await owner.gql(testCall, { l: lineId, u: url }), "LIMIT_EXCEEDED");
    assert.equal(received.length, before, "the refused test made no request");
    const otherLine = await createLine(owner.gql, owner.tenantId, { prefix: "D" });
    assertOk(await owner.gql(rotate, { l: otherLine }));
    assertOk(await owner.gql(testCall, { l: otherLine, u: url }));
  });
});
