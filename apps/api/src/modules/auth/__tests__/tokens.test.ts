/**
 * Token verification remembers tokens that verified (per signing secret, until their `exp`), and nothing else:
 * an altered token, another secret's token and an expired one are refused whether or not a sibling was remembered.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { AppError } from "../../../errors/codes.js";
import { signUserToken, verifyUserToken } from "../tokens.js";

const secret = `tokens-test-${randomUUID()}-long-enough-for-hs256`;
const claims = () => ({ userId: randomUUID(), sessionId: randomUUID() });

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return { code: error.code, message: error.message };
  }
  return assert.fail("the token was accepted");
}

describe("verifying user tokens", () => {
  it("accepts a token again and again with the same claims", async () => {
    const mine = claims();
    const token = await signUserToken(mine, secret, new Date(Date.now() + 60_000));
    for (let i = 0; i < 3; i++) assert.deepEqual(await verifyUserToken(token, secret), mine);
  });

  it("refuses an altered copy of a remembered token, and a remembered token under another secret", async () => {
    const token = await signUserToken(claims(), secret, new Date(Date.now() + 60_000));
    await verifyUserToken(token, secret);
    const [header, payload, signature] = token.split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: randomUUID() })).toString("base64url")}.${signature}`;
    assert.deepEqual(await refusal(verifyUserToken(forged, secret)), { code: "UNAUTHENTICATED", message: "Invalid token" });
    assert.deepEqual(await refusal(verifyUserToken(token, `${secret}-rotated`)), { code: "UNAUTHENTICATED", message: "Invalid token" });
  });

  it("refuses a remembered token once its exp has passed", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
    const token = await signUserToken(claims(), secret, new Date(Date.now() + 5_000));
    await verifyUserToken(token, secret);
    t.mock.timers.tick(5_001);
    assert.deepEqual(await refusal(verifyUserToken(token, secret)), { code: "UNAUTHENTICATED", message: "Token expired: sign in again" });
  });
});
