import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useRef, useState } from "react";
import { get, useForm, type FieldError, type Path, type PathValue } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { SelectField, TextField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { TimeZoneField } from "../../../ui/TimeZoneField";
import { estimatorKey, estimators, lineFormSchema, weekdayNumbers, type LineFormValues } from "../line-form";
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
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  // The form's rules are lineFormSchema's (the prefix by the shared linePrefixSchema); they run on submit.
  const { watch, setValue, handleSubmit, formState } = useForm<LineFormValues>({ resolver: zodResolver(lineFormSchema), defaultValues: initial });
  const values = watch();
  const remoteJoinHint = useId();
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = <K extends Path<LineFormValues>>(key: K, value: PathValue<LineFormValues, K>) => setValue(key, value);
  const clientError = (key: string) => (get(formState.errors, key) as FieldError | undefined)?.message;
  const error = (key: string) => clientError(key) ?? problem?.fields[key];
  const typesError = Object.entries({ ...problem?.fields }).find(([k]) => k.startsWith("ticketTypeIds"))?.[1];
  const hoursError = Object.entries({ ...problem?.fields }).find(([k]) => k.startsWith("openingHours"))?.[1];
  const unplaced = problem && !Object.keys(problem.fields).some((k) => known.has(k) || k.startsWith("ticketTypeIds") || k.startsWith("openingHours"));

  // After a refused save, bring the first field in error into view (the dialog scrolls; an error above the fold
  // is an error nobody sees) and put the cursor there.
  useEffect(() => {
    const invalid = form.current?.querySelector<HTMLElement>("[aria-invalid='true'], .field__error, .alert");
    invalid?.scrollIntoView?.({ block: "center" });
    if (invalid instanceof HTMLInputElement || invalid instanceof HTMLSelectElement) invalid.focus();
  }, [problem, formState.errors, formState.submitCount]);

  const submit = handleSubmit(async (checked) => setProblem(await onSubmit(checked)));

  const setPeriod = (i: number, key: "day" | "opens" | "closes", value: string) =>
    set(
      "openingHours",
      values.openingHours.map((p, j) => (j === i ? { ...p, [key]: value } : p)),
    );
  const dayName = (day: string) => t(`lines.weekdays.${day}`, { defaultValue: "" });

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("lines.form.cancel")}</Button>
          <Button type="submit" form="line-form" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id="line-form" ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {unplaced && <Alert>{problem.message}</Alert>}
        <div className="grid-2">
          <TextField label={t("lines.form.name")} value={values.name} onChange={(v) => set("name", v)} error={error("name")} placeholder={t("lines.form.namePlaceholder")} />
          <TextField
            label={t("lines.form.prefix")}
            value={values.prefix}
            onChange={(v) => set("prefix", v.toUpperCase())}
            error={error("prefix")}
            hint={t("lines.form.prefixHint", { prefix: values.prefix || "A" })}
            maxLength={4}
          />
        </div>

        <fieldset className="fieldset">
          <legend>{t("lines.form.ticketTypes")}</legend>
          {ticketTypes.length === 0 ? (
            <p className="muted">{t("lines.form.noTicketTypes")}</p>
          ) : (
            <div className="checkbox-grid">
              {ticketTypes.map((type) => (
                <label key={type.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={values.ticketTypeIds.includes(type.id)}
                    onChange={(e) => set("ticketTypeIds", e.target.checked ? [...values.ticketTypeIds, type.id] : values.ticketTypeIds.filter((id) => id !== type.id))}
                  />
                  <span>
                    {type.name} <span className="muted">({type.code})</span>
                  </span>
                </label>
              ))}
            </div>
          )}
          <p className="field__hint">{t("lines.form.noneTicked")}</p>
          {typesError && <p className="field__error">{typesError}</p>}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t("lines.form.takingTickets")}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={values.acceptingTickets} onChange={(e) => set("acceptingTickets", e.target.checked)} />
            <span>{t("lines.form.acceptingTickets")}</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" role="switch" checked={values.remoteJoin} onChange={(e) => set("remoteJoin", e.target.checked)} aria-describedby={remoteJoinHint} />
            <span>{t("lines.form.remoteJoin")}</span>
          </label>
          <p className="field__hint" id={remoteJoinHint}>
            {t("lines.form.remoteJoinHint")}
          </p>
          <div className="grid-2">
            <TextField label={t("lines.form.capacity")} inputMode="numeric" value={values.capacity} onChange={(v) => set("capacity", v)} error={error("capacity")} hint={t("lines.form.capacityHint")} />
            <TimeZoneField label={t("lines.form.timeZone")} value={values.timeZone} onChange={(v) => set("timeZone", v)} error={error("timeZone")} hint={t("lines.form.timeZoneHint")} />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t("lines.form.estimates")}</legend>
          <div className="grid-2">
            <SelectField label={t("lines.form.estimator")} value={values.estimator} onChange={(v) => set("estimator", v)} options={estimators.map((value) => ({ value, label: t(estimatorKey(value) ?? value) }))} error={error("estimator")} />
            <label className="checkbox checkbox--aligned">
              <input type="checkbox" checked={values.showEstimates} onChange={(e) => set("showEstimates", e.target.checked)} />
              <span>{t("lines.form.showEstimates")}</span>
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
          <legend>{t("lines.form.expiry")}</legend>
          <div className="grid-2">
            <TextField
              label={t("lines.form.waitingMinutes")}
              inputMode="numeric"
              value={values.waitingMinutes}
              onChange={(v) => set("waitingMinutes", v)}
              error={error("ttl.waitingSeconds")}
              hint={t("lines.form.waitingMinutesHint")}
            />
            <TextField
              label={t("lines.form.warnMinutes")}
              inputMode="numeric"
              value={values.warnMinutes}
              onChange={(v) => set("warnMinutes", v)}
              error={error("ttl.warnSeconds")}
              hint={t("lines.form.warnMinutesHint")}
            />
            <TextField
              label={t("lines.form.calledSeconds")}
              inputMode="numeric"
              value={values.calledSeconds}
              onChange={(v) => set("calledSeconds", v)}
              error={error("ttl.calledSeconds")}
              hint={t("lines.form.calledSecondsHint")}
            />
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t("lines.form.openingHours")}</legend>
          {values.openingHours.length === 0 && <p className="muted">{t("lines.form.alwaysOpen")}</p>}
          {values.openingHours.map((p, i) => (
            <div key={i} className="hours-row">
              <SelectField
                label={t("lines.form.day")}
                value={p.day}
                onChange={(v) => setPeriod(i, "day", v)}
                options={weekdayNumbers.map((n) => ({ value: String(n), label: t(`lines.weekdays.${n}`) }))}
              />
              <TextField label={t("lines.form.opens")} type="time" value={p.opens} onChange={(v) => setPeriod(i, "opens", v)} error={error(`openingHours.${i}.opens`)} />
              <TextField label={t("lines.form.closes")} type="time" value={p.closes} onChange={(v) => setPeriod(i, "closes", v)} error={error(`openingHours.${i}.closes`)} />
              <Button variant="ghost" size="sm" className="hours-row__remove" aria-label={t("lines.form.removePeriod", { day: dayName(p.day) })} onClick={() => set("openingHours", values.openingHours.filter((_, j) => j !== i))}>
                {t("lines.form.remove")}
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
              {t("lines.form.addPeriod")}
            </Button>
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
