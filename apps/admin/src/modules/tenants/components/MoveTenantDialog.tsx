import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { SelectField } from "../../../ui/Field";
import { Alert } from "../../../ui/states";
import { flatten, type TreeNode } from "../hooks/use-tenant-tree";

interface Props {
  node: TreeNode;
  currentParentId: string | null;
  tree: TreeNode;
  busy: boolean;
  onMove: (parentId: string) => Promise<Problem | null>;
  onClose: () => void;
}

/** Targets: every loaded tenant except the moving one, its own subtree (a cycle) and its current parent. */
export function moveTargets(tree: TreeNode, node: TreeNode, currentParentId: string | null): TreeNode[] {
  const excluded = new Set(flatten(node).map((n) => n.id));
  return flatten(tree).filter((n) => !excluded.has(n.id) && n.id !== currentParentId);
}

export function MoveTenantDialog({ node, currentParentId, tree, busy, onMove, onClose }: Props) {
  const { t } = useTranslation();
  const targets = moveTargets(tree, node, currentParentId);
  const [parentId, setParentId] = useState(targets[0]?.id ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (parentId) setProblem(await onMove(parentId));
  };

  return (
    <Dialog
      title={t("tenants.tree.moveName", { name: node.name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("tenants.create.cancel")}</Button>
          <Button type="submit" form="move-tenant" variant="primary" busy={busy} disabled={!parentId}>
            {t("tenants.tree.move")}
          </Button>
        </>
      }
    >
      <form id="move-tenant" className="form" onSubmit={(e) => void submit(e)}>
        {problem && <Alert>{problem.message}</Alert>}
        {targets.length === 0 ? (
          <p>{t("tenants.move.nowhere")}</p>
        ) : (
          <SelectField
            label={t("tenants.move.newParent")}
            value={parentId}
            onChange={setParentId}
            options={targets.map((target) => ({ value: target.id, label: `${"— ".repeat(Math.max(0, target.depth - tree.depth))}${target.name}` }))}
            error={problem?.fields.parentId}
            hint={t("tenants.move.hint", { name: node.name })}
          />
        )}
      </form>
    </Dialog>
  );
}
