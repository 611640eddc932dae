import { useState } from "react";
import { useI18n } from "../../../i18n/i18n";
import { DetailsForm } from "../../ticket-form/components/DetailsForm";
import { PartySize, TextField } from "../../ticket-form/components/StandardFields";
import { useIssueTicket, type IssuedTicket } from "../hooks/use-issue-ticket";
import { NetworkRetry } from "../../ticket-form/components/NetworkRetry";

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
  const [customerName, setCustomerName] = useState("");
  const [phone, setPhone] = useState("");
  const [partySize, setPartySize] = useState(1);
  const { state, issue, retry, abandon } = useIssueTicket(onIssued);

  const locked = state.kind === "sending" || state.kind === "network-error";
  const serverFields = state.kind === "rejected" ? state.problem.fields : undefined;

  return (
    <section className="issue-form" aria-labelledby="issue-form-title">
      <h2 id="issue-form-title">{t.details}</h2>
      <DetailsForm
        extensionSchema={extensionSchema}
        serverFields={serverFields}
        locked={locked}
        onSubmit={(extensions) =>
          void issue({
            lineId,
            ticketTypeId,
            extensions,
            customerName: customerName.trim() || null,
            phone: phone.trim() || null,
            partySize,
          })
        }
      >
        <fieldset className="standard-fields" disabled={locked}>
          {/* A shared screen: the browser must not offer the previous customer's details. */}
          <TextField label={t.nameLabel} optional name="customerName" autoComplete="off" value={customerName} onChange={(e) => setCustomerName(e.target.value)} maxLength={200} />
          <TextField label={t.phoneLabel} optional name="phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={40} />
          <PartySize value={partySize} onChange={setPartySize} />
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
          <NetworkRetry onRetry={retry} onStartOver={abandon} />
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
      </DetailsForm>
    </section>
  );
}
