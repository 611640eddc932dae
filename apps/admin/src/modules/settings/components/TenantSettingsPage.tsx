import { PageHeader } from "../../../ui/PageHeader";
import { ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useTenantSettings } from "../hooks/use-tenant-settings";
import { BrandingForm } from "./BrandingForm";
import { DataPrivacySection } from "./DataPrivacySection";
import { GeneralSettingsForm } from "./GeneralSettingsForm";
import { RemoteJoinSettingsForm } from "./RemoteJoinSettingsForm";
import { SettingsJsonEditor } from "./SettingsJsonEditor";
import { useTranslation } from "react-i18next";

export function TenantSettingsPage() {
  const { t } = useTranslation();
  const { tenant: shell, can } = useCurrentTenant();
  const { tenant, loading, error, refetch, update, saving } = useTenantSettings(shell.id);
  const canEdit = can("tenant:update");
  const problemOf = async (input: Parameters<typeof update>[0]) => {
    const result = await update(input);
    return result.ok ? null : result.problem;
  };

  return (
    <section>
      <PageHeader
        title={t("settings.title")}
        description={canEdit ? t("settings.descriptionEdit") : t("settings.descriptionView")}
      />
      {loading && <Loading />}
      {Boolean(error) && !tenant && <ErrorState error={error} onRetry={refetch} />}
      {tenant && (
        <div className="stack">
          <div className="card">
            <GeneralSettingsForm
              key={`${tenant.id}-general`}
              canEdit={canEdit}
              saving={saving}
              onSave={problemOf}
              initial={{
                name: tenant.name,
                slug: tenant.slug,
                address: tenant.location.address ?? "",
                latitude: tenant.location.latitude?.toString() ?? "",
                longitude: tenant.location.longitude?.toString() ?? "",
              }}
            />
          </div>
          <div className="card">
            <BrandingForm
              key={`${tenant.id}-branding`}
              name={tenant.name}
              canEdit={canEdit}
              saving={saving}
              onSave={(theme) => problemOf({ theme })}
              initial={{
                primaryColor: tenant.theme.primaryColor ?? "",
                accentColor: tenant.theme.accentColor ?? "",
                logoUrl: tenant.theme.logoUrl ?? "",
                fontFamily: tenant.theme.fontFamily ?? "",
              }}
            />
          </div>
          <div className="card">
            <h2 className="card__title">{t("settings.remoteJoinTitle")}</h2>
            <RemoteJoinSettingsForm
              key={`${tenant.id}-remote-join`}
              own={tenant.settings}
              ancestors={tenant.ancestors}
              canEdit={canEdit}
              saving={saving}
              onSave={(settings) => problemOf({ settings })}
            />
          </div>
          <div className="card">
            <h2 className="card__title">{t("settings.privacyTitle")}</h2>
            <DataPrivacySection
              key={`${tenant.id}-privacy`}
              tenant={tenant}
              canEdit={canEdit}
              canExport={can("tenant:export")}
              canDelete={can("tenant:delete")}
              saving={saving}
              onSave={(settings) => problemOf({ settings })}
            />
          </div>
          <div className="card">
            <h2 className="card__title">{t("settings.inheritanceTitle")}</h2>
            <SettingsJsonEditor
              key={`${tenant.id}-settings`}
              tenantName={tenant.name}
              own={tenant.settings}
              effective={tenant.effectiveSettings}
              ancestors={tenant.ancestors}
              canEdit={canEdit}
              saving={saving}
              onSave={(settings) => problemOf({ settings })}
            />
          </div>
        </div>
      )}
    </section>
  );
}
