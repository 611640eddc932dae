import { useI18n } from "../i18n/i18n";
import { useConnectionState } from "../lib/connection";

/** Live / connecting / offline, small and out of the way; pages keep showing the last known state meanwhile. */
export function ConnectionDot() {
  const state = useConnectionState();
  const { t } = useI18n();
  return (
    <span className={`connection connection--${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      {t.connection[state]}
    </span>
  );
}
