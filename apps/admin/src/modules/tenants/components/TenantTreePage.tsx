import { useState } from "react";
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
          {node.suspended && <span className="badge badge--danger">Suspended</span>}
          {node.address && <span className="muted tree__address">{node.address}</span>}
        </div>
        <div className="tree__actions">
          {canCreate && (
            <Button size="sm" onClick={() => setAction({ kind: "create", node })} aria-label={`Add subtenant under ${node.name}`}>
              + Subtenant
            </Button>
          )}
          {platform.isPlatformAdmin && (
            <Button
              size="sm"
              variant={node.suspended ? "secondary" : "danger"}
              busy={platform.suspending}
              aria-label={`${node.suspended ? "Resume" : "Suspend"} ${node.name}`}
              onClick={async () => {
                const result = await platform.setSuspended(node.id, !node.suspended);
                setNotice(result.ok ? `${node.name} ${node.suspended ? "resumed" : "suspended"}.` : null);
                setTreeProblem(result.ok ? null : result.problem.message);
                refetch();
              }}
            >
              {node.suspended ? "Resume" : "Suspend"}
            </Button>
          )}
          {canMove && parentId !== null && (
            <Button size="sm" variant="ghost" onClick={() => setAction({ kind: "move", node, parentId })} aria-label={`Move ${node.name}`}>
              Move
            </Button>
          )}
        </div>
      </div>
      {node.children.length > 0 && <ul className="tree__children">{node.children.map((c) => renderNode(c, node.id))}</ul>}
      {node.hasMore && (
        <p className="tree__more">
          <a href={tenantHref(node.id, "tree")}>Open {node.name}'s subtree →</a>
        </p>
      )}
    </li>
  );

  return (
    <section>
      <PageHeader
        title="Tenant tree"
        description="Subtenants inherit settings and roles from the tenants above them."
        actions={
          ownAccount && (
            <Button onClick={() => setAction({ kind: "create-root" })}>New root tenant</Button>
          )
        }
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      {treeProblem && <Alert>{treeProblem}</Alert>}
      {loading && <Loading label="Loading the tree…" />}
      {Boolean(error) && !tree && <ErrorState error={error} onRetry={refetch} />}
      {tree && (
        <div className="card">
          <ul className="tree" aria-label={`Tenants under ${tenant.name}`}>
            {renderNode(tree, null)}
          </ul>
          {tree.children.length === 0 && <p className="muted tree__empty">No subtenants yet.{canCreate ? " Add branches, venues or departments with “+ Subtenant”." : ""}</p>}
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
            setNotice(`Created ${input.name}.`);
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
            setNotice(`Moved ${action.node.name}.`);
            return null;
          }}
        />
      )}
    </section>
  );
}
