import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchWake } from "../wake.js";

function environment() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
  return { win, doc, env: { window: win as unknown as Window, document: doc as unknown as Document } };
}

describe("watchWake", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-11-22T12:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("fires when the page becomes visible after being hidden and when the browser is back online", () => {
    const { win, doc, env } = environment();
    const onWake = vi.fn();
    const stop = watchWake(onWake, env);

    doc.dispatchEvent(new Event("visibilitychange")); // visible → visible: nothing was missed
    expect(onWake).not.toHaveBeenCalled();
    doc.visibilityState = "hidden";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(onWake).not.toHaveBeenCalled();
    doc.visibilityState = "visible";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(onWake).toHaveBeenCalledTimes(1);

    win.dispatchEvent(new Event("online"));
    expect(onWake).toHaveBeenCalledTimes(2);

    stop();
    win.dispatchEvent(new Event("online"));
    expect(onWake).toHaveBeenCalledTimes(2);
  });

  it("fires when the wall clock jumped more than 30 s between two ticks (the machine slept), not on time", () => {
    const { env } = environment();
    const onWake = vi.fn();
    const stop = watchWake(onWake, env);

    vi.advanceTimersByTime(60_000); // six ticks on time
    expect(onWake).not.toHaveBeenCalled();

    vi.setSystemTime(Date.now() + 5 * 60_000); // asleep for five minutes: timers did not run
    vi.advanceTimersByTime(10_000);
    expect(onWake).toHaveBeenCalledTimes(1);

    stop();
    vi.setSystemTime(Date.now() + 5 * 60_000);
    vi.advanceTimersByTime(10_000);
    expect(onWake).toHaveBeenCalledTimes(1);
  });
});
