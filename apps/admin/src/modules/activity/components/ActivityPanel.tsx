import { boardHref } from "../../../app/router";
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
export function ActivityPanel({ tenantId }: { tenantId: string }) {
  const { events, lines, lineName } = useTenantActivity(tenantId);
  return (
    <div className="activity">
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
