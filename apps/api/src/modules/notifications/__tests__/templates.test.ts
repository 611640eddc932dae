/** Templates and backoff, without a database: substitution, validation, defaults for every trigger × channel × language. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { notificationChannels, notificationTriggers } from "@qline/db";
import { checkTemplateText, defaultTemplate, languages, render, sampleValues, templateProblems, waitRange } from "../templates.js";
import { retryDelayMs } from "../worker.js";
import { decryptSecret, encryptSecret } from "../secrets.js";

describe("templates", () => {
  it("every default uses only known variables, in every language, and EMAIL has a subject", () => {
    for (const language of languages)
      for (const trigger of notificationTriggers)
        for (const channel of notificationChannels) {
          const t = defaultTemplate(trigger, channel, language);
          assert.deepEqual(templateProblems(t.body), [], `${trigger}/${channel}/${language}`);
          assert.equal(t.subject !== null, channel === "EMAIL");
        }
  });

  it("substitutes variables and literal braces", () => {
    assert.equal(render("{{{number}}} at {counter}", sampleValues("en", "Acme")), "{A042} at Desk 3");
  });

  it("names unknown variables and lone braces; accepts the known ones", () => {
    assert.deepEqual(templateProblems("Hi {name} {number}"), ["unknown variable {name}"]);
    assert.equal(templateProblems("50% {off")[0], 'a lone "{" (write {{ or }} for a brace)');
    assert.throws(() => checkTemplateText("Hi {name}", "input.body", 100), (e: { fields?: { path: string }[] }) => e.fields?.[0]?.path === "input.body");
    assert.throws(() => checkTemplateText("   ", "input.body", 100));
    assert.doesNotThrow(() => checkTemplateText("{number} {line} {counter} {position} {waitRange} {link} {tenant}", "input.body", 200));
  });

  it("formats the wait range in minutes", () => {
    assert.equal(waitRange(600, 900, "en"), "10–15 min");
    assert.equal(waitRange(null, null, "de"), "unbekannt");
  });
});

describe("retry backoff", () => {
  it("doubles per attempt within ±20 %, at most an hour", () => {
    assert.equal(retryDelayMs(1, 5000, () => 0.5), 5000);
    assert.equal(retryDelayMs(3, 5000, () => 0.5), 20_000);
    assert.equal(retryDelayMs(2, 5000, () => 0), 8000);
    assert.equal(retryDelayMs(2, 5000, () => 1), 12_000);
    assert.equal(retryDelayMs(40, 5000, () => 0.5), 3_600_000);
  });
});

describe("tenant secrets at rest", () => {
  const key = Buffer.alloc(32, 7);
  it("round-trips only for the same tenant and kind", () => {
    const stored = encryptSecret(key, "t1", "WEBHOOK_SECRET", "s3cret");
    assert.ok(!stored.includes("s3cret"));
    assert.equal(decryptSecret(key, "t1", "WEBHOOK_SECRET", stored), "s3cret");
    assert.equal(decryptSecret(key, "t2", "WEBHOOK_SECRET", stored), null, "moved to another tenant");
    assert.equal(decryptSecret(key, "t1", "TWILIO_AUTH_TOKEN", stored), null, "used as another kind");
    assert.equal(decryptSecret(Buffer.alloc(32, 8), "t1", "WEBHOOK_SECRET", stored), null, "another key");
  });
});
