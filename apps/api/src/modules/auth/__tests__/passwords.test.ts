/** New passwords: long enough, and hard to guess by zxcvbn's estimate (score ≥ 3), with advice when refused. */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { stopPasswordStrength } from "../password-strength.js";
import { passwordProblem } from "../passwords.js";

describe("passwordProblem", () => {
  after(() => stopPasswordStrength());

  for (const weak of ["Password12", "qwerty1234", "password1!", "aaaaaaaaaaaaaaa", "1234567890"]) {
    it(`refuses ${weak} and says why`, async () => {
      assert.match((await passwordProblem(weak)) ?? "accepted", /^is too easy to guess: \S/);
    });
  }

  it("refuses a password made of the person's own email or name", async () => {
    assert.match((await passwordProblem("jordan.kowalski@example.test", ["jordan.kowalski@example.test", "Jordan Kowalski"])) ?? "accepted", /too easy to guess/);
  });

  it("refuses too short and too long ones before estimating", async () => {
    assert.equal(await passwordProblem("Xk#9qv!"), "must be at least 10 characters");
    assert.equal(await passwordProblem("x".repeat(201)), "must be at most 200 characters");
  });

  for (const strong of ["correct-horse-42", "violet-harbour-lantern-58", "Tr0ub4dor&3x-q", "all lower case words make a long passphrase"]) {
    it(`accepts ${strong}`, async () => {
      assert.equal(await passwordProblem(strong, ["someone@example.test", "Someone"]), null);
    });
  }

  it("answers concurrent checks each with its own verdict (one estimator thread, answers matched by id)", async () => {
    const verdicts = await Promise.all(["qwerty1234", "violet-harbour-lantern-58", "Password12", "correct-horse-42"].map((p) => passwordProblem(p)));
    assert.deepEqual(
      verdicts.map((v) => v === null),
      [false, true, false, true],
    );
  });

  it("starts a new estimator thread after it was stopped", async () => {
    await stopPasswordStrength();
    assert.equal(await passwordProblem("violet-harbour-lantern-58"), null);
  });
});
