import { useTranslation } from "react-i18next";
import { FieldShell } from "../../../ui/Field";
import { fieldOrderOf } from "../field-order";

export interface ExtensionProperty {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: { enum?: unknown[] };
}

/** What one input holds, before formValue turns it into JSON. */
export type ExtensionValue = string | number | boolean | string[] | undefined;
export type ExtensionValues = Record<string, ExtensionValue>;

const typeOf = (p: ExtensionProperty) => (Array.isArray(p.type) ? p.type.find((t) => t !== "null") : p.type) ?? "string";

/** The schema's top-level properties (in the fields' order, x-order) and required names (what the form asks). */
export function schemaFields(schema: Record<string, unknown> | null | undefined): { properties: Record<string, ExtensionProperty>; required: Set<string> } {
  const all = (schema?.properties ?? {}) as Record<string, ExtensionProperty>;
  const properties = Object.fromEntries(fieldOrderOf(schema).map((name) => [name, all[name]!])) as Record<string, ExtensionProperty>;
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return { properties, required };
}

/** Converts what the inputs hold into the JSON a kiosk would send (empty inputs are left out). */
export function formValue(schemaProps: Record<string, ExtensionProperty>, values: ExtensionValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schemaProps)) {
    const v = values[key];
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    const type = typeOf(prop);
    if ((type === "integer" || type === "number") && typeof v === "string") out[key] = Number(v);
    else out[key] = v;
  }
  return out;
}

interface Props {
  schema: Record<string, unknown>;
  values: ExtensionValues;
  onChange: (key: string, value: ExtensionValue) => void;
  /** Messages by top-level property name. */
  errors: Record<string, string | undefined>;
}

/**
 * The tenant's custom ticket fields as a kiosk asks them: one labelled control per property of the extension
 * schema (text, email, date, number, choice, yes/no, multiple choice) with required marks and errors. Used by the
 * board's walk-in form (the schema editor's preview renders the kiosk's own form, @qline/ticket-form).
 */
export function ExtensionFields({ schema, values, onChange, errors }: Props) {
  const { t } = useTranslation();
  const { properties, required } = schemaFields(schema);
  return (
    <>
      {Object.entries(properties).map(([key, prop]) => {
        const label = `${prop.title ?? key}${required.has(key) ? " *" : ""}`;
        const type = typeOf(prop);
        const error = errors[key];
        const value = values[key];
        if (type === "boolean") {
          return (
            <div key={key} className="field">
              <label className="checkbox">
                <input type="checkbox" checked={value === true} onChange={(e) => onChange(key, e.target.checked)} />
                <span>{label}</span>
              </label>
              {prop.description && <p className="field__hint">{prop.description}</p>}
              {error && <p className="field__error">{error}</p>}
            </div>
          );
        }
        if (type === "array" && prop.items?.enum) {
          const chosen = Array.isArray(value) ? value : [];
          return (
            <fieldset key={key} className="fieldset">
              <legend>{label}</legend>
              <div className="checkbox-grid">
                {prop.items.enum.map((option) => (
                  <label key={String(option)} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(String(option))}
                      onChange={(e) => onChange(key, e.target.checked ? [...chosen, String(option)] : chosen.filter((c) => c !== String(option)))}
                    />
                    <span>{String(option)}</span>
                  </label>
                ))}
              </div>
              {error && <p className="field__error">{error}</p>}
            </fieldset>
          );
        }
        return (
          <FieldShell key={key} label={label} error={error} hint={prop.description}>
            {({ id, describedBy, invalid }) =>
              prop.enum ? (
                <select id={id} className="input" value={String(value ?? "")} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(key, e.target.value)}>
                  <option value="">{t("extensionSchema.choose")}</option>
                  {prop.enum.map((option) => (
                    <option key={String(option)} value={String(option)}>
                      {String(option)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  className="input"
                  type={type === "integer" || type === "number" ? "number" : prop.format === "email" ? "email" : prop.format === "date" ? "date" : prop.format === "uri" ? "url" : "text"}
                  min={prop.minimum}
                  max={prop.maximum}
                  maxLength={prop.maxLength}
                  value={typeof value === "string" || typeof value === "number" ? value : ""}
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => onChange(key, e.target.value)}
                />
              )
            }
          </FieldShell>
        );
      })}
    </>
  );
}
