import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate, tenantHref } from "../../../app/router";
import { Button } from "../../../ui/Button";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, ErrorState, Loading } from "../../../ui/states";
import { useSession } from "../../auth/hooks/use-session";
import { usePlatformAdmin } from "../../platform/hooks/use-platform-admin";
import { useCurrentTenant } from "../hooks/use-current-tenant";
import { useTenantTree, type TreeNode } from "../hooks/use-tenant-tree";
import { CreateSubtenantDialog } from "./CreateSubtenantDialog";
import { MoveTenantDialog } from "./MoveTenantDialog";

type Action = { kind: "create"; node: TreeNode } | { kind: "create-root" } | { kind: "move"; node: TreeNode; parentId: string | null };

export function TenantTreePage() {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const session = useSession();
  const { tree, loading, error, refetch, createSubtenant, creating, moveTenant, moving } = useTenantTree(tenant.id);
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [treeProblem, setTreeProblem] = useState<string | null>(null);
  const canCreate = can("tenant:create");
  const canMove = can("tenant:update");
  const platform = usePlatformAdmin();
  /** The account owner may add root tenants (another chain, brand or venue) to the account. */
  const ownAccount = session.accounts.find((a) => a.id === tenant.accountId && a.ownerUserId === session.user.id);

  const renderNode = (node: TreeNode, parentId: string | null) => (
    <li key={node.id} className="tree__item">
      <div className="tree__row">
        <div className="tree__label">
          <a href={tenantHref(node.id)} className="tree__name">
            {node.name}
          </a>
          <span className="muted">/{node.slug}</span>
          {node.suspended && <span className="badge badge--danger">{t("tenants.tree.suspended")}</span>}
          {node.address && <span className="muted tree__address">{node.address}</span>}
        </div>
        <div className="tree__actions">
          {canCreate && (
            <Button size="sm" onClick={() => setAction({ kind: "create", node })} aria-label={t("tenants.tree.addSubtenantUnder", { name: node.name })}>
              {t("tenants.tree.addSubtenant")}
            </Button>
          )}
          {platform.isPlatformAdmin && (
            <Button
              size="sm"
              variant={node.suspended ? "secondary" : "danger"}
              busy={platform.suspending}
              aria-label={t(node.suspended ? "tenants.tree.resumeName" : "tenants.tree.suspendName", { name: node.name })}
              onClick={async () => {
                const result = await platform.setSuspended(node.id, !node.suspended);
                setNotice(result.ok ? t(node.suspended ? "tenants.tree.resumedNotice" : "tenants.tree.suspendedNotice", { name: node.name }) : null);
                setTreeProblem(result.ok ? null : result.problem.message);
                refetch();
              }}
            >
              {node.suspended ? t("tenants.tree.resume") : t("tenants.tree.suspend")}
            </Button>
          )}
          {canMove && parentId !== null && (
            <Button size="sm" variant="ghost" onClick={() => setAction({ kind: "move", node, parentId })} aria-label={t("tenants.tree.moveName", { name: node.name })}>
              {t("tenants.tree.move")}
            </Button>
          )}
        </div>
      </div>
      {node.children.length > 0 && <ul className="tree__children">{node.children.map((c) => renderNode(c, node.id))}</ul>}
      {node.hasMore && (
        <p className="tree__more">
          <a href={tenantHref(node.id, "tree")}>{t("tenants.tree.openSubtree", { name: node.name })}</a>
        </p>
      )}
    </li>
  );

  return (
    <section>
      <PageHeader
        title={t("tenants.tree.title")}
        description={t("tenants.tree.description")}
        actions={
          ownAccount && (
            <Button onClick={() => setAction({ kind: "create-root" })}>{t("tenants.tree.newRoot")}</Button>
          )
        }
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      {treeProblem && <Alert>{treeProblem}</Alert>}
      {loading && <Loading label={t("tenants.tree.loading")} />}
      {Boolean(error) && !tree && <ErrorState error={error} onRetry={refetch} />}
      {tree && (
        <div className="card">
          <ul className="tree" aria-label={t("tenants.tree.list", { name: tenant.name })}>
            {renderNode(tree, null)}
          </ul>
          {tree.children.length === 0 && <p className="muted tree__empty">{canCreate ? t("tenants.tree.emptyCanCreate") : t("tenants.tree.empty")}</p>}
        </div>
      )}
      {action?.kind === "create" && (
        <CreateSubtenantDialog
          parent={action.node}
          busy={creating}
          onClose={() => setAction(null)}
          onCreate={async (input) => {
            const result = await createSubtenant(input);
            if (!result.ok) return result.problem;
            setAction(null);
            setNotice(t("tenants.tree.created", { name: input.name }));
            session.refresh();
            return null;
          }}
        />
      )}
      {action?.kind === "create-root" && ownAccount && (
        <CreateSubtenantDialog
          account={ownAccount}
          busy={creating}
          onClose={() => setAction(null)}
          onCreate={async (input) => {
            const result = await createSubtenant(input);
            if (!result.ok) return result.problem;
            setAction(null);
            session.refresh();
            if (result.value) navigate(tenantHref(result.value.id, "settings"));
            return null;
          }}
        />
      )}
      {action?.kind === "move" && tree && (
        <MoveTenantDialog
          node={action.node}
          currentParentId={action.parentId}
          tree={tree}
          busy={moving}
          onClose={() => setAction(null)}
          onMove={async (parentId) => {
            const result = await moveTenant(action.node.id, parentId);
            if (!result.ok) return result.problem;
            setAction(null);
            setNotice(t("tenants.tree.moved", { name: action.node.name }));
            return null;
          }}
        />
      )}
    </section>
  );
}
