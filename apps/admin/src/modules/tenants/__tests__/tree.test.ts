import { describe, expect, it } from "vitest";
import { moveTargets } from "../components/MoveTenantDialog";
import { flatten, toTreeNode } from "../hooks/use-tenant-tree";

const tree = toTreeNode({
  id: "root",
  name: "Chain",
  slug: "chain",
  depth: 0,
  children: [
    { id: "north", name: "North", slug: "north", depth: 1, children: [{ id: "n1", name: "North 1", slug: "n1", depth: 2, children: [{ id: "deep" }] }] },
    { id: "south", name: "South", slug: "south", depth: 1, children: [] },
  ],
});

describe("tenant tree", () => {
  it("marks nodes whose children were not loaded", () => {
    const n1 = flatten(tree).find((n) => n.id === "n1");
    expect(n1?.hasMore).toBe(true);
    expect(n1?.children).toEqual([]);
    expect(flatten(tree).map((n) => n.id)).toEqual(["root", "north", "n1", "south"]);
  });

  it("offers as new parents everything but the node's own subtree and its current parent", () => {
    const north = flatten(tree).find((n) => n.id === "north");
    expect(moveTargets(tree, north!, "root").map((n) => n.id)).toEqual(["south"]);
    const n1 = flatten(tree).find((n) => n.id === "n1");
    expect(moveTargets(tree, n1!, "north").map((n) => n.id)).toEqual(["root", "south"]);
  });
});
