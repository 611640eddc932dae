import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { downloadFrom, useDataPrivacy } from "../hooks/use-data-privacy";
import { inheritedRetention, retentionValueFrom, validateRetention, withRetention } from "../retention-settings";
import type { JsonObject } from "../settings-merge";

interface Props {
  tenant: {
    id: string;
    name: string;
    slug: string;
    settings: JsonObject;
    /** Root first. */
    ancestors: readonly { name: string; settings: JsonObject }[];
    deletionScheduledAt?: string | null | undefined;
  };
  /** tenant:update: edit the retention period. */
  canEdit: boolean;
  /** tenant:export / tenant:delete: the owner's. */
  canExport: boolean;
  canDelete: boolean;
  saving: boolean;
  /** Saves the whole own settings object (updateTenant replaces it). */
  onSave: (settings: JsonObject) => Promise<Problem | null>;
  /** How the export is downloaded (tests pass a spy). */
  download?: (href: string) => void;
}

/** Data & privacy: how long customers' contact data is kept, export everything, delete the tenant. */
export function DataPrivacySection({ tenant, canEdit, canExport, canDelete, saving, onSave, download = downloadFrom }: Props) {
  const { t } = useTranslation();
  const own = retentionValueFrom(tenant.settings);
  const [days, setDays] = useState(own);
  const [clientError, setClientError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [deletionAt, setDeletionAt] = useState<string | null>(tenant.deletionScheduledAt ?? null);
  const privacy = useDataPrivacy(tenant.id);
  const inherited = inheritedRetention(tenant.ancestors);

  const saveRetention = async (event: FormEvent) => {
    event.preventDefault();
    const error = validateRetention(days, t);
    setClientError(error);
    if (error) return;
    const result = await onSave(withRetention(tenant.settings, days));
    setProblem(result);
    setNotice(result ? null : t("settings.saved"));
  };

  const exportData = async () => {
    setNotice(null);
    const result = await privacy.exportLink();
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    if (!result.value) return;
    download(result.value.href);
    setNotice(t("settings.privacy.downloadStarted", { date: formatDateTime(result.value.expiresAt) }));
  };

  const scheduleDeletion = async () => {
    const result = await privacy.scheduleDeletion();
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setConfirmation("");
    setDeletionAt(result.value?.deletionScheduledAt ?? null);
  };

  const cancelDeletion = async () => {
    const result = await privacy.cancelDeletion();
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setDeletionAt(null);
    setNotice(t("settings.privacy.cancelled"));
  };

  const retentionError = clientError ?? problem?.fields["settings.retentionDays"];

  return (
    <div className="stack">
      {problem && !problem.fields["settings.retentionDays"] && <Alert>{problem.message}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      <form className="form" onSubmit={(e) => void saveRetention(e)} noValidate aria-label={t("settings.privacy.retention")}>
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>{t("settings.privacy.retention")}</legend>
          <TextField
            label={t("settings.privacy.days")}
            inputMode="numeric"
            value={days}
            onChange={(v) => {
              setNotice(null);
              setDays(v);
            }}
            error={retentionError}
            hint={t("settings.privacy.daysHint", {
              inherited: inherited.from ? t("settings.inheritsFrom", { value: inherited.days, from: inherited.from }) : t("settings.inheritsDefault", { value: inherited.days }),
            })}
          />
        </fieldset>
        {canEdit && (
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={saving}>
              {t("settings.privacy.saveRetention")}
            </Button>
          </div>
        )}
      </form>

      {canExport && (
        <div>
          <h3>{t("settings.privacy.exportTitle")}</h3>
          <p className="muted">{t("settings.privacy.exportBody")}</p>
          <Button onClick={() => void exportData()} busy={privacy.busy}>
            {t("settings.privacy.export")}
          </Button>
        </div>
      )}

      {canDelete && (
        <div>
          <h3>{t("settings.privacy.deleteTitle")}</h3>
          {deletionAt ? (
            <>
              <Alert tone="info">
                <span data-testid="deletion-scheduled">
                  <Trans
                    i18nKey="settings.privacy.scheduled"
                    values={{ name: tenant.name, date: formatDateTime(deletionAt) }}
                    components={{ time: <time dateTime={deletionAt} /> }}
                  />
                </span>
              </Alert>
              <Button variant="primary" onClick={() => void cancelDeletion()} busy={privacy.busy}>
                {t("settings.privacy.cancelDeletion")}
              </Button>
            </>
          ) : (
            <>
              <p className="muted">
                {t("settings.privacy.deleteBody", { name: tenant.name })}
              </p>
              <TextField label={t("settings.privacy.typeToConfirm", { slug: tenant.slug })} value={confirmation} onChange={setConfirmation} autoComplete="off" />
              <Button variant="danger" disabled={confirmation.trim() !== tenant.slug} busy={privacy.busy} onClick={() => void scheduleDeletion()}>
                {t("settings.privacy.delete")}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
