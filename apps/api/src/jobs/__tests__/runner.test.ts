/**
 * The leased job runner keeps its own context: a kick from inside a request (after a commit that made work due)
 * must not hand the request's deadline to the polls that follow.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { currentDeadline, runWithDeadline } from "@qline/db";
import { startLeasedJob } from "../runner.js";

describe("startLeasedJob", () => {
  it("polls without the deadline of the request that kicked it, also on the polls after", async () => {
    const seen: (number | undefined)[] = [];
    let resolveThird: () => void = () => undefined;
    const third = new Promise<void>((resolve) => (resolveThird = resolve));
    const job = startLeasedJob<number>({
      name: "test",
      pollMs: 5,
      claim: () => {
        seen.push(currentDeadline());
        if (seen.length === 3) resolveThird();
        return Promise.resolve([]);
      },
      handle: () => Promise.resolve(true),
    });
    // A request whose budget has already run out kicks the job.
    runWithDeadline(Date.now() - 1_000, () => job.kick());
    await third;
    await job.stop();
    assert.deepEqual(seen.slice(0, 3), [undefined, undefined, undefined]);
  });
});
