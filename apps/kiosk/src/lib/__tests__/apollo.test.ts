import { describe, expect, it, vi } from "vitest";
import { createApollo } from "../apollo";
import { applyTheme, safeColour, safeFont, safeLogoUrl } from "../theme";
import { speakableNumber } from "../audio";

function fakeEnvironment() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
  return { win, doc };
}

describe("createApollo wakes up after sleep and network changes", () => {
  it("refetches active queries on `online` and when the page becomes visible, not when hidden", () => {
    const { win, doc } = fakeEnvironment();
    const setup = createApollo({ httpUrl: "http://api.test/graphql", wsUrl: "ws://api.test/graphql", deviceKey: null, events: { window: win as unknown as Window, document: doc as unknown as Document } });
    const refetch = vi.spyOn(setup.client, "refetchObservableQueries").mockResolvedValue([]);

    win.dispatchEvent(new Event("online"));
    expect(refetch).toHaveBeenCalledTimes(1);

    doc.visibilityState = "hidden";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(refetch).toHaveBeenCalledTimes(1);

    doc.visibilityState = "visible";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(refetch).toHaveBeenCalledTimes(2);

    setup.dispose();
    win.dispatchEvent(new Event("online"));
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it("refetches active queries when the wall clock jumped (asleep with the page visible: no visibility event)", () => {
    vi.useFakeTimers({ now: Date.parse("2026-11-22T12:00:00Z") });
    try {
      const { win, doc } = fakeEnvironment();
      const setup = createApollo({ httpUrl: "http://api.test/graphql", wsUrl: "ws://api.test/graphql", deviceKey: null, events: { window: win as unknown as Window, document: doc as unknown as Document } });
      const refetch = vi.spyOn(setup.client, "refetchObservableQueries").mockResolvedValue([]);
      vi.advanceTimersByTime(60_000);
      expect(refetch).not.toHaveBeenCalled();
      vi.setSystemTime(Date.now() + 10 * 60_000);
      vi.advanceTimersByTime(10_000);
      expect(refetch).toHaveBeenCalledTimes(1);
      setup.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("theme", () => {
  it("accepts plain colours, fonts and http(s) logos only", () => {
    expect(safeColour("#0b5563")).toBe("#0b5563");
    expect(safeColour("rgb(1, 2, 3)")).toBe("rgb(1, 2, 3)");
    expect(safeColour("red; background: url(x)")).toBeNull();
    expect(safeFont('"Open Sans", sans-serif')).toBe('"Open Sans", sans-serif');
    expect(safeFont("x; } body { display:none")).toBeNull();
    expect(safeLogoUrl("https://cdn.test/logo.png")).toBe("https://cdn.test/logo.png");
    expect(safeLogoUrl("javascript:alert(1)")).toBeNull();
  });

  it("sets and clears the CSS variables", () => {
    const root = document.createElement("div");
    const restore = applyTheme({ primaryColor: "#111111", accentColor: "bad;", fontFamily: "Georgia" }, root);
    expect(root.style.getPropertyValue("--brand-primary")).toBe("#111111");
    expect(root.style.getPropertyValue("--brand-accent")).toBe("");
    expect(root.style.getPropertyValue("--brand-font")).toBe("Georgia");
    restore();
    expect(root.style.getPropertyValue("--brand-primary")).toBe("");
  });
});

describe("announcements", () => {
  it("reads ticket numbers as letter and number", () => {
    expect(speakableNumber("A007")).toBe("A 7");
    expect(speakableNumber("AB120")).toBe("AB 120");
    expect(speakableNumber("42")).toBe("42");
  });
});
