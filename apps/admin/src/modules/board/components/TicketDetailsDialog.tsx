import { useState } from "react";
import type { Problem } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { NotificationLogTable } from "../../notifications/components/NotificationLogTable";
import { channelLabels } from "../../notifications/notification-model";
import { channelDescriptions, extensionLabel, formatExtensionValue } from "../board-model";
import { useEraseCustomerData } from "../hooks/use-erase-customer-data";
import { useTicketDetails } from "../hooks/use-ticket-details";

const kindLabels: Record<string, string> = {
  ISSUED: "Issued",
  CALLED: "Called",
  SERVING: "Service started",
  SERVED: "Completed",
  CANCELLED: "Cancelled",
  NO_SHOW: "No-show",
  EXPIRED: "Expired",
  REQUEUED: "Requeued",
  TRANSFERRED: "Transferred",
  MOVED: "Moved in the line",
  UPDATED: "Details changed",
  RAN_LATE: "Running late: moved back",
  NO_SHOW_UNDONE: "No-show undone: waiting again",
};

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
    <Dialog title={`Ticket ${number}`} onClose={onClose}>
      {loading && <Loading />}
      {!ticket && !loading && <ErrorState error={error} onRetry={refetch} />}
      {ticket && (
        <div className="ticket-details">
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd>{ticket.status.replace("_", " ").toLowerCase()}</dd>
            </div>
            <div>
              <dt>Type</dt>
              <dd>{ticket.ticketType?.name ?? "—"}</dd>
            </div>
            <div>
              <dt>Customer</dt>
              <dd>{ticket.customerName ?? "—"}</dd>
            </div>
            <div>
              <dt>Phone</dt>
              <dd>{ticket.phone ?? "—"}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{ticket.email ?? "—"}</dd>
            </div>
            <div>
              <dt>Joined via</dt>
              <dd data-testid="ticket-details-channel">{channelDescriptions[ticket.channel] ?? ticket.channel}</dd>
            </div>
            {ticket.ranLateAt && (
              <div>
                <dt>Running late</dt>
                <dd data-testid="ticket-details-late">
                  Said so at <time dateTime={ticket.ranLateAt}>{formatDateTime(ticket.ranLateAt)}</time> and was moved back
                </dd>
              </div>
            )}
            <div>
              <dt>Party size</dt>
              <dd>{ticket.partySize}</dd>
            </div>
            <div>
              <dt>Counter</dt>
              <dd>{ticket.counter?.name ?? "—"}</dd>
            </div>
            {Object.entries(ticket.extensions).map(([key, value]) => (
              <div key={key}>
                <dt>{extensionLabel(extensionSchema, key)}</dt>
                <dd>{formatExtensionValue(value)}</dd>
              </div>
            ))}
            {ticket.cancelReason && (
              <div>
                <dt>Cancel reason</dt>
                <dd>{ticket.cancelReason}</dd>
              </div>
            )}
          </dl>
          <h3>Notifications</h3>
          <div data-testid="ticket-notifications">
            <p className="muted" data-testid="ticket-notify-channels">
              {ticket.notify.length ? `Chose: ${ticket.notify.map((c) => channelLabels[c]).join(", ")}` : "Chose no messages."}
            </p>
            {ticket.notifications.length === 0 ? (
              <p className="muted">Nothing sent yet.</p>
            ) : (
              <NotificationLogTable notifications={ticket.notifications} caption={`Notifications of ticket ${number}`} />
            )}
          </div>
          {ticket.personalDataErasedAt && (
            <p className="muted" data-testid="ticket-details-erased">
              Customer data erased <time dateTime={ticket.personalDataErasedAt}>{formatDateTime(ticket.personalDataErasedAt)}</time>.
            </p>
          )}
          {problem && <Alert>{problem.message}</Alert>}
          {canErase && !confirming && (
            <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
              Erase customer data
            </Button>
          )}
          {canErase && confirming && (
            <div className="card" role="group" aria-label="Confirm erasing customer data">
              <p>
                Erase the name, phone, email, push subscription and custom fields of ticket {number} now? The ticket stays in the line and in the statistics. This
                cannot be undone.
              </p>
              <div className="form__actions">
                <Button onClick={() => setConfirming(false)}>Keep data</Button>
                <Button variant="danger" busy={erasing} onClick={() => void confirmErase()}>
                  Erase now
                </Button>
              </div>
            </div>
          )}
          <h3>History</h3>
          <ol className="feed">
            {ticket.history.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                <span>{kindLabels[e.kind] ?? e.kind}</span>
                <span className="muted">{e.actorType === "API_KEY" ? "by a device" : e.actorType === "SYSTEM" ? "automatically" : e.actorType === "USER" ? "by staff" : "by the customer"}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Dialog>
  );
}
