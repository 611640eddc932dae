import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="state" role="status" aria-live="polite">
      {t.loading}
    </div>
  );
}

/** A whole-page message: unknown place, unavailable, not found. */
export function MessagePage({ title, children, tone = "info" }: { title: string; children: ReactNode; tone?: "info" | "warning" }) {
  return (
    <main className={`message-page message-page--${tone}`}>
      <h1>{title}</h1>
      <div className="message-page__body">{children}</div>
    </main>
  );
}

export function CannotReach({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <MessagePage title={t.retry} tone="warning">
      <p>{t.cannotReach}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.retry}
      </button>
    </MessagePage>
  );
}
