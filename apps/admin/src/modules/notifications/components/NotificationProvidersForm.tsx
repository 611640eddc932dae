import { useState, type FormEvent } from "react";
import type { NotificationProvidersFieldsFragment, SmsRoute } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useNotificationProviders } from "../hooks/use-notification-providers";
import { providersValuesFrom, toProvidersInput, validateProviders, type ProvidersValues } from "../providers-form";

export function NotificationProvidersForm() {
  const { tenant, can } = useCurrentTenant();
  const { providers, loading, error, refetch, save, saving } = useNotificationProviders(tenant.id);
  if (loading) return <Loading />;
  if (!providers) return <ErrorState error={error} onRetry={refetch} />;
  return (
    <ProvidersForm
      key={tenant.id}
      current={providers}
      canEdit={can("tenant:update")}
      saving={saving}
      onSave={async (input) => {
        const result = await save(input);
        return result.ok ? null : result.problem;
      }}
    />
  );
}

const routes: { value: SmsRoute; label: string; hint: string }[] = [
  { value: "PLATFORM", label: "qline’s SMS", hint: "The platform’s own provider and sender." },
  { value: "TWILIO", label: "Your Twilio account", hint: "Messages go through Twilio’s REST API with your account and sender." },
  { value: "WEBHOOK", label: "Your gateway (signed webhook)", hint: "We POST each message to your URL, signed with HMAC-SHA256 using your secret." },
];

const known = new Set(["smsRoute", "twilioAccountSid", "twilioFrom", "twilioAuthToken", "webhookUrl", "webhookSecret", "emailSenderName", "emailReplyTo"]);

/** A stored secret: shown as "configured", never its value. */
function SecretState({ configured }: { configured: boolean }) {
  return configured ? <span className="badge badge--ok">Configured</span> : <span className="badge badge--inherited">Not set</span>;
}

/** A write-only credential: says whether one is stored, never shows it; a typed value replaces it. */
function SecretField({ label, configured, value, onChange, error, testId }: { label: string; configured: boolean; value: string; onChange: (v: string) => void; error: string | undefined; testId: string }) {
  return (
    <TextField
      label={
        <span className="secret-state">
          {label} <SecretState configured={configured} />
        </span>
      }
      type="password"
      value={value}
      onChange={onChange}
      error={error}
      autoComplete="new-password"
      placeholder={configured ? "Stored — type to replace" : ""}
      hint="Write-only: stored encrypted, never shown again."
      data-testid={testId}
    />
  );
}

/**
 * How SMS and email leave for this tenant. Tokens and secrets are write-only: the API never returns them, the
 * form says whether one is stored and sends a new one only when typed.
 */
export function ProvidersForm({ current, canEdit, saving, onSave }: { current: NotificationProvidersFieldsFragment; canEdit: boolean; saving: boolean; onSave: (input: ReturnType<typeof toProvidersInput>) => Promise<Problem | null> }) {
  const [initial, setInitial] = useState(() => providersValuesFrom(current));
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof ProvidersValues>(key: K, value: ProvidersValues[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const error = (key: string) => clientErrors[key] ?? problem?.fields[key];
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateProviders(values, current);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const result = await onSave(toProvidersInput(values, initial));
    setProblem(result);
    setSaved(!result);
    if (!result) {
      // Saved: what was sent is the new baseline; the sent secrets are stored and leave the form (unless
      // something was typed over them while saving).
      setInitial({ ...values, twilioAuthToken: "", webhookSecret: "" });
      setValues((v) => ({
        ...v,
        twilioAuthToken: v.twilioAuthToken === values.twilioAuthToken ? "" : v.twilioAuthToken,
        webhookSecret: v.webhookSecret === values.webhookSecret ? "" : v.webhookSecret,
      }));
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label="Notification providers">
      {unplaced && <Alert>{problem.message}</Alert>}
      {saved && <Alert tone="success">Saved.</Alert>}
      {!canEdit && <p className="muted">You can view these settings; changing them needs an Admin or Owner role.</p>}
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>SMS</legend>
        <div className="stack" role="radiogroup" aria-label="Send SMS through">
          {routes.map((r) => (
            <label key={r.value} className="checkbox">
              <input type="radio" name="smsRoute" value={r.value} checked={values.smsRoute === r.value} onChange={() => set("smsRoute", r.value)} data-testid={`sms-route-${r.value}`} />
              <span>
                {r.label}
                <br />
                <span className="muted">
                  {r.hint}
                  {r.value === "PLATFORM" && !current.platformSms && " Not configured on this server: SMS are skipped."}
                </span>
              </span>
            </label>
          ))}
        </div>
        {error("smsRoute") && <p className="field__error">{error("smsRoute")}</p>}
        {values.smsRoute === "TWILIO" && (
          <div className="grid-2">
            <TextField label="Account SID" value={values.twilioAccountSid} onChange={(v) => set("twilioAccountSid", v)} error={error("twilioAccountSid")} autoComplete="off" data-testid="twilio-sid" />
            <TextField label="Sender (From)" value={values.twilioFrom} onChange={(v) => set("twilioFrom", v)} error={error("twilioFrom")} autoComplete="off" hint="A Twilio number in E.164 (+4915…) or a sender name." data-testid="twilio-from" />
            <SecretField label="Auth token" configured={current.twilioConfigured} value={values.twilioAuthToken} onChange={(v) => set("twilioAuthToken", v)} error={error("twilioAuthToken")} testId="twilio-token" />
          </div>
        )}
        {values.smsRoute === "WEBHOOK" && (
          <div className="grid-2">
            <TextField label="Webhook URL" type="url" value={values.webhookUrl} onChange={(v) => set("webhookUrl", v)} error={error("webhookUrl")} autoComplete="off" placeholder="https://sms.example.com/qline" data-testid="webhook-url" />
            <SecretField label="Signing secret" configured={current.webhookConfigured} value={values.webhookSecret} onChange={(v) => set("webhookSecret", v)} error={error("webhookSecret")} testId="webhook-secret" />
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Email</legend>
        {!current.platformEmail && <p className="muted">This server has no SMTP server configured: emails are skipped.</p>}
        <div className="grid-2">
          <TextField label="Sender name" value={values.emailSenderName} onChange={(v) => set("emailSenderName", v)} error={error("emailSenderName")} maxLength={100} hint="Shown as the email’s From name." data-testid="email-sender-name" />
          <TextField label="Reply-to address" type="email" value={values.emailReplyTo} onChange={(v) => set("emailReplyTo", v)} error={error("emailReplyTo")} hint="Where customers’ replies go." data-testid="email-reply-to" />
        </div>
      </fieldset>
      {canEdit && (
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={saving} data-testid="providers-save">
            Save providers
          </Button>
        </div>
      )}
    </form>
  );
}
