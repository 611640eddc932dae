import { useConnectionState } from "../lib/connection-status";

const labels = { online: "Live", connecting: "Connecting…", offline: "Offline" } as const;
const descriptions = {
  online: "Live updates are on.",
  connecting: "Reconnecting for live updates.",
  offline: "Offline: live updates paused, they resume by themselves when the connection returns.",
} as const;

export function ConnectionIndicator() {
  const state = useConnectionState();
  return (
    <span className={`conn conn--${state}`} role="status" aria-live="polite" title={descriptions[state]}>
      <span className="conn__dot" aria-hidden="true" />
      <span>{labels[state]}</span>
      <span className="visually-hidden">{descriptions[state]}</span>
    </span>
  );
}
