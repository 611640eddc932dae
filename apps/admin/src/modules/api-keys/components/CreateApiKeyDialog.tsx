import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { apiKeyPresets, type ApiKeyPreset } from "../../../lib/permissions";
import { Button } from "../../../ui/Button";
import { CopyButton } from "../../../ui/CopyButton";
import { Dialog } from "../../../ui/Dialog";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { en } from "../strings";

interface Props {
  /** The scopes the viewer may grant (`viewerPermissions.grantableScopes`). */
  scopes: readonly string[];
  busy: boolean;
  onCreate: (name: string, scopes: string[]) => Promise<{ ok: true; value: string } | { ok: false; problem: Problem }>;
  onClose: () => void;
}

/** Two steps: choose name and scopes; then the secret, shown once, with a copy button. */
export function CreateApiKeyDialog({ scopes, busy, onCreate, onClose }: Props) {
  const { t } = useTranslation();
  /** Help for the scopes the dialog knows; a scope the API adds later shows without help. */
  const scopeHelp = (scope: string) => (Object.hasOwn(en.scopeHelp, scope) ? t(`apiKeys.scopeHelp.${scope}`, { nsSeparator: false }) : ""); // ":" in a scope is not a namespace
  const [name, setName] = useState("");
  const presetScopes = (preset: ApiKeyPreset) => new Set<string>(apiKeyPresets[preset].filter((s) => scopes.includes(s)));
  const [chosen, setChosen] = useState<Set<string>>(() => presetScopes("Kiosk"));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t("apiKeys.dialog.nameRequired");
    if (chosen.size === 0) errors.scopes = t("apiKeys.dialog.scopeRequired");
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const result = await onCreate(name, [...chosen]);
    if (result.ok) setSecret(result.value);
    else setProblem(result.problem);
  };

  if (secret) {
    return (
      <Dialog title={t("apiKeys.dialog.newKey")} onClose={onClose} footer={<Button variant="primary" onClick={onClose}>{t("apiKeys.dialog.done")}</Button>}>
        <Alert tone="info">{t("apiKeys.dialog.copyNow")}</Alert>
        <div className="secret">
          <code className="secret__value" aria-label={t("apiKeys.dialog.secret")}>
            {secret}
          </code>
          <CopyButton text={secret} />
        </div>
        <p className="muted">
          {t("apiKeys.dialog.sendAsBefore")}
          <code>Authorization: ApiKey &lt;key&gt;</code>
          {t("apiKeys.dialog.sendAsAfter")}
        </p>
      </Dialog>
    );
  }

  const scopeError = clientErrors.scopes ?? Object.entries(problem?.fields ?? {}).find(([k]) => k.startsWith("scopes"))?.[1];
  return (
    <Dialog
      title={t("apiKeys.dialog.title")}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("apiKeys.cancel")}</Button>
          <Button type="submit" form="create-api-key" variant="primary" busy={busy}>
            {t("apiKeys.dialog.createKey")}
          </Button>
        </>
      }
    >
      <form id="create-api-key" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {problem && Object.keys(problem.fields).length === 0 && <Alert>{problem.message}</Alert>}
        <TextField label={t("apiKeys.name")} value={name} onChange={setName} error={clientErrors.name ?? problem?.fields.name} hint={t("apiKeys.dialog.nameHint")} />
        <div className="preset-row" role="group" aria-label={t("apiKeys.dialog.presets")}>
          <span className="muted">{t("apiKeys.dialog.presetsLabel")}</span>
          {(Object.keys(apiKeyPresets) as ApiKeyPreset[]).map((preset) => (
            <Button key={preset} size="sm" onClick={() => setChosen(presetScopes(preset))}>
              {t(`apiKeys.dialog.preset.${preset}`)}
            </Button>
          ))}
          <span className="muted">{t("apiKeys.dialog.presetsNote")}</span>
        </div>
        <fieldset className="fieldset" aria-describedby={scopeError ? "scope-error" : undefined}>
          <legend>{t("apiKeys.scopes")}</legend>
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
                  <code>{scope}</code> <span className="muted">{scopeHelp(scope)}</span>
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
