import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { canonicalJson } from "../../../lib/json";
import { Button } from "../../../ui/Button";
import { TextAreaField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { fieldOrderOf, moveField, withFieldOrder } from "../field-order";
import { checkExtensionSchemaText, exampleSchema } from "../schema-check";
import { ExtensionFormPreview } from "./ExtensionFormPreview";

interface Props {
  schema: Record<string, unknown> | null;
  version: number | null;
  canEdit: boolean;
  saving: boolean;
  onSave: (schema: Record<string, unknown>) => Promise<Problem | null>;
}

/**
 * Edits the tenant's ticket-extension JSON Schema. It is compiled as the API compiles it on every keystroke;
 * only a valid schema can be saved, and the preview shows the kiosk form it produces.
 */
export function ExtensionSchemaEditor({ schema, version, canEdit, saving, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const saved = schema ? JSON.stringify(schema, null, 2) : "";
  const [text, setText] = useState(saved || JSON.stringify({ type: "object", properties: {} }, null, 2));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  // The check says what is wrong in the console's language (checked again when it changes).
  const language = i18n.language;
  const check = useMemo(() => checkExtensionSchemaText(text, language), [text, language]);
  // What would be stored: the fields' order made explicit (x-order), as the API stores it.
  const toStore = check.ok ? withFieldOrder(check.schema, fieldOrderOf(check.schema)) : null;
  const dirty = toStore ? canonicalJson(toStore) !== canonicalJson(schema ?? null) : true;
  const order = check.ok ? fieldOrderOf(check.schema) : [];
  const reorder = (name: string, delta: -1 | 1) => {
    if (!check.ok) return;
    setText(JSON.stringify(withFieldOrder(check.schema, moveField(order, name, delta)), null, 2));
    setSavedNote(false);
    setProblem(null);
  };
  const apiFieldError = problem ? Object.entries(problem.fields).find(([k]) => k === "schema" || k.startsWith("schema/"))?.[1] : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!toStore) return;
    setSavedNote(false);
    const result = await onSave(toStore);
    setProblem(result);
    setSavedNote(!result);
  };

  return (
    <div className="schema-editor">
      <div className="schema-editor__source">
        {canEdit ? (
          <form className="form" onSubmit={(e) => void submit(e)} noValidate>
            {problem && !apiFieldError && <Alert>{problem.message}</Alert>}
            {savedNote && !dirty && <Alert tone="success">{t("extensionSchema.saved", { version: version ?? "—" })}</Alert>}
            <TextAreaField
              label={t("extensionSchema.source")}
              value={text}
              onChange={(v) => {
                setText(v);
                setSavedNote(false);
                setProblem(null);
              }}
              rows={22}
              spellCheck={false}
              error={!check.ok ? check.message : apiFieldError}
              hint={check.ok && !apiFieldError ? t("extensionSchema.valid") : undefined}
            />
            {order.length > 1 && (
              <fieldset className="fieldset">
                <legend>{t("extensionSchema.fieldOrder")}</legend>
                <p className="field__hint">{t("extensionSchema.fieldOrderHint")}</p>
                <ol className="field-order" aria-label={t("extensionSchema.fieldOrder")}>
                  {order.map((name, i) => (
                    <li key={name}>
                      <span>
                        {i + 1}. {name}
                      </span>
                      <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => reorder(name, -1)} aria-label={t("extensionSchema.moveUp", { name })}>
                        ↑
                      </Button>
                      <Button size="sm" variant="ghost" disabled={i === order.length - 1} onClick={() => reorder(name, 1)} aria-label={t("extensionSchema.moveDown", { name })}>
                        ↓
                      </Button>
                    </li>
                  ))}
                </ol>
              </fieldset>
            )}
            <div className="form__actions">
              <Button type="submit" variant="primary" busy={saving} disabled={!check.ok || !dirty}>
                {t("extensionSchema.save")}
              </Button>
              <Button variant="ghost" onClick={() => setText(JSON.stringify(exampleSchema, null, 2))}>
                {t("extensionSchema.insertExample")}
              </Button>
              <Button variant="ghost" disabled={!dirty || !saved} onClick={() => setText(saved)}>
                {t("extensionSchema.discard")}
              </Button>
            </div>
          </form>
        ) : (
          <figure className="json-panel">
            <figcaption>{version ? t("extensionSchema.currentVersion", { version }) : t("extensionSchema.current")}</figcaption>
            <pre>{saved || t("extensionSchema.noSchema")}</pre>
          </figure>
        )}
      </div>
      <div className="schema-editor__preview card">
        <h2 className="card__title">{t("extensionSchema.preview")}</h2>
        {check.ok ? (
          <ExtensionFormPreview key={text} schema={check.schema} validate={check.validate} />
        ) : (
          <p className="muted">{t("extensionSchema.fixToPreview")}</p>
        )}
      </div>
    </div>
  );
}
