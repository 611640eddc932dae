import { useMemo, useState, type FormEvent } from "react";
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
  const saved = schema ? JSON.stringify(schema, null, 2) : "";
  const [text, setText] = useState(saved || JSON.stringify({ type: "object", properties: {} }, null, 2));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  const check = useMemo(() => checkExtensionSchemaText(text), [text]);
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
            {savedNote && !dirty && <Alert tone="success">Saved as version {version ?? "—"}. New tickets are checked against it.</Alert>}
            <TextAreaField
              label="JSON Schema (draft 2020-12)"
              value={text}
              onChange={(v) => {
                setText(v);
                setSavedNote(false);
                setProblem(null);
              }}
              rows={22}
              spellCheck={false}
              error={!check.ok ? check.message : apiFieldError}
              hint={check.ok && !apiFieldError ? "✓ Valid schema." : undefined}
            />
            {order.length > 1 && (
              <fieldset className="fieldset">
                <legend>Field order</legend>
                <p className="field__hint">The kiosk and join forms ask the fields in this order.</p>
                <ol className="field-order" aria-label="Field order">
                  {order.map((name, i) => (
                    <li key={name}>
                      <span>
                        {i + 1}. {name}
                      </span>
                      <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => reorder(name, -1)} aria-label={`Move ${name} up`}>
                        ↑
                      </Button>
                      <Button size="sm" variant="ghost" disabled={i === order.length - 1} onClick={() => reorder(name, 1)} aria-label={`Move ${name} down`}>
                        ↓
                      </Button>
                    </li>
                  ))}
                </ol>
              </fieldset>
            )}
            <div className="form__actions">
              <Button type="submit" variant="primary" busy={saving} disabled={!check.ok || !dirty}>
                Save schema
              </Button>
              <Button variant="ghost" onClick={() => setText(JSON.stringify(exampleSchema, null, 2))}>
                Insert example
              </Button>
              <Button variant="ghost" disabled={!dirty || !saved} onClick={() => setText(saved)}>
                Discard changes
              </Button>
            </div>
          </form>
        ) : (
          <figure className="json-panel">
            <figcaption>Current schema{version ? ` (version ${version})` : ""}</figcaption>
            <pre>{saved || "No schema: tickets carry no extra fields."}</pre>
          </figure>
        )}
      </div>
      <div className="schema-editor__preview card">
        <h2 className="card__title">Kiosk form preview</h2>
        {check.ok ? (
          <ExtensionFormPreview key={text} schema={check.schema} validate={check.validate} />
        ) : (
          <p className="muted">Fix the schema to see the form.</p>
        )}
      </div>
    </div>
  );
}
