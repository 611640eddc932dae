import assert from "node:assert/strict";
import { test } from "node:test";
import { currentDeadline, runWithDeadline } from "@qline/db";
import { startLeasedJob } from "../runner.js";

test("a poll kicked from inside a request runs outside that request's deadline", async () => {
  const seen: (number | undefined)[] = [];
  let claimed = false;
  let release: () => void = () => undefined;
  const handled = new Promise<void>((resolve) => (release = resolve));
  const job = startLeasedJob<string>({
    name: "test",
    pollMs: 3_600_000, // only the kick polls
    claim: async () => {
      seen.push(currentDeadline());
      if (claimed) return [];
      claimed = true;
      return ["item"];
    },
    handle: async () => {
      seen.push(currentDeadline());
      release();
      return true;
    },
  });
  // A request whose budget has already run out commits work and wakes the worker.
  runWithDeadline(Date.now() - 1, () => job.kick());
  await handled;
  await job.stop();
  assert.ok(seen.length >= 2);
  assert.deepEqual(seen.filter((d) => d !== undefined), []);
});
