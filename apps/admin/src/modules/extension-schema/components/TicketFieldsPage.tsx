import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useExtensionSchema } from "../hooks/use-extension-schema";
import { ExtensionSchemaEditor } from "./ExtensionSchemaEditor";

export function TicketFieldsPage() {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const { schema, version, loaded, loading, error, refetch, save, saving } = useExtensionSchema(tenant.id);
  return (
    <section>
      <PageHeader title={t("extensionSchema.title")} description={t("extensionSchema.description")} />
      {loading && <Loading />}
      {Boolean(error) && !loaded && <ErrorState error={error} onRetry={refetch} />}
      {loaded && (
        <ExtensionSchemaEditor
          key={tenant.id}
          schema={schema}
          version={version}
          canEdit={can("lines:manage")}
          saving={saving}
          onSave={async (s) => {
            const result = await save(s);
            return result.ok ? null : result.problem;
          }}
        />
      )}
    </section>
  );
}
