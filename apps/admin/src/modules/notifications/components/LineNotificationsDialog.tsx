import { useState, type FormEvent } from "react";
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

const known = new Set(["almostTherePosition", "almostThereMinutes", ...lineTriggers.map((t) => t.key)]);

/** Which messages customers of this line get, and when "almost your turn" goes out. */
export function LineNotificationsDialog({ lineId, lineName, canEdit, onClose }: Props) {
  const { settings, loading, error, refetch, update, saving } = useLineNotificationSettings(lineId);
  return (
    <Dialog
      title={`Notifications for ${lineName}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{canEdit ? "Cancel" : "Close"}</Button>
          {canEdit && settings && (
            <Button type="submit" form="line-notifications-form" variant="primary" busy={saving} data-testid="line-notifications-save">
              Save notifications
            </Button>
          )}
        </>
      }
    >
      {loading && <Loading />}
      {!settings && !loading && <ErrorState error={error} onRetry={refetch} title="Could not load the notification settings" />}
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
  const [values, setValues] = useState(() => lineSettingsValuesFrom(initial));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = <K extends keyof LineSettingsValues>(key: K, value: LineSettingsValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (key: string) => clientErrors[key] ?? problem?.fields[key];
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateLineSettings(values);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    setProblem(await onSave(values));
  };

  return (
    <form id="line-notifications-form" className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Line notifications">
      {unplaced && <Alert>{problem.message}</Alert>}
      <p className="muted">Customers get these by the channels they chose when joining (SMS, email or push). The wording is set per tenant under Notifications → Templates.</p>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Send a message when a ticket is…</legend>
        <div className="checkbox-grid">
          {lineTriggers.map((t) => (
            <label key={t.key} className="checkbox">
              <input type="checkbox" role="switch" checked={values[t.key]} onChange={(e) => set(t.key, e.target.checked)} data-testid={`notify-setting-${t.key}`} />
              <span>{t.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit || !values.almostThere}>
        <legend>“Almost your turn”: sent once, at whichever comes first</legend>
        <div className="grid-2">
          <TextField
            label="Places ahead"
            inputMode="numeric"
            value={values.almostTherePosition}
            onChange={(v) => set("almostTherePosition", v)}
            error={error("almostTherePosition")}
            hint="1 to 100: when the ticket is this many places or fewer from the front."
            data-testid="notify-setting-position"
          />
          <TextField
            label="Minutes of estimated wait"
            inputMode="numeric"
            value={values.almostThereMinutes}
            onChange={(v) => set("almostThereMinutes", v)}
            error={error("almostThereMinutes")}
            hint="0 to 240: when the estimated wait drops to this many minutes (0: by position only)."
            data-testid="notify-setting-minutes"
          />
        </div>
      </fieldset>
    </form>
  );
}
