import { boardHref, tenantHref } from "../../../app/router";
import { useTenantActivity } from "../hooks/use-tenant-activity";

const verbs: Record<string, string> = {
  ISSUED: "joined",
  CALLED: "called",
  SERVING: "being served",
  SERVED: "served",
  CANCELLED: "cancelled",
  NO_SHOW: "no-show",
  EXPIRED: "expired",
  REQUEUED: "requeued",
  TRANSFERRED: "transferred",
  MOVED: "moved",
  UPDATED: "updated",
  LINE_UPDATED: "line settings changed",
  COUNTER_UPDATED: "counter changed",
};

/** Live numbers per line and a feed of what happens across the tenant's subtree (tenantActivity). */
export function ActivityPanel({ tenantId, canSetUp }: { tenantId: string; canSetUp: boolean }) {
  const { events, lines, linesLoaded, lineName } = useTenantActivity(tenantId);
  return (
    <div className="activity">
      {linesLoaded && lines.length === 0 && canSetUp && (
        <div className="card get-started">
          <h2 className="card__title">Get started</h2>
          <ol>
            <li>
              <a href={tenantHref(tenantId, "lines")}>Create a line</a> and the ticket types customers choose from.
            </li>
            <li>
              <a href={tenantHref(tenantId, "ticket-fields")}>Add ticket fields</a> if the kiosk should ask anything extra.
            </li>
            <li>
              <a href={tenantHref(tenantId, "settings")}>Brand the kiosk</a> with your logo and colours.
            </li>
            <li>
              <a href={tenantHref(tenantId, "api-keys")}>Create an API key</a> for each kiosk, then <a href={tenantHref(tenantId, "members")}>invite your staff</a>.
            </li>
          </ol>
        </div>
      )}
      {lines.length > 0 && (
        <div className="tiles tiles--compact">
          {lines.map((l) => (
            <a key={l.id} className="tile" href={boardHref(tenantId, l.id)}>
              <span className="muted">
                <span className="prefix">{l.prefix}</span> {l.name}
              </span>
              <strong className="tile__number">{l.waitingCount}</strong>
              <span className="muted">waiting</span>
            </a>
          ))}
        </div>
      )}
      <div className="card">
        <h2 className="card__title">Live activity</h2>
        {events.length === 0 ? (
          <p className="muted">Waiting for activity… tickets issued, called and served anywhere below this tenant appear here.</p>
        ) : (
          <ol className="feed" aria-live="polite" aria-label="Live activity, newest first">
            {events.map((e, i) => (
              <li key={`${e.at}-${e.ticket?.id ?? e.kind}-${i}`}>
                <time dateTime={e.at}>{new Date(e.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}</time>
                <span>
                  {e.ticket ? <strong>{e.ticket.number}</strong> : null} {verbs[e.kind] ?? e.kind.toLowerCase()} · {lineName(e.lineId)}
                </span>
                <span className="muted">{e.stats.waitingCount} waiting</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
