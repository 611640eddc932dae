import { useState, type ReactNode } from "react";
import type { LinePresetInput, TemplateKind, TenantTemplatesQuery, ThemeInput } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useTemplates } from "../hooks/use-templates";

type Templates = NonNullable<NonNullable<TenantTemplatesQuery["tenant"]>["templates"]>;
export type EffectiveField = Templates["theme"][number];

const themeLabels: Record<string, string> = { primaryColor: "Primary colour", accentColor: "Accent colour", logoUrl: "Logo URL", fontFamily: "Font" };
const presetLabels: Record<string, string> = {
  estimator: "Wait estimator",
  estimatorOptions: "Estimator options",
  ttl: "Ticket time limits",
  timeZone: "Time zone",
  openingHours: "Opening hours",
  showEstimates: "Show estimates",
  notificationSettings: "Notification triggers",
};
/** Line preset fields edited here as one text value (the others are shown, and reset, but set per line). */
const editablePreset: Record<string, (text: string) => LinePresetInput> = {
  timeZone: (text) => ({ timeZone: text.trim() }),
  estimator: (text) => ({ estimator: text.trim() }),
  showEstimates: (text) => ({ showEstimates: text === "true" }),
};

export const showValue = (value: unknown): string => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** "Overridden here", "Inherited from X" or "Default": where a field's effective value comes from. */
export function SourceBadge({ field }: { field: Pick<EffectiveField, "overridden" | "source"> }) {
  if (field.overridden) return <span className="badge badge--own">Overridden here</span>;
  if (field.source) return <span className="badge badge--inherited">Inherited from {field.source.name}</span>;
  return <span className="muted">Default</span>;
}

interface RowProps {
  label: string;
  field: EffectiveField;
  canEdit: boolean;
  busy: boolean;
  onReset: () => void;
  editor?: ReactNode;
}

function TemplateRow({ label, field, canEdit, busy, onReset, editor }: RowProps) {
  return (
    <tr data-field={field.field} data-source={field.overridden ? "own" : field.source ? "inherited" : "default"}>
      <th scope="row">{label}</th>
      <td>
        <code>{showValue(field.value)}</code>
      </td>
      <td>
        <SourceBadge field={field} />
      </td>
      <td>
        {editor}
        {canEdit && field.overridden && (
          <Button size="sm" variant="ghost" busy={busy} onClick={onReset} aria-label={`Reset ${label} to inherited`}>
            Reset to inherited
          </Button>
        )}
      </td>
    </tr>
  );
}

/** A one-line editor: text (or a choice) and Save. */
function InlineSet({ label, initial, choices, busy, onSave }: { label: string; initial: string; choices?: string[]; busy: boolean; onSave: (text: string) => void }) {
  const [text, setText] = useState(initial);
  return (
    <form
      className="inline-set"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSave(text);
      }}
    >
      {choices ? (
        <select className="input input--compact" aria-label={`New ${label}`} value={text} onChange={(e) => setText(e.target.value)}>
          <option value="">Choose…</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <input className="input input--compact" aria-label={`New ${label}`} value={text} onChange={(e) => setText(e.target.value)} />
      )}
      <Button size="sm" type="submit" busy={busy} disabled={!text.trim()}>
        Set here
      </Button>
    </form>
  );
}

export interface TemplatesViewProps {
  tenantName: string;
  templates: Templates;
  canUpdate: boolean;
  canManageLines: boolean;
  busy: boolean;
  problem: Problem | null;
  onSaveTheme: (theme: ThemeInput) => void;
  onSaveLinePreset: (input: LinePresetInput) => void;
  onReset: (template: TemplateKind, field: string) => void;
  onSetHidden: (ticketTypeId: string, hidden: boolean) => void;
}

/** The templates of one tenant: branding, line preset, ticket fields and ticket types, each with its source. */
/** A table of template fields: each row's effective value, where it comes from, and how to change it. */
function FieldTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Effective value</th>
          <th scope="col">Comes from</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function TemplatesView(props: TemplatesViewProps) {
  const { templates, canUpdate, canManageLines, busy } = props;
  const schema = templates.extensionSchema;
  return (
    <div className="templates">
      {props.problem && <Alert>{props.problem.message}</Alert>}
      <h2>Branding</h2>
      <FieldTable label="Branding template">
        {templates.theme.map((f) => {
          const label = themeLabels[f.field] ?? f.field;
          return (
            <TemplateRow
              key={f.field}
              label={label}
              field={f}
              canEdit={canUpdate}
              busy={busy}
              onReset={() => props.onReset("THEME", f.field)}
              editor={canUpdate && <InlineSet label={label} initial="" busy={busy} onSave={(text) => props.onSaveTheme({ [f.field]: text.trim() })} />}
            />
          );
        })}
      </FieldTable>

      <h2>Line preset</h2>
      <p className="muted">New lines in this tenant and every tenant below it start from these values.</p>
      <FieldTable label="Line preset template">
        {templates.linePreset.map((f) => {
          const label = presetLabels[f.field] ?? f.field;
          const toInput = editablePreset[f.field];
          const choices = f.field === "showEstimates" ? ["true", "false"] : f.field === "estimator" ? ["SERVICE_RATE", "RECENT_AVERAGE", "NONE"] : undefined;
          return (
            <TemplateRow
              key={f.field}
              label={label}
              field={f}
              canEdit={canUpdate}
              busy={busy}
              onReset={() => props.onReset("LINE_PRESET", f.field)}
              editor={canUpdate && toInput && <InlineSet label={label} initial="" choices={choices} busy={busy} onSave={(text) => props.onSaveLinePreset(toInput(text))} />}
            />
          );
        })}
      </FieldTable>

      <h2>Ticket fields</h2>
      {schema ? (
        <p data-testid="schema-source">
          Version {schema.version} · <SourceBadge field={schema} />{" "}
          {canManageLines && schema.overridden && (
            <Button size="sm" variant="ghost" busy={busy} onClick={() => props.onReset("EXTENSION_SCHEMA", "schema")}>
              Reset ticket fields to inherited
            </Button>
          )}
        </p>
      ) : (
        <p className="muted">No custom fields here or above.</p>
      )}

      <h2>Ticket types</h2>
      {templates.ticketTypes.length === 0 ? (
        <p className="muted">No ticket types here or above.</p>
      ) : (
        <table className="table" aria-label="Ticket types">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Comes from</th>
              <th scope="col">Offered here</th>
            </tr>
          </thead>
          <tbody>
            {templates.ticketTypes.map((t) => (
              <tr key={t.id} data-code={t.code}>
                <th scope="row">{t.code}</th>
                <td>{t.name}</td>
                <td>{t.inherited ? <span className="badge badge--inherited">Inherited from {t.source.name}</span> : <span className="badge badge--own">Defined here</span>}</td>
                <td>
                  {t.hidden ? "Hidden" : t.archivedAt ? "Archived" : "Yes"}{" "}
                  {t.inherited && canManageLines && (
                    <Button size="sm" variant="ghost" busy={busy} onClick={() => props.onSetHidden(t.id, !t.hidden)}>
                      {t.hidden ? `Offer ${t.code} here` : `Hide ${t.code} here`}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The Templates section: what this tenant passes down to (and inherits from) its chain. */
export function TemplatesPage() {
  const { tenant, can } = useCurrentTenant();
  const t = useTemplates(tenant.id);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async (change: Promise<{ ok: true } | { ok: false; problem: Problem }>) => {
    const result = await change;
    setProblem(result.ok ? null : result.problem);
  };
  return (
    <section>
      <PageHeader
        title="Chain templates"
        description="Branding, line preset, ticket fields and ticket types set here reach every tenant below; a tenant below may override a field and reset it to inherit again."
      />
      {t.loading && <Loading />}
      {Boolean(t.error) && !t.tenant && <ErrorState error={t.error} onRetry={t.refetch} />}
      {t.tenant?.templates && (
        <TemplatesView
          tenantName={t.tenant.name}
          templates={t.tenant.templates}
          canUpdate={can("tenant:update")}
          canManageLines={can("lines:manage")}
          busy={t.saving}
          problem={problem}
          onSaveTheme={(theme) => void run(t.saveTheme(theme))}
          onSaveLinePreset={(input) => void run(t.saveLinePreset(input))}
          onReset={(template, field) => void run(t.resetField(template, field))}
          onSetHidden={(id, hidden) => void run(t.setTicketTypeHidden(id, hidden))}
        />
      )}
    </section>
  );
}
