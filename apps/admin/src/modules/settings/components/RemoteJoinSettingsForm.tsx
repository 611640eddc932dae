import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { canonicalJson } from "../../../lib/json";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { inheritedRemoteJoin, remoteJoinValuesFrom, validateRemoteJoin, withRemoteJoin, type RemoteJoinKey, type RemoteJoinValues } from "../remote-join-settings";
import type { JsonObject } from "../settings-merge";

interface Props {
  own: JsonObject;
  /** Root first. */
  ancestors: readonly { name: string; settings: JsonObject }[];
  canEdit: boolean;
  saving: boolean;
  /** Saves the whole own settings object (updateTenant replaces it): the form passes every other key through. */
  onSave: (settings: JsonObject) => Promise<Problem | null>;
}

const known = new Set(["settings.remoteJoin.maxActivePerContact", "settings.remoteJoin.runningLatePlaces", "settings.remoteJoin.defaultCountry"]);

/** The rules for customers joining from their own phone: tickets per phone/email, "I'm running late", phone country. */
export function RemoteJoinSettingsForm({ own, ancestors, canEdit, saving, onSave }: Props) {
  const { t } = useTranslation();
  const fromOwn = remoteJoinValuesFrom(own);
  const [values, setValues] = useState<RemoteJoinValues>(fromOwn);
  const [base, setBase] = useState(fromOwn);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  // The own settings changed elsewhere (the JSON editor): take the new values unless this form has unsaved edits.
  if (canonicalJson(fromOwn) !== canonicalJson(base)) {
    setBase(fromOwn);
    if (canonicalJson(values) === canonicalJson(base)) setValues(fromOwn);
  }

  const set = (key: RemoteJoinKey) => (value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const error = (key: RemoteJoinKey) => clientErrors[`settings.remoteJoin.${key}`] ?? problem?.fields[`settings.remoteJoin.${key}`];
  const inheritedHint = (key: RemoteJoinKey, unit: (value: unknown) => string) => {
    const { value, from } = inheritedRemoteJoin(ancestors, key);
    return from ? t("settings.inheritsFrom", { value: unit(value), from }) : t("settings.inheritsDefault", { value: unit(value) });
  };
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateRemoteJoin(values, t);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const result = await onSave(withRemoteJoin(own, values));
    setProblem(result);
    setSaved(!result);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("settings.remoteJoin.form")}>
      {unplaced && <Alert>{problem.message}</Alert>}
      {saved && <Alert tone="success">{t("settings.saved")}</Alert>}
      <p className="muted">{t("settings.remoteJoin.intro")}</p>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>{t("settings.remoteJoin.form")}</legend>
        <div className="grid-2">
          <TextField
            label={t("settings.remoteJoin.maxActive")}
            inputMode="numeric"
            value={values.maxActivePerContact}
            onChange={set("maxActivePerContact")}
            error={error("maxActivePerContact")}
            hint={t("settings.remoteJoin.maxActiveHint", { inherited: inheritedHint("maxActivePerContact", String) })}
          />
          <TextField
            label={t("settings.remoteJoin.runningLate")}
            inputMode="numeric"
            value={values.runningLatePlaces}
            onChange={set("runningLatePlaces")}
            error={error("runningLatePlaces")}
            hint={t("settings.remoteJoin.runningLateHint", { inherited: inheritedHint("runningLatePlaces", String) })}
          />
          <TextField
            label={t("settings.remoteJoin.country")}
            value={values.defaultCountry}
            onChange={(v) => set("defaultCountry")(v.toUpperCase())}
            error={error("defaultCountry")}
            maxLength={2}
            autoComplete="off"
            hint={t("settings.remoteJoin.countryHint", { inherited: inheritedHint("defaultCountry", (v) => (typeof v === "string" ? v : t("settings.remoteJoin.noCountry"))) })}
          />
        </div>
      </fieldset>
      {canEdit && (
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={saving}>
            {t("settings.remoteJoin.save")}
          </Button>
        </div>
      )}
    </form>
  );
}
