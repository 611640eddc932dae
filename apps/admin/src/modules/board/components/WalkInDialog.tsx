import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "@qline/validation";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { ValidateFunction } from "ajv/dist/2020";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { SelectField, TextField } from "../../../ui/Field";
import { FormTextField } from "../../../ui/FormTextField";
import { Alert, ErrorState } from "../../../ui/states";
import { ExtensionFields, formValue, schemaFields } from "../../extension-schema/components/ExtensionFields";
import { errorsByField, newAjv } from "../../extension-schema/schema-check";
import { useWalkIn } from "../hooks/use-walk-in";
import { templateLanguages } from "../../notifications/notification-model";
import {
  emptyContact,
  emptyWalkIn,
  extensionErrors,
  keyFor,
  validateWalkIn,
  walkInContactSchema,
  walkInFailure,
  walkInFields,
  walkInNotify,
  walkInPayload,
  type WalkInContact,
  type WalkInDetails,
  type WalkInValues,
} from "../walk-in";

interface Props {
  lineId: string;
  lineName: string;
  /** The tenant's extension schema (the board already has it); null when the tenant asks nothing extra. */
  extensionSchema: Record<string, unknown> | null | undefined;
  onClose: () => void;
  onIssued: (ticket: { number: string }) => void;
}

/** The schema's validator, or null when the schema does not compile here (the API still checks). */
function compile(schema: Record<string, unknown> | null | undefined): ValidateFunction | null {
  if (!schema) return null;
  try {
    return newAjv().compile(schema);
  } catch {
    return null;
  }
}

/**
 * Staff add someone who walked in: name, phone, email, ticket type (when the line takes several), party size and
 * the tenant's custom fields. The ticket is issued with channel STAFF; the API's field errors show next to the
 * fields, a closed or full line as a message. Phone and email are checked with the shared schemas (react-hook-form
 * + zodResolver), the other fields by validateWalkIn and the tenant's extension schema.
 */
export function WalkInDialog({ lineId, lineName, extensionSchema, onClose, onIssued }: Props) {
  const { ticketTypes, allowedTicketTypeIds, loading, error, refetch, issue, issuing } = useWalkIn(lineId);
  const { t } = useTranslation();
  const [values, setValues] = useState<WalkInDetails>(emptyWalkIn);
  const { control, trigger, watch, getValues } = useForm<WalkInContact, unknown, z.output<typeof walkInContactSchema>>({
    resolver: zodResolver(walkInContactSchema),
    defaultValues: emptyContact(),
  });
  const contact = watch();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const lastAttempt = useRef<{ payload: string; key: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const validate = useMemo(() => compile(extensionSchema), [extensionSchema]);
  const { properties } = schemaFields(extensionSchema);
  const hasExtensions = Object.keys(properties).length > 0;
  const types = ticketTypes ?? [];
  const typeRequired = allowedTicketTypeIds.length > 1;

  const set = <K extends keyof WalkInDetails>(key: K, value: WalkInDetails[K]) => setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (key: string) => clientErrors[key] ?? problem?.fields[key];
  const serverExtensionErrors = problem ? extensionErrors(problem.fields) : {};
  const extensionError = (key: string) => clientErrors[`/${key}`] ?? serverExtensionErrors[key];
  const placed = (key: string) => (walkInFields as readonly string[]).includes(key) || (key.startsWith("/") && key.length > 1 && hasExtensions);
  const unplaced = problem && !Object.keys(problem.fields).some(placed);

  const focusFirstInvalid = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());

  const hasPhone = Boolean(contact.phone.trim());
  const hasEmail = Boolean(contact.email.trim());
  const toggleNotify = (channel: WalkInValues["notify"][number], on: boolean) =>
    set("notify", on ? [...values.notify.filter((c) => c !== channel), channel] : values.notify.filter((c) => c !== channel));
  const notifyError = fieldError("notify");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const contactValid = await trigger();
    const errors = validateWalkIn(values, { typeRequired: typeRequired && types.length > 1 }, t);
    if (validate && !validate(formValue(properties, values.extensions))) {
      for (const [key, message] of Object.entries(errorsByField(validate.errors))) if (key) errors[`/${key}`] = message;
    }
    setClientErrors(errors);
    setProblem(null);
    if (!contactValid || Object.keys(errors).length) {
      focusFirstInvalid();
      return;
    }
    const input = walkInPayload(lineId, { ...values, ...getValues() }, properties);
    lastAttempt.current = keyFor(lastAttempt.current, input);
    const result = await issue({ ...input, idempotencyKey: lastAttempt.current.key });
    if (result.ok) {
      onIssued(result.value);
      return;
    }
    setProblem(result.problem);
    focusFirstInvalid();
  };

  return (
    <Dialog
      title={t("board.walkIn.title", { line: lineName })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("board.walkIn.cancel")}</Button>
          <Button type="submit" form="walk-in-form" variant="primary" busy={issuing} disabled={loading} data-testid="walk-in-submit">
            {t("board.walkIn.issue")}
          </Button>
        </>
      }
    >
      <form id="walk-in-form" ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("board.walkIn.form")}>
        {unplaced && <Alert>{walkInFailure(problem, t)}</Alert>}
        <TextField label={t("board.walkIn.name")} value={values.name} onChange={(v) => set("name", v)} error={fieldError("customerName")} autoComplete="off" maxLength={200} />
        <div className="grid-2">
          <FormTextField
            control={control}
            name="phone"
            label={t("board.walkIn.phone")}
            type="tel"
            inputMode="tel"
            serverError={problem?.fields.phone}
            autoComplete="off"
            hint={t("board.walkIn.phoneHint")}
          />
          <FormTextField
            control={control}
            name="email"
            label={t("board.walkIn.email")}
            type="email"
            serverError={problem?.fields.email}
            autoComplete="off"
          />
        </div>
        <fieldset className="fieldset notify-choice" aria-describedby={notifyError ? "walk-in-notify-error walk-in-notify-hint" : "walk-in-notify-hint"}>
          <legend>{t("board.walkIn.notify")}</legend>
          <div className="notify-choice__row">
            <label className="checkbox">
              <input type="checkbox" checked={hasPhone && values.notify.includes("SMS")} disabled={!hasPhone} onChange={(e) => toggleNotify("SMS", e.target.checked)} data-testid="notify-sms" />
              <span>{t("board.walkIn.bySms")}</span>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={hasEmail && values.notify.includes("EMAIL")} disabled={!hasEmail} onChange={(e) => toggleNotify("EMAIL", e.target.checked)} data-testid="notify-email" />
              <span>{t("board.walkIn.byEmail")}</span>
            </label>
            {walkInNotify({ ...values, ...contact }).length > 0 && (
              <SelectField
                className="notify-choice__language"
                label={t("board.walkIn.language")}
                value={values.language}
                onChange={(v) => set("language", v)}
                error={fieldError("language")}
                options={templateLanguages.map((l) => ({ value: l.code, label: l.label }))}
                data-testid="notify-language"
              />
            )}
          </div>
          <p className="field__hint" id="walk-in-notify-hint">
            {hasPhone && hasEmail ? t("board.walkIn.notifyHint") : t("board.walkIn.notifyNeeds")}
          </p>
          {notifyError && (
            <p className="field__error" id="walk-in-notify-error" data-testid="notify-error">
              {notifyError}
            </p>
          )}
        </fieldset>
        <div className="grid-2">
          {types.length > 1 && (
            <SelectField
              label={t("board.walkIn.ticketType")}
              value={values.ticketTypeId}
              onChange={(v) => set("ticketTypeId", v)}
              error={fieldError("ticketTypeId")}
              options={[{ value: "", label: typeRequired ? t("board.walkIn.choose") : t("board.walkIn.anyType") }, ...types.map((type) => ({ value: type.id, label: `${type.name} (${type.code})` }))]}
            />
          )}
          <TextField label={t("board.walkIn.partySize")} type="number" inputMode="numeric" min={1} max={1000} value={values.partySize} onChange={(v) => set("partySize", v)} error={fieldError("partySize")} />
        </div>
        {error && !ticketTypes && <ErrorState error={error} onRetry={refetch} title={t("board.walkIn.typesFailed")} />}
        {hasExtensions && extensionSchema && (
          <fieldset className="fieldset">
            <legend>{t("board.walkIn.ticketFields")}</legend>
            <ExtensionFields
              schema={extensionSchema}
              values={values.extensions}
              onChange={(key, value) => set("extensions", { ...values.extensions, [key]: value })}
              errors={Object.fromEntries(Object.keys(properties).map((key) => [key, extensionError(key)]))}
            />
          </fieldset>
        )}
      </form>
    </Dialog>
  );
}
