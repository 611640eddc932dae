import { describe, expect, it } from "vitest";
import { updatedAgo, waitBand } from "../format";

const min = 60;

describe("waitBand", () => {
  it("rounds p50 and p90 to minutes: about low–high", () => {
    expect(waitBand(6 * min, 9 * min, "en")).toBe("about 6–9 min");
    expect(waitBand(6 * min + 20, 8 * min + 40, "en")).toBe("about 6–9 min");
    expect(waitBand(6 * min, 9 * min, "de")).toBe("etwa 6–9 Min.");
  });

  it("says one number when both ends round to the same minute", () => {
    expect(waitBand(6 * min, 6 * min + 20, "en")).toBe("about 6 min");
    expect(waitBand(6 * min, 6 * min, "de")).toBe("etwa 6 Min.");
  });

  it("says “under a minute” when even p90 rounds below one minute", () => {
    expect(waitBand(0, 29, "en")).toBe("under a minute");
    expect(waitBand(10, 20, "de")).toBe("unter einer Minute");
  });

  it("says “up to” when only p50 rounds below one minute", () => {
    expect(waitBand(20, 3 * min, "en")).toBe("up to 3 min");
    expect(waitBand(20, 3 * min, "de")).toBe("bis zu 3 Min.");
  });

  it("never shows a band that runs backwards (p90 below p50)", () => {
    expect(waitBand(9 * min, 6 * min, "en")).toBe("about 9 min");
  });
});

describe("updatedAgo", () => {
  const t0 = Date.parse("2026-11-22T11:00:00Z");
  it("is “just now” for a minute, then counts minutes", () => {
    expect(updatedAgo(t0, t0 + 59_000, "en")).toBe("just now");
    expect(updatedAgo(t0, t0 + 60_000, "en")).toBe("1 min ago");
    expect(updatedAgo(t0, t0 + 14 * 60_000, "de")).toBe("vor 14 Min.");
  });
});
