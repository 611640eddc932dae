import { useMemo, useState, type FormEvent } from "react";
import type { NotificationChannel, NotificationTemplateFieldsFragment, NotificationTemplateInput, NotificationTrigger } from "../../../gql/graphql";
import { toProblem, type Problem } from "../../../lib/errors";
import { useDebounced } from "../../../lib/use-debounced";
import { Button } from "../../../ui/Button";
import { SelectField, TextAreaField, TextField } from "../../../ui/Field";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useNotificationTemplates, useTemplatePreview } from "../hooks/use-notification-templates";
import { channelLabels, templateKey, templateLanguages, triggerLabels, variableDescriptions } from "../notification-model";

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
  const { tenant, can } = useCurrentTenant();
  const { templates, loading, error, refetch, save, reset, saving, resetting } = useNotificationTemplates(tenant.id);
  const [selection, setSelection] = useState<Selection | null>(null);
  const list = useMemo(() => templates ?? [], [templates]);
  const first = list[0];
  const chosen: Selection | null = selection ?? (first ? { trigger: first.trigger, channel: first.channel, language: first.language } : null);
  const template = chosen ? list.find((t) => templateKey(t) === templateKey(chosen)) : undefined;

  /** Changing one part keeps the others when that combination exists, else takes the first that does. */
  const choose = (next: Partial<Selection>) => {
    if (!chosen) return;
    const wanted = { ...chosen, ...next };
    const match =
      list.find((t) => templateKey(t) === templateKey(wanted)) ??
      list.find((t) => t.trigger === wanted.trigger && t.channel === wanted.channel) ??
      list.find((t) => t.trigger === wanted.trigger);
    if (match) setSelection({ trigger: match.trigger, channel: match.channel, language: match.language });
  };

  if (loading) return <Loading label="Loading templates…" />;
  if (!templates) return <ErrorState error={error} onRetry={refetch} />;
  if (!chosen || !template) return <EmptyState title="No templates">The server offers no message templates.</EmptyState>;

  return (
    <div className="card">
      <div className="filters__row template-selectors">
        <SelectField
          label="Message"
          value={chosen.trigger}
          onChange={(v) => choose({ trigger: v as NotificationTrigger })}
          options={unique(list.map((t) => t.trigger)).map((t) => ({ value: t, label: triggerLabels[t] }))}
          data-testid="template-trigger"
        />
        <SelectField
          label="Channel"
          value={chosen.channel}
          onChange={(v) => choose({ channel: v as NotificationChannel })}
          options={unique(list.filter((t) => t.trigger === chosen.trigger).map((t) => t.channel)).map((c) => ({ value: c, label: channelLabels[c] }))}
          data-testid="template-channel"
        />
        <SelectField
          label="Language"
          value={chosen.language}
          onChange={(v) => choose({ language: v })}
          options={unique(list.filter((t) => t.trigger === chosen.trigger && t.channel === chosen.channel).map((t) => t.language)).map((l) => ({ value: l, label: languageLabel(l) }))}
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
  const fieldError = (key: "body" | "subject") => problem?.fields[key] ?? previewProblem?.fields[key] ?? (key === "body" && !body.trim() ? "Write the message" : undefined);
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    if (!body.trim()) return;
    const result = await onSave(current);
    setProblem(result);
    if (!result) setNote("Saved. New messages use this text.");
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
    setNote("Back to qline’s default text.");
  };

  return (
    <form className="form template-editor" onSubmit={(e) => void submit(e)} noValidate aria-label="Template" data-testid={`template-form-${templateKey(template)}`}>
      <div className="stack">
        {unplaced && <Alert>{problem.message}</Alert>}
        {note && <Alert tone="success">{note}</Alert>}
        <p>
          {template.isDefault ? <span className="badge badge--inherited">qline’s default</span> : <span className="badge badge--own">Your own text</span>}
          {changed && <span className="muted"> · unsaved changes</span>}
        </p>
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>
            {triggerLabels[template.trigger]} · {channelLabels[template.channel]} · {languageLabel(template.language)}
          </legend>
          {isEmail && <TextField label="Subject" value={subject} onChange={setSubject} error={fieldError("subject")} maxLength={200} data-testid="template-subject" />}
          <TextAreaField label="Message" value={body} onChange={setBody} error={fieldError("body")} rows={template.channel === "EMAIL" ? 8 : 4} data-testid="template-body" />
        </fieldset>
        {canEdit && (
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={saving} disabled={!changed} data-testid="template-save">
              Save template
            </Button>
            {!template.isDefault && (
              <Button variant="ghost" busy={resetting} onClick={() => void restore()} data-testid="template-reset">
                Reset to default
              </Button>
            )}
          </div>
        )}
      </div>
      <aside className="stack">
        <div>
          <h3 className="section-title">Variables</h3>
          <ul className="variable-list">
            {template.variables.map((v) => (
              <li key={v}>
                <code>{`{${v}}`}</code> <span className="muted">{variableDescriptions[v] ?? ""}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="section-title">Preview</h3>
          <div className="template-preview" aria-live="polite" data-testid="template-preview">
            {preview ? (
              <>
                {preview.subject && <strong data-testid="template-preview-subject">{preview.subject}</strong>}
                <pre className="message-body" data-testid="template-preview-body">
                  {preview.body}
                </pre>
              </>
            ) : (
              <span className="muted">{previewProblem && !previewProblem.fields.body ? previewProblem.message : "The message with sample values appears here."}</span>
            )}
          </div>
        </div>
      </aside>
    </form>
  );
}
