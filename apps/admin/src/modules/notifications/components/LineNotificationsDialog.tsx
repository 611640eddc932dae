import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { LineNotificationSettingsFieldsFragment } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { TextField } from "../../../ui/Field";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { useLineNotificationSettings } from "../hooks/use-line-notification-settings";
import { lineSettingsValuesFrom, toSettingsInput, validateLineSettings, type LineSettingsValues } from "../line-settings-form";
import { lineTriggers } from "../notification-model";

interface Props {
  lineId: string;
  lineName: string;
  /** lines:manage; without it the settings are shown read-only. */
  canEdit: boolean;
  onClose: () => void;
}

const known = new Set(["almostTherePosition", "almostThereMinutes", ...lineTriggers]);

/** Which messages customers of this line get, and when "almost your turn" goes out. */
export function LineNotificationsDialog({ lineId, lineName, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const { settings, loading, error, refetch, update, saving } = useLineNotificationSettings(lineId);
  return (
    <Dialog
      title={t("notifications.line.title", { name: lineName })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{canEdit ? t("notifications.line.cancel") : t("notifications.line.close")}</Button>
          {canEdit && settings && (
            <Button type="submit" form="line-notifications-form" variant="primary" busy={saving} data-testid="line-notifications-save">
              {t("notifications.line.save")}
            </Button>
          )}
        </>
      }
    >
      {loading && <Loading label={t("notifications.line.loading")} />}
      {!settings && !loading && <ErrorState error={error} onRetry={refetch} title={t("notifications.line.couldNotLoad")} />}
      {settings && (
        <LineNotificationsForm
          key={settings.lineId}
          initial={settings}
          canEdit={canEdit}
          onSave={async (values) => {
            const result = await update(toSettingsInput(values));
            if (!result.ok) return result.problem;
            onClose();
            return null;
          }}
        />
      )}
    </Dialog>
  );
}

export function LineNotificationsForm({ initial, canEdit, onSave }: { initial: LineNotificationSettingsFieldsFragment; canEdit: boolean; onSave: (values: LineSettingsValues) => Promise<Problem | null> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => lineSettingsValuesFrom(initial));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = <K extends keyof LineSettingsValues>(key: K, value: LineSettingsValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (key: string) => clientErrors[key] ?? problem?.fields[key];
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateLineSettings(values, t);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    setProblem(await onSave(values));
  };

  return (
    <form id="line-notifications-form" className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("notifications.line.form")}>
      {unplaced && <Alert>{problem.message}</Alert>}
      <p className="muted">{t("notifications.line.intro")}</p>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>{t("notifications.line.sendWhen")}</legend>
        <div className="checkbox-grid">
          {lineTriggers.map((key) => (
            <label key={key} className="checkbox">
              <input type="checkbox" role="switch" checked={values[key]} onChange={(e) => set(key, e.target.checked)} data-testid={`notify-setting-${key}`} />
              <span>{t(`notifications.line.triggers.${key}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit || !values.almostThere}>
        <legend>{t("notifications.line.almostThere")}</legend>
        <div className="grid-2">
          <TextField
            label={t("notifications.line.position")}
            inputMode="numeric"
            value={values.almostTherePosition}
            onChange={(v) => set("almostTherePosition", v)}
            error={error("almostTherePosition")}
            hint={t("notifications.line.positionHint")}
            data-testid="notify-setting-position"
          />
          <TextField
            label={t("notifications.line.minutes")}
            inputMode="numeric"
            value={values.almostThereMinutes}
            onChange={(v) => set("almostThereMinutes", v)}
            error={error("almostThereMinutes")}
            hint={t("notifications.line.minutesHint")}
            data-testid="notify-setting-minutes"
          />
        </div>
      </fieldset>
    </form>
  );
}
