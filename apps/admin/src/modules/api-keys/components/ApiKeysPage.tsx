import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useApiKeys } from "../hooks/use-api-keys";
import { CreateApiKeyDialog } from "./CreateApiKeyDialog";
import { formatDateTime } from "../../../lib/format";

export function ApiKeysPage() {
  const { t } = useTranslation();
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
        title={t("apiKeys.title")}
        description={t("apiKeys.description")}
        actions={
          manage && (
            <Button variant="primary" onClick={() => setCreatingOpen(true)}>
              {t("apiKeys.create")}
            </Button>
          )
        }
      />
      {problem && <Alert>{problem}</Alert>}
      {loading && <Loading label={t("apiKeys.loading")} />}
      {Boolean(error) && !keys && <ErrorState error={error} onRetry={refetch} />}
      {keys && keys.length === 0 && <EmptyState title={t("apiKeys.noneTitle")}>{t("apiKeys.noneBody")}</EmptyState>}
      {keys && keys.length > 0 && (
        <div className="card card--flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("apiKeys.name")}</th>
                <th scope="col">{t("apiKeys.key")}</th>
                <th scope="col">{t("apiKeys.scopes")}</th>
                <th scope="col">{t("apiKeys.created")}</th>
                <th scope="col">{t("apiKeys.lastUsed")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("apiKeys.statusAndActions")}</span>
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
                    <ul className="chips" aria-label={t("apiKeys.scopeCount", { count: key.scopes.length })}>
                      {key.scopes.map((s) => (
                        <li key={s} className="chip">
                          {s}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="nowrap">{formatDateTime(key.createdAt)}</td>
                  <td className="nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span className="muted">{t("apiKeys.never")}</span>}</td>
                  <td className="table__actions">
                    {key.revokedAt ? (
                      <span className="badge badge--danger">{t("apiKeys.revokedAt", { date: formatDateTime(key.revokedAt) })}</span>
                    ) : (
                      manage && (
                        <Button size="sm" variant="danger" onClick={() => setRevokeTarget({ id: key.id, name: key.name })}>
                          {t("apiKeys.revoke")}
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
          title={t("apiKeys.revokeTitle", { name: revokeTarget.name })}
          onClose={() => setRevokeTarget(null)}
          footer={
            <>
              <Button onClick={() => setRevokeTarget(null)}>{t("apiKeys.cancel")}</Button>
              <Button
                variant="danger"
                busy={revoking}
                onClick={async () => {
                  const result = await revoke(revokeTarget.id);
                  setProblem(result.ok ? null : result.problem.message);
                  setRevokeTarget(null);
                }}
              >
                {t("apiKeys.revokeConfirm")}
              </Button>
            </>
          }
        >
          <p>{t("apiKeys.revokeBody")}</p>
        </Dialog>
      )}
    </section>
  );
}
