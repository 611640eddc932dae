import type { NotificationFieldsFragment } from "../../../gql/graphql";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import { statusBadge } from "../notification-model";

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
  const { t } = useTranslation();
  const wide = Boolean(lineNames);
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {wide && <th scope="col">{t("notifications.table.created")}</th>}
            {wide && <th scope="col">{t("notifications.table.line")}</th>}
            <th scope="col">{t("notifications.table.message")}</th>
            <th scope="col">{t("notifications.table.channel")}</th>
            {wide && <th scope="col">{t("notifications.table.to")}</th>}
            <th scope="col">{t("notifications.table.status")}</th>
            <th scope="col">{t("notifications.table.attempts")}</th>
            <th scope="col">{t("notifications.table.sent")}</th>
            <th scope="col">{t("notifications.table.error")}</th>
          </tr>
        </thead>
        <tbody>
          {notifications.map((n) => (
            <tr key={n.id} data-testid={`notification-row-${n.trigger}-${n.channel}`} data-status={n.status}>
              {wide && <td className="nowrap">{formatDateTime(n.createdAt)}</td>}
              {wide && <td>{(n.lineId && lineNames?.get(n.lineId)) ?? "—"}</td>}
              <td>{t(`notifications.trigger.${n.trigger}`)}</td>
              <td>{t(`notifications.channel.${n.channel}`)}</td>
              {wide && <td className="nowrap">{n.recipient ?? "—"}</td>}
              <td>
                <span className={statusBadge[n.status]} data-testid="notification-status">
                  {t(`notifications.status.${n.status}`)}
                </span>
                {n.status === "RETRYING" && n.nextAttemptAt && <span className="muted">{t("notifications.table.next", { date: formatDateTime(n.nextAttemptAt) })}</span>}
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
