import { useTranslation } from "react-i18next";
import { useState } from "react";
import { Button } from "./Button";

/** Copies text to the clipboard and says so; falls back to selecting nothing when the clipboard is unavailable. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => void copy()}>
        {state === "copied" ? t("common.copied") : (label ?? t("common.copy"))}
      </Button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {state === "copied" ? t("common.copiedToClipboard") : state === "failed" ? t("common.copyFailed") : ""}
      </span>
    </>
  );
}
