import { useState } from "react";
import type { ValidateFunction } from "ajv/dist/2020";
import { FieldShell } from "../../../ui/Field";
import { errorsByField } from "../schema-check";

interface Property {
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

type Value = string | number | boolean | string[] | undefined;

const typeOf = (p: Property) => (Array.isArray(p.type) ? p.type.find((t) => t !== "null") : p.type) ?? (p.enum ? "string" : "string");

/** Converts what the inputs hold into the JSON a kiosk would send (empty inputs are left out). */
export function formValue(schemaProps: Record<string, Property>, values: Record<string, Value>): Record<string, unknown> {
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

/**
 * The form a kiosk renders from the schema: one labelled control per property (text, email, date, number,
 * choice, yes/no, multiple choice), required marks, and the schema's own validation on every change.
 */
export function ExtensionFormPreview({ schema, validate }: { schema: Record<string, unknown>; validate: ValidateFunction }) {
  const props = (schema.properties ?? {}) as Record<string, Property>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const [values, setValues] = useState<Record<string, Value>>({});
  const [touched, setTouched] = useState(false);
  const data = formValue(props, values);
  const valid = validate(data);
  const errors = touched ? errorsByField(validate.errors) : {};
  const set = (key: string, value: Value) => {
    setTouched(true);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const entries = Object.entries(props);
  if (entries.length === 0) return <p className="muted">The schema has no properties: the kiosk asks nothing extra.</p>;

  return (
    <form className="form form-preview" aria-label="Kiosk form preview" onSubmit={(e) => e.preventDefault()} noValidate>
      {entries.map(([key, prop]) => {
        const label = `${prop.title ?? key}${required.has(key) ? " *" : ""}`;
        const type = typeOf(prop);
        const error = errors[key];
        const value = values[key];
        if (type === "boolean") {
          return (
            <div key={key} className="field">
              <label className="checkbox">
                <input type="checkbox" checked={value === true} onChange={(e) => set(key, e.target.checked)} />
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
                      onChange={(e) => set(key, e.target.checked ? [...chosen, String(option)] : chosen.filter((c) => c !== String(option)))}
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
                <select id={id} className="input" value={String(value ?? "")} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => set(key, e.target.value)}>
                  <option value="">Choose…</option>
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
                  onChange={(e) => set(key, e.target.value)}
                />
              )
            }
          </FieldShell>
        );
      })}
      {touched && errors[""] && <p className="field__error">{errors[""]}</p>}
      <p className={`form-preview__verdict ${valid ? "form-preview__verdict--ok" : ""}`} role="status">
        {valid ? "✓ These answers would be accepted." : touched ? "These answers would be refused." : "Fill in the form to try the schema."}
      </p>
      <details>
        <summary>Extensions JSON the kiosk would send</summary>
        <pre>{JSON.stringify(data, null, 2)}</pre>
      </details>
    </form>
  );
}
