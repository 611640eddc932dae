import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ThemeInput } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { FieldShell, TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { KioskPreview, type KioskTheme } from "./KioskPreview";

const hex = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function validateBranding(theme: KioskTheme, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (theme.primaryColor && !hex.test(theme.primaryColor)) errors["theme.primaryColor"] = t("settings.branding.primaryInvalid");
  if (theme.accentColor && !hex.test(theme.accentColor)) errors["theme.accentColor"] = t("settings.branding.accentInvalid");
  if (theme.logoUrl && !/^https?:\/\/\S+$/i.test(theme.logoUrl)) errors["theme.logoUrl"] = t("settings.branding.urlInvalid");
  if (theme.fontFamily.length > 100) errors["theme.fontFamily"] = t("settings.branding.atMost100");
  return errors;
}

function ColourField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <FieldShell label={label} error={error} hint={t("settings.branding.colourHint")}>
      {({ id, describedBy, invalid }) => (
        <div className="colour-input">
          <input
            type="color"
            aria-label={t("settings.branding.picker", { label })}
            value={hex.test(value) && value.length === 7 ? value : "#000000"}
            onChange={(e) => onChange(e.target.value)}
          />
          <input id={id} className="input" value={value} placeholder="#1f4fd8" aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value.trim())} />
        </div>
      )}
    </FieldShell>
  );
}

interface Props {
  name: string;
  initial: KioskTheme;
  canEdit: boolean;
  saving: boolean;
  onSave: (theme: ThemeInput) => Promise<Problem | null>;
}

export function BrandingForm({ name, initial, canEdit, saving, onSave }: Props) {
  const { t } = useTranslation();
  const [theme, setTheme] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof KioskTheme) => (value: string) => {
    setSaved(false);
    setTheme((current) => ({ ...current, [key]: value }));
  };
  const error = (key: string) => clientErrors[key] ?? problem?.fields[key] ?? problem?.fields[key.replace(/^theme\./, "")];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateBranding(theme, t);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const result = await onSave({
      primaryColor: theme.primaryColor || null,
      accentColor: theme.accentColor || null,
      logoUrl: theme.logoUrl.trim() || null,
      fontFamily: theme.fontFamily.trim() || null,
    });
    setProblem(result);
    setSaved(!result);
  };

  return (
    <div className="branding">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("settings.branding.form")}>
        {problem && Object.keys(problem.fields).length === 0 && <Alert>{problem.message}</Alert>}
        {saved && <Alert tone="success">{t("settings.branding.saved")}</Alert>}
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>{t("settings.branding.legend")}</legend>
          <div className="grid-2">
            <ColourField label={t("settings.branding.primary")} value={theme.primaryColor} onChange={set("primaryColor")} error={error("theme.primaryColor")} />
            <ColourField label={t("settings.branding.accent")} value={theme.accentColor} onChange={set("accentColor")} error={error("theme.accentColor")} />
          </div>
          <TextField label={t("settings.branding.logoUrl")} type="url" value={theme.logoUrl} onChange={set("logoUrl")} error={error("theme.logoUrl")} placeholder="https://…" />
          <TextField label={t("settings.branding.fontFamily")} value={theme.fontFamily} onChange={set("fontFamily")} error={error("theme.fontFamily")} placeholder="Inter, system-ui, sans-serif" />
        </fieldset>
        {canEdit && (
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={saving}>
              {t("settings.branding.save")}
            </Button>
          </div>
        )}
      </form>
      <KioskPreview name={name} theme={theme} />
    </div>
  );
}
