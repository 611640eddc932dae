import type { ReactNode } from "react";
import { useI18n } from "../../../i18n/i18n";
import { useWebPush } from "../hooks/use-web-push";

/**
 * "Notify me when it's my turn" by Web Push: works with the page closed. States: unsupported browser (the page
 * alerts only while open), notifications blocked, off, on. `fallback` renders where Web Push is unsupported.
 */
export function PushToggle({ code, pushEnabled, fallback }: { code: string; pushEnabled: boolean; fallback: ReactNode }) {
  const { t } = useI18n();
  const push = useWebPush(code, pushEnabled);
  if (push.state === "unsupported") return <div data-testid="push-unsupported">{fallback}</div>;
  return (
    <div className="push-toggle" data-testid="push" data-state={push.state}>
      {push.state === "denied" ? (
        <p className="hint" data-testid="push-denied">
          {t.pushBlocked}
        </p>
      ) : (
        <button
          type="button"
          role="switch"
          aria-checked={push.state === "on"}
          className={`button button--wide ${push.state === "on" ? "button--primary" : ""}`}
          data-testid="push-toggle"
          disabled={push.busy}
          onClick={() => void (push.state === "on" ? push.turnOff() : push.turnOn())}
        >
          {t.notifyMe}: {push.state === "on" ? t.pushOn : t.pushOff}
        </button>
      )}
      {push.state === "on" ? <p className="hint">{t.pushOnHint}</p> : null}
      {push.failure ? (
        <p className="alert alert--error" role="alert" data-testid="push-failed">
          {t.pushFailed(push.failure)}
        </p>
      ) : null}
    </div>
  );
}
