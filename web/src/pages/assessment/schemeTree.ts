// The scheme document's tree, edited immutably: nodes are addressed by their path of child indexes
// ([] = the root), which is also how the server names them (`tree.children[1].children[2]`).
import type { SchemeNode } from '../../api/assessment';

export type NodePath = readonly number[];

/** The server's name of a node: [1, 2] → "tree.children[1].children[2]". */
export function fieldOf(path: NodePath): string {
  return ['tree', ...path.map((i) => `children[${i}]`)].join('.');
}

export function nodeAt(root: SchemeNode, path: NodePath): SchemeNode {
  return path.reduce<SchemeNode>((node, i) => (node.children ?? [])[i], root);
}

/** The tree with the node at `path` replaced by `change(node)`. */
export function updateNode(root: SchemeNode, path: NodePath, change: (node: SchemeNode) => SchemeNode): SchemeNode {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path;
  const children = [...(root.children ?? [])];
  children[head] = updateNode(children[head], rest, change);
  return { ...root, children };
}

export function removeNode(root: SchemeNode, path: NodePath): SchemeNode {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  return updateNode(root, parent, (node) => ({ ...node, children: (node.children ?? []).filter((_, i) => i !== index) }));
}

export function addChild(root: SchemeNode, path: NodePath, child: SchemeNode): SchemeNode {
  return updateNode(root, path, (node) => ({ ...node, children: [...(node.children ?? []), child] }));
}

/**
 * Shares `total` points by `weights` (adding up to 1) with `decimals` places, the rounding
 * remainder going to the largest shares so the parts add up to the total exactly.
 */
export function sharePoints(total: number, weights: readonly number[], decimals = 2): number[] {
  const unit = 10 ** decimals;
  const exact = weights.map((w) => w * total * unit);
  const floors = exact.map(Math.floor);
  let left = Math.round(total * unit) - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors.map((f) => f / unit);
}

/** Problems that name this node itself (not one of its descendants). */
export function ownProblems<P extends { field: string }>(problems: readonly P[], path: NodePath): P[] {
  const field = fieldOf(path);
  return problems.filter((p) => {
    if (p.field === field) return true;
    if (!p.field.startsWith(field)) return false;
    const rest = p.field.slice(field.length);
    return rest.startsWith('.') && !rest.startsWith('.children[');
  });
}
