import { describe, expect, it } from "vitest";
import { measuredDuration } from "../format";

const english = (name: "hours" | "minutes" | "seconds", value: string) => `${value} ${{ hours: "h", minutes: "min", seconds: "s" }[name]}`;
const german = (name: "hours" | "minutes" | "seconds", value: string) => `${value} ${{ hours: "Std.", minutes: "Min.", seconds: "s" }[name]}`;

describe("measured durations", () => {
  it("keeps the seconds of a measured duration instead of rounding to the minute", () => {
    expect(measuredDuration(109, english, "en")).toBe("1 min 49 s");
    expect(measuredDuration(127.5, english, "en")).toBe("2 min 8 s");
    expect(measuredDuration(120, english, "en")).toBe("2 min");
  });

  it("writes seconds alone, zero, hours, and never a negative", () => {
    expect(measuredDuration(45, english, "en")).toBe("45 s");
    expect(measuredDuration(0, english, "en")).toBe("0 s");
    expect(measuredDuration(0.4, english, "en")).toBe("0 s");
    expect(measuredDuration(-5, english, "en")).toBe("0 s");
    expect(measuredDuration(7500, english, "en")).toBe("2 h 5 min");
    expect(measuredDuration(3603, english, "en")).toBe("1 h 0 min 3 s");
    expect(measuredDuration(3600, english, "en")).toBe("1 h");
  });

  it("reads naturally in German, to the second", () => {
    expect(measuredDuration(109, german, "de")).toBe("1 Min. 49 s");
    expect(measuredDuration(3603, german, "de")).toBe("1 Std. 0 Min. 3 s");
    expect(measuredDuration(7500, german, "de")).toBe("2 Std. 5 Min.");
    expect(measuredDuration(0, german, "de")).toBe("0 s");
  });
});
