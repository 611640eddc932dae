/** A timer tick later than this beyond its interval means the machine slept (or the clock was set). */
export const CLOCK_JUMP_MS = 30_000;
const TICK_MS = 10_000;

export interface WakeEnvironment {
  window: Pick<Window, "addEventListener" | "removeEventListener">;
  document: Pick<Document, "addEventListener" | "removeEventListener" | "visibilityState">;
}

/**
 * Calls `onWake` when the page may have missed live updates while asleep: it becomes visible after being
 * hidden, the browser is back online, or the wall clock jumped (a laptop lid closed with the page visible
 * fires no visibility event; its timers simply stop). Returns the function that stops watching.
 */
export function watchWake(onWake: () => void, env: WakeEnvironment = { window, document }): () => void {
  let hidden = env.document.visibilityState === "hidden";
  const onVisibility = () => {
    if (env.document.visibilityState === "hidden") hidden = true;
    else if (hidden) {
      hidden = false;
      onWake();
    }
  };
  let last = Date.now();
  const tick = setInterval(() => {
    const now = Date.now();
    const late = now - last - TICK_MS;
    last = now;
    if (late > CLOCK_JUMP_MS) onWake();
  }, TICK_MS);
  env.document.addEventListener("visibilitychange", onVisibility);
  env.window.addEventListener("online", onWake);
  return () => {
    clearInterval(tick);
    env.document.removeEventListener("visibilitychange", onVisibility);
    env.window.removeEventListener("online", onWake);
  };
}
