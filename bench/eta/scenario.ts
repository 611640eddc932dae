// Scenario files: one business day per file, one or more independent lines. See README.md for the format.

import { readFile } from "node:fs/promises";

export interface RateFrom {
  /** Hour of day (decimal: 7.5 = 07:30) from which this rate applies, until the next entry. */
  fromHour: number;
  perHour: number;
}

export interface Burst {
  atHour: number;
  minutes: number;
  /** Arrivals per hour added on top of the base rate during the burst. */
  extraPerHour: number;
  label: string;
}

export interface TicketTypeScenario {
  id: string;
  /** Share of arrivals (normalised over the line's types). */
  share: number;
  meanServiceSeconds: number;
  cv: number;
  distribution: "lognormal" | "gamma";
  /** What the tenant configured as the typical service time (deliberately not the truth); null = none. */
  defaultServiceSeconds: number | null;
}

export interface CountersFrom {
  fromHour: number;
  open: number;
}

export interface Slowdown {
  fromHour: number;
  toHour: number;
  /** Service times of tickets started in the window are multiplied by this. */
  factor: number;
  label: string;
}

/** Time from a counter being free (or a customer arriving at an idle one) to the staff's next call. */
export interface CallDelay {
  meanSeconds: number;
  cv: number;
}

/** Staff away while their counters stay "open" in the system: the counters finish their ticket, then do not call. */
export interface IdleBreak {
  fromHour: number;
  toHour: number;
  counters: number;
  label: string;
}

/** A pause the tenant announced (opening hours with a gap): the estimator is told. Close the counters yourself. */
export interface PlannedPause {
  fromHour: number;
  toHour: number;
}

/** The call delay every line has unless its scenario says otherwise (issue 16: real staff take seconds). */
export const DEFAULT_CALL_DELAY: CallDelay = { meanSeconds: 12, cv: 1 };

export interface LineScenario {
  name: string;
  /** Tickets are issued from openHour until closeHour. */
  openHour: number;
  closeHour: number;
  arrivals: RateFrom[];
  bursts: Burst[];
  ticketTypes: TicketTypeScenario[];
  /** Counters open from each hour. A drop to 0 after closeHour sends the remaining tickets home (EXPIRED). */
  counters: CountersFrom[];
  slowdowns: Slowdown[];
  /** Mean time from a call to the customer reaching the counter (lognormal, cv 0.5). */
  walkUpSeconds: number;
  noShow: { rate: number; graceSeconds: number };
  abandon: { share: number; meanPatienceMinutes: number };
  callDelay: CallDelay;
  idleBreaks: IdleBreak[];
  plannedPauses: PlannedPause[];
}

export interface Scenario {
  name: string;
  description: string;
  seed: number;
  lines: LineScenario[];
}

export async function loadScenario(path: string): Promise<Scenario> {
  const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
  return parseScenario(parsed, path);
}

class ScenarioError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = "ScenarioError";
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ScenarioError(where, "expected an object");
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ScenarioError(where, "expected an array");
  return value;
}

function text(json: Json, key: string, where: string): string {
  const value = json[key];
  if (typeof value !== "string" || value.length === 0) throw new ScenarioError(`${where}.${key}`, "expected a string");
  return value;
}

function number(json: Json, key: string, where: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = json[key];
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new ScenarioError(`${where}.${key}`, `expected a number in [${min}, ${max}]`);
  }
  return value;
}

function parseScenario(value: unknown, where: string): Scenario {
  const json = object(value, where);
  const lines = array(json["lines"], `${where}.lines`).map((line, index) => parseLine(line, `${where}.lines[${index}]`));
  if (lines.length === 0) throw new ScenarioError(`${where}.lines`, "needs at least one line");
  return {
    name: text(json, "name", where),
    description: text(json, "description", where),
    seed: number(json, "seed", where),
    lines,
  };
}

function parseLine(value: unknown, where: string): LineScenario {
  const json = object(value, where);
  const openHour = number(json, "openHour", where, 0, 24);
  const closeHour = number(json, "closeHour", where, openHour, 24);
  const arrivals = array(json["arrivals"], `${where}.arrivals`).map((entry, index) => {
    const rate = object(entry, `${where}.arrivals[${index}]`);
    return { fromHour: number(rate, "fromHour", `${where}.arrivals[${index}]`, 0, 24), perHour: number(rate, "perHour", `${where}.arrivals[${index}]`) };
  });
  const bursts = array(json["bursts"] ?? [], `${where}.bursts`).map((entry, index) => {
    const burst = object(entry, `${where}.bursts[${index}]`);
    const at = `${where}.bursts[${index}]`;
    return {
      atHour: number(burst, "atHour", at, 0, 24),
      minutes: number(burst, "minutes", at, 0, 24 * 60),
      extraPerHour: number(burst, "extraPerHour", at),
      label: text(burst, "label", at),
    };
  });
  const ticketTypes = array(json["ticketTypes"], `${where}.ticketTypes`).map((entry, index): TicketTypeScenario => {
    const type = object(entry, `${where}.ticketTypes[${index}]`);
    const at = `${where}.ticketTypes[${index}]`;
    const distribution = type["distribution"] ?? "lognormal";
    if (distribution !== "lognormal" && distribution !== "gamma") throw new ScenarioError(`${at}.distribution`, 'expected "lognormal" or "gamma"');
    const configured = type["defaultServiceSeconds"];
    return {
      id: text(type, "id", at),
      share: number(type, "share", at),
      meanServiceSeconds: number(type, "meanServiceSeconds", at, 1),
      cv: number(type, "cv", at, 0.05, 3),
      distribution,
      defaultServiceSeconds: configured === null ? null : number(type, "defaultServiceSeconds", at, 1),
    };
  });
  if (ticketTypes.length === 0) throw new ScenarioError(`${where}.ticketTypes`, "needs at least one type");
  const counters = array(json["counters"], `${where}.counters`).map((entry, index) => {
    const change = object(entry, `${where}.counters[${index}]`);
    const open = number(change, "open", `${where}.counters[${index}]`, 0, 1000);
    if (!Number.isInteger(open)) throw new ScenarioError(`${where}.counters[${index}].open`, "expected an integer");
    return { fromHour: number(change, "fromHour", `${where}.counters[${index}]`, 0, 24), open };
  });
  const slowdowns = array(json["slowdowns"] ?? [], `${where}.slowdowns`).map((entry, index) => {
    const slowdown = object(entry, `${where}.slowdowns[${index}]`);
    const at = `${where}.slowdowns[${index}]`;
    return {
      fromHour: number(slowdown, "fromHour", at, 0, 24),
      toHour: number(slowdown, "toHour", at, 0, 24),
      factor: number(slowdown, "factor", at, 0.1, 10),
      label: text(slowdown, "label", at),
    };
  });
  const idleBreaks = array(json["idleBreaks"] ?? [], `${where}.idleBreaks`).map((entry, index) => {
    const idle = object(entry, `${where}.idleBreaks[${index}]`);
    const at = `${where}.idleBreaks[${index}]`;
    return {
      fromHour: number(idle, "fromHour", at, 0, 24),
      toHour: number(idle, "toHour", at, 0, 24),
      counters: number(idle, "counters", at, 1, 1000),
      label: text(idle, "label", at),
    };
  });
  const plannedPauses = array(json["plannedPauses"] ?? [], `${where}.plannedPauses`).map((entry, index) => {
    const pause = object(entry, `${where}.plannedPauses[${index}]`);
    const at = `${where}.plannedPauses[${index}]`;
    return { fromHour: number(pause, "fromHour", at, 0, 24), toHour: number(pause, "toHour", at, 0, 24) };
  });
  const callDelayJson = json["callDelay"] === undefined ? null : object(json["callDelay"], `${where}.callDelay`);
  const callDelay =
    callDelayJson === null
      ? DEFAULT_CALL_DELAY
      : { meanSeconds: number(callDelayJson, "meanSeconds", `${where}.callDelay`), cv: number(callDelayJson, "cv", `${where}.callDelay`, 0.05, 3) };
  const noShow = object(json["noShow"], `${where}.noShow`);
  const abandon = object(json["abandon"], `${where}.abandon`);
  return {
    name: text(json, "name", where),
    openHour,
    closeHour,
    arrivals: sortedBy(arrivals, (rate) => rate.fromHour),
    bursts,
    ticketTypes,
    counters: sortedBy(counters, (change) => change.fromHour),
    slowdowns,
    walkUpSeconds: number(json, "walkUpSeconds", where),
    noShow: { rate: number(noShow, "rate", `${where}.noShow`, 0, 1), graceSeconds: number(noShow, "graceSeconds", `${where}.noShow`) },
    abandon: {
      share: number(abandon, "share", `${where}.abandon`, 0, 1),
      meanPatienceMinutes: number(abandon, "meanPatienceMinutes", `${where}.abandon`, 0.1),
    },
    callDelay,
    idleBreaks,
    plannedPauses: sortedBy(plannedPauses, (pause) => pause.fromHour),
  };
}

function sortedBy<T>(items: T[], key: (item: T) => number): T[] {
  return [...items].sort((a, b) => key(a) - key(b));
}

/** The piecewise-constant value in effect at `hour` (the last entry starting at or before it). */
export function valueAt<T extends { fromHour: number }>(entries: readonly T[], hour: number): T | undefined {
  let current: T | undefined;
  for (const entry of entries) {
    if (entry.fromHour <= hour) current = entry;
    else break;
  }
  return current;
}
