import type { NotificationFieldsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../lib/format";
import { channelLabels, statusBadge, statusLabels, triggerLabels } from "../notification-model";

interface Props {
  notifications: readonly NotificationFieldsFragment[];
  /** The tenant page names each row's line and recipient; the ticket dialog already shows both. */
  lineNames?: ReadonlyMap<string, string>;
  caption: string;
}

/**
 * Deliveries as a table: trigger, channel, status, attempts, when sent and the provider's last error. Scrolls
 * sideways on a phone rather than squeezing the columns.
 */
export function NotificationLogTable({ notifications, lineNames, caption }: Props) {
  const wide = Boolean(lineNames);
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {wide && <th scope="col">Created</th>}
            {wide && <th scope="col">Line</th>}
            <th scope="col">Message</th>
            <th scope="col">Channel</th>
            {wide && <th scope="col">To</th>}
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Sent</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {notifications.map((n) => (
            <tr key={n.id} data-testid={`notification-row-${n.trigger}-${n.channel}`} data-status={n.status}>
              {wide && <td className="nowrap">{formatDateTime(n.createdAt)}</td>}
              {wide && <td>{(n.lineId && lineNames?.get(n.lineId)) ?? "—"}</td>}
              <td>{triggerLabels[n.trigger]}</td>
              <td>{channelLabels[n.channel]}</td>
              {wide && <td className="nowrap">{n.recipient ?? "—"}</td>}
              <td>
                <span className={statusBadge[n.status]} data-testid="notification-status">
                  {statusLabels[n.status]}
                </span>
                {n.status === "RETRYING" && n.nextAttemptAt && <span className="muted"> next {formatDateTime(n.nextAttemptAt)}</span>}
              </td>
              <td>{n.attempts}</td>
              <td className="nowrap">{n.sentAt ? formatDateTime(n.sentAt) : "—"}</td>
              <td>{n.lastError ? <span className="field__error">{n.lastError}</span> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
