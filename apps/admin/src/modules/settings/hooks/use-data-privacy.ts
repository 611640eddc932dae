import { useMutation } from "@apollo/client/react";
import { apiUrl } from "../../../env";
import { attempt } from "../../../lib/errors";
import { CancelTenantDeletionMutation } from "../graphql/cancel-tenant-deletion.mutation";
import { DeleteTenantMutation } from "../graphql/delete-tenant.mutation";
import { ExportTenantDataMutation } from "../graphql/export-tenant-data.mutation";

/** Export (a signed link resolved against the API's origin), schedule deletion, cancel it. */
export function useDataPrivacy(tenantId: string) {
  const [exportM, exportState] = useMutation(ExportTenantDataMutation);
  const [deleteM, deleteState] = useMutation(DeleteTenantMutation);
  const [cancelM, cancelState] = useMutation(CancelTenantDeletionMutation);
  return {
    exportLink: () =>
      attempt(async () => {
        const link = (await exportM({ variables: { tenantId } })).data?.exportTenantData;
        return link ? { href: new URL(link.url, apiUrl).toString(), expiresAt: link.expiresAt } : null;
      }),
    scheduleDeletion: () => attempt(async () => (await deleteM({ variables: { id: tenantId } })).data?.deleteTenant ?? null),
    cancelDeletion: () => attempt(async () => (await cancelM({ variables: { id: tenantId } })).data?.cancelTenantDeletion ?? null),
    busy: exportState.loading || deleteState.loading || cancelState.loading,
  };
}

/** Starts the browser's download of `href` (the export's Content-Disposition names the file). */
export function downloadFrom(href: string): void {
  const a = document.createElement("a");
  a.href = href;
  a.download = "";
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
}
