import { describe, expect, it } from "vitest";
import { ageLevel, extensionLabel, formatExtensionValue, reorder } from "../board-model";

describe("board model", () => {
  it("ages against the line's waiting TTL, or 15/30 minutes without one", () => {
    expect(ageLevel(10 * 60, null)).toBe("fresh");
    expect(ageLevel(16 * 60, null)).toBe("aging");
    expect(ageLevel(31 * 60, null)).toBe("late");
    expect(ageLevel(50, 100)).toBe("aging");
    expect(ageLevel(80, 100)).toBe("late");
    expect(ageLevel(5 * 60, 3600, 5 * 60)).toBe("aging"); // the line's warn time
    expect(ageLevel(50 * 60, 3600, 5 * 60)).toBe("late");
  });

  it("reorders by id", () => {
    const items = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(reorder(items, "c", 0).map((i) => i.id)).toEqual(["c", "a", "b"]);
    expect(reorder(items, "a", 5).map((i) => i.id)).toEqual(["b", "c", "a"]);
    expect(reorder(items, "x", 0)).toEqual(items);
  });

  it("labels extension fields from the schema or the key", () => {
    expect(extensionLabel({ properties: { plate: { title: "Vehicle plate" } } }, "plate")).toBe("Vehicle plate");
    expect(extensionLabel(null, "orderNumber")).toBe("Order number");
    expect(formatExtensionValue(true)).toBe("Yes");
    expect(formatExtensionValue(["a", 1])).toBe("a, 1");
  });
});
