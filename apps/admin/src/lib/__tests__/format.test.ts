import { describe, expect, it } from "vitest";
import { i18n } from "../../i18n/i18n";
import { formatDateTime, formatTime } from "../format";

describe("dates and times in the console's language", () => {
  it("follows the language switch, not the browser's locale", async () => {
    const moment = "2026-12-11T10:05:00Z";
    expect(formatDateTime(moment)).toMatch(/^Dec 11, 2026/);
    await i18n.changeLanguage("de");
    expect(formatDateTime(moment)).toMatch(/^11\.12\.2026/);
    expect(formatTime(moment)).toMatch(/^\d{2}:05$/);
  });

  it("gives back what is not a date as it came", () => {
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});
