import type { TFunction } from "i18next";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { canonicalJson } from "../../../lib/json";
import { Button } from "../../../ui/Button";
import { TextAreaField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { isPlainObject, mergeSettings, type JsonObject } from "../settings-merge";
import { SettingsInheritanceView } from "./SettingsInheritanceView";

interface Props {
  tenantName: string;
  own: JsonObject;
  effective: JsonObject;
  ancestors: readonly { id: string; name: string; settings: JsonObject }[];
  canEdit: boolean;
  saving: boolean;
  onSave: (settings: JsonObject) => Promise<Problem | null>;
}

type Parsed = { ok: true; value: JsonObject } | { ok: false; message: string };

export function parseSettings(text: string, t: TFunction): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (!isPlainObject(value)) return { ok: false, message: t("settings.json.notObject") };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, message: t("settings.json.notJson", { reason: error instanceof Error ? error.message : String(error) }) };
  }
}

/**
 * Edits the tenant's own settings as JSON. While editing, the inheritance view previews the effective settings
 * the draft would give; saving replaces the own settings object.
 */
export function SettingsJsonEditor({ tenantName, own, effective, ancestors, canEdit, saving, onSave }: Props) {
  const { t } = useTranslation();
  const saved = JSON.stringify(own, null, 2);
  const [text, setText] = useState(saved);
  const [base, setBase] = useState(saved);
  // Saved elsewhere on the page (the remote-join form): show the new settings unless there is an unsaved draft,
  // so a later save here does not put back what that form changed.
  if (saved !== base) {
    setBase(saved);
    if (text === base) setText(saved);
  }
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  const parsed = useMemo(() => parseSettings(text, t), [text, t]);
  // Compared as values: the server may return keys in another order than typed.
  const dirty = parsed.ok ? canonicalJson(parsed.value) !== canonicalJson(own) : true;
  const previewOwn = parsed.ok ? parsed.value : own;
  const previewEffective = parsed.ok && dirty ? mergeSettings([...ancestors.map((a) => a.settings), parsed.value]) : effective;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.ok) return;
    setSavedNote(false);
    const result = await onSave(parsed.value);
    setProblem(result);
    if (!result) setSavedNote(true);
  };

  const fieldError = !parsed.ok ? parsed.message : problem?.fields.settings;

  return (
    <div className="settings-json">
      {canEdit && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && !problem.fields.settings && <Alert>{problem.message}</Alert>}
          {savedNote && !dirty && <Alert tone="success">{t("settings.json.saved")}</Alert>}
          <TextAreaField
            label={t("settings.json.label")}
            value={text}
            onChange={(v) => {
              setText(v);
              setSavedNote(false);
            }}
            rows={Math.min(20, Math.max(6, text.split("\n").length + 1))}
            spellCheck={false}
            error={fieldError}
            hint={t("settings.json.hint")}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={saving} disabled={!dirty || !parsed.ok}>
              {t("settings.json.save")}
            </Button>
            <Button variant="ghost" disabled={!dirty} onClick={() => setText(saved)}>
              {t("settings.json.discard")}
            </Button>
          </div>
        </form>
      )}
      {dirty && parsed.ok && <p className="muted">{t("settings.json.preview")}</p>}
      <SettingsInheritanceView tenantName={tenantName} own={previewOwn} effective={previewEffective} ancestors={ancestors} />
    </div>
  );
}
