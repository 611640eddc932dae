import { useState } from "react";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { EmptyState } from "../../../ui/states";
import type { DevMessage } from "../hooks/use-dev-mailbox";

/** Messages the embedded dev SMTP server and SMS sink received for this tenant; open one to read it. */
export function DevMailbox({ messages, onRefresh }: { messages: readonly DevMessage[]; onRefresh: () => void }) {
  const [open, setOpen] = useState<DevMessage | null>(null);
  return (
    <div className="stack" data-testid="dev-mailbox">
      <div className="form__actions">
        <p className="muted">Nothing here leaves this machine: the API runs a local mailbox and SMS sink in development.</p>
        <Button size="sm" onClick={onRefresh} data-testid="dev-mailbox-refresh">
          Refresh
        </Button>
      </div>
      {messages.length === 0 ? (
        <EmptyState title="No messages yet">Issue a ticket with SMS or email chosen, then call it. Only the API’s embedded dev mailbox (QLINE_DEV_SINKS) collects messages here.</EmptyState>
      ) : (
        <div className="card card--flush table-scroll">
          <table className="table">
            <caption className="visually-hidden">Received messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Kind</th>
                <th scope="col">To</th>
                <th scope="col">Subject / text</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-testid={`dev-message-${m.kind}`}>
                  <td className="nowrap">{formatDateTime(m.receivedAt)}</td>
                  <td>
                    <span className="badge">{m.kind === "EMAIL" ? "Email" : m.kind}</span>
                  </td>
                  <td className="nowrap">{m.to}</td>
                  <td>
                    <button type="button" className="btn btn--ghost btn--sm" onClick={() => setOpen(m)}>
                      {m.subject ?? (m.body.length > 60 ? `${m.body.slice(0, 60)}…` : m.body)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <Dialog title={open.subject ?? `${open.kind} to ${open.to}`} onClose={() => setOpen(null)}>
          <dl className="facts">
            <div>
              <dt>To</dt>
              <dd>{open.to}</dd>
            </div>
            <div>
              <dt>Received</dt>
              <dd>{formatDateTime(open.receivedAt)}</dd>
            </div>
          </dl>
          <pre className="message-body" data-testid="dev-message-body">
            {open.body}
          </pre>
        </Dialog>
      )}
    </div>
  );
}
