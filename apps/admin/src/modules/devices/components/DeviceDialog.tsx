import { useState, type FormEvent } from "react";
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

const kindOptions = [
  { value: "KIOSK", label: "Kiosk — customers take tickets" },
  { value: "DISPLAY", label: "Display — the now-serving screen (no personal data)" },
];

/** Name, kind, lines (none ticked: every line) and, for a display, the message strip. */
export function DeviceDialog({ existing, lines, busy, onSave, onClose }: Props) {
  const [kind, setKind] = useState<DeviceKind>(existing?.kind ?? "KIOSK");
  const [name, setName] = useState(existing?.name ?? "");
  const [lineIds, setLineIds] = useState<Set<string>>(() => new Set(existing?.lineIds ?? []));
  const [message, setMessage] = useState(existing?.message ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError("Give the device a name, e.g. “Entrance kiosk”");
      return;
    }
    setNameError(null);
    const result = await onSave(kind, { name, lineIds: lines.filter((l) => lineIds.has(l.id)).map((l) => l.id), message });
    if (!result.ok) setProblem(result.problem);
  };
  const lineError = Object.entries(problem?.fields ?? {}).find(([k]) => k.startsWith("lineIds"))?.[1];

  return (
    <Dialog
      title={existing ? `Edit “${existing.name}”` : "Add a device"}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="device-form" variant="primary" busy={busy}>
            {existing ? "Save" : "Add and show pairing link"}
          </Button>
        </>
      }
    >
      <form id="device-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && Object.keys(problem.fields).length === 0 && <Alert>{problem.message}</Alert>}
        {!existing && <SelectField label="Kind" value={kind} onChange={(v) => setKind(v as DeviceKind)} options={kindOptions} />}
        <TextField label="Name" value={name} onChange={setName} error={nameError ?? problem?.fields.name} hint="Where it stands, so you can tell devices apart." />
        <fieldset className="fieldset" aria-describedby={lineError ? "device-lines-error" : undefined}>
          <legend>Lines</legend>
          <p className="muted">{kind === "KIOSK" ? "The lines it offers." : "The lines it shows."} None ticked: every line of this tenant.</p>
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
          <TextAreaField label="Message strip" value={message} onChange={setMessage} error={problem?.fields.message} hint="Shown along the bottom of the screen, e.g. opening hours. Empty: no strip." maxLength={500} />
        )}
      </form>
    </Dialog>
  );
}
