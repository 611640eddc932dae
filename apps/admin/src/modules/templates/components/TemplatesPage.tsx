import { useState, type ReactNode } from "react";
import type { LinePresetInput, TemplateKind, TenantTemplatesQuery, ThemeInput } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useTemplates } from "../hooks/use-templates";
import { useTranslation } from "react-i18next";

type Templates = NonNullable<NonNullable<TenantTemplatesQuery["tenant"]>["templates"]>;
export type EffectiveField = Templates["theme"][number];

/** Line preset fields edited here as one text value (the others are shown, and reset, but set per line). */
const editablePreset: Record<string, (text: string) => LinePresetInput> = {
  timeZone: (text) => ({ timeZone: text.trim() }),
  estimator: (text) => ({ estimator: text.trim() }),
  showEstimates: (text) => ({ showEstimates: text === "true" }),
};

export const showValue = (value: unknown): string => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** "Overridden here", "Inherited from X" or "Default": where a field's effective value comes from. */
export function SourceBadge({ field }: { field: Pick<EffectiveField, "overridden" | "source"> }) {
  const { t } = useTranslation();
  if (field.overridden) return <span className="badge badge--own">{t("templates.overridden")}</span>;
  if (field.source) return <span className="badge badge--inherited">{t("templates.inheritedFrom", { name: field.source.name })}</span>;
  return <span className="muted">{t("templates.default")}</span>;
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
  const { t } = useTranslation();
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
          <Button size="sm" variant="ghost" busy={busy} onClick={onReset} aria-label={t("templates.resetLabel", { label })}>
            {t("templates.reset")}
          </Button>
        )}
      </td>
    </tr>
  );
}

/** A one-line editor: text (or a choice) and Save. */
function InlineSet({ label, initial, choices, busy, onSave }: { label: string; initial: string; choices?: string[]; busy: boolean; onSave: (text: string) => void }) {
  const { t } = useTranslation();
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
        <select className="input input--compact" aria-label={t("templates.newValue", { label })} value={text} onChange={(e) => setText(e.target.value)}>
          <option value="">{t("templates.choose")}</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <input className="input input--compact" aria-label={t("templates.newValue", { label })} value={text} onChange={(e) => setText(e.target.value)} />
      )}
      <Button size="sm" type="submit" busy={busy} disabled={!text.trim()}>
        {t("templates.setHere")}
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
  const { t } = useTranslation();
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t("templates.field")}</th>
          <th scope="col">{t("templates.effectiveValue")}</th>
          <th scope="col">{t("templates.comesFrom")}</th>
          <th scope="col">{t("templates.change")}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function TemplatesView(props: TemplatesViewProps) {
  const { templates, canUpdate, canManageLines, busy } = props;
  const schema = templates.extensionSchema;
  const { t } = useTranslation();
  return (
    <div className="templates">
      {props.problem && <Alert>{props.problem.message}</Alert>}
      <h2>{t("templates.branding")}</h2>
      <FieldTable label={t("templates.brandingTable")}>
        {templates.theme.map((f) => {
          const label = t(`templates.themeFields.${f.field}`, { defaultValue: f.field });
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

      <h2>{t("templates.linePreset")}</h2>
      <p className="muted">{t("templates.linePresetBody")}</p>
      <FieldTable label={t("templates.linePresetTable")}>
        {templates.linePreset.map((f) => {
          const label = t(`templates.presetFields.${f.field}`, { defaultValue: f.field });
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

      <h2>{t("templates.ticketFields")}</h2>
      {schema ? (
        <p data-testid="schema-source">
          {t("templates.schemaVersion", { version: schema.version })} · <SourceBadge field={schema} />{" "}
          {canManageLines && schema.overridden && (
            <Button size="sm" variant="ghost" busy={busy} onClick={() => props.onReset("EXTENSION_SCHEMA", "schema")}>
              {t("templates.resetSchema")}
            </Button>
          )}
        </p>
      ) : (
        <p className="muted">{t("templates.noSchema")}</p>
      )}

      <h2>{t("templates.ticketTypes")}</h2>
      {templates.ticketTypes.length === 0 ? (
        <p className="muted">{t("templates.noTicketTypes")}</p>
      ) : (
        <table className="table" aria-label={t("templates.ticketTypes")}>
          <thead>
            <tr>
              <th scope="col">{t("templates.code")}</th>
              <th scope="col">{t("templates.name")}</th>
              <th scope="col">{t("templates.comesFrom")}</th>
              <th scope="col">{t("templates.offeredHere")}</th>
            </tr>
          </thead>
          <tbody>
            {templates.ticketTypes.map((type) => (
              <tr key={type.id} data-code={type.code}>
                <th scope="row">{type.code}</th>
                <td>{type.name}</td>
                <td>
                  {type.inherited ? (
                    <span className="badge badge--inherited">{t("templates.inheritedFrom", { name: type.source.name })}</span>
                  ) : (
                    <span className="badge badge--own">{t("templates.definedHere")}</span>
                  )}
                </td>
                <td>
                  {type.hidden ? t("templates.hidden") : type.archivedAt ? t("templates.archived") : t("templates.yes")}{" "}
                  {type.inherited && canManageLines && (
                    <Button size="sm" variant="ghost" busy={busy} onClick={() => props.onSetHidden(type.id, !type.hidden)}>
                      {type.hidden ? t("templates.offer", { code: type.code }) : t("templates.hide", { code: type.code })}
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
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const templates = useTemplates(tenant.id);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async (change: Promise<{ ok: true } | { ok: false; problem: Problem }>) => {
    const result = await change;
    setProblem(result.ok ? null : result.problem);
  };
  return (
    <section>
      <PageHeader
        title={t("templates.title")}
        description={t("templates.description")}
      />
      {templates.loading && <Loading />}
      {Boolean(templates.error) && !templates.tenant && <ErrorState error={templates.error} onRetry={templates.refetch} />}
      {templates.tenant?.templates && (
        <TemplatesView
          tenantName={templates.tenant.name}
          templates={templates.tenant.templates}
          canUpdate={can("tenant:update")}
          canManageLines={can("lines:manage")}
          busy={templates.saving}
          problem={problem}
          onSaveTheme={(theme) => void run(templates.saveTheme(theme))}
          onSaveLinePreset={(input) => void run(templates.saveLinePreset(input))}
          onReset={(template, field) => void run(templates.resetField(template, field))}
          onSetHidden={(id, hidden) => void run(templates.setTicketTypeHidden(id, hidden))}
        />
      )}
    </section>
  );
}
