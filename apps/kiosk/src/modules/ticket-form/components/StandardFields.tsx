import { useId, type InputHTMLAttributes } from "react";
import { useI18n } from "../../../i18n/i18n";

/** A labelled input with its error underneath, tied together for screen readers (aria-invalid, -describedby). */
export function TextField({
  label,
  optional = false,
  error,
  hint,
  ...input
}: { label: string; optional?: boolean; error?: string | null; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useI18n();
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`text-field ${error ? "has-error" : ""}`}>
      <label htmlFor={id}>
        {label} {optional ? <small>({t.optional})</small> : null}
      </label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** − n + with big buttons; 1 to 20. */
export function PartySize({ value, onChange, error }: { value: number; onChange(next: number): void; error?: string | null }) {
  const { t } = useI18n();
  return (
    <div className={`party-size ${error ? "has-error" : ""}`} role="group" aria-label={t.partySizeLabel}>
      <span>{t.partySizeLabel}</span>
      <button type="button" className="button" aria-label="−" onClick={() => onChange(Math.max(1, value - 1))}>
        −
      </button>
      <output aria-live="polite" data-testid="party-size">
        {value}
      </output>
      <button type="button" className="button" aria-label="+" onClick={() => onChange(Math.min(20, value + 1))}>
        +
      </button>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
