import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DeviceKind } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { SelectField, TextAreaField, TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import type { DeviceSettings } from "../hooks/use-devices";

interface Props {
  /** Editing an existing device: its kind is fixed. */
  existing?: { kind: DeviceKind } & DeviceSettings;
  lines: readonly { id: string; name: string }[];
  busy: boolean;
  onSave: (kind: DeviceKind, settings: DeviceSettings) => Promise<{ ok: true } | { ok: false; problem: Problem }>;
  onClose: () => void;
}

const kinds: DeviceKind[] = ["KIOSK", "DISPLAY"];

/** Name, kind, lines (none ticked: every line) and, for a display, the message strip. */
export function DeviceDialog({ existing, lines, busy, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DeviceKind>(existing?.kind ?? "KIOSK");
  const [name, setName] = useState(existing?.name ?? "");
  const [lineIds, setLineIds] = useState<Set<string>>(() => new Set(existing?.lineIds ?? []));
  const [message, setMessage] = useState(existing?.message ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t("devices.dialog.nameRequired"));
      return;
    }
    setNameError(null);
    const result = await onSave(kind, { name, lineIds: lines.filter((l) => lineIds.has(l.id)).map((l) => l.id), message });
    if (!result.ok) setProblem(result.problem);
  };
  const lineError = Object.entries(problem?.fields ?? {}).find(([k]) => k.startsWith("lineIds"))?.[1];

  return (
    <Dialog
      title={existing ? t("devices.dialog.editTitle", { name: existing.name }) : t("devices.dialog.addTitle")}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" form="device-form" variant="primary" busy={busy}>
            {existing ? t("devices.dialog.save") : t("devices.dialog.addAndPair")}
          </Button>
        </>
      }
    >
      <form id="device-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && Object.keys(problem.fields).length === 0 && <Alert>{problem.message}</Alert>}
        {!existing && (
          <SelectField
            label={t("devices.kind")}
            value={kind}
            onChange={(v) => setKind(v as DeviceKind)}
            options={kinds.map((k) => ({ value: k, label: t(`devices.dialog.kindOptions.${k}`) }))}
          />
        )}
        <TextField label={t("devices.name")} value={name} onChange={setName} error={nameError ?? problem?.fields.name} hint={t("devices.dialog.nameHint")} />
        <fieldset className="fieldset" aria-describedby={lineError ? "device-lines-error" : undefined}>
          <legend>{t("devices.lines")}</legend>
          <p className="muted">
            {kind === "KIOSK" ? t("devices.dialog.linesKiosk") : t("devices.dialog.linesDisplay")} {t("devices.dialog.noneTicked")}
          </p>
          <div className="checkbox-grid">
            {lines.map((line) => (
              <label key={line.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={lineIds.has(line.id)}
                  onChange={(e) =>
                    setLineIds((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(line.id);
                      else next.delete(line.id);
                      return next;
                    })
                  }
                />
                <span>{line.name}</span>
              </label>
            ))}
          </div>
          {lineError && (
            <p className="field__error" id="device-lines-error">
              {lineError}
            </p>
          )}
        </fieldset>
        {kind === "DISPLAY" && (
          <TextAreaField
            label={t("devices.dialog.message")}
            value={message}
            onChange={setMessage}
            error={problem?.fields.message}
            hint={t("devices.dialog.messageHint")}
            maxLength={500}
          />
        )}
      </form>
    </Dialog>
  );
}
