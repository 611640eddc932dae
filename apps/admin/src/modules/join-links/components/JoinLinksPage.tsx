import { useState, type ReactNode } from "react";
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
  const { tenant: shell, can } = useCurrentTenant();
  const { tenant, loading, error, refetch } = useJoinLinks(shell.id);
  const [poster, setPoster] = useState<Poster | null>(null);
  const remote = tenant?.lines.filter((l) => l.remoteJoin) ?? [];
  const local = tenant?.lines.filter((l) => !l.remoteJoin) ?? [];

  return (
    <section>
      <PageHeader title="Join links & devices" description="Links to share, print or open on a device: customers join from their own phone, kiosks issue tickets, displays call numbers." />
      {loading && <Loading />}
      {Boolean(error) && !tenant && <ErrorState error={error} onRetry={refetch} />}
      {tenant && (
        <div className="stack">
          <div className="card">
            <h2 className="card__title">Join from your own phone</h2>
            <p className="muted">
              This page lists every line that takes remote joins; customers pick one and join. Print its poster for the entrance, or share the link on your website.
            </p>
            <JoinLink url={tenant.publicLinks.join} label={`${shell.name}: all lines`} testId="join-link-tenant" onPoster={() => setPoster({ url: tenant.publicLinks.join, lineName: null, testId: "join-poster-tenant" })} />
            {remote.length === 0 && (
              <p className="field__hint">
                No line takes remote joins yet, so the page has nothing to join: turn on “Customers can join from their own phone” in a line’s settings on{" "}
                <a href={tenantHref(shell.id, "lines")}>Lines &amp; counters</a>.
              </p>
            )}
          </div>

          {remote.length > 0 && (
            <div className="card">
              <h2 className="card__title">One line each</h2>
              <p className="muted">A line’s own link skips the choice: put its poster where that line’s customers arrive.</p>
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
                <p className="field__hint">
                  Without remote join (kiosk and staff only): {local.map((l) => l.name).join(", ")}.
                </p>
              )}
            </div>
          )}

          <div className="card">
            <h2 className="card__title">Kiosks and displays</h2>
            <dl className="device-links">
              <DeviceLink name="Kiosk" href={tenant.publicLinks.kiosk} testId="kiosk-link">
                Open on the tablet at the entrance: customers choose a line and take a ticket there, with a QR code to follow it on their phone.
              </DeviceLink>
              <DeviceLink name="Display" href={tenant.publicLinks.display} testId="display-link">
                Open on the screen in the waiting area: it shows the numbers being called and where to go.
              </DeviceLink>
            </dl>
            <p className="field__hint">
              Each device is paired once by a link: {can("devices:manage") ? (
                <>
                  add it on the <a href={tenantHref(shell.id, "devices")}>Devices</a> page and open its pairing link (or scan its QR code) on the device. No key to type.
                </>
              ) : (
                "an Admin or Owner adds it on the Devices page and opens its pairing link on the device."
              )}
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
  return (
    <div>
      <dt>{name}</dt>
      <dd>
        <p>{children}</p>
        <div className="device-links__row">
          <a href={href} target="_blank" rel="noreferrer" data-testid={testId}>
            {href}
          </a>
          <CopyButton text={href} label="Copy link" />
        </div>
      </dd>
    </div>
  );
}
