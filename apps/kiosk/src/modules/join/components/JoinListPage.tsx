import type { MouseEvent } from "react";
import { joinLinePath, navigate } from "../../../app/routes";
import { useI18n } from "../../../i18n/i18n";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading } from "../../../ui/states";
import type { PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { useJoinLines } from "../hooks/use-join-lines";
import { JoinLineFacts, useUnavailableText } from "./JoinLineSummary";

/** `/t/<slug>/join`: the lines a customer may join from their phone; the ones closed now say why, without a link. */
export function JoinListPage({ tenant, viaHost }: { tenant: PublicTenant; viaHost: boolean }) {
  const { t } = useI18n();
  const { lines, error, retry } = useJoinLines(tenant.slug);
  const unavailable = useUnavailableText();
  const open = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // new tab: the browser's job
    event.preventDefault();
    navigate(path);
  };

  return (
    <>
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} />
      <main className="join">
        <h1>{t.joinTitle(tenant.name)}</h1>
        <p className="join__intro">{t.joinIntro}</p>
        {error ? (
          <CannotReach onRetry={retry} />
        ) : !lines ? (
          <Loading />
        ) : lines.length === 0 ? (
          <p className="alert">{t.joinNoLines}</p>
        ) : (
          <ul className="join-lines">
            {lines.map((line) => {
              const path = joinLinePath(tenant.slug, viaHost, line.id);
              return (
                <li key={line.id} className={`join-line ${line.joinable ? "" : "join-line--unavailable"}`} data-testid={`join-line-${line.prefix}`}>
                  {line.joinable ? (
                    <a className="join-line__card" href={path} onClick={open(path)}>
                      <strong className="join-line__name">{line.name}</strong>
                      <JoinLineFacts line={line} />
                      <span className="join-line__cta" aria-hidden="true">
                        {t.joinNow} →
                      </span>
                    </a>
                  ) : (
                    <div className="join-line__card">
                      <strong className="join-line__name">{line.name}</strong>
                      <JoinLineFacts line={line} />
                      <span className="join-line__reason" data-testid="join-unavailable-reason">
                        {unavailable(line)}
                      </span>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </main>
    </>
  );
}
