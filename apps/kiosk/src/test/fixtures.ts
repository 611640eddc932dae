import type { PublicTenant } from "../modules/tenant/hooks/use-public-tenant";

export function publicTenant(overrides: Partial<PublicTenant> = {}): PublicTenant {
  return ({
    __typename: "PublicTenant",
    id: "t1",
    name: "Corner Café",
    slug: "corner-cafe",
    suspended: false,
    theme: { __typename: "Theme", logoUrl: null, primaryColor: "#123456", accentColor: "#ffcc00", fontFamily: "Georgia, serif" },
    lines: [
      {
        __typename: "PublicLine",
        id: "l1",
        name: "Coffee bar",
        prefix: "A",
        waitingCount: 2,
        ticketTypes: [
          { __typename: "PublicTicketType", id: "tt1", code: "TAKE", name: "Take away" },
          { __typename: "PublicTicketType", id: "tt2", code: "SIT", name: "Sit in" },
        ],
      },
    ],
    ...overrides,
  }) as PublicTenant;
}

/** Age must be at least 18; drink is required. */
export const extensionSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    drink: { type: "string", title: "Drink", enum: ["Espresso", "Latte"] },
    age: { type: "integer", title: "Age", minimum: 18 },
  },
  required: ["drink"],
  additionalProperties: false,
};

export function issuedTicket(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Ticket",
    id: "tk1",
    number: "A001",
    trackingCode: "trk-abc",
    status: "WAITING",
    position: 1,
    lineId: "l1",
    partySize: 1,
    createdAt: "2026-11-22T11:00:00.000Z",
    ...overrides,
  };
}

/** The ticket as its holder sees it (ticketByCode, ticketUpdated, joinLine, cancelMyTicket, runningLate). */
export function publicTicket(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "PublicTicket",
    trackingCode: "trk-abc",
    number: "A007",
    status: "WAITING",
    position: 3,
    lineId: "l1",
    lineName: "Coffee bar",
    counterName: null,
    createdAt: "2026-11-22T11:00:00.000Z",
    calledAt: null,
    servedAt: null,
    completedAt: null,
    endedAt: null,
    channel: "REMOTE",
    tenantSlug: "corner-cafe",
    ranLateAt: null,
    canRunLate: true,
    runningLatePlaces: 3,
    pushEnabled: false,
    estimate: { __typename: "TicketEstimate", p50Seconds: 360, p90Seconds: 540, basis: "HISTORY" },
    ...overrides,
  };
}

/** A remote-join line (PublicJoinLine). */
export function joinLine(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "PublicJoinLine",
    id: "l1",
    name: "Coffee bar",
    prefix: "A",
    waitingCount: 4,
    joinable: true,
    unavailableReason: null,
    ticketTypes: [{ __typename: "PublicTicketType", id: "tt1", code: "TAKE", name: "Take away" }],
    estimate: { __typename: "TicketEstimate", p50Seconds: 360, p90Seconds: 540, basis: "HISTORY" },
    ...overrides,
  };
}
