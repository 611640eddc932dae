import { useState } from "react";
import type { ValidateFunction } from "ajv/dist/2020";
import { errorsByField } from "../schema-check";
import { ExtensionFields, formValue, schemaFields, type ExtensionValue, type ExtensionValues } from "./ExtensionFields";

/**
 * The form a kiosk renders from the schema (see ExtensionFields), with the schema's own validation on every
 * change and the JSON the kiosk would send.
 */
export function ExtensionFormPreview({ schema, validate }: { schema: Record<string, unknown>; validate: ValidateFunction }) {
  const { properties } = schemaFields(schema);
  const [values, setValues] = useState<ExtensionValues>({});
  const [touched, setTouched] = useState(false);
  const data = formValue(properties, values);
  const valid = validate(data);
  const errors = touched ? errorsByField(validate.errors) : {};
  const set = (key: string, value: ExtensionValue) => {
    setTouched(true);
    setValues((v) => ({ ...v, [key]: value }));
  };

  if (Object.keys(properties).length === 0) return <p className="muted">The schema has no properties: the kiosk asks nothing extra.</p>;

  return (
    <form className="form form-preview" aria-label="Kiosk form preview" onSubmit={(e) => e.preventDefault()} noValidate>
      <ExtensionFields schema={schema} values={values} onChange={set} errors={errors} />
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
