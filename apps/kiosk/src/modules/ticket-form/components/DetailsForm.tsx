import { ExtensionForm } from "@qline/ticket-form";
import { useMemo, useState, type ReactNode } from "react";
import { useI18n } from "../../../i18n/i18n";
import { localizeErrors, serverErrorSchema, type Extensions } from "../extension-form";

export interface DetailsFormProps {
  /** The tenant's ticket extension schema (JSON Schema 2020-12); null: no custom fields. */
  extensionSchema: Record<string, unknown> | null;
  /** The API's field errors by path; the custom fields' ones (JSON pointers) show under those fields. */
  serverFields: Record<string, string> | undefined;
  locked: boolean;
  /** Called only when the custom fields pass the same schema the API validates with. */
  onSubmit(extensions: Extensions): void;
  id?: string;
  /** The standard fields, messages and buttons, rendered inside the form after the custom fields. */
  children: ReactNode;
}

/**
 * The tenant's custom fields, generated from its JSON Schema and validated in the browser before anything is
 * sent, followed by the caller's own fields. Shared by the kiosk and the join-from-your-phone form; the form
 * itself is @qline/ticket-form's ExtensionForm, the one the admin console previews.
 */
export function DetailsForm({ extensionSchema, serverFields, locked, onSubmit, id, children }: DetailsFormProps) {
  const { t } = useI18n();
  const transformErrors = useMemo(() => localizeErrors(t), [t]);
  const [extensions, setExtensions] = useState<Extensions>({});
  const extraErrors = useMemo(() => (serverFields ? serverErrorSchema(serverFields) : undefined), [serverFields]);

  return (
    <ExtensionForm
      id={id}
      extensionSchema={extensionSchema}
      formData={extensions}
      onChange={setExtensions}
      onSubmit={onSubmit}
      transformErrors={transformErrors}
      extraErrors={extraErrors}
      disabled={locked}
    >
      {children}
    </ExtensionForm>
  );
}
