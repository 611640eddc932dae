import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../../errors/codes.js";
import { checkOpeningHours, isOpenAt, isTimeZone, localTime } from "../opening-hours.js";

describe("opening hours", () => {
  it("reads local weekday and time in the line's zone", () => {
    // 2026-11-23 is a Monday; 23:30 UTC is Tuesday 00:30 in Berlin (UTC+1 in November).
    const at = new Date("2026-11-23T23:30:00Z");
    assert.deepEqual(localTime(at, "UTC"), { day: 1, minutes: 23 * 60 + 30 });
    assert.deepEqual(localTime(at, "Europe/Berlin"), { day: 2, minutes: 30 });
  });

  it("is open inside a period, closed outside, always open without hours", () => {
    const hours = [{ day: 1, opens: "09:00", closes: "17:00" }];
    assert.equal(isOpenAt(hours, "UTC", new Date("2026-11-23T09:00:00Z")), true);
    assert.equal(isOpenAt(hours, "UTC", new Date("2026-11-23T17:00:00Z")), false, "closes is exclusive");
    assert.equal(isOpenAt(hours, "UTC", new Date("2026-11-24T10:00:00Z")), false, "Tuesday");
    assert.equal(isOpenAt(null, "UTC", new Date()), true);
    assert.equal(isOpenAt([{ day: 1, opens: "00:00", closes: "24:00" }], "UTC", new Date("2026-11-23T23:59:00Z")), true);
  });

  it("validates periods and time zones", () => {
    assert.equal(isTimeZone("America/New_York"), true);
    assert.equal(isTimeZone("Mars/Olympus"), false);
    assert.throws(
      () => checkOpeningHours([{ day: 0, opens: "9:00", closes: "08:00" }, { day: 2, opens: "10:00", closes: "09:00" }], "input.openingHours"),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === "BAD_USER_INPUT" &&
        JSON.stringify(e.fields?.map((f) => f.path)) === JSON.stringify(["input.openingHours.0.day", "input.openingHours.0.opens", "input.openingHours.1.closes"]),
    );
  });
});
