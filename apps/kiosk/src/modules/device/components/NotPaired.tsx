import { useI18n } from "../../../i18n/i18n";
import { PublicHeader } from "../../../ui/PublicHeader";
import { MessagePage } from "../../../ui/states";
import type { PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { useDeviceKey } from "../hooks/device-key";

/**
 * A kiosk or display without a usable key: never paired, or its key was refused (revoked in the admin console,
 * mistyped, another place's). Pairing happens by opening a link from the admin console (/pair/<token>); no key
 * is typed here. "Pair again" forgets a refused key so the next pairing link starts clean.
 */
export function NotPaired({ tenant, rejected = false }: { tenant: PublicTenant; rejected?: boolean }) {
  const { t } = useI18n();
  const { key, forget } = useDeviceKey();
  return (
    <>
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} />
      <MessagePage title={t.notPairedTitle} tone={rejected ? "warning" : "info"}>
        {rejected ? (
          <p className="alert alert--error" role="alert">
            {t.notPairedRejected}
          </p>
        ) : null}
        <p>{t.notPairedIntro(tenant.name)}</p>
        {key ? (
          <div className="actions">
            <button type="button" className="button button--primary" onClick={forget}>
              {t.pairAgain}
            </button>
          </div>
        ) : null}
      </MessagePage>
    </>
  );
}
