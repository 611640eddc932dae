import { linePrefixSchema, z } from "@qline/validation";
import { prefixProblem } from "../../lib/forms";
import { i18n } from "../../i18n/i18n";
import type { CreateLineInput, UpdateLineInput } from "../../gql/graphql";
import { isKnownTimeZone } from "../../ui/TimeZoneField";

/** The line form's state: strings as typed, converted and checked (mirroring the API) on submit. */
export interface LineFormValues {
  name: string;
  prefix: string;
  ticketTypeIds: string[];
  acceptingTickets: boolean;
  /** Customers may join from their own phone (the public join page). */
  remoteJoin: boolean;
  showEstimates: boolean;
  estimator: string;
  /** WEBHOOK only: where qline POSTs the line's snapshot, and how long it waits (ms). */
  webhookUrl: string;
  webhookTimeoutMs: string;
  capacity: string;
  timeZone: string;
  waitingMinutes: string;
  warnMinutes: string;
  calledSeconds: string;
  openingHours: { day: string; opens: string; closes: string }[];
}

/** The estimators a line can use ("": the API's default); their names are `lines.estimators.<value or default>`. */
export const estimators = ["", "SERVICE_RATE", "RECENT_AVERAGE", "WEBHOOK", "NONE"] as const;

/** The key of an estimator's name, or null for one the console does not know. */
export const estimatorKey = (value: string): string | null => ((estimators as readonly string[]).includes(value) ? `lines.estimators.${value || "default"}` : null);

/** ISO weekday numbers (1 = Monday); their names are `lines.weekdays.<n>` and `lines.weekdaysShort.<n>`. */
export const weekdayNumbers = [1, 2, 3, 4, 5, 6, 7] as const;

/** What a new line starts from: the tenant's effective line preset (its chain's template; docs/chains.md). */
export interface LinePresetValues {
  timeZone?: string;
  showEstimates?: boolean;
  estimator?: string;
  ttl?: { waitingSeconds?: number | null; warnSeconds?: number | null; calledSeconds?: number | null };
  openingHours?: { day: number; opens: string; closes: string }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The preset from `Tenant.templates.linePreset` (JSON values, checked here; anything unexpected is left out). */
export function presetFromEffective(fields: readonly { field: string; value?: unknown }[]): LinePresetValues {
  const out: LinePresetValues = {};
  for (const { field, value } of fields) {
    if (field === "timeZone" && typeof value === "string") out.timeZone = value;
    if (field === "showEstimates" && typeof value === "boolean") out.showEstimates = value;
    if (field === "estimator" && typeof value === "string") out.estimator = value;
    if (field === "ttl" && isRecord(value)) out.ttl = { waitingSeconds: num(value.waitingSeconds), warnSeconds: num(value.warnSeconds), calledSeconds: num(value.calledSeconds) };
    if (field === "openingHours" && Array.isArray(value)) {
      out.openingHours = value.filter(isRecord).flatMap((p) => (typeof p.day === "number" && typeof p.opens === "string" && typeof p.closes === "string" ? [{ day: p.day, opens: p.opens, closes: p.closes }] : []));
    }
  }
  return out;
}

const minutesOf = (seconds: number | null | undefined) => (seconds ? String(Math.round(seconds / 60)) : "");

export function emptyLineForm(preset: LinePresetValues = {}): LineFormValues {
  return {
    name: "",
    prefix: "A",
    ticketTypeIds: [],
    acceptingTickets: true,
    remoteJoin: false,
    showEstimates: preset.showEstimates ?? true,
    estimator: preset.estimator ?? "",
    webhookUrl: "",
    webhookTimeoutMs: "800",
    capacity: "",
    timeZone: preset.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"),
    waitingMinutes: minutesOf(preset.ttl?.waitingSeconds),
    warnMinutes: minutesOf(preset.ttl?.warnSeconds),
    calledSeconds: preset.ttl?.calledSeconds ? String(preset.ttl.calledSeconds) : "",
    openingHours: (preset.openingHours ?? []).map((p) => ({ day: String(p.day), opens: p.opens, closes: p.closes })),
  };
}

const time = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** A form error in the console's current language (English unless switched). */
const message = (key: string) => i18n.t(`lines.errors.${key}`);

/** Errors keyed like the API's field paths (without `input.`), so client and server errors land in one place. */
export function validateLineForm(v: LineFormValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.name.trim()) e.name = message("enterName");
  else if (v.name.trim().length > 100) e.name = message("nameTooLong");
  const prefix = prefixProblem(v.prefix);
  if (prefix) e.prefix = prefix;
  if (v.capacity.trim()) {
    const n = int(v.capacity);
    if (!(n >= 1 && n <= 100000)) e.capacity = message("capacity");
  }
  if (v.waitingMinutes.trim()) {
    const n = int(v.waitingMinutes);
    if (!(n >= 1 && n <= 7 * 24 * 60)) e["ttl.waitingSeconds"] = message("minutes");
  }
  if (v.warnMinutes.trim()) {
    const n = int(v.warnMinutes);
    if (!(n >= 1 && n <= 7 * 24 * 60)) e["ttl.warnSeconds"] = message("minutes");
    else if (v.waitingMinutes.trim() && n > int(v.waitingMinutes)) e["ttl.warnSeconds"] = message("warnAfterExpiry");
  }
  if (v.calledSeconds.trim()) {
    const n = int(v.calledSeconds);
    if (!(n >= 30 && n <= 24 * 3600)) e["ttl.calledSeconds"] = message("calledSeconds");
  }
  if (!v.timeZone.trim()) e.timeZone = message("chooseTimeZone");
  else if (!isKnownTimeZone(v.timeZone)) e.timeZone = message("unknownTimeZone");
  if (v.estimator === "WEBHOOK") {
    if (!/^https?:\/\/\S+$/i.test(v.webhookUrl.trim())) e["estimatorOptions.url"] = message("webhookUrl");
    const timeout = int(v.webhookTimeoutMs);
    if (!(timeout >= 50 && timeout <= 5000)) e["estimatorOptions.timeoutMs"] = message("webhookTimeout");
  }
  v.openingHours.forEach((p, i) => {
    if (!time.test(p.opens)) e[`openingHours.${i}.opens`] = message("opens");
    if (!time.test(p.closes)) e[`openingHours.${i}.closes`] = message("closes");
    if (time.test(p.opens) && time.test(p.closes) && p.opens >= p.closes) e[`openingHours.${i}.closes`] = message("closesAfterOpens");
  });
  return e;
}

/**
 * The form's rules for react-hook-form (zodResolver): the prefix by the shared schema (the API's own rule and
 * message), every other field by validateLineForm, each error at its field's path (`ttl.waitingSeconds`).
 */
export const lineFormSchema = z
  .custom<LineFormValues>()
  .and(z.object({ prefix: linePrefixSchema }))
  .superRefine((values, ctx) => {
    for (const [path, message] of Object.entries(validateLineForm(values))) {
      if (path !== "prefix") ctx.addIssue({ code: "custom", path: path.split("."), message });
    }
  });

function common(v: LineFormValues) {
  return {
    name: v.name.trim(),
    prefix: v.prefix,
    ticketTypeIds: v.ticketTypeIds,
    acceptingTickets: v.acceptingTickets,
    remoteJoin: v.remoteJoin,
    showEstimates: v.showEstimates,
    timeZone: v.timeZone.trim(),
    ttl: {
      waitingSeconds: v.waitingMinutes.trim() ? int(v.waitingMinutes) * 60 : null,
      calledSeconds: v.calledSeconds.trim() ? int(v.calledSeconds) : null,
      warnSeconds: v.warnMinutes.trim() ? int(v.warnMinutes) * 60 : null,
    },
    openingHours: v.openingHours.map((p) => ({ day: Number(p.day), opens: p.opens, closes: p.closes })),
  };
}

/** The WEBHOOK estimator's options from the form (other estimators keep their stored options). */
const webhookOptions = (v: LineFormValues) => (v.estimator === "WEBHOOK" ? { estimatorOptions: { url: v.webhookUrl.trim(), timeoutMs: int(v.webhookTimeoutMs) } } : {});

export function toCreateLineInput(tenantId: string, v: LineFormValues): CreateLineInput {
  const input: CreateLineInput = { tenantId, ...common(v), ...webhookOptions(v) };
  if (v.estimator) input.estimator = v.estimator;
  if (v.capacity.trim()) input.capacity = int(v.capacity);
  return input;
}

export function toUpdateLineInput(v: LineFormValues): UpdateLineInput {
  const input: UpdateLineInput = { ...common(v), ...webhookOptions(v), capacity: v.capacity.trim() ? int(v.capacity) : 0 };
  if (v.estimator) input.estimator = v.estimator;
  return input;
}

export function lineFormFrom(line: {
  name: string;
  prefix: string;
  allowedTicketTypeIds: readonly string[];
  acceptingTickets: boolean;
  remoteJoin: boolean;
  showEstimates: boolean;
  estimator?: string | null;
  estimatorOptions?: Record<string, unknown> | null;
  capacity?: number | null;
  timeZone: string;
  ttl: { waitingSeconds?: number | null; calledSeconds?: number | null; warnSeconds?: number | null };
  openingHours?: readonly { day: number; opens: string; closes: string }[] | null;
}): LineFormValues {
  return {
    name: line.name,
    prefix: line.prefix,
    ticketTypeIds: [...line.allowedTicketTypeIds],
    acceptingTickets: line.acceptingTickets,
    remoteJoin: line.remoteJoin,
    showEstimates: line.showEstimates,
    estimator: line.estimator ?? "",
    webhookUrl: typeof line.estimatorOptions?.["url"] === "string" ? line.estimatorOptions["url"] : "",
    webhookTimeoutMs: typeof line.estimatorOptions?.["timeoutMs"] === "number" ? String(line.estimatorOptions["timeoutMs"]) : "800",
    capacity: line.capacity ? String(line.capacity) : "",
    timeZone: line.timeZone,
    waitingMinutes: line.ttl.waitingSeconds ? String(Math.round(line.ttl.waitingSeconds / 60)) : "",
    calledSeconds: line.ttl.calledSeconds ? String(line.ttl.calledSeconds) : "",
    warnMinutes: line.ttl.warnSeconds ? String(Math.round(line.ttl.warnSeconds / 60)) : "",
    openingHours: (line.openingHours ?? []).map((p) => ({ day: String(p.day), opens: p.opens, closes: p.closes })),
  };
}
