import { useEffect, useRef } from "react";

const activity = ["pointerdown", "keydown", "touchstart", "input", "wheel"] as const;

/** While `active`, calls `onIdle` after `ms` without a touch, key or input anywhere on the page. */
export function useIdleReset(active: boolean, ms: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  });
  useEffect(() => {
    if (!active) return undefined;
    let timer = setTimeout(() => callback.current(), ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    for (const type of activity) window.addEventListener(type, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, restart, { capture: true });
    };
  }, [active, ms]);
}
