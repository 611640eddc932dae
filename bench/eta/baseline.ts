// The strong baseline of bench/eta (issue 16): what a careful engineer writes in fifteen lines. Every waiting
// ticket waits for (its position − idle counters) completions; completions come every (mean recent occupancy ÷ open
// counters); the band is the Erlang distribution of that many exponential gaps.

import { gammaQuantile, type Estimate, type EstimatesByTicket, type LineSnapshot } from "@qline/estimates";

/** How many of the most recent served tickets the occupancy mean uses. */
const SAMPLE = 20;
const FALLBACK_OCCUPANCY_SECONDS = 300;

export function estimateStrongBaseline(snapshot: LineSnapshot): EstimatesByTicket {
  const occupancies: number[] = [];
  for (let index = snapshot.history.length - 1; index >= 0 && occupancies.length < SAMPLE; index--) {
    const ticket = snapshot.history[index];
    if (ticket === undefined || ticket.calledAt === null || ticket.outcome === "CANCELLED" || ticket.outcome === "EXPIRED") continue;
    occupancies.push((ticket.completedAt - ticket.calledAt) / 1000);
  }
  const configured = snapshot.ticketTypes.map((type) => type.defaultServiceSeconds).filter((seconds): seconds is number => seconds !== null && seconds > 0);
  const meanOccupancy =
    occupancies.length > 0
      ? occupancies.reduce((sum, seconds) => sum + seconds, 0) / occupancies.length
      : configured.length > 0
        ? configured.reduce((sum, seconds) => sum + seconds, 0) / configured.length
        : FALLBACK_OCCUPANCY_SECONDS;
  const open = Math.max(1, snapshot.openCounters);
  const idle = Math.max(0, snapshot.openCounters - snapshot.serving.length);
  const gap = meanOccupancy / open;
  const estimates: EstimatesByTicket = new Map();
  snapshot.waiting.forEach((ticket, ticketsAhead) => {
    const completions = Math.max(0, ticketsAhead + 1 - idle);
    const estimate: Estimate =
      completions === 0
        ? { p50Seconds: 0, p90Seconds: 0, basis: "HISTORY" }
        : {
            p50Seconds: Math.round(gammaQuantile(0.5, completions, gap)),
            p90Seconds: Math.round(gammaQuantile(0.9, completions, gap)),
            basis: "HISTORY",
          };
    estimates.set(ticket.id, estimate);
  });
  return estimates;
}
