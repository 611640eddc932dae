import { useCallback, type MouseEvent } from "react";
import { navigate, tenantPath, ticketUrl } from "../../../app/routes";
import type { PublicTicketFieldsFragment } from "../../../gql/graphql";
import { useI18n } from "../../../i18n/i18n";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading } from "../../../ui/states";
import type { PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { useJoinLineForm } from "../hooks/use-join-line";
import { JoinForm } from "./JoinForm";
import { JoinLineFacts, useUnavailableText } from "./JoinLineSummary";

/**
 * `/t/<slug>/join/<lineId>`: one line's join form. A line that cannot be joined now says why instead of showing
 * a form; once joined, the ticket page replaces this one in the history (Back does not resubmit).
 */
export function JoinFormPage({ tenant, lineId, viaHost }: { tenant: PublicTenant; lineId: string; viaHost: boolean }) {
  const { t } = useI18n();
  const form = useJoinLineForm(tenant.slug, lineId);
  const unavailable = useUnavailableText();
  const listPath = tenantPath(tenant.slug, viaHost, "join");
  const onJoined = useCallback(
    (ticket: PublicTicketFieldsFragment) => navigate(ticketUrl("", ticket.trackingCode, tenant.slug, viaHost), { replace: true }),
    [tenant.slug, viaHost],
  );
  const toList = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(listPath);
  };

  const line = form.line;
  return (
    <>
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} />
      <main className="join">
        <p className="join__back">
          <a href={listPath} onClick={toList}>
            ← {t.allLines}
          </a>
        </p>
        {form.loading ? (
          <Loading />
        ) : form.error ? (
          <CannotReach onRetry={() => void form.recheck()} />
        ) : !line ? (
          <section className="join-gone" data-testid="join-line-gone" aria-labelledby="join-gone-title">
            <h1 id="join-gone-title">{t.joinLineGoneTitle}</h1>
            <p>{t.joinLineGone}</p>
          </section>
        ) : (
          <>
            <h1>{t.joinFormTitle(line.name)}</h1>
            <div className="join__facts">
              <JoinLineFacts line={line} />
            </div>
            {line.joinable ? (
              <JoinForm key={line.id} slug={tenant.slug} line={line} extensionSchema={form.extensionSchema} onJoined={onJoined} recheck={form.recheck} />
            ) : (
              <section className="alert join-unavailable" role="status" data-testid="join-unavailable" aria-labelledby="join-unavailable-title">
                <h2 id="join-unavailable-title">{t.joinCannotTitle}</h2>
                <p>{unavailable(line)}</p>
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}
