import { useTranslation } from "react-i18next";
import { useConnectionState } from "../lib/connection-status";

export function ConnectionIndicator() {
  const state = useConnectionState();
  const { t } = useTranslation();
  const description = t(`common.connection.${state}Description`);
  return (
    <span className={`conn conn--${state}`} role="status" aria-live="polite" title={description}>
      <span className="conn__dot" aria-hidden="true" />
      <span>{t(`common.connection.${state}`)}</span>
      <span className="visually-hidden">{description}</span>
    </span>
  );
}
