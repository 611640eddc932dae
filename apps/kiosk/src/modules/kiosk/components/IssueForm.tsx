import { useState } from "react";
import { useI18n } from "../../../i18n/i18n";
import { DetailsForm } from "../../ticket-form/components/DetailsForm";
import { PartySize, TextField } from "../../ticket-form/components/StandardFields";
import { useIssueTicket, type IssuedTicket } from "../hooks/use-issue-ticket";
import { NetworkRetry } from "../../ticket-form/components/NetworkRetry";
import { NotifyChoice } from "../../ticket-form/components/NotifyChoice";
import { inputFieldErrors } from "../../ticket-form/extension-form";
import { notifyChannels, type ContactChannel } from "../../ticket-form/notify-choice";

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
 * sending), then name, phone, email, party size and how to be notified, all optional. The API validates again
 * and its field errors land under the same fields.
 */
export function IssueForm({ lineId, ticketTypeId, extensionSchema, onIssued, onBack }: IssueFormProps) {
  const { t, language } = useI18n();
  const [customerName, setCustomerName] = useState("");
  const [phone, setPhone] = useState("");
  const [email, setEmail] = useState("");
  const [partySize, setPartySize] = useState(1);
  const [notify, setNotify] = useState<ReadonlySet<ContactChannel>>(new Set());
  const { state, issue, retry, abandon } = useIssueTicket(onIssued);

  const locked = state.kind === "sending" || state.kind === "network-error";
  const serverFields = state.kind === "rejected" ? state.problem.fields : undefined;
  const inputErrors = serverFields ? inputFieldErrors(serverFields) : {};
  const errorFor = (name: string) => {
    const message = inputErrors[name];
    if (!message) return null;
    if (name === "phone") return t.invalidPhone;
    if (name === "email") return t.invalidEmail;
    return message;
  };

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
            email: email.trim() || null,
            partySize,
            notify: notifyChannels(notify, { phone: phone.trim() || null, email: email.trim() || null }),
            language,
          })
        }
      >
        <fieldset className="standard-fields" disabled={locked}>
          {/* A shared screen: the browser must not offer the previous customer's details. */}
          <TextField label={t.nameLabel} optional name="customerName" autoComplete="off" value={customerName} onChange={(e) => setCustomerName(e.target.value)} maxLength={200} />
          <TextField label={t.phoneLabel} optional name="phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={40} error={errorFor("phone")} />
          <TextField label={t.emailLabel} optional name="email" type="email" inputMode="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} error={errorFor("email")} />
          <PartySize value={partySize} onChange={setPartySize} error={errorFor("partySize")} />
          <NotifyChoice chosen={notify} onChange={setNotify} hasPhone={Boolean(phone.trim())} hasEmail={Boolean(email.trim())} error={errorFor("notify")} />
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
            <button type="submit" className="button button--primary button--huge" disabled={locked} data-testid="kiosk-issue-submit">
              {state.kind === "sending" ? t.issuing : t.takeTicket}
            </button>
          </div>
        )}
      </DetailsForm>
    </section>
  );
}
