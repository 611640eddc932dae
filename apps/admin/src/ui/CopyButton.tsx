import { useState } from "react";
import { Button } from "./Button";

/** Copies text to the clipboard and says so; falls back to selecting nothing when the clipboard is unavailable. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
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
        {state === "copied" ? "Copied" : label}
      </Button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Copy failed: select the text and copy it by hand" : ""}
      </span>
    </>
  );
}
