import { CopyButton } from "../../../ui/CopyButton";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
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
  return (
    <div className="webhook-settings" data-testid="webhook-settings">
      <div className="grid-2">
        <TextField label="Webhook URL" type="url" value={url} onChange={onUrl} error={urlError} placeholder="https://example.com/qline-eta" hint="qline POSTs the line's snapshot here and uses the waits it answers." />
        <TextField label="Timeout (ms)" inputMode="numeric" value={timeoutMs} onChange={onTimeout} error={timeoutError} hint="50–5000; slower answers fall back to the service-rate estimate." />
      </div>
      {lineId ? <SecretAndTest lineId={lineId} secretSet={secretSet} url={url} timeoutMs={timeoutMs} urlError={urlError} /> : <p className="muted">Save the line first; then create its signing secret and test the URL here.</p>}
    </div>
  );
}

function SecretAndTest({ lineId, secretSet, url, timeoutMs, urlError }: { lineId: string; secretSet: boolean; url: string; timeoutMs: string; urlError: string | undefined }) {
  const hook = useWebhookSettings(lineId);
  const hasSecret = secretSet || hook.secret !== null;
  const testUrlError = hook.problem?.fields.url;
  return (
    <>
      <div className="field">
        <span className="field__label">Signing secret</span>
        {hook.secret ? (
          <p className="webhook-secret" data-testid="webhook-secret">
            {hook.secret} <CopyButton text={hook.secret} label="Copy secret" />
          </p>
        ) : (
          <p className="muted">{secretSet ? "Set. It is shown only once, when made; rotate to get a new one." : "None yet."}</p>
        )}
        {hook.secret && <p className="field__hint">Copy it now: it will not be shown again. Verify X-Qline-Signature (HMAC-SHA256 of the body) with it.</p>}
        <div className="form__actions">
          <Button size="sm" busy={hook.rotating} onClick={() => void hook.rotate()}>
            {secretSet || hook.secret ? "Rotate secret" : "Create secret"}
          </Button>
          <Button size="sm" busy={hook.testing} disabled={!hasSecret || !url.trim() || Boolean(urlError)} onClick={() => void hook.test(url.trim(), Number(timeoutMs) || 800)}>
            Test
          </Button>
        </div>
      </div>
      {testUrlError && <p className="field__error">URL: {testUrlError}</p>}
      {hook.problem && !testUrlError && <p className="field__error">{hook.problem.message}</p>}
      {hook.result && (
        <p className="webhook-test-result" role="status" data-testid="webhook-test-result">
          {hook.result.ok ? "✓ Works" : `✗ ${hook.result.problem ?? "Not usable"}`} · {hook.result.httpStatus ? `HTTP ${hook.result.httpStatus} · ` : ""}
          {hook.result.latencyMs} ms
        </p>
      )}
    </>
  );
}
