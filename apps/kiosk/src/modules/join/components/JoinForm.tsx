import { useCallback, useEffect, useState } from "react";
import type { PublicTicketFieldsFragment } from "../../../gql/graphql";
import { useI18n } from "../../../i18n/i18n";
import { useNow } from "../../../lib/use-now";
import { DetailsForm } from "../../ticket-form/components/DetailsForm";
import { PartySize, TextField } from "../../ticket-form/components/StandardFields";
import { inputFieldErrors } from "../../ticket-form/extension-form";
import { useJoinLine } from "../hooks/use-join-line";
import type { JoinLine } from "../hooks/use-join-lines";
import { NetworkRetry } from "../../ticket-form/components/NetworkRetry";
import { NotifyChoice } from "../../ticket-form/components/NotifyChoice";
import { notifyChannels, type ContactChannel } from "../../ticket-form/notify-choice";

/** Answers after which the line's own state may explain the refusal (closed, full, gone): fetch it again. */
const recheckCodes = new Set(["CONFLICT", "LIMIT_EXCEEDED", "NOT_FOUND"]);

export interface JoinFormProps {
  slug: string;
  line: JoinLine;
  extensionSchema: Record<string, unknown> | null;
  onJoined(ticket: PublicTicketFieldsFragment): void;
  /** Re-reads the line; resolves when its current state is on screen. */
  recheck(): Promise<void>;
}

/**
 * The tenant's custom fields (the kiosk's generated form), then ticket type (when there is a choice), name,
 * phone, email and party size. The API's answers map onto the form: field errors under their fields, a refused
 * join in words, "too many tries" with the time to wait.
 */
export function JoinForm({ slug, line, extensionSchema, onJoined, recheck }: JoinFormProps) {
  const { t, language } = useI18n();
  const [ticketTypeId, setTicketTypeId] = useState<string | null>(line.ticketTypes[0]?.id ?? null);
  const [customerName, setCustomerName] = useState("");
  const [phone, setPhone] = useState("");
  const [email, setEmail] = useState("");
  const [partySize, setPartySize] = useState(1);
  const [notify, setNotify] = useState<ReadonlySet<ContactChannel>>(new Set());
  const { state, submit, retry, abandon } = useJoinLine(slug, onJoined);

  const problem = state.kind === "rejected" ? state.problem : null;
  const [checking, setChecking] = useState(false);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  useEffect(() => {
    if (!problem) return undefined;
    if (problem.code === "LIMIT_EXCEEDED" && problem.retryAfterSeconds) setRetryUntil(Date.now() + problem.retryAfterSeconds * 1000);
    if (!problem.code || !recheckCodes.has(problem.code)) return undefined;
    let live = true;
    setChecking(true);
    void recheck().then(() => {
      if (live) setChecking(false);
    });
    return () => {
      live = false;
    };
  }, [problem, recheck]);
  const now = useNow(1000, retryUntil !== null);
  const waitSeconds = retryUntil === null ? 0 : Math.max(0, Math.ceil((retryUntil - now) / 1000));

  const locked = state.kind === "sending" || state.kind === "network-error";
  const inputErrors = problem ? inputFieldErrors(problem.fields) : {};
  const errorFor = useCallback(
    (name: string) => {
      const message = inputErrors[name];
      if (!message) return null;
      if (name === "phone") return t.invalidPhone;
      if (name === "email") return t.invalidEmail;
      return message;
    },
    [inputErrors, t],
  );

  const problemText = (() => {
    if (!problem) return null;
    if (Object.keys(problem.fields).length > 0) return t.fixFields;
    switch (problem.code) {
      case "CONFLICT":
        // Closed or not accepting: the recheck replaces this form with the reason. Still joinable: it is us.
        return checking ? t.joinConflictChecking : t.joinAlreadyHolds;
      case "LIMIT_EXCEEDED":
        return problem.retryAfterSeconds ? (waitSeconds > 0 ? t.tooManyTries(waitSeconds) : null) : t.joinUnavailable.FULL;
      case "NOT_FOUND":
        return t.joinLineGone;
      default:
        return t.issueFailed(problem.message);
    }
  })();

  return (
    <section className="issue-form join-form" aria-labelledby="join-form-title">
      <h2 id="join-form-title">{t.details}</h2>
      {line.ticketTypes.length > 1 ? (
        <fieldset className="ticket-types" disabled={locked}>
          <legend>{t.ticketTypeLabel}</legend>
          {line.ticketTypes.map((type) => (
            <label key={type.id} className="ticket-type">
              <input type="radio" name="ticketType" value={type.id} checked={ticketTypeId === type.id} onChange={() => setTicketTypeId(type.id)} />
              <span>{type.name}</span>
            </label>
          ))}
          {errorFor("ticketTypeId") ? <p className="field-error">{errorFor("ticketTypeId")}</p> : null}
        </fieldset>
      ) : null}
      <DetailsForm
        extensionSchema={extensionSchema}
        serverFields={problem?.fields}
        locked={locked}
        onSubmit={(extensions) =>
          void submit({
            lineId: line.id,
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
          <TextField label={t.nameLabel} optional name="customerName" autoComplete="name" value={customerName} onChange={(e) => setCustomerName(e.target.value)} maxLength={200} error={errorFor("customerName")} />
          <TextField label={t.phoneLabel} optional name="phone" type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={40} error={errorFor("phone")} />
          <TextField label={t.emailLabel} optional hint={t.contactHint} name="email" type="email" inputMode="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} error={errorFor("email")} />
          <PartySize value={partySize} onChange={setPartySize} error={errorFor("partySize")} />
          <NotifyChoice chosen={notify} onChange={setNotify} hasPhone={Boolean(phone.trim())} hasEmail={Boolean(email.trim())} error={errorFor("notify")} />
        </fieldset>

        {problemText ? (
          <p className="alert alert--error" role="alert" data-testid="join-error">
            {problemText}
          </p>
        ) : null}

        {state.kind === "network-error" ? (
          <NetworkRetry onRetry={retry} onStartOver={abandon} />
        ) : (
          <div className="actions">
            <button type="submit" className="button button--primary button--huge button--wide" data-testid="join-submit" disabled={locked || waitSeconds > 0}>
              {state.kind === "sending" ? t.joining : t.joinSubmit}
            </button>
          </div>
        )}
      </DetailsForm>
    </section>
  );
}
