import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationChannel, NotificationTemplateFieldsFragment, NotificationTemplateInput, NotificationTrigger } from "../../../gql/graphql";
import { toProblem, type Problem } from "../../../lib/errors";
import { useDebounced } from "../../../lib/use-debounced";
import { Button } from "../../../ui/Button";
import { SelectField, TextAreaField, TextField } from "../../../ui/Field";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useNotificationTemplates, useTemplatePreview } from "../hooks/use-notification-templates";
import { isDescribedVariable, templateKey, templateLanguages } from "../notification-model";

type Template = NotificationTemplateFieldsFragment;
interface Selection {
  trigger: NotificationTrigger;
  channel: NotificationChannel;
  language: string;
}

const unique = <T,>(list: readonly T[]) => [...new Set(list)];
const languageLabel = (code: string) => templateLanguages.find((l) => l.code === code)?.label ?? code;

/** Pick a template by trigger, channel and language (the combinations the API offers), then edit it. */
export function NotificationTemplatesEditor() {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const { templates, loading, error, refetch, save, reset, saving, resetting } = useNotificationTemplates(tenant.id);
  const [selection, setSelection] = useState<Selection | null>(null);
  const list = useMemo(() => templates ?? [], [templates]);
  const first = list[0];
  const chosen: Selection | null = selection ?? (first ? { trigger: first.trigger, channel: first.channel, language: first.language } : null);
  const template = chosen ? list.find((candidate) => templateKey(candidate) === templateKey(chosen)) : undefined;

  /** Changing one part keeps the others when that combination exists, else takes the first that does. */
  const choose = (next: Partial<Selection>) => {
    if (!chosen) return;
    const wanted = { ...chosen, ...next };
    const match =
      list.find((candidate) => templateKey(candidate) === templateKey(wanted)) ??
      list.find((candidate) => candidate.trigger === wanted.trigger && candidate.channel === wanted.channel) ??
      list.find((candidate) => candidate.trigger === wanted.trigger);
    if (match) setSelection({ trigger: match.trigger, channel: match.channel, language: match.language });
  };

  if (loading) return <Loading label={t("notifications.templates.loading")} />;
  if (!templates) return <ErrorState error={error} onRetry={refetch} />;
  if (!chosen || !template) return <EmptyState title={t("notifications.templates.noneTitle")}>{t("notifications.templates.noneBody")}</EmptyState>;

  return (
    <div className="card">
      <div className="filters__row template-selectors">
        <SelectField
          label={t("notifications.templates.message")}
          value={chosen.trigger}
          onChange={(v) => choose({ trigger: v as NotificationTrigger })}
          options={unique(list.map((candidate) => candidate.trigger)).map((trigger) => ({ value: trigger, label: t(`notifications.trigger.${trigger}`) }))}
          data-testid="template-trigger"
        />
        <SelectField
          label={t("notifications.templates.channel")}
          value={chosen.channel}
          onChange={(v) => choose({ channel: v as NotificationChannel })}
          options={unique(list.filter((candidate) => candidate.trigger === chosen.trigger).map((candidate) => candidate.channel)).map((c) => ({ value: c, label: t(`notifications.channel.${c}`) }))}
          data-testid="template-channel"
        />
        <SelectField
          label={t("notifications.templates.language")}
          value={chosen.language}
          onChange={(v) => choose({ language: v })}
          options={unique(list.filter((candidate) => candidate.trigger === chosen.trigger && candidate.channel === chosen.channel).map((candidate) => candidate.language)).map((l) => ({ value: l, label: languageLabel(l) }))}
          data-testid="template-language"
        />
      </div>
      <TemplateForm
        key={templateKey(template)}
        tenantId={tenant.id}
        template={template}
        canEdit={can("tenant:update")}
        saving={saving}
        resetting={resetting}
        onSave={async (input) => {
          const result = await save(input);
          return result.ok ? null : result.problem;
        }}
        onReset={async () => {
          const result = await reset(chosen);
          return result.ok ? { template: result.value } : { problem: result.problem };
        }}
      />
    </div>
  );
}

interface FormProps {
  tenantId: string;
  template: Template;
  canEdit: boolean;
  saving: boolean;
  resetting: boolean;
  onSave: (input: NotificationTemplateInput) => Promise<Problem | null>;
  onReset: () => Promise<{ template: Template | null } | { problem: Problem }>;
}

const known = new Set(["body", "subject"]);

/**
 * One template: subject (email only) and body with the variables it may use, previewed live by the API with
 * sample values; an unknown {variable} shows at the body field, from the preview as soon as it is typed.
 */
export function TemplateForm({ tenantId, template, canEdit, saving, resetting, onSave, onReset }: FormProps) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(template.subject ?? "");
  const [body, setBody] = useState(template.body);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const isEmail = template.channel === "EMAIL";
  const current = useMemo<NotificationTemplateInput>(
    () => ({ trigger: template.trigger, channel: template.channel, language: template.language, ...(isEmail ? { subject } : {}), body }),
    [template.trigger, template.channel, template.language, isEmail, subject, body],
  );
  const draft = useDebounced(current, 350);
  const { preview, error: previewError } = useTemplatePreview(tenantId, draft.body.trim() ? draft : null);
  const previewProblem = previewError ? toProblem(previewError) : null;
  const changed = body !== template.body || (isEmail && subject !== (template.subject ?? ""));
  const fieldError = (key: "body" | "subject") => problem?.fields[key] ?? previewProblem?.fields[key] ?? (key === "body" && !body.trim() ? t("notifications.templates.writeMessage") : undefined);
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    if (!body.trim()) return;
    const result = await onSave(current);
    setProblem(result);
    if (!result) setNote(t("notifications.templates.saved"));
  };

  const restore = async () => {
    setNote(null);
    const result = await onReset();
    if ("problem" in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    if (result.template) {
      setSubject(result.template.subject ?? "");
      setBody(result.template.body);
    }
    setNote(t("notifications.templates.restored"));
  };

  return (
    <form className="form template-editor" onSubmit={(e) => void submit(e)} noValidate aria-label={t("notifications.templates.form")} data-testid={`template-form-${templateKey(template)}`}>
      <div className="stack">
        {unplaced && <Alert>{problem.message}</Alert>}
        {note && <Alert tone="success">{note}</Alert>}
        <p>
          {template.isDefault ? <span className="badge badge--inherited">{t("notifications.templates.isDefault")}</span> : <span className="badge badge--own">{t("notifications.templates.own")}</span>}
          {changed && <span className="muted">{t("notifications.templates.unsaved")}</span>}
        </p>
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>
            {t(`notifications.trigger.${template.trigger}`)} · {t(`notifications.channel.${template.channel}`)} · {languageLabel(template.language)}
          </legend>
          {isEmail && <TextField label={t("notifications.templates.subject")} value={subject} onChange={setSubject} error={fieldError("subject")} maxLength={200} data-testid="template-subject" />}
          <TextAreaField label={t("notifications.templates.message")} value={body} onChange={setBody} error={fieldError("body")} rows={template.channel === "EMAIL" ? 8 : 4} data-testid="template-body" />
        </fieldset>
        {canEdit && (
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={saving} disabled={!changed} data-testid="template-save">
              {t("notifications.templates.save")}
            </Button>
            {!template.isDefault && (
              <Button variant="ghost" busy={resetting} onClick={() => void restore()} data-testid="template-reset">
                {t("notifications.templates.reset")}
              </Button>
            )}
          </div>
        )}
      </div>
      <aside className="stack">
        <div>
          <h3 className="section-title">{t("notifications.templates.variables")}</h3>
          <ul className="variable-list">
            {template.variables.map((v) => (
              <li key={v}>
                <code>{`{${v}}`}</code> <span className="muted">{isDescribedVariable(v) ? t(`notifications.variable.${v}`) : ""}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="section-title">{t("notifications.templates.preview")}</h3>
          <div className="template-preview" aria-live="polite" data-testid="template-preview">
            {preview ? (
              <>
                {preview.subject && <strong data-testid="template-preview-subject">{preview.subject}</strong>}
                <pre className="message-body" data-testid="template-preview-body">
                  {preview.body}
                </pre>
              </>
            ) : (
              <span className="muted">{previewProblem && !previewProblem.fields.body ? previewProblem.message : t("notifications.templates.previewEmpty")}</span>
            )}
          </div>
        </div>
      </aside>
    </form>
  );
}
