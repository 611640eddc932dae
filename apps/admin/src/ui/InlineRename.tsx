import { useTranslation } from "react-i18next";
import { useState, type FormEvent } from "react";
import type { Problem } from "../lib/errors";
import { Button } from "./Button";

interface InlineRenameProps {
  /** What is renamed, for labels: "counter Till 1". */
  label: string;
  name: string;
  onRename: (name: string) => Promise<Problem | null>;
}

/** A "Rename" button that becomes a one-field form in place; the API's error (e.g. a taken name) shows beside it. */
export function InlineRename({ label, name, onRename }: InlineRenameProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!editing) {
    return (
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setValue(name);
          setProblem(null);
          setEditing(true);
        }}
      >
        {t("common.rename")}<span className="visually-hidden"> {label}</span>
      </Button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return setProblem(t("common.enterName"));
    setBusy(true);
    const result = await onRename(value);
    setBusy(false);
    if (result) setProblem(result.fields.name ?? result.fields["input.name"] ?? result.message);
    else setEditing(false);
  };
  return (
    <form className="inline-rename" onSubmit={(e) => void submit(e)} noValidate>
      <input className="input input--compact" aria-label={t("common.newNameFor", { label })} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={problem ? true : undefined} autoFocus />
      <Button size="sm" type="submit" variant="primary" busy={busy}>
        {t("common.save")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
        {t("common.cancel")}
      </Button>
      {problem && (
        <span className="field__error" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
