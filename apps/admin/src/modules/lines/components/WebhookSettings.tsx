import { CopyButton } from "../../../ui/CopyButton";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { useTranslation } from "react-i18next";
import { useWebhookSettings } from "../hooks/use-webhook-settings";

interface Props {
  /** Null for a line not saved yet: the secret and the test need the line. */
  lineId: string | null;
  secretSet: boolean;
  url: string;
  timeoutMs: string;
  onUrl: (url: string) => void;
  onTimeout: (ms: string) => void;
  /** Errors for the URL and timeout fields (the form's and the API's), shown under each field. */
  urlError: string | undefined;
  timeoutError: string | undefined;
}

/**
 * The WEBHOOK estimator's settings: the URL and timeout (saved with the line), the signing secret (shown once
 * when made; "Rotate" replaces it) and "Test", which asks the API to POST a sample snapshot and says what came
 * back. A refused URL shows under the URL field, where the eye is, not at the top of the dialog.
 */
export function WebhookSettings({ lineId, secretSet, url, timeoutMs, onUrl, onTimeout, urlError, timeoutError }: Props) {
  const { t } = useTranslation();
  return (
    <div className="webhook-settings" data-testid="webhook-settings">
      <div className="grid-2">
        <TextField label={t("lines.webhook.url")} type="url" value={url} onChange={onUrl} error={urlError} placeholder="https://example.com/qline-eta" hint={t("lines.webhook.urlHint")} />
        <TextField label={t("lines.webhook.timeout")} inputMode="numeric" value={timeoutMs} onChange={onTimeout} error={timeoutError} hint={t("lines.webhook.timeoutHint")} />
      </div>
      {lineId ? <SecretAndTest lineId={lineId} secretSet={secretSet} url={url} timeoutMs={timeoutMs} urlError={urlError} /> : <p className="muted">{t("lines.webhook.saveFirst")}</p>}
    </div>
  );
}

function SecretAndTest({ lineId, secretSet, url, timeoutMs, urlError }: { lineId: string; secretSet: boolean; url: string; timeoutMs: string; urlError: string | undefined }) {
  const { t } = useTranslation();
  const hook = useWebhookSettings(lineId);
  const hasSecret = secretSet || hook.secret !== null;
  const testUrlError = hook.problem?.fields.url;
  return (
    <>
      <div className="field">
        <span className="field__label">{t("lines.webhook.secret")}</span>
        {hook.secret ? (
          <p className="webhook-secret" data-testid="webhook-secret">
            {hook.secret} <CopyButton text={hook.secret} label={t("lines.webhook.copySecret")} />
          </p>
        ) : (
          <p className="muted">{secretSet ? t("lines.webhook.secretSet") : t("lines.webhook.noSecret")}</p>
        )}
        {hook.secret && <p className="field__hint">{t("lines.webhook.copyNow")}</p>}
        <div className="form__actions">
          <Button size="sm" busy={hook.rotating} onClick={() => void hook.rotate()}>
            {secretSet || hook.secret ? t("lines.webhook.rotate") : t("lines.webhook.create")}
          </Button>
          <Button size="sm" busy={hook.testing} disabled={!hasSecret || !url.trim() || Boolean(urlError)} onClick={() => void hook.test(url.trim(), Number(timeoutMs) || 800)}>
            {t("lines.webhook.test")}
          </Button>
        </div>
      </div>
      {testUrlError && <p className="field__error">{t("lines.webhook.urlProblem", { problem: testUrlError })}</p>}
      {hook.problem && !testUrlError && <p className="field__error">{hook.problem.message}</p>}
      {hook.result && (
        <p className="webhook-test-result" role="status" data-testid="webhook-test-result">
          {hook.result.ok ? t("lines.webhook.works") : t("lines.webhook.failed", { problem: hook.result.problem ?? t("lines.webhook.notUsable") })} · {hook.result.httpStatus ? `HTTP ${hook.result.httpStatus} · ` : ""}
          {hook.result.latencyMs} ms
        </p>
      )}
    </>
  );
}
