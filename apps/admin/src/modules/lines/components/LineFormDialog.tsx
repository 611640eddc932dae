import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { SelectField, TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { TimeZoneField } from "../../../ui/TimeZoneField";
import { estimatorOptions, validateLineForm, weekdays, type LineFormValues } from "../line-form";
import { WebhookSettings } from "./WebhookSettings";

interface Props {
  title: string;
  submitLabel: string;
  initial: LineFormValues;
  ticketTypes: readonly { id: string; code: string; name: string }[];
  busy: boolean;
  /** The line being edited (null: a new one): the webhook's secret and test need it. */
  line?: { id: string; estimatorWebhookSecretSet: boolean } | null;
  onSubmit: (values: LineFormValues) => Promise<Problem | null>;
  onClose: () => void;
}

const known = new Set([
  "name",
  "prefix",
  "capacity",
  "timeZone",
  "estimator",
  "estimatorOptions.url",
  "estimatorOptions.timeoutMs",
  "ttl.waitingSeconds",
  "ttl.calledSeconds",
  "ttl.warnSeconds",
]);

export function LineFormDialog({ title, submitLabel, initial, ticketTypes, busy, line = null, onSubmit, onClose }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const remoteJoinHint = useId();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = <K extends keyof LineFormValues>(key: K, value: LineFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (key: string) => clientErrors[key] ?? problem?.fields[key];
  const typesError = Object.entries({ ...problem?.fields }).find(([k]) => k.startsWith("ticketTypeIds"))?.[1];
  const hoursError = Object.entries({ ...problem?.fields }).find(([k]) => k.startsWith("openingHours"))?.[1];
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k) || k.startsWith("ticketTypeIds") || k.startsWith("openingHours"));

  // After a refused save, bring the first field in error into view (the dialog scrolls; an error above the fold
  // is an error nobody sees) and put the cursor there.
  useEffect(() => {
    const invalid = form.current?.querySelector<HTMLElement>("[aria-invalid='true'], .field__error, .alert");
    invalid?.scrollIntoView?.({ block: "center" });
    if (invalid instanceof HTMLInputElement || invalid instanceof HTMLSelectElement) invalid.focus();
  }, [problem, clientErrors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validateLineForm(values);
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    setProblem(await onSubmit(values));
  };

  const setPeriod = (i: number, key: "day" | "opens" | "closes", value: string) =>
    set(
      "openingHours",
      values.openingHours.map((p, j) => (j === i ? { ...p, [key]: value } : p)),
    );

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="line-form" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id="line-form" ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {unplaced && <Alert>{problem.message}</Alert>}
        <div className="grid-2">
          <TextField label="Name" value={values.name} onChange={(v) => set("name", v)} error={error("name")} placeholder="Pharmacy" />
          <TextField
            label="Number prefix"
            value={values.prefix}
            onChange={(v) => set("prefix", v.toUpperCase())}
            error={error("prefix")}
            hint={`Tickets read ${values.prefix || "A"}001, ${values.prefix || "A"}002…`}
            maxLength={4}
          />
        </div>

        <fieldset className="fieldset">
          <legend>Ticket types this line accepts</legend>
          {ticketTypes.length === 0 ? (
            <p className="muted">No ticket types yet: the line accepts tickets without a type. Add types on the Lines page.</p>
          ) : (
            <div className="checkbox-grid">
              {ticketTypes.map((t) => (
                <label key={t.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={values.ticketTypeIds.includes(t.id)}
                    onChange={(e) => set("ticketTypeIds", e.target.checked ? [...values.ticketTypeIds, t.id] : values.ticketTypeIds.filter((id) => id !== t.id))}
                  />
                  <span>
                    {t.name} <span className="muted">({t.code})</span>
                  </span>
                </label>
              ))}
            </div>
          )}
          <p className="field__hint">None ticked: every ticket type of the tenant.</p>
          {typesError && <p className="field__error">{typesError}</p>}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Taking tickets</legend>
          <label className="checkbox">
            <input type="checkbox" checked={values.acceptingTickets} onChange={(e) => set("acceptingTickets", e.target.checked)} />
            <span>Accepting tickets</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" role="switch" checked={values.remoteJoin} onChange={(e) => set("remoteJoin", e.target.checked)} aria-describedby={remoteJoinHint} />
            <span>Customers can join from their own phone (remote join)</span>
          </label>
          <p className="field__hint" id={remoteJoinHint}>
            The line gets a join link and QR code (on the Lines page) that customers open on their phone, wherever they are.
          </p>
          <div className="grid-2">
            <TextField label="Capacity" inputMode="numeric" value={values.capacity} onChange={(v) => set("capacity", v)} error={error("capacity")} hint="Most tickets waiting at once; empty for no limit." />
            <TimeZoneField label="Time zone" value={values.timeZone} onChange={(v) => set("timeZone", v)} error={error("timeZone")} hint="For opening hours and the daily numbering." />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Estimates</legend>
          <div className="grid-2">
            <SelectField label="Estimator" value={values.estimator} onChange={(v) => set("estimator", v)} options={estimatorOptions} error={error("estimator")} />
            <label className="checkbox checkbox--aligned">
              <input type="checkbox" checked={values.showEstimates} onChange={(e) => set("showEstimates", e.target.checked)} />
              <span>Show estimated waits to customers</span>
            </label>
          </div>
          {values.estimator === "WEBHOOK" && (
            <WebhookSettings
              lineId={line?.id ?? null}
              secretSet={line?.estimatorWebhookSecretSet ?? false}
              url={values.webhookUrl}
              timeoutMs={values.webhookTimeoutMs}
              onUrl={(v) => set("webhookUrl", v)}
              onTimeout={(v) => set("webhookTimeoutMs", v)}
              urlError={error("estimatorOptions.url")}
              timeoutError={error("estimatorOptions.timeoutMs")}
            />
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Expiry (TTL)</legend>
          <div className="grid-2">
            <TextField
              label="Waiting tickets expire after (minutes)"
              inputMode="numeric"
              value={values.waitingMinutes}
              onChange={(v) => set("waitingMinutes", v)}
              error={error("ttl.waitingSeconds")}
              hint="Empty: never."
            />
            <TextField
              label="Flag waiting tickets after (minutes)"
              inputMode="numeric"
              value={values.warnMinutes}
              onChange={(v) => set("warnMinutes", v)}
              error={error("ttl.warnSeconds")}
              hint="Highlighted on the board and escalated once."
            />
            <TextField
              label="Called tickets become no-shows after (seconds)"
              inputMode="numeric"
              value={values.calledSeconds}
              onChange={(v) => set("calledSeconds", v)}
              error={error("ttl.calledSeconds")}
              hint="Empty: staff decide."
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Opening hours</legend>
          {values.openingHours.length === 0 && <p className="muted">Always open. Add periods to restrict when tickets can be taken.</p>}
          {values.openingHours.map((p, i) => (
            <div key={i} className="hours-row">
              <SelectField
                label="Day"
                value={p.day}
                onChange={(v) => setPeriod(i, "day", v)}
                options={weekdays.map((d, j) => ({ value: String(j + 1), label: d }))}
              />
              <TextField label="Opens" type="time" value={p.opens} onChange={(v) => setPeriod(i, "opens", v)} error={error(`openingHours.${i}.opens`)} />
              <TextField label="Closes" type="time" value={p.closes} onChange={(v) => setPeriod(i, "closes", v)} error={error(`openingHours.${i}.closes`)} />
              <Button variant="ghost" size="sm" className="hours-row__remove" aria-label={`Remove ${weekdays[Number(p.day) - 1] ?? ""} period`} onClick={() => set("openingHours", values.openingHours.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          ))}
          {hoursError && <p className="field__error">{hoursError}</p>}
          <div className="form__actions">
            <Button
              size="sm"
              onClick={() => {
                const last = values.openingHours[values.openingHours.length - 1];
                const day = last ? String((Number(last.day) % 7) + 1) : "1";
                set("openingHours", [...values.openingHours, { day, opens: last?.opens ?? "09:00", closes: last?.closes ?? "17:00" }]);
              }}
            >
              + Add period
            </Button>
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
