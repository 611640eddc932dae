import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateWebhookBand } from "../webhook-band.js";

describe("validateWebhookBand", () => {
  it("accepts per-ticket bands and rounds them to whole seconds", () => {
    const result = validateWebhookBand(
      { estimates: { t1: { p50Seconds: 120, p90Seconds: 300 }, t2: { p50Seconds: 0, p90Seconds: 0.4 }, t3: { p50Seconds: 59.6, p90Seconds: 59.7 } } },
      ["t1", "t2", "t3"],
    );
    assert.deepEqual(result, {
      ok: true,
      band: new Map([
        ["t1", { p50Seconds: 120, p90Seconds: 300 }],
        ["t2", { p50Seconds: 0, p90Seconds: 0 }],
        ["t3", { p50Seconds: 60, p90Seconds: 60 }],
      ]),
    });
  });

  it("rejects p90 below p50", () => {
    assert.deepEqual(validateWebhookBand({ estimates: { t1: { p50Seconds: 300, p90Seconds: 120 } } }), {
      ok: false,
      reason: "ticket t1: p90Seconds is below p50Seconds",
    });
  });

  it("rejects negative and non-finite numbers", () => {
    assert.deepEqual(validateWebhookBand({ estimates: { t1: { p50Seconds: -1, p90Seconds: 10 } } }), {
      ok: false,
      reason: "ticket t1: p50Seconds is negative",
    });
    for (const p90Seconds of [Number.POSITIVE_INFINITY, Number.NaN, "600", null]) {
      const result = validateWebhookBand({ estimates: { t1: { p50Seconds: 10, p90Seconds } } });
      assert.deepEqual(result, { ok: false, reason: "ticket t1: p90Seconds is not a finite number" });
    }
    assert.equal(validateWebhookBand({ estimates: { t1: { p50Seconds: 10, p90Seconds: 1e9 } } }).ok, false);
  });

  it("rejects a response missing a ticket that was asked about, and ignores tickets not asked about", () => {
    assert.deepEqual(validateWebhookBand({ estimates: { t1: { p50Seconds: 10, p90Seconds: 20 } } }, ["t1", "t2"]), {
      ok: false,
      reason: "ticket t2: no band in response",
    });
    const extra = validateWebhookBand({ estimates: { t1: { p50Seconds: 10, p90Seconds: 20 }, other: { p50Seconds: -5 } } }, ["t1"]);
    assert.ok(extra.ok);
    assert.deepEqual([...extra.band.keys()], ["t1"]);
  });

  it("rejects anything that is not an object of objects", () => {
    for (const payload of [null, undefined, 42, "ok", [], [{ p50Seconds: 1, p90Seconds: 2 }]]) {
      assert.deepEqual(validateWebhookBand(payload), { ok: false, reason: "response is not a JSON object" });
    }
    assert.deepEqual(validateWebhookBand({ t1: { p50Seconds: 1, p90Seconds: 2 } }), { ok: false, reason: 'response has no "estimates" object' });
    assert.deepEqual(validateWebhookBand({ estimates: { t1: 60 } }), { ok: false, reason: "ticket t1: band is not an object" });
  });
});
