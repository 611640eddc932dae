import { ExtensionForm, type Extensions } from "@qline/ticket-form";
import type { ValidateFunction } from "ajv/dist/2020";
import { useState } from "react";

/**
 * The kiosk's own form for the schema (@qline/ticket-form's ExtensionForm: react-jsonschema-form, the same
 * component the kiosk and the join page render), validated on every change, and the JSON the kiosk would send.
 */
export function ExtensionFormPreview({ schema, validate }: { schema: Record<string, unknown>; validate: ValidateFunction }) {
  const [values, setValues] = useState<Extensions>({});
  const [touched, setTouched] = useState(false);
  const valid = validate(values);
  const properties = schema.properties;

  if (!properties || typeof properties !== "object" || Object.keys(properties).length === 0) return <p className="muted">The schema has no properties: the kiosk asks nothing extra.</p>;

  return (
    <div className="form-preview" role="form" aria-label="Kiosk form preview">
      <ExtensionForm
        extensionSchema={schema}
        formData={values}
        onChange={(next) => {
          setTouched(true);
          setValues(next);
        }}
        liveValidate={touched}
      />
      <p className={`form-preview__verdict ${valid ? "form-preview__verdict--ok" : ""}`} role="status">
        {valid ? "✓ These answers would be accepted." : touched ? "These answers would be refused." : "Fill in the form to try the schema."}
      </p>
      <details>
        <summary>Extensions JSON the kiosk would send</summary>
        <pre>{JSON.stringify(values, null, 2)}</pre>
      </details>
    </div>
  );
}
