import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { NotificationLogTable } from "../../notifications/components/NotificationLogTable";
import { channelLabels } from "../../notifications/notification-model";
import { extensionLabel, formatExtensionValue, ticketChannels } from "../board-model";
import { useEraseCustomerData } from "../hooks/use-erase-customer-data";
import { useTicketDetails } from "../hooks/use-ticket-details";

/** The history's event kinds and the ticket statuses with a label (`board.event.*`, `board.status.*`). */
const eventKinds: readonly string[] = ["ISSUED", "CALLED", "SERVING", "SERVED", "CANCELLED", "NO_SHOW", "EXPIRED", "REQUEUED", "TRANSFERRED", "MOVED", "UPDATED", "RAN_LATE", "NO_SHOW_UNDONE"];
const statuses: readonly string[] = ["WAITING", "CALLED", "SERVING", "SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"];

interface Props {
  ticketId: string;
  number: string;
  extensionSchema: Record<string, unknown> | null | undefined;
  /** tickets:erase: offers "Erase customer data" (with a confirmation). */
  canErase?: boolean;
  onClose: () => void;
}

/** One ticket: customer data, extension fields and its whole history; staff may erase the customer's data. */
export function TicketDetailsDialog({ ticketId, number, extensionSchema, canErase = false, onClose }: Props) {
  const { t } = useTranslation();
  const { ticket, loading, error, refetch } = useTicketDetails(ticketId);
  const { erase, erasing } = useEraseCustomerData();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const confirmErase = async () => {
    const result = await erase(ticketId);
    setProblem(result.ok ? null : result.problem);
    setConfirming(false);
  };
  return (
    <Dialog title={t("board.details.title", { number })} onClose={onClose}>
      {loading && <Loading />}
      {!ticket && !loading && <ErrorState error={error} onRetry={refetch} />}
      {ticket && (
        <div className="ticket-details">
          <dl className="facts">
            <div>
              <dt>{t("board.details.status")}</dt>
              <dd>{statuses.includes(ticket.status) ? t(`board.status.${ticket.status}`) : ticket.status.replace("_", " ").toLowerCase()}</dd>
            </div>
            <div>
              <dt>{t("board.details.type")}</dt>
              <dd>{ticket.ticketType?.name ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("board.details.customer")}</dt>
              <dd>{ticket.customerName ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("board.details.phone")}</dt>
              <dd>{ticket.phone ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("board.details.email")}</dt>
              <dd>{ticket.email ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("board.details.joinedVia")}</dt>
              <dd data-testid="ticket-details-channel">{ticketChannels.includes(ticket.channel) ? t(`board.channelDescription.${ticket.channel}`) : ticket.channel}</dd>
            </div>
            {ticket.ranLateAt && (
              <div>
                <dt>{t("board.details.runningLate")}</dt>
                <dd data-testid="ticket-details-late">
                  <Trans i18nKey="board.details.saidSoAt" values={{ time: formatDateTime(ticket.ranLateAt) }} components={{ time: <time dateTime={ticket.ranLateAt} /> }} />
                </dd>
              </div>
            )}
            <div>
              <dt>{t("board.details.partySize")}</dt>
              <dd>{ticket.partySize}</dd>
            </div>
            <div>
              <dt>{t("board.details.counter")}</dt>
              <dd>{ticket.counter?.name ?? "—"}</dd>
            </div>
            {Object.entries(ticket.extensions).map(([key, value]) => (
              <div key={key}>
                <dt>{extensionLabel(extensionSchema, key)}</dt>
                <dd>{formatExtensionValue(value, { yes: t("board.yes"), no: t("board.no") })}</dd>
              </div>
            ))}
            {ticket.cancelReason && (
              <div>
                <dt>{t("board.details.cancelReason")}</dt>
                <dd>{ticket.cancelReason}</dd>
              </div>
            )}
          </dl>
          <h3>{t("board.details.notifications")}</h3>
          <div data-testid="ticket-notifications">
            <p className="muted" data-testid="ticket-notify-channels">
              {ticket.notify.length ? t("board.details.chose", { channels: ticket.notify.map((c) => channelLabels[c]).join(", ") }) : t("board.details.choseNone")}
            </p>
            {ticket.notifications.length === 0 ? (
              <p className="muted">{t("board.details.nothingSent")}</p>
            ) : (
              <NotificationLogTable notifications={ticket.notifications} caption={t("board.details.notificationsCaption", { number })} />
            )}
          </div>
          {ticket.personalDataErasedAt && (
            <p className="muted" data-testid="ticket-details-erased">
              <Trans i18nKey="board.details.erased" values={{ time: formatDateTime(ticket.personalDataErasedAt) }} components={{ time: <time dateTime={ticket.personalDataErasedAt} /> }} />
            </p>
          )}
          {problem && <Alert>{problem.message}</Alert>}
          {canErase && !confirming && (
            <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
              {t("board.details.erase")}
            </Button>
          )}
          {canErase && confirming && (
            <div className="card" role="group" aria-label={t("board.details.confirmEraseLabel")}>
              <p>{t("board.details.eraseBody", { number })}</p>
              <div className="form__actions">
                <Button onClick={() => setConfirming(false)}>{t("board.details.keepData")}</Button>
                <Button variant="danger" busy={erasing} onClick={() => void confirmErase()}>
                  {t("board.details.eraseNow")}
                </Button>
              </div>
            </div>
          )}
          <h3>{t("board.details.history")}</h3>
          <ol className="feed">
            {ticket.history.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                <span>{eventKinds.includes(e.kind) ? t(`board.event.${e.kind}`) : e.kind}</span>
                <span className="muted">{t(e.actorType === "API_KEY" ? "board.details.byDevice" : e.actorType === "SYSTEM" ? "board.details.automatically" : e.actorType === "USER" ? "board.details.byStaff" : "board.details.byCustomer")}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Dialog>
  );
}
