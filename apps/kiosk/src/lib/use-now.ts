import { useEffect, useState } from "react";

/**
 * The current time, re-read every `intervalMs` while `enabled` (relative texts such as "2 min ago" and
 * countdowns tick with it).
 */
export function useNow(intervalMs: number, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}
