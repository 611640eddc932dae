import { describe, expect, it } from "vitest";
import { formatMeasuredDuration } from "../format";

describe("formatMeasuredDuration", () => {
  it("keeps the seconds of a measured duration instead of rounding to the minute", () => {
    expect(formatMeasuredDuration(109)).toBe("1 min 49 s");
    expect(formatMeasuredDuration(127.5)).toBe("2 min 8 s");
    expect(formatMeasuredDuration(120)).toBe("2 min");
  });

  it("writes seconds alone, zero, hours, and never a negative", () => {
    expect(formatMeasuredDuration(45)).toBe("45 s");
    expect(formatMeasuredDuration(0)).toBe("0 s");
    expect(formatMeasuredDuration(0.4)).toBe("0 s");
    expect(formatMeasuredDuration(-5)).toBe("0 s");
    expect(formatMeasuredDuration(7500)).toBe("2 h 5 min");
    expect(formatMeasuredDuration(3603)).toBe("1 h 0 min 3 s");
    expect(formatMeasuredDuration(3600)).toBe("1 h");
  });
});
