/**
 * Where line and ticket events travel. Topics carry the tenant id taken from the server-side lookup (never from a
 * client argument alone).
 */
export const topics = {
  line: (tenantId: string, lineId: string) => `qline.line.${tenantId}.${lineId}`,
  ticket: (tenantId: string, ticketId: string) => `qline.ticket.${tenantId}.${ticketId}`,
  activity: (tenantId: string) => `qline.activity.${tenantId}`,
  /** Positions and estimates of a line's waiting tickets moved (server-side only: feeds ticketUpdated). */
  queue: (tenantId: string, lineId: string) => `qline.queue.${tenantId}.${lineId}`,
};

export interface Publication {
  topic: string;
  payload: unknown;
}
