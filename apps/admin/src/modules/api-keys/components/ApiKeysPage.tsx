import { useState } from "react";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useApiKeys } from "../hooks/use-api-keys";
import { CreateApiKeyDialog } from "./CreateApiKeyDialog";
import { formatDateTime } from "../../../lib/format";

export function ApiKeysPage() {
  const { tenant, viewer, can } = useCurrentTenant();
  const { keys, loading, error, refetch, create, creating, revoke, revoking } = useApiKeys(tenant.id);
  const [creatingOpen, setCreatingOpen] = useState(false);
  const [revokeTarget, setRevokeTarget] = useState<{ id: string; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const manage = can("apikeys:manage");
  /** You can grant only what you hold: the API answers which scopes (viewerPermissions). */
  const grantable = viewer.grantableScopes;

  return (
    <section>
      <PageHeader
        title="API keys"
        description="Keys let kiosks, displays and partner systems act in this tenant and its subtenants."
        actions={
          manage && (
            <Button variant="primary" onClick={() => setCreatingOpen(true)}>
              Create API key
            </Button>
          )
        }
      />
      {problem && <Alert>{problem}</Alert>}
      {loading && <Loading label="Loading keys…" />}
      {Boolean(error) && !keys && <ErrorState error={error} onRetry={refetch} />}
      {keys && keys.length === 0 && <EmptyState title="No API keys yet">Create one for each kiosk or integration, so each can be revoked on its own.</EmptyState>}
      {keys && keys.length > 0 && (
        <div className="card card--flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Status and actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "row--muted" : undefined}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>qk_{key.prefix}_…</code>
                  </td>
                  <td>
                    <ul className="chips">
                      {key.scopes.map((s) => (
                        <li key={s} className="chip">
                          {s}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="nowrap">{formatDateTime(key.createdAt)}</td>
                  <td className="nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span className="muted">Never</span>}</td>
                  <td className="table__actions">
                    {key.revokedAt ? (
                      <span className="badge badge--danger">Revoked {formatDateTime(key.revokedAt)}</span>
                    ) : (
                      manage && (
                        <Button size="sm" variant="danger" onClick={() => setRevokeTarget({ id: key.id, name: key.name })}>
                          Revoke
                        </Button>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creatingOpen && <CreateApiKeyDialog scopes={grantable} busy={creating} onCreate={create} onClose={() => setCreatingOpen(false)} />}
      {revokeTarget && (
        <Dialog
          title={`Revoke “${revokeTarget.name}”?`}
          onClose={() => setRevokeTarget(null)}
          footer={
            <>
              <Button onClick={() => setRevokeTarget(null)}>Cancel</Button>
              <Button
                variant="danger"
                busy={revoking}
                onClick={async () => {
                  const result = await revoke(revokeTarget.id);
                  setProblem(result.ok ? null : result.problem.message);
                  setRevokeTarget(null);
                }}
              >
                Revoke key
              </Button>
            </>
          }
        >
          <p>Anything using this key stops working at once. This cannot be undone.</p>
        </Dialog>
      )}
    </section>
  );
}
