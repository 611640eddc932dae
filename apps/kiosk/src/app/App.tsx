import { ApolloProvider } from "@apollo/client/react";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { apiUrl, baseDomain, wsUrl } from "../env";
import { I18nProvider, useI18n } from "../i18n/i18n";
import { createApollo, type ApolloSetup } from "../lib/apollo";
import { adoptKeyFromUrl, forgetDeviceKey, readDeviceKey, saveDeviceKey } from "../lib/device-key";
import { useCredentialRejected } from "../lib/connection";
import { NotPaired } from "../modules/device/components/NotPaired";
import { PairPage } from "../modules/device/components/PairPage";
import { DeviceKeyContext } from "../modules/device/hooks/device-key";
import { DisplayBoard } from "../modules/display/components/DisplayBoard";
import { JoinListPage } from "../modules/join/components/JoinListPage";
import { TenantGate } from "../modules/tenant/components/TenantGate";
import type { PublicTenant } from "../modules/tenant/hooks/use-public-tenant";
import { TenantLanding } from "../modules/tenant/components/TenantLanding";
import { CustomerTicketPage } from "../modules/ticket/components/CustomerTicketPage";
import { PublicHeader } from "../ui/PublicHeader";
import { Loading, MessagePage } from "../ui/states";
import { parseRoute, usePlace, type Route } from "./routes";

// The kiosk carries the form generator and Ajv; phones opening a ticket page do not download them.
const KioskScreen = lazy(() => import("../modules/kiosk/components/KioskScreen").then((m) => ({ default: m.KioskScreen })));
// The join form carries the same form generator; the join list and the ticket page do not need it.
const JoinFormPage = lazy(() => import("../modules/join/components/JoinFormPage").then((m) => ({ default: m.JoinFormPage })));

/** Kiosk and display act as a device of the tenant; everything else is anonymous. */
function deviceSlug(route: Route): string | null {
  return route.name === "kiosk" || route.name === "display" ? route.slug : null;
}

export function Pages({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case "landing":
      return <TenantGate slug={route.slug}>{(tenant) => <TenantLanding tenant={tenant} viaHost={route.viaHost} />}</TenantGate>;
    case "kiosk":
    case "display":
      return (
        <TenantGate slug={route.slug}>
          {(tenant) => <DevicePage tenant={tenant} page={route.name} viaHost={route.viaHost} />}
        </TenantGate>
      );
    case "join":
      return <TenantGate slug={route.slug}>{(tenant) => <JoinListPage tenant={tenant} viaHost={route.viaHost} />}</TenantGate>;
    case "joinLine":
      return (
        <TenantGate slug={route.slug}>
          {(tenant) => (
            <Suspense fallback={<Loading />}>
              <JoinFormPage tenant={tenant} lineId={route.lineId} viaHost={route.viaHost} />
            </Suspense>
          )}
        </TenantGate>
      );
    case "pair":
      return <PairPage token={route.token} viaHost={route.viaHost} />;
    case "ticket":
      return <CustomerTicketPage code={route.code} slug={route.slug} viaHost={route.viaHost} />;
    case "home":
      return (
        <>
          <PublicHeader name="qline" />
          <MessagePage title={t.noTenantTitle}>
            <p>{t.noTenant}</p>
          </MessagePage>
        </>
      );
    case "notFound":
      return (
        <>
          <PublicHeader name="qline" />
          <MessagePage title={t.pageNotFound}>
            <p>
              <a href="/">qline</a>
            </p>
          </MessagePage>
        </>
      );
  }
}

function DevicePage({ tenant, page, viaHost }: { tenant: PublicTenant; page: "kiosk" | "display"; viaHost: boolean }) {
  const rejected = useCredentialRejected();
  return (
    <DeviceKeyContext.Consumer>
      {({ key }) =>
        !key ? (
          <NotPaired tenant={tenant} />
        ) : rejected ? (
          // The API refused the key (revoked, unknown) on a request or closed the live socket for it.
          <NotPaired tenant={tenant} rejected />
        ) : page === "kiosk" ? (
          <Suspense fallback={<Loading />}>
            <KioskScreen tenant={tenant} viaHost={viaHost} />
          </Suspense>
        ) : (
          <DisplayBoard tenant={tenant} />
        )
      }
    </DeviceKeyContext.Consumer>
  );
}

/**
 * One Apollo client per device key (none on the customer's phone). Created in an effect so its cleanup closes
 * the socket it opened, also under StrictMode.
 */
export function App() {
  const place = usePlace();
  const route = useMemo(() => parseRoute(place, baseDomain), [place]);
  const slug = deviceSlug(route);
  const [keyVersion, setKeyVersion] = useState(0);
  const deviceKey = useMemo(() => {
    void keyVersion; // re-read after save / forget
    if (!slug) return null;
    adoptKeyFromUrl(slug);
    return readDeviceKey(slug);
  }, [slug, keyVersion]);

  const save = useCallback(
    (key: string) => {
      if (!slug) return;
      saveDeviceKey(slug, key);
      setKeyVersion((v) => v + 1);
    },
    [slug],
  );
  const forget = useCallback(() => {
    if (!slug) return;
    forgetDeviceKey(slug);
    setKeyVersion((v) => v + 1);
  }, [slug]);
  const deviceKeyState = useMemo(() => ({ key: deviceKey, save, forget }), [deviceKey, save, forget]);

  const [apollo, setApollo] = useState<{ key: string | null; setup: ApolloSetup } | null>(null);
  useEffect(() => {
    const setup = createApollo({ httpUrl: apiUrl, wsUrl, deviceKey });
    setApollo({ key: deviceKey, setup });
    return () => setup.dispose();
  }, [deviceKey]);

  return (
    <I18nProvider>
      {!apollo || apollo.key !== deviceKey ? (
        <Loading />
      ) : (
        <ApolloProvider client={apollo.setup.client}>
          <DeviceKeyContext.Provider value={deviceKeyState}>
            <Pages route={route} />
          </DeviceKeyContext.Provider>
        </ApolloProvider>
      )}
    </I18nProvider>
  );
}
