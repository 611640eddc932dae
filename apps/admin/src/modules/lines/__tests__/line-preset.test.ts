import { describe, expect, it } from "vitest";
import { emptyLineForm, presetFromEffective } from "../line-form";

describe("a new line starts from the chain's line preset", () => {
  it("reads the effective preset, leaving out what it does not expect", () => {
    const preset = presetFromEffective([
      { field: "timeZone", value: "Europe/Berlin" },
      { field: "showEstimates", value: false },
      { field: "estimator", value: "RECENT_AVERAGE" },
      { field: "ttl", value: { waitingSeconds: 3600, warnSeconds: 1800 } },
      { field: "openingHours", value: [{ day: 1, opens: "08:00", closes: "18:00" }, { day: "x" }] },
      { field: "notificationSettings", value: { called: false } },
      { field: "timeZone", value: 42 },
    ]);
    expect(preset).toEqual({
      timeZone: "Europe/Berlin",
      showEstimates: false,
      estimator: "RECENT_AVERAGE",
      ttl: { waitingSeconds: 3600, warnSeconds: 1800, calledSeconds: null },
      openingHours: [{ day: 1, opens: "08:00", closes: "18:00" }],
    });
  });

  it("fills the new-line form from it, and keeps qline's defaults without one", () => {
    const form = emptyLineForm(presetFromEffective([{ field: "timeZone", value: "Asia/Tokyo" }, { field: "ttl", value: { waitingSeconds: 5400 } }, { field: "showEstimates", value: false }]));
    expect(form).toMatchObject({ timeZone: "Asia/Tokyo", waitingMinutes: "90", warnMinutes: "", showEstimates: false, estimator: "" });
    expect(emptyLineForm()).toMatchObject({ showEstimates: true, estimator: "", waitingMinutes: "", openingHours: [] });
  });
});
