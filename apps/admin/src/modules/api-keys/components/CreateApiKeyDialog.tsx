import { useState, type FormEvent } from "react";
import type { Problem } from "../../../lib/errors";
import { apiKeyPresets, type ApiKeyPreset, type Permission } from "../../../lib/permissions";
import { Button } from "../../../ui/Button";
import { CopyButton } from "../../../ui/CopyButton";
import { Dialog } from "../../../ui/Dialog";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";

/** Help for the scopes the dialog knows; a scope the API adds later shows without help. */
const scopeHelp: Partial<Record<Permission | (string & {}), string>> = {
  "tickets:issue": "issue tickets (kiosks)",
  "display:read": "ticket numbers, counters, now serving, stats — no personal data (displays, kiosks)",
  "tickets:read": "read tickets with customers' names, phones and custom fields (staff tools, not public devices)",
  "tickets:operate": "call and serve tickets",
  "lines:read": "read lines",
  "lines:manage": "create and change lines",
  "tenant:read": "read the tenant",
  "tenant:update": "change tenant settings",
  "tenant:create": "create subtenants",
  "members:read": "read members",
  "audit:read": "read the audit log",
};

interface Props {
  /** The scopes the viewer may grant (`viewerPermissions.grantableScopes`). */
  scopes: readonly string[];
  busy: boolean;
  onCreate: (name: string, scopes: string[]) => Promise<{ ok: true; value: string } | { ok: false; problem: Problem }>;
  onClose: () => void;
}

/** Two steps: choose name and scopes; then the secret, shown once, with a copy button. */
export function CreateApiKeyDialog({ scopes, busy, onCreate, onClose }: Props) {
  const [name, setName] = useState("");
  const presetScopes = (preset: ApiKeyPreset) => new Set<string>(apiKeyPresets[preset].filter((s) => scopes.includes(s)));
  const [chosen, setChosen] = useState<Set<string>>(() => presetScopes("Kiosk"));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = "Give the key a name, e.g. “Front door kiosk”";
    if (chosen.size === 0) errors.scopes = "Choose at least one scope";
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const result = await onCreate(name, [...chosen]);
    if (result.ok) setSecret(result.value);
    else setProblem(result.problem);
  };

  if (secret) {
    return (
      <Dialog title="Your new API key" onClose={onClose} footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
        <Alert tone="info">Copy this key now. It is shown only once; if it is lost, revoke it and create another.</Alert>
        <div className="secret">
          <code className="secret__value" aria-label="API key secret">
            {secret}
          </code>
          <CopyButton text={secret} />
        </div>
        <p className="muted">
          Send it as <code>Authorization: ApiKey &lt;key&gt;</code>.
        </p>
      </Dialog>
    );
  }

  const scopeError = clientErrors.scopes ?? Object.entries(problem?.fields ?? {}).find(([k]) => k.startsWith("scopes"))?.[1];
  return (
    <Dialog
      title="Create an API key"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="create-api-key" variant="primary" busy={busy}>
            Create key
          </Button>
        </>
      }
    >
      <form id="create-api-key" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && Object.keys(problem.fields).length === 0 && <Alert>{problem.message}</Alert>}
        <TextField label="Name" value={name} onChange={setName} error={clientErrors.name ?? problem?.fields.name} hint="Where the key is used, so you can tell keys apart." />
        <div className="preset-row" role="group" aria-label="Presets">
          <span className="muted">Presets:</span>
          {(Object.keys(apiKeyPresets) as ApiKeyPreset[]).map((preset) => (
            <Button key={preset} size="sm" onClick={() => setChosen(presetScopes(preset))}>
              {preset}
            </Button>
          ))}
          <span className="muted">No personal data: for screens and kiosks anyone can reach.</span>
        </div>
        <fieldset className="fieldset" aria-describedby={scopeError ? "scope-error" : undefined}>
          <legend>Scopes</legend>
          <div className="checkbox-grid">
            {scopes.map((scope) => (
              <label key={scope} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(scope)}
                  onChange={(e) =>
                    setChosen((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(scope);
                      else next.delete(scope);
                      return next;
                    })
                  }
                />
                <span>
                  <code>{scope}</code> <span className="muted">{scopeHelp[scope]}</span>
                </span>
              </label>
            ))}
          </div>
          {scopeError && (
            <p className="field__error" id="scope-error">
              {scopeError}
            </p>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
