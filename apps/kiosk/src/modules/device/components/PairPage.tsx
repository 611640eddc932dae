import { useEffect } from "react";
import { navigate, tenantPath } from "../../../app/routes";
import { useI18n } from "../../../i18n/i18n";
import { PublicHeader } from "../../../ui/PublicHeader";
import { MessagePage } from "../../../ui/states";
import { usePairDevice } from "../hooks/use-pair-device";

/**
 * `/pair/<token>`: the link (or QR code) from the admin console's Devices page. Exchanges the token for the
 * device's key once, stores it, and replaces this page with the kiosk or the display of that tenant.
 */
export function PairPage({ token, viaHost }: { token: string; viaHost: boolean }) {
  const { t } = useI18n();
  const pairing = usePairDevice(token);
  useEffect(() => {
    if (pairing.state === "paired") navigate(tenantPath(pairing.slug, viaHost, pairing.page), { replace: true });
  }, [pairing, viaHost]);

  if (pairing.state !== "failed") {
    return (
      <>
        <PublicHeader name="qline" />
        <div className="state" role="status" aria-live="polite">
          {t.pairingTitle}
        </div>
      </>
    );
  }
  const { problem, retry } = pairing;
  const retryable = problem.code === "NETWORK" || problem.code === "LIMIT_EXCEEDED";
  const title = problem.code === "LINK_EXPIRED" ? t.pairingExpiredTitle : retryable ? t.retry : t.pairingUnknownTitle;
  return (
    <>
      <PublicHeader name="qline" />
      <MessagePage title={title} tone="warning">
        {problem.code === "LINK_EXPIRED" ? <p role="alert">{problem.message}</p> : null}
        {problem.code === "LIMIT_EXCEEDED" ? <p role="alert">{t.pairingBusy(problem.retryAfterSeconds ?? 60)}</p> : null}
        {problem.code === "NETWORK" ? <p role="alert">{t.cannotReach}</p> : null}
        {retryable ? (
          <button type="button" className="button" onClick={retry}>
            {t.retry}
          </button>
        ) : (
          <p>{t.pairingAskNew}</p>
        )}
      </MessagePage>
    </>
  );
}
