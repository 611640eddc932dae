import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type FieldPath, type FieldPathValue } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { NotificationProvidersFieldsFragment, SmsRoute } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useNotificationProviders } from "../hooks/use-notification-providers";
import { providersSchema, providersValuesFrom, toProvidersInput, type ProvidersValues } from "../providers-form";

export function NotificationProvidersForm() {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const { providers, loading, error, refetch, save, saving } = useNotificationProviders(tenant.id);
  if (loading) return <Loading label={t("notifications.providers.loading")} />;
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

const routes = ["PLATFORM", "TWILIO", "WEBHOOK"] as const satisfies readonly SmsRoute[];

const known = new Set(["smsRoute", "twilioAccountSid", "twilioFrom", "twilioAuthToken", "webhookUrl", "webhookSecret", "emailSenderName", "emailReplyTo"]);

/** A stored secret: shown as "configured", never its value. */
function SecretState({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  return configured ? <span className="badge badge--ok">{t("notifications.providers.configured")}</span> : <span className="badge badge--inherited">{t("notifications.providers.notSet")}</span>;
}

/** A write-only credential: says whether one is stored, never shows it; a typed value replaces it. */
function SecretField({ label, configured, value, onChange, error, testId }: { label: string; configured: boolean; value: string; onChange: (v: string) => void; error: string | undefined; testId: string }) {
  const { t } = useTranslation();
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
      placeholder={configured ? t("notifications.providers.storedPlaceholder") : ""}
      hint={t("notifications.providers.secretHint")}
      data-testid={testId}
    />
  );
}

/**
 * How SMS and email leave for this tenant. Tokens and secrets are write-only: the API never returns them, the
 * form says whether one is stored and sends a new one only when typed.
 */
export function ProvidersForm({ current, canEdit, saving, onSave }: { current: NotificationProvidersFieldsFragment; canEdit: boolean; saving: boolean; onSave: (input: ReturnType<typeof toProvidersInput>) => Promise<Problem | null> }) {
  const { t } = useTranslation();
  const [initial, setInitial] = useState(() => providersValuesFrom(current));
  // The resolver is read on every render: it checks against the latest stored state (is a token configured?) in
  // the language shown.
  const { handleSubmit, watch, setValue, getValues, formState } = useForm<ProvidersValues>({ resolver: zodResolver(providersSchema(current, t)), defaultValues: initial });
  const values = watch();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const set = <K extends FieldPath<ProvidersValues>>(key: K, value: FieldPathValue<ProvidersValues, K>) => {
    setSaved(false);
    setValue(key, value, { shouldValidate: formState.isSubmitted });
  };
  const error = (key: keyof ProvidersValues) => formState.errors[key]?.message ?? problem?.fields[key];
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k));

  const submit = handleSubmit(async (sent) => {
    const result = await onSave(toProvidersInput(sent, initial));
    setProblem(result);
    setSaved(!result);
    if (!result) {
      // Saved: what was sent is the new baseline; the sent secrets are stored and leave the form (unless
      // something was typed over them while saving).
      setInitial({ ...sent, twilioAuthToken: "", webhookSecret: "" });
      if (getValues("twilioAuthToken") === sent.twilioAuthToken) setValue("twilioAuthToken", "");
      if (getValues("webhookSecret") === sent.webhookSecret) setValue("webhookSecret", "");
    }
  });

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("notifications.providers.form")}>
      {unplaced && <Alert>{problem.message}</Alert>}
      {saved && <Alert tone="success">{t("notifications.providers.saved")}</Alert>}
      {!canEdit && <p className="muted">{t("notifications.providers.readOnly")}</p>}
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>{t("notifications.providers.sms")}</legend>
        <div className="stack" role="radiogroup" aria-label={t("notifications.providers.sendThrough")}>
          {routes.map((route) => (
            <label key={route} className="checkbox">
              <input type="radio" name="smsRoute" value={route} checked={values.smsRoute === route} onChange={() => set("smsRoute", route)} data-testid={`sms-route-${route}`} />
              <span>
                {t(`notifications.providers.routes.${route}.label`)}
                <br />
                <span className="muted">
                  {t(`notifications.providers.routes.${route}.hint`)}
                  {route === "PLATFORM" && !current.platformSms && t("notifications.providers.platformSmsOff")}
                </span>
              </span>
            </label>
          ))}
        </div>
        {error("smsRoute") && <p className="field__error">{error("smsRoute")}</p>}
        {values.smsRoute === "TWILIO" && (
          <div className="grid-2">
            <TextField label={t("notifications.providers.accountSid")} value={values.twilioAccountSid} onChange={(v) => set("twilioAccountSid", v)} error={error("twilioAccountSid")} autoComplete="off" data-testid="twilio-sid" />
            <TextField label={t("notifications.providers.twilioFrom")} value={values.twilioFrom} onChange={(v) => set("twilioFrom", v)} error={error("twilioFrom")} autoComplete="off" hint={t("notifications.providers.twilioFromHint")} data-testid="twilio-from" />
            <SecretField label={t("notifications.providers.authToken")} configured={current.twilioConfigured} value={values.twilioAuthToken} onChange={(v) => set("twilioAuthToken", v)} error={error("twilioAuthToken")} testId="twilio-token" />
          </div>
        )}
        {values.smsRoute === "WEBHOOK" && (
          <div className="grid-2">
            <TextField label={t("notifications.providers.webhookUrl")} type="url" value={values.webhookUrl} onChange={(v) => set("webhookUrl", v)} error={error("webhookUrl")} autoComplete="off" placeholder="https://sms.example.com/qline" data-testid="webhook-url" />
            <SecretField label={t("notifications.providers.signingSecret")} configured={current.webhookConfigured} value={values.webhookSecret} onChange={(v) => set("webhookSecret", v)} error={error("webhookSecret")} testId="webhook-secret" />
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>{t("notifications.providers.email")}</legend>
        {!current.platformEmail && <p className="muted">{t("notifications.providers.platformEmailOff")}</p>}
        <div className="grid-2">
          <TextField label={t("notifications.providers.senderName")} value={values.emailSenderName} onChange={(v) => set("emailSenderName", v)} error={error("emailSenderName")} maxLength={100} hint={t("notifications.providers.senderNameHint")} data-testid="email-sender-name" />
          <TextField label={t("notifications.providers.replyTo")} type="email" value={values.emailReplyTo} onChange={(v) => set("emailReplyTo", v)} error={error("emailReplyTo")} hint={t("notifications.providers.replyToHint")} data-testid="email-reply-to" />
        </div>
      </fieldset>
      {canEdit && (
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={saving} data-testid="providers-save">
            {t("notifications.providers.save")}
          </Button>
        </div>
      )}
    </form>
  );
}
