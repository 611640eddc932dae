/**
 * Why a ticket operation is refused, each mapped to one of the registry's codes (errors/codes.ts) with a
 * message that names the cause. Partners switch on `extensions.code`; the message is for people.
 */
import { AppError, ErrorCode, badInput, conflict, limitExceeded } from "../../errors/codes.js";

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
/** CONFLICT: the line does not take joins from customers' own phones (joinLine). */
export const remoteJoinOff = (line: string) => conflict(`Line "${line}" does not take joins from your own phone; ask at the venue`);
/** CONFLICT: this phone number or email already holds as many active tickets in the line as the tenant allows. */
export const activeTicketLimit = (line: string, max: number) =>
  conflict(max === 1 ? `This phone number or email already has a ticket in line "${line}"` : `This phone number or email already has ${max} tickets in line "${line}"`);
/** INVALID_TRANSITION: "I'm running late" is once per ticket. */
export const alreadyRanLate = () => new AppError(ErrorCode.INVALID_TRANSITION, "You already moved back once with this ticket");
