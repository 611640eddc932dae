import { zodResolver } from "@hookform/resolvers/zod";
import { emailSchema, messages, phoneSchema, z } from "@qline/validation";
import { useCallback, useEffect, useState } from "react";
import { useController, useForm, useFormState } from "react-hook-form";
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

/**
 * The contact fields, checked with the schemas the API checks (@qline/validation) before any request. A phone
 * given with its country code is checked here; a national one needs the tenant's default country, which only the
 * API knows, so it decides those.
 */
const contactSchema = z.object({
  customerName: z.string().trim(),
  phone: z
    .string()
    .trim()
    .refine((v) => !v.startsWith("+") || phoneSchema().safeParse(v).success, messages.phone),
  email: z
    .string()
    .trim()
    .refine((v) => !v || emailSchema.safeParse(v).success, messages.email),
});
type ContactValues = z.input<typeof contactSchema>;

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
  const { control, handleSubmit } = useForm<ContactValues, unknown, z.output<typeof contactSchema>>({
    resolver: zodResolver(contactSchema),
    defaultValues: { customerName: "", phone: "", email: "" },
  });
  // Controlled through useController here, not <Controller> inside the form: the @rjsf form around these fields
  // re-renders its children only when their props change, and a <Controller>'s props never do.
  const nameField = useController({ control, name: "customerName" }).field;
  const phoneField = useController({ control, name: "phone" }).field;
  const emailField = useController({ control, name: "email" }).field;
  const [phone, email] = [phoneField.value, emailField.value];
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
  const clientErrors = useFormErrors(control);
  const errorFor = useCallback(
    (name: string) => {
      const message = inputErrors[name] ?? clientErrors[name];
      if (!message) return null;
      if (name === "phone") return t.invalidPhone;
      if (name === "email") return t.invalidEmail;
      return message;
    },
    [inputErrors, clientErrors, t],
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
          void handleSubmit((contact) =>
            submit({
              lineId: line.id,
              ticketTypeId,
              extensions,
              customerName: contact.customerName || null,
              phone: contact.phone || null,
              email: contact.email || null,
              partySize,
              notify: notifyChannels(notify, { phone: contact.phone || null, email: contact.email || null }),
              language,
            }),
          )()
        }
      >
        <fieldset className="standard-fields" disabled={locked}>
          <TextField label={t.nameLabel} optional autoComplete="name" maxLength={200} error={errorFor("customerName")} {...nameField} />
          <TextField label={t.phoneLabel} optional type="tel" inputMode="tel" autoComplete="tel" maxLength={40} error={errorFor("phone")} {...phoneField} />
          <TextField label={t.emailLabel} optional hint={t.contactHint} type="email" inputMode="email" autoComplete="email" maxLength={254} error={errorFor("email")} {...emailField} />
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

/** The client-side refusals of the contact fields, by name (shown in the kiosk's words by errorFor). */
function useFormErrors(control: ReturnType<typeof useForm<ContactValues, unknown, z.output<typeof contactSchema>>>["control"]): Record<string, string> {
  const { errors } = useFormState({ control });
  const out: Record<string, string> = {};
  for (const name of ["customerName", "phone", "email"] as const) {
    const message = errors[name]?.message;
    if (message) out[name] = message;
  }
  return out;
}
