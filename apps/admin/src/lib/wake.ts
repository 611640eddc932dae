import { useEffect, useRef } from "react";
import { watchWake } from "@qline/live-client";

/** `watchWake` (@qline/live-client) for a component's lifetime; the latest `onWake` is called. */
export function useWake(onWake: () => void): void {
  const latest = useRef(onWake);
  useEffect(() => {
    latest.current = onWake;
  });
  useEffect(() => watchWake(() => latest.current()), []);
}
