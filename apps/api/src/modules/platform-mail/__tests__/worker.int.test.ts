/**
 * The platform mail worker on its own clock (runOnce, no polling): delivery after commit, a retry after an SMTP
 * 4xx with the same Message-ID, and no retry after a 5xx.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, beforeEach, describe, it } from "node:test";
import { assertOk, startTestApi, type TestApi } from "../../../__tests__/harness.js";
import type { DevSinks } from "../../notifications/dev-sinks.js";
import { platformMailTo, startMailbox } from "./mail-fixtures.js";

describe("platform mail worker", () => {
  let api: TestApi;
  let sinks: DevSinks;
  /** The worker's clock, a minute ahead of the database's: a mail queued just now is due. */
  let clock = Date.now() + 60_000;

  before(async () => {
    sinks = await startMailbox();
    api = await startTestApi(platformMailTo(sinks), { platformMail: { autoStart: false, now: () => clock } });
  });
  beforeEach(() => {
    sinks.responder = null;
    clock = Math.max(clock, Date.now() + 60_000);
  });
  after(async () => {
    await api.close();
    await sinks.close();
  });

  const job = () => api.server.platformMail.job!;
  const queueMailTo = async () => {
    const to = `nobody-${randomBytes(4).toString("hex")}@example.test`;
    assertOk(await api.client()(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: to }));
    return to;
  };

  it("delivers a queued mail on the next run, once", async () => {
    const to = await queueMailTo();
    assert.equal(await job().runOnce(), 1);
    assert.equal(sinks.messages().filter((m) => m.to === to).length, 1);
    assert.equal(await job().runOnce(), 0);
  });

  it("retries after a 4xx with the same Message-ID, when the backoff is due", async () => {
    const to = await queueMailTo();
    sinks.responder = () => ({ status: 451, message: "try later" });
    assert.equal(await job().runOnce(), 1);
    const [id] = [...sinks.received.keys()].filter((k) => !sinks.messages().some((m) => m.notificationId === k));
    assert.ok(id);
    assert.equal(await job().runOnce(), 0, "not due before its backoff");
    sinks.responder = null;
    clock += 3_600_000;
    assert.equal(await job().runOnce(), 1);
    const kept = sinks.messages().filter((m) => m.to === to);
    assert.equal(kept.length, 1);
    assert.equal(kept[0]!.notificationId, id);
    assert.equal(sinks.received.get(id), 2);
  });

  it("gives up after a 5xx: never claimed again", async () => {
    const to = await queueMailTo();
    sinks.responder = () => ({ status: 550, message: "no such mailbox" });
    assert.equal(await job().runOnce(), 1);
    clock += 24 * 3_600_000;
    sinks.responder = null;
    assert.equal(await job().runOnce(), 0);
    assert.equal(sinks.messages().filter((m) => m.to === to).length, 0);
  });
});
