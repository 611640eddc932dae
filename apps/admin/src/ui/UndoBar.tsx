import { useTranslation } from "react-i18next";
import { useEffect, useState } from "react";
import { Button } from "./Button";

interface UndoBarProps {
  message: string;
  /** How long the Undo button stays (the API's own window may be longer). */
  seconds: number;
  onUndo: () => Promise<void> | void;
  onDismiss: () => void;
  /** Why the undo itself failed, shown in the bar. */
  problem?: string | null;
}

/** "Marked A012 as no-show. Undo" — a polite live region that goes away by itself after `seconds`. */
export function UndoBar({ message, seconds, onUndo, onDismiss, problem }: UndoBarProps) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(seconds);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (left <= 0) {
      onDismiss();
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onDismiss]);
  return (
    <div className="undo-bar" role="status" aria-live="polite">
      <span>{message}</span>
      {problem && <span className="field__error">{problem}</span>}
      <Button
        size="sm"
        variant="primary"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          await onUndo();
          setBusy(false);
        }}
      >
        {t("common.undo")}
      </Button>
      <Button size="sm" variant="ghost" onClick={onDismiss} aria-label={t("common.dismiss")}>
        ×
      </Button>
    </div>
  );
}
