import { useState, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { tenantHref } from "../../../app/router";
import { PageHeader } from "../../../ui/PageHeader";
import { ErrorState, Loading } from "../../../ui/states";
import { CopyButton } from "../../../ui/CopyButton";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useJoinLinks } from "../hooks/use-join-links";
import { brandingOf } from "../poster";
import { JoinLink } from "./JoinLink";
import { JoinPosterDialog } from "./JoinPosterDialog";

type Poster = { url: string; lineName: string | null; testId: string };

/**
 * Where staff find every public link of the tenant: the join page (all remote-join lines, and one per line) with
 * QR codes and posters, and the kiosk and display pages with what each device needs.
 */
export function JoinLinksPage() {
  const { t } = useTranslation();
  const { tenant: shell, can } = useCurrentTenant();
  const { tenant, loading, error, refetch } = useJoinLinks(shell.id);
  const [poster, setPoster] = useState<Poster | null>(null);
  const remote = tenant?.lines.filter((l) => l.remoteJoin) ?? [];
  const local = tenant?.lines.filter((l) => !l.remoteJoin) ?? [];

  return (
    <section>
      <PageHeader title={t("joinLinks.title")} description={t("joinLinks.description")} />
      {loading && <Loading />}
      {Boolean(error) && !tenant && <ErrorState error={error} onRetry={refetch} />}
      {tenant && (
        <div className="stack">
          <div className="card">
            <h2 className="card__title">{t("joinLinks.remoteTitle")}</h2>
            <p className="muted">{t("joinLinks.remoteBody")}</p>
            <JoinLink url={tenant.publicLinks.join} label={t("joinLinks.allLines", { tenant: shell.name })} testId="join-link-tenant" onPoster={() => setPoster({ url: tenant.publicLinks.join, lineName: null, testId: "join-poster-tenant" })} />
            {remote.length === 0 && (
              <p className="field__hint">
                <Trans i18nKey="joinLinks.noRemote" components={{ lines: <a href={tenantHref(shell.id, "lines")} /> }} />
              </p>
            )}
          </div>

          {remote.length > 0 && (
            <div className="card">
              <h2 className="card__title">{t("joinLinks.perLineTitle")}</h2>
              <p className="muted">{t("joinLinks.perLineBody")}</p>
              <ul className="join-links">
                {remote.map((line) => (
                  <li key={line.id}>
                    <h3>
                      <span className="prefix">{line.prefix}</span> {line.name}
                    </h3>
                    <JoinLink url={line.joinUrl} label={line.name} testId={`join-link-${line.prefix}`} onPoster={() => setPoster({ url: line.joinUrl, lineName: line.name, testId: `join-poster-${line.prefix}` })} />
                  </li>
                ))}
              </ul>
              {local.length > 0 && (
                <p className="field__hint">{t("joinLinks.withoutRemote", { names: local.map((l) => l.name).join(", ") })}</p>
              )}
            </div>
          )}

          <div className="card">
            <h2 className="card__title">{t("joinLinks.devicesTitle")}</h2>
            <dl className="device-links">
              <DeviceLink name={t("joinLinks.kiosk")} href={tenant.publicLinks.kiosk} testId="kiosk-link">
                {t("joinLinks.kioskBody")}
              </DeviceLink>
              <DeviceLink name={t("joinLinks.display")} href={tenant.publicLinks.display} testId="display-link">
                {t("joinLinks.displayBody")}
              </DeviceLink>
            </dl>
            <p className="field__hint">
              {can("devices:manage") ? <Trans i18nKey="joinLinks.pairingManage" components={{ devices: <a href={tenantHref(shell.id, "devices")} /> }} /> : t("joinLinks.pairingAsk")}
            </p>
          </div>
        </div>
      )}
      {poster && <JoinPosterDialog url={poster.url} lineName={poster.lineName} branding={brandingOf(shell)} testId={poster.testId} onClose={() => setPoster(null)} />}
    </section>
  );
}

/** One device's public address, what it is for, and a copy button. */
function DeviceLink({ name, href, testId, children }: { name: string; href: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{name}</dt>
      <dd>
        <p>{children}</p>
        <div className="device-links__row">
          <a href={href} target="_blank" rel="noreferrer" data-testid={testId}>
            {href}
          </a>
          <CopyButton text={href} label={t("joinLinks.copyLink")} />
        </div>
      </dd>
    </div>
  );
}
