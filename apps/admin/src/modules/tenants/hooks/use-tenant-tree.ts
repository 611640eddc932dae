import { useMutation, useQuery } from "@apollo/client/react";
import type { CreateTenantInput, TenantTreeQuery as TenantTreeData } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { CreateTenantMutation } from "../graphql/create-tenant.mutation";
import { MoveTenantMutation } from "../graphql/move-tenant.mutation";
import { TenantTreeQuery } from "../graphql/tenant-tree.query";

/** A node of the loaded tree, whatever its depth; `hasMore` marks children beyond the loaded levels. */
export interface TreeNode {
  id: string;
  name: string;
  slug: string;
  depth: number;
  suspended: boolean;
  address: string | null;
  children: TreeNode[];
  hasMore: boolean;
}

type Loaded = { id: string; name?: string; slug?: string; depth?: number; suspended?: boolean; location?: { address?: string | null }; children?: Loaded[] };

export function toTreeNode(raw: Loaded): TreeNode {
  const loadedChildren = (raw.children ?? []).filter((c): c is Loaded & { name: string } => typeof c.name === "string");
  return {
    id: raw.id,
    name: raw.name ?? "",
    slug: raw.slug ?? "",
    depth: raw.depth ?? 0,
    suspended: raw.suspended ?? false,
    address: raw.location?.address ?? null,
    children: loadedChildren.map(toTreeNode),
    hasMore: (raw.children ?? []).length > 0 && loadedChildren.length === 0,
  };
}

/** Every node in the tree, depth first. */
export function flatten(node: TreeNode): TreeNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

export function useTenantTree(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(TenantTreeQuery, { variables: { id: tenantId } });
  const [createMutation, createState] = useMutation(CreateTenantMutation);
  const [moveMutation, moveState] = useMutation(MoveTenantMutation);
  const tree = data?.tenant ? toTreeNode(data.tenant as TenantTreeData["tenant"] & Loaded) : null;

  const createSubtenant = (input: CreateTenantInput) =>
    attempt(async () => {
      const result = await createMutation({ variables: { input } });
      await refetch();
      return result.data?.createTenant ?? null;
    });

  const moveTenant = (id: string, parentId: string) =>
    attempt(async () => {
      await moveMutation({ variables: { id, parentId } });
      await refetch();
    });

  return {
    tree,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    createSubtenant,
    creating: createState.loading,
    moveTenant,
    moving: moveState.loading,
  };
}
