import { useTranslation } from "react-i18next";
import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo } from "react";
import { logout } from "../modules/auth/hooks/use-auth-actions";
import { AccountPage } from "../modules/auth/components/AccountPage";
import { MeQuery } from "../modules/auth/graphql/me.query";
import { SessionContext, type Session } from "../modules/auth/hooks/use-session";
import { Button } from "../ui/Button";
import { EmptyState, ErrorState, Loading } from "../ui/states";
import { AppFrame } from "./AppFrame";
import { navigate, tenantHref, useRoute } from "./router";
import { TenantLayout } from "./TenantLayout";
import { InvitePage } from "../modules/members/components/InvitePage";

export function SignedIn() {
  const { data, loading, error, refetch } = useQuery(MeQuery);
  const route = useRoute();
  const { t } = useTranslation();
  const user = data?.me ?? null;
  const firstTenant = user?.memberships.find((m) => !m.suspended)?.tenant.id ?? user?.memberships[0]?.tenant.id;

  useEffect(() => {
    if (data && !data.me) logout(); // the token no longer names a user
  }, [data]);

  useEffect(() => {
    if (firstTenant && (route.name === "home" || route.name === "login" || route.name === "signup" || route.name === "forgot-password" || route.name === "confirm-signup")) navigate(tenantHref(firstTenant), { replace: true });
  }, [firstTenant, route.name]);

  const session = useMemo<Session | null>(
    () => (user && data ? { user, accounts: data.accounts, refresh: () => void refetch() } : null),
    [user, data, refetch],
  );

  if (!session) {
    return (
      <main className="page-center">
        {loading || !error ? (
          <Loading label={t("common.signingIn")} />
        ) : (
          <div className="stack">
            <ErrorState error={error} onRetry={() => void refetch()} title={t("common.couldNotLoadAccount")} />
            <Button variant="ghost" onClick={logout}>
              {t("frame.signOut")}
            </Button>
          </div>
        )}
      </main>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      {route.name === "tenant" ? (
        <TenantLayout key={route.tenantId} tenantId={route.tenantId} section={route.section} lineId={route.lineId} tab={route.tab} />
      ) : (
        <AppFrame current={null}>
          <main className="main main--narrow" id="main" tabIndex={-1}>
            {route.name === "account" ? (
              <AccountPage />
            ) : route.name === "invite" ? (
              <InvitePage token={route.token} signedIn />
            ) : route.name === "not-found" ? (
              <EmptyState title={t("common.pageNotFound")} action={firstTenant ? <a href={tenantHref(firstTenant)}>{t("common.goToYourTenant")}</a> : undefined} />
            ) : firstTenant ? (
              <Loading />
            ) : (
              <EmptyState title={t("common.noTenantsTitle")}>{t("common.noTenantsBody", { email: session.user.email })}</EmptyState>
            )}
          </main>
        </AppFrame>
      )}
    </SessionContext.Provider>
  );
}
