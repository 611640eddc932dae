import { PageHeader } from "../../../ui/PageHeader";
import { ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useExtensionSchema } from "../hooks/use-extension-schema";
import { ExtensionSchemaEditor } from "./ExtensionSchemaEditor";

export function TicketFieldsPage() {
  const { tenant, can } = useCurrentTenant();
  const { schema, version, loaded, loading, error, refetch, save, saving } = useExtensionSchema(tenant.id);
  return (
    <section>
      <PageHeader
        title="Ticket fields"
        description="Extra questions the kiosk asks, as a JSON Schema. Tickets are checked against it when issued; existing tickets keep the version they were checked against."
      />
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
