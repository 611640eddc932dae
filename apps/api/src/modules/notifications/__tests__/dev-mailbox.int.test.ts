/**
 * The embedded default (QLINE_DEV_SINKS=1): with nothing configured, the API runs a local SMTP server and a
 * Twilio-speaking HTTP server, sends there, and devMailbox lists a tenant's received messages — only its own.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertCode, assertOk, signUpPersona, startTestApi, testConfig, type Persona, type TestApi } from "../../../__tests__/harness.js";
import { createLine } from "../../tickets/__tests__/queue-fixtures.js";

const mailbox = `query($t: ID!) { devMailbox(tenantId: $t) { kind to subject body } }`;
const issue = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id number } }`;

describe("dev mailbox (QLINE_DEV_SINKS)", () => {
  let api: TestApi;
  let a: Persona;
  let b: Persona;
  before(async () => {
    const base = testConfig();
    api = await startTestApi({ notifications: { ...base.notifications, devSinks: true } }, { notifications: { worker: { autoStart: false } } });
    a = await signUpPersona(api, "mailA");
    b = await signUpPersona(api, "mailB");
  });
  after(() => api.close());

  it("delivers email and SMS into the local sinks; each tenant's mailbox shows only its messages", async () => {
    const sinks = api.server.notifications.devSinks!;
    assert.ok(sinks.smtp.port > 0 && sinks.twilio.baseUrl.startsWith("http://127.0.0.1:"));
    const providers = assertOk(await a.gql<{ notificationProviders: { platformSms: boolean; platformEmail: boolean } }>(`query($t: ID!) { notificationProviders(tenantId: $t) { platformSms platformEmail } }`, { t: a.tenantId }));
    assert.deepEqual(providers.notificationProviders, { platformSms: true, platformEmail: true });
    const lineA = await createLine(a.gql, a.tenantId);
    const lineB = await createLine(b.gql, b.tenantId);
    const ta = assertOk(await a.gql<{ issueTicket: { number: string } }>(issue, { input: { lineId: lineA, email: "a@example.test", phone: "+491511000001", notify: ["EMAIL", "SMS"] } })).issueTicket;
    assertOk(await b.gql(issue, { input: { lineId: lineB, email: "b@example.test", notify: ["EMAIL"] } }));
    for (let i = 0; i < 5 && (await api.server.notifications.worker!.runOnce()) > 0; i++);

    const mineA = assertOk(await a.gql<{ devMailbox: { kind: string; to: string; subject: string | null; body: string }[] }>(mailbox, { t: a.tenantId })).devMailbox;
    assert.ok(mineA.some((m) => m.kind === "EMAIL" && m.to.includes("a@example.test") && m.body.includes(`You are ${ta.number}`)));
    assert.ok(mineA.some((m) => m.kind === "SMS" && m.to === "+491511000001"));
    assert.ok(mineA.every((m) => !m.to.includes("b@example.test")), "none of B's messages");
    const mineB = assertOk(await b.gql<{ devMailbox: { to: string }[] }>(mailbox, { t: b.tenantId })).devMailbox;
    assert.ok(mineB.length >= 1 && mineB.every((m) => m.to.includes("b@example.test")));
    assertCode(await b.gql(mailbox, { t: a.tenantId }), "NOT_FOUND");
    assertCode(await api.client()(mailbox, { t: a.tenantId }), "UNAUTHENTICATED");
  });
});
