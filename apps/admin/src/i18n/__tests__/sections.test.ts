import { describe, expect, it } from "vitest";
import { sectionNav } from "../../app/sections";
import { de } from "../de";
import { en } from "../en";

describe("navigation strings", () => {
  it("names every tenant section in English and German (a new section without them shows its key)", () => {
    for (const { section } of sectionNav) {
      expect(en.nav, section).toHaveProperty([section]);
      expect(de.nav, section).toHaveProperty([section]);
    }
  });
});
