/**
 * Why an edit of a line, counter or ticket type is refused (codes from errors/codes.ts). Partners switch on
 * `extensions.code`; the message names the thing for people.
 */
import { badInput, conflict } from "../../errors/codes.js";

/** CONFLICT: two live counters of one line may not share a name (case-insensitive); the TV would show it twice. */
export const counterNameTaken = (name: string) => conflict(`This line already has a counter named "${name}"`);
/** CONFLICT: an archived line takes no tickets and is no transfer target; restore it first. */
export const lineArchived = (line: string) => conflict(`Line "${line}" is archived`);
/** CONFLICT: archiving would strand customers; the line's active tickets must end or move first. */
export const lineHasActiveTickets = (line: string, n: number) =>
  conflict(`Line "${line}" still has ${n} active ticket${n === 1 ? "" : "s"}; serve, transfer or cancel ${n === 1 ? "it" : "them"} before archiving`);
/** CONFLICT: an archived counter cannot be opened or called to; restore it first. */
export const counterArchived = (counter: string) => conflict(`Counter "${counter}" is archived`);
/** BAD_USER_INPUT at `path`: archived ticket types are kept for history only. */
export const ticketTypeArchived = (name: string, path: string) =>
  badInput(`Ticket type "${name}" is archived`, [{ path, message: "archived; not offered for new tickets" }]);
