import { useEffect, useRef } from "react";
import { beep, vibrate } from "../../../lib/audio";

/**
 * When the ticket turns CALLED (seen live or after a refetch, not when the page opens on an already-called
 * ticket): vibrate, beep and, if the customer allowed it, a system notification — unless Web Push is on for the
 * ticket (`pushed`), whose service worker shows that notification already (one, not two).
 */
export function useYourTurnAlert(status: string | undefined, notificationText: string, pushed = false): void {
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (status !== "CALLED" || before === undefined || before === "CALLED") return;
    vibrate([300, 150, 300, 150, 600]);
    beep();
    const N = (globalThis as { Notification?: typeof Notification }).Notification;
    if (N && N.permission === "granted" && !pushed) {
      try {
        new N(notificationText, { tag: "qline-your-turn", requireInteraction: true } as NotificationOptions);
      } catch {
        // Android Chrome allows notifications only through a service worker; the page itself still alerts.
      }
    }
  }, [status, notificationText, pushed]);
}
