import { useI18n } from "../../../i18n/i18n";

/** The request's answer was lost: send the same request again (same idempotency key), or start over. */
export function NetworkRetry({ onRetry, onStartOver }: { onRetry: () => void; onStartOver: () => void }) {
  const { t } = useI18n();
  return (
    <div className="alert alert--error" role="alert">
      <p>{t.networkRetry}</p>
      <div className="actions">
        <button type="button" className="button button--primary button--huge" onClick={onRetry}>
          {t.retry}
        </button>
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          {t.startOver}
        </button>
      </div>
    </div>
  );
}
