/**
 * Why a ticket operation is refused, each mapped to one of the registry's codes (errors/codes.ts) with a
 * message that names the cause. Partners switch on `extensions.code`; the message is for people.
 */
import { badInput, conflict, limitExceeded } from "../../errors/codes.js";

/** CONFLICT: staff switched the line off. */
export const lineNotAccepting = (line: string) => conflict(`Line "${line}" is not accepting tickets`);
/** CONFLICT: outside the line's opening hours. */
export const lineClosed = (line: string) => conflict(`Line "${line}" is closed now (see its opening hours)`);
/** LIMIT_EXCEEDED: as many tickets wait as the line's capacity. */
export const lineFull = (line: string, capacity: number) => limitExceeded(`Line "${line}" is full (${capacity} waiting)`);
/** BAD_USER_INPUT at `path`: the line accepts only other ticket types. */
export const ticketTypeNotAllowed = (line: string, path: string) =>
  badInput(`Ticket type not allowed on line "${line}"`, [{ path, message: "not allowed on this line" }]);
/** CONFLICT: a retried request must repeat the original payload exactly. */
export const idempotencyKeyReused = () => conflict("This idempotency key was used with a different request");
/** CONFLICT: staff must open the counter before calling to it. */
export const counterClosed = (counter: string) => conflict(`Counter "${counter}" is closed`);
