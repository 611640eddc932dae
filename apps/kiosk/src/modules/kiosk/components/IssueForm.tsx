import Form from "@rjsf/core";
import type { IChangeEvent } from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { useMemo, useState } from "react";
import { useI18n } from "../../../i18n/i18n";
import { extensionValidator, formSchema, hasFields, localizeErrors, serverErrorSchema, type Extensions } from "../extension-form";
import { useIssueTicket, type IssuedTicket } from "../hooks/use-issue-ticket";

export interface IssueFormProps {
  lineId: string;
  ticketTypeId: string | null;
  /** The tenant's ticket extension schema (JSON Schema 2020-12); null: no custom fields. */
  extensionSchema: Record<string, unknown> | null;
  onIssued(ticket: IssuedTicket): void;
  onBack(): void;
}

/**
 * The tenant's custom fields (generated from its JSON Schema, validated here against the same schema before
 * sending), then name, phone and party size, all optional. The API validates again and its field errors land
 * under the same fields.
 */
export function IssueForm({ lineId, ticketTypeId, extensionSchema, onIssued, onBack }: IssueFormProps) {
  const { t } = useI18n();
  const schema: RJSFSchema = useMemo(() => formSchema(extensionSchema), [extensionSchema]);
  const transformErrors = useMemo(() => localizeErrors(t), [t]);
  const [extensions, setExtensions] = useState<Extensions>({});
  const [customerName, setCustomerName] = useState("");
  const [phone, setPhone] = useState("");
  const [partySize, setPartySize] = useState(1);
  const { state, issue, retry, abandon } = useIssueTicket(onIssued);

  const locked = state.kind === "sending" || state.kind === "network-error";
  const fieldErrors = state.kind === "rejected" ? serverErrorSchema(state.problem.fields) : undefined;

  const submit = ({ formData }: IChangeEvent<Extensions, RJSFSchema>) => {
    void issue({
      lineId,
      ticketTypeId,
      extensions: formData ?? {},
      customerName: customerName.trim() || null,
      phone: phone.trim() || null,
      partySize,
    });
  };

  return (
    <section className="issue-form" aria-labelledby="issue-form-title">
      <h2 id="issue-form-title">{t.details}</h2>
      <Form<Extensions, RJSFSchema>
        schema={schema}
        uiSchema={{ "ui:submitButtonOptions": { norender: true } }}
        validator={extensionValidator}
        formData={extensions}
        onChange={(event) => setExtensions(event.formData ?? {})}
        onSubmit={submit}
        onError={() => undefined /* shown under each field */}
        transformErrors={transformErrors}
        extraErrors={fieldErrors}
        showErrorList={false}
        noHtml5Validate
        disabled={locked}
        className={hasFields(schema) ? "custom-fields" : "custom-fields custom-fields--empty"}
      >
        <fieldset className="standard-fields" disabled={locked}>
          <label>
            <span>
              {t.nameLabel} <small>({t.optional})</small>
            </span>
            <input name="customerName" autoComplete="off" value={customerName} onChange={(e) => setCustomerName(e.target.value)} maxLength={200} />
          </label>
          <label>
            <span>
              {t.phoneLabel} <small>({t.optional})</small>
            </span>
            <input name="phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={40} />
          </label>
          <div className="party-size" role="group" aria-label={t.partySizeLabel}>
            <span>{t.partySizeLabel}</span>
            <button type="button" className="button" aria-label="−" onClick={() => setPartySize((n) => Math.max(1, n - 1))}>
              −
            </button>
            <output aria-live="polite" data-testid="party-size">
              {partySize}
            </output>
            <button type="button" className="button" aria-label="+" onClick={() => setPartySize((n) => Math.min(20, n + 1))}>
              +
            </button>
          </div>
        </fieldset>

        {state.kind === "rejected" ? (
          <p className="alert alert--error" role="alert">
            {Object.keys(state.problem.fields).length > 0
              ? t.fixFields
              : state.problem.code === "CONFLICT"
                ? t.lineClosed
                : state.problem.code === "LIMIT_EXCEEDED"
                  ? t.lineFull
                  : t.issueFailed(state.problem.message)}
          </p>
        ) : null}

        {state.kind === "network-error" ? (
          <div className="alert alert--error" role="alert">
            <p>{t.networkRetry}</p>
            <div className="actions">
              <button type="button" className="button button--primary button--huge" onClick={retry}>
                {t.retry}
              </button>
              <button type="button" className="button button--quiet" onClick={abandon}>
                {t.startOver}
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="button button--quiet" onClick={onBack} disabled={locked}>
              {t.back}
            </button>
            <button type="submit" className="button button--primary button--huge" disabled={locked}>
              {state.kind === "sending" ? t.issuing : t.takeTicket}
            </button>
          </div>
        )}
      </Form>
    </section>
  );
}
