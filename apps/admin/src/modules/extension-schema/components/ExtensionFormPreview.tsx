import { ExtensionForm, type Extensions } from "@qline/ticket-form";
import type { ValidateFunction } from "ajv/dist/2020";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The kiosk's own form for the schema (@qline/ticket-form's ExtensionForm: react-jsonschema-form, the same
 * component the kiosk and the join page render), validated on every change, and the JSON the kiosk would send.
 */
export function ExtensionFormPreview({ schema, validate }: { schema: Record<string, unknown>; validate: ValidateFunction }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Extensions>({});
  const [touched, setTouched] = useState(false);
  const valid = validate(values);
  const properties = schema.properties;

  if (!properties || typeof properties !== "object" || Object.keys(properties).length === 0) return <p className="muted">{t("extensionSchema.noProperties")}</p>;

  return (
    <div className="form-preview" role="form" aria-label={t("extensionSchema.preview")}>
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
        {valid ? t("extensionSchema.accepted") : touched ? t("extensionSchema.refused") : t("extensionSchema.tryIt")}
      </p>
      <details>
        <summary>{t("extensionSchema.sentJson")}</summary>
        <pre>{JSON.stringify(values, null, 2)}</pre>
      </details>
    </div>
  );
}
