import { describe, expect, it } from "vitest";
import { formatMeasuredDuration } from "../../../lib/format";
import { measuredDuration } from "../format";

const english = (name: "hours" | "minutes" | "seconds", value: string) => `${value} ${{ hours: "h", minutes: "min", seconds: "s" }[name]}`;
const german = (name: "hours" | "minutes" | "seconds", value: string) => `${value} ${{ hours: "Std.", minutes: "Min.", seconds: "s" }[name]}`;

describe("measured durations", () => {
  it("reads in English exactly as before the console spoke German", () => {
    for (const seconds of [0, 0.4, 45, 60, 109, 127.5, 3600, 3603, 7500, 86_399]) {
      expect(measuredDuration(seconds, english, "en")).toBe(formatMeasuredDuration(seconds));
    }
  });

  it("reads naturally in German, to the second", () => {
    expect(measuredDuration(109, german, "de")).toBe("1 Min. 49 s");
    expect(measuredDuration(3603, german, "de")).toBe("1 Std. 0 Min. 3 s");
    expect(measuredDuration(7500, german, "de")).toBe("2 Std. 5 Min.");
    expect(measuredDuration(0, german, "de")).toBe("0 s");
  });
});
