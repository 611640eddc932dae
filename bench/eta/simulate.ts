// A discrete-event simulation of one line for one business day: Poisson arrivals by hour plus bursts, ticket
// types with their own service-time distributions, counters opening and closing on a schedule (a closing
// counter finishes its customer first), walk-up time after a call, no-shows (the counter waits out a grace
// period), customers who abandon when their patience runs out, strict FIFO service. At every arrival it hands
// observers the LineSnapshot the API would build at that instant.

import type { CounterEvent, FinishedTicket, LineSnapshot, ServingTicket, TicketOutcome } from "@qline/estimates";
import { EventQueue } from "./event-queue.js";
import { exponential, gamma, lognormal, mulberry32, pickWeighted, type Random } from "./random.js";
import { valueAt, type LineScenario } from "./scenario.js";

const HOUR_MS = 3_600_000;
/** What the API passes as history: the last two hours, at most 200 tickets. */
export const HISTORY_WINDOW_MS = 2 * HOUR_MS;
export const HISTORY_LIMIT = 200;

export interface SimulatedTicket {
  id: string;
  ticketTypeId: string;
  joinedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  outcome: TicketOutcome | null;
  /** Drawn at arrival: the service this customer needs (before any slowdown), and their behaviour. */
  serviceSeconds: number;
  walkUpSeconds: number;
  willNotShow: boolean;
  patienceSeconds: number;
}

interface Counter {
  id: number;
  state: "OPEN" | "CLOSING" | "CLOSED";
  ticket: SimulatedTicket | null;
  /** When the staff will call the next customer (a call delay is running), else null. */
  callAt: number | null;
}

type SimulationEvent =
  | { kind: "ARRIVAL"; ticket: SimulatedTicket }
  | { kind: "PATIENCE_OUT"; ticket: SimulatedTicket }
  | { kind: "COUNTERS"; open: number; hour: number }
  | { kind: "COUNTER_DONE"; counter: Counter }
  | { kind: "CALL"; counter: Counter }
  | { kind: "BREAK_EDGE" };

export type ArrivalObserver = (snapshot: LineSnapshot, arriving: SimulatedTicket) => void;

/**
 * Simulates `line` for the day starting at `dayStart` (ms epoch of midnight) and returns every ticket with its
 * fate. `onArrival` sees the snapshot right after the arriving ticket joined, before any counter calls it.
 */
export function simulateLine(line: LineScenario, seed: number, dayStart: number, onArrival: ArrivalObserver): SimulatedTicket[] {
  const random = mulberry32(seed);
  // Call delays come from their own stream, so turning them off replays the same customers.
  const delayRandom = mulberry32(seed ^ 0x5bd1e995);
  const at = (hour: number): number => dayStart + hour * HOUR_MS;
  const events = new EventQueue<SimulationEvent>();
  const tickets = generateArrivals(line, random, at);
  for (const ticket of tickets) events.push(ticket.joinedAt, { kind: "ARRIVAL", ticket });
  for (const change of line.counters) events.push(at(change.fromHour), { kind: "COUNTERS", open: change.open, hour: change.fromHour });
  for (const idle of line.idleBreaks) {
    events.push(at(idle.fromHour), { kind: "BREAK_EDGE" });
    events.push(at(idle.toHour), { kind: "BREAK_EDGE" });
  }
  const totalCounters = Math.max(0, ...line.counters.map((change) => change.open));
  const counterId = (counter: Counter): string => `${line.name}-c${counter.id}`;

  const counters: Counter[] = [];
  const waiting: SimulatedTicket[] = [];
  const finished: FinishedTicket[] = [];
  const counterEvents: CounterEvent[] = [];
  const ticketTypes = line.ticketTypes.map((type) => ({ id: type.id, defaultServiceSeconds: type.defaultServiceSeconds }));
  let historyStart = 0;

  const finish = (ticket: SimulatedTicket, now: number, outcome: TicketOutcome, counter: Counter | null = null): void => {
    ticket.completedAt = now;
    ticket.outcome = outcome;
    finished.push({
      id: ticket.id,
      ticketTypeId: ticket.ticketTypeId,
      joinedAt: ticket.joinedAt,
      calledAt: ticket.calledAt,
      servedAt: outcome === "SERVED" ? ticket.startedAt : null,
      completedAt: now,
      outcome,
      counterId: counter === null ? null : counterId(counter),
    });
  };

  /** Counters on an idle break now: the highest-numbered open ones. */
  const onBreak = (now: number): Set<Counter> => {
    const hour = (now - dayStart) / HOUR_MS;
    let away = 0;
    for (const idle of line.idleBreaks) if (hour >= idle.fromHour && hour < idle.toHour) away += idle.counters;
    const open = counters.filter((counter) => counter.state === "OPEN").reverse();
    return new Set(open.slice(0, away));
  };

  const call = (counter: Counter, now: number): void => {
    const ticket = waiting.shift();
    if (ticket === undefined) return;
    ticket.calledAt = now;
    counter.ticket = ticket;
    if (ticket.willNotShow) {
      events.push(now + line.noShow.graceSeconds * 1000, { kind: "COUNTER_DONE", counter });
    } else {
      const startedAt = now + ticket.walkUpSeconds * 1000;
      ticket.startedAt = startedAt;
      const slowdown = slowdownAt(line, (startedAt - dayStart) / HOUR_MS);
      events.push(startedAt + ticket.serviceSeconds * slowdown * 1000, { kind: "COUNTER_DONE", counter });
    }
  };

  /** Every free, staffed counter with customers waiting calls one, after the staff's call delay (if any). */
  const callNext = (now: number): void => {
    if (waiting.length === 0) return;
    const away = onBreak(now);
    for (const counter of counters) {
      if (counter.state !== "OPEN" || counter.ticket !== null || counter.callAt !== null || away.has(counter)) continue;
      const delaySeconds = line.callDelay.meanSeconds > 0 ? lognormal(delayRandom, line.callDelay.meanSeconds, line.callDelay.cv) : 0;
      if (delaySeconds <= 0) {
        call(counter, now);
        if (waiting.length === 0) return;
      } else {
        counter.callAt = now + delaySeconds * 1000;
        events.push(counter.callAt, { kind: "CALL", counter });
      }
    }
  };

  const snapshotAt = (now: number): LineSnapshot => {
    while ((finished[historyStart]?.completedAt ?? Infinity) < now - HISTORY_WINDOW_MS) historyStart++;
    const serving: ServingTicket[] = [];
    for (const counter of counters) {
      const ticket = counter.ticket;
      if (ticket === null || ticket.calledAt === null) continue;
      const started = ticket.startedAt !== null && ticket.startedAt <= now ? ticket.startedAt : null;
      serving.push({ id: ticket.id, ticketTypeId: ticket.ticketTypeId, calledAt: ticket.calledAt, startedAt: started, counterId: counterId(counter) });
    }
    const open = counters.filter((counter) => counter.state === "OPEN");
    const hour = (now - dayStart) / HOUR_MS;
    return {
      now,
      openCounters: open.length,
      openCounterIds: open.map(counterId),
      totalCounters,
      plannedClosures: line.plannedPauses
        .filter((pause) => pause.toHour > hour)
        .map((pause) => ({ from: at(pause.fromHour), until: at(pause.toHour) })),
      waiting: waiting.map((ticket) => ({ id: ticket.id, ticketTypeId: ticket.ticketTypeId, joinedAt: ticket.joinedAt })),
      serving,
      history: finished.slice(Math.max(historyStart, finished.length - HISTORY_LIMIT)),
      ticketTypes,
      counterEvents: counterEvents.filter((event) => event.at >= now - HISTORY_WINDOW_MS),
    };
  };

  for (let next = events.pop(); next !== undefined; next = events.pop()) {
    const now = next.at;
    const event = next.event;
    switch (event.kind) {
      case "ARRIVAL": {
        waiting.push(event.ticket);
        if (Number.isFinite(event.ticket.patienceSeconds)) {
          events.push(now + event.ticket.patienceSeconds * 1000, { kind: "PATIENCE_OUT", ticket: event.ticket });
        }
        onArrival(snapshotAt(now), event.ticket);
        break;
      }
      case "PATIENCE_OUT": {
        const index = waiting.indexOf(event.ticket);
        if (index >= 0) {
          waiting.splice(index, 1);
          finish(event.ticket, now, "CANCELLED");
        }
        break;
      }
      case "COUNTERS": {
        setOpenCounters(counters, event.open);
        counterEvents.push({ at: now, openCounters: event.open });
        if (event.open === 0 && event.hour >= line.closeHour) {
          for (const ticket of waiting.splice(0)) finish(ticket, now, "EXPIRED");
        }
        break;
      }
      case "COUNTER_DONE": {
        const ticket = event.counter.ticket;
        if (ticket !== null) finish(ticket, now, ticket.willNotShow ? "NO_SHOW" : "SERVED", event.counter);
        event.counter.ticket = null;
        if (event.counter.state === "CLOSING") event.counter.state = "CLOSED";
        break;
      }
      case "CALL": {
        const counter = event.counter;
        counter.callAt = null;
        if (counter.state === "OPEN" && counter.ticket === null && !onBreak(now).has(counter)) call(counter, now);
        break;
      }
      case "BREAK_EDGE":
        break;
    }
    callNext(now);
  }
  return tickets;
}

/** Opens or closes counters to reach `target` open ones; a busy counter closes after its current ticket. */
function setOpenCounters(counters: Counter[], target: number): void {
  let open = counters.filter((counter) => counter.state === "OPEN").length;
  for (const counter of counters) {
    if (open >= target) break;
    if (counter.state === "CLOSING") {
      counter.state = "OPEN";
      open++;
    }
  }
  for (const counter of counters) {
    if (open >= target) break;
    if (counter.state === "CLOSED") {
      counter.state = "OPEN";
      open++;
    }
  }
  while (open < target) {
    counters.push({ id: counters.length + 1, state: "OPEN", ticket: null, callAt: null });
    open++;
  }
  // Close idle counters first, then busy ones (which finish their customer), highest number first.
  for (const idleFirst of [true, false]) {
    for (const counter of [...counters].reverse()) {
      if (open <= target) return;
      if (counter.state === "OPEN" && (counter.ticket === null) === idleFirst) {
        counter.state = counter.ticket === null ? "CLOSED" : "CLOSING";
        open--;
      }
    }
  }
}

function slowdownAt(line: LineScenario, hour: number): number {
  let factor = 1;
  for (const slowdown of line.slowdowns) if (hour >= slowdown.fromHour && hour < slowdown.toHour) factor *= slowdown.factor;
  return factor;
}

function arrivalRateAt(line: LineScenario, hour: number): number {
  let rate = valueAt(line.arrivals, hour)?.perHour ?? 0;
  for (const burst of line.bursts) if (hour >= burst.atHour && hour < burst.atHour + burst.minutes / 60) rate += burst.extraPerHour;
  return rate;
}

/** Non-homogeneous Poisson arrivals by thinning, each customer with their service, walk-up and behaviour. */
function generateArrivals(line: LineScenario, random: Random, at: (hour: number) => number): SimulatedTicket[] {
  const maxRate =
    Math.max(0, ...line.arrivals.map((rate) => rate.perHour)) + line.bursts.reduce((sum, burst) => sum + burst.extraPerHour, 0);
  const shares = line.ticketTypes.map((type) => type.share);
  const tickets: SimulatedTicket[] = [];
  if (maxRate <= 0) return tickets;
  for (let hour = line.openHour + exponential(random, 1 / maxRate); hour < line.closeHour; hour += exponential(random, 1 / maxRate)) {
    if (random() * maxRate >= arrivalRateAt(line, hour)) continue;
    const type = line.ticketTypes[pickWeighted(random, shares)];
    if (type === undefined) continue;
    const draw = type.distribution === "gamma" ? gamma : lognormal;
    const impatient = random() < line.abandon.share;
    tickets.push({
      id: `${line.name}-${tickets.length + 1}`,
      ticketTypeId: type.id,
      joinedAt: Math.round(at(hour)),
      calledAt: null,
      startedAt: null,
      completedAt: null,
      outcome: null,
      serviceSeconds: draw(random, type.meanServiceSeconds, type.cv),
      walkUpSeconds: line.walkUpSeconds > 0 ? lognormal(random, line.walkUpSeconds, 0.5) : 0,
      willNotShow: random() < line.noShow.rate,
      patienceSeconds: impatient ? exponential(random, line.abandon.meanPatienceMinutes * 60) : Infinity,
    });
  }
  return tickets;
}
