import { useState, type FormEvent } from "react";
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
    const error = validateRetention(days);
    setClientError(error);
    if (error) return;
    const result = await onSave(withRetention(tenant.settings, days));
    setProblem(result);
    setNotice(result ? null : "Saved.");
  };

  const exportData = async () => {
    setNotice(null);
    const result = await privacy.exportLink();
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    if (!result.value) return;
    download(result.value.href);
    setNotice(`Your download has started. The link works until ${formatDateTime(result.value.expiresAt)}.`);
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
    setNotice("The deletion is cancelled; the tenant is available again.");
  };

  const retentionError = clientError ?? problem?.fields["settings.retentionDays"];

  return (
    <div className="stack">
      {problem && !problem.fields["settings.retentionDays"] && <Alert>{problem.message}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      <form className="form" onSubmit={(e) => void saveRetention(e)} noValidate aria-label="Customer data retention">
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>Customer data retention</legend>
          <TextField
            label="Days to keep customers' contact data after their ticket ends"
            inputMode="numeric"
            value={days}
            onChange={(v) => {
              setNotice(null);
              setDays(v);
            }}
            error={retentionError}
            hint={`1 to 3650. Then name, phone, email, push subscription and custom fields are erased; the statistics stay. ${
              inherited.from ? `Empty: inherits ${inherited.days} from ${inherited.from}.` : `Empty: the default, ${inherited.days}.`
            }`}
          />
        </fieldset>
        {canEdit && (
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={saving}>
              Save retention
            </Button>
          </div>
        )}
      </form>

      {canExport && (
        <div>
          <h3>Export</h3>
          <p className="muted">All of this tenant's data and its subtenants' as one JSON file (secrets such as API key hashes are left out).</p>
          <Button onClick={() => void exportData()} busy={privacy.busy}>
            Export all data
          </Button>
        </div>
      )}

      {canDelete && (
        <div>
          <h3>Delete this tenant</h3>
          {deletionAt ? (
            <>
              <Alert tone="info">
                <span data-testid="deletion-scheduled">
                  {tenant.name} and its subtenants will be deleted for good on <time dateTime={deletionAt}>{formatDateTime(deletionAt)}</time>. Until then they are unavailable to
                  staff, kiosks and customers.
                </span>
              </Alert>
              <Button variant="primary" onClick={() => void cancelDeletion()} busy={privacy.busy}>
                Cancel deletion
              </Button>
            </>
          ) : (
            <>
              <p className="muted">
                Deletes every line, ticket, member and setting of {tenant.name} and its subtenants after a grace period. Meanwhile the tenant is unavailable and you can cancel.
              </p>
              <TextField label={`Type ${tenant.slug} to confirm`} value={confirmation} onChange={setConfirmation} autoComplete="off" />
              <Button variant="danger" disabled={confirmation.trim() !== tenant.slug} busy={privacy.busy} onClick={() => void scheduleDeletion()}>
                Delete tenant
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
