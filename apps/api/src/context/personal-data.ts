/**
 * Customers' personal data on tickets, deny by default. A field of `Ticket` is personal unless it is listed in
 * `ticketDisplayFields`; personal fields resolve only for actors that read personal data (every role, and API
 * keys with tickets:read — see `readsPersonalData`). A display key (display:read) reading a personal field gets
 * FORBIDDEN on that field. A new Ticket field is therefore hidden from displays until someone lists it here.
 *
 * Applied to the built schema (not as a global middleware) so only Ticket's fields pay for the check.
 */
import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { forbidden } from "../errors/codes.js";
import type { RequestContext } from "./context.js";
import { readsPersonalData } from "./permissions.js";

/** What a waiting-room display may read of a ticket: numbers, state, timing, where to go. */
export const ticketDisplayFields: ReadonlySet<string> = new Set([
  "id",
  "tenantId",
  "lineId",
  "number",
  "status",
  "position",
  "partySize",
  "channel",
  "ranLateAt",
  "createdAt",
  "joinedAt",
  "calledAt",
  "servedAt",
  "completedAt",
  "endedAt",
  "line",
  "ticketType",
  "counter",
  "estimate",
]);

/** Types whose non-display fields are personal. */
const guardedTypes: Record<string, ReadonlySet<string>> = { Ticket: ticketDisplayFields };

const issuedToCaller = new WeakSet<object>();

/** The answer to the caller's own issueTicket: it just gave that data (a kiosk prints the tracking code). */
export function asIssuedToCaller<T extends object>(ticket: T): T {
  const copy = { ...ticket }; // a copy: the same view object may travel in events to other subscribers
  issuedToCaller.add(copy);
  return copy;
}

/** Personal fields of `schema`'s guarded types refuse actors that do not read personal data. */
export function guardPersonalFields(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, displayFields] of Object.entries(guardedTypes)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`personal-data: no object type ${typeName} in the schema`);
    for (const field of Object.values(type.getFields())) {
      if (displayFields.has(field.name)) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Partial<RequestContext> | undefined, info) => {
        const actor = context?.actor;
        const allowed = (actor !== undefined && readsPersonalData(actor)) || (typeof source === "object" && source !== null && issuedToCaller.has(source));
        if (!allowed) throw forbidden(`${typeName}.${field.name} is personal data: it needs tickets:read (display:read shows numbers and counters only)`);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
