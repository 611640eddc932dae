import { Trans, useTranslation } from "react-i18next";
import { boardHref, tenantHref } from "../../../app/router";
import { useTenantActivity } from "../hooks/use-tenant-activity";

/** The event kinds the feed names (`activity.verb.*`); any other shows as its kind. */
const kinds: readonly string[] = ["ISSUED", "CALLED", "SERVING", "SERVED", "CANCELLED", "NO_SHOW", "EXPIRED", "REQUEUED", "TRANSFERRED", "MOVED", "UPDATED", "LINE_UPDATED", "COUNTER_UPDATED"];

/** Live numbers per line and a feed of what happens across the tenant's subtree (tenantActivity). */
export function ActivityPanel({ tenantId, canSetUp }: { tenantId: string; canSetUp: boolean }) {
  const { t } = useTranslation();
  const { events, lines, linesLoaded, lineName } = useTenantActivity(tenantId);
  return (
    <div className="activity">
      {linesLoaded && lines.length === 0 && canSetUp && (
        <div className="card get-started">
          <h2 className="card__title">{t("activity.getStarted")}</h2>
          <ol>
            <li>
              <Trans i18nKey="activity.stepLines" components={{ lines: <a href={tenantHref(tenantId, "lines")} /> }} />
            </li>
            <li>
              <Trans i18nKey="activity.stepFields" components={{ fields: <a href={tenantHref(tenantId, "ticket-fields")} /> }} />
            </li>
            <li>
              <Trans i18nKey="activity.stepBranding" components={{ branding: <a href={tenantHref(tenantId, "settings")} /> }} />
            </li>
            <li>
              <Trans i18nKey="activity.stepKeys" components={{ keys: <a href={tenantHref(tenantId, "api-keys")} />, members: <a href={tenantHref(tenantId, "members")} /> }} />
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
              <span className="muted">{t("activity.waiting")}</span>
            </a>
          ))}
        </div>
      )}
      <div className="card">
        <h2 className="card__title">{t("activity.liveActivity")}</h2>
        {events.length === 0 ? (
          <p className="muted">{t("activity.empty")}</p>
        ) : (
          <ol className="feed" aria-live="polite" aria-label={t("activity.feedLabel")}>
            {events.map((e, i) => (
              <li key={`${e.at}-${e.ticket?.id ?? e.kind}-${i}`}>
                <time dateTime={e.at}>{new Date(e.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}</time>
                <span>
                  {e.ticket ? <strong>{e.ticket.number}</strong> : null} {kinds.includes(e.kind) ? t(`activity.verb.${e.kind}`) : e.kind.toLowerCase()} · {lineName(e.lineId)}
                </span>
                <span className="muted">{t("activity.waitingCount", { count: e.stats.waitingCount })}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
