import { useId } from "react";
import { useI18n } from "../../../i18n/i18n";
import type { ContactChannel } from "../notify-choice";

interface Props {
  chosen: ReadonlySet<ContactChannel>;
  onChange(next: Set<ContactChannel>): void;
  hasPhone: boolean;
  hasEmail: boolean;
  /** The API's BAD_USER_INPUT at input.notify. */
  error?: string | null;
}

/**
 * "Notify me by" SMS / Email, shared by the kiosk and the join-from-your-phone form. A channel can be ticked only
 * once its contact detail is entered; the hint says which field it needs.
 */
export function NotifyChoice({ chosen, onChange, hasPhone, hasEmail, error }: Props) {
  const { t } = useI18n();
  const id = useId();
  const toggle = (channel: ContactChannel, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(channel);
    else next.delete(channel);
    onChange(next);
  };
  const hints = [!hasPhone ? t.notifySmsNeedsPhone : null, !hasEmail ? t.notifyEmailNeedsEmail : null].filter(Boolean).join(" ");
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={`notify-choice ${error ? "has-error" : ""}`} aria-describedby={described} data-testid="notify-choice">
      <legend>{t.notifyLegend}</legend>
      <label className="notify-choice__option">
        <input type="checkbox" checked={hasPhone && chosen.has("SMS")} disabled={!hasPhone} onChange={(e) => toggle("SMS", e.target.checked)} data-testid="notify-sms" />
        <span>{t.notifySms}</span>
      </label>
      <label className="notify-choice__option">
        <input type="checkbox" checked={hasEmail && chosen.has("EMAIL")} disabled={!hasEmail} onChange={(e) => toggle("EMAIL", e.target.checked)} data-testid="notify-email" />
        <span>{t.notifyEmail}</span>
      </label>
      <small id={`${id}-hint`} className="hint">
        {hints || t.notifyHint}
      </small>
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid="notify-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
