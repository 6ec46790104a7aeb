// Client-side trees built from the flat lists the API returns (departments, the directory's
// departments, service categories): every item names its parent by id.

/** What a tree needs of an item. */
export interface TreeItem {
  id: number;
  parent_id: number | null;
  name: string;
}

export interface TreeNode<T extends TreeItem> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Nests items by parent_id, siblings by name (Chinese collation). An item whose parent is not in
 * the list (the root, or the top of a manager's visible subtree) becomes a top-level node.
 */
export function buildTree<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = node.item.parent_id;
    const parent = parentId === null ? undefined : nodes.get(parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => a.item.name.localeCompare(b.item.name, 'zh-CN'));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** The ids of an item and everything below it. */
export function subtreeIds(items: readonly TreeItem[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const { id, parent_id: parentId } of items) {
    if (parentId === null) continue;
    children.set(parentId, [...(children.get(parentId) ?? []), id]);
  }
  const ids = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** The names from the top of the tree down to `id` ("网络与连接 / VPN"); empty when unknown. */
export function pathNames(items: readonly TreeItem[], id: number): string[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const names: string[] = [];
  const seen = new Set<number>();
  for (let item = byId.get(id); item && !seen.has(item.id); item = item.parent_id === null ? undefined : byId.get(item.parent_id)) {
    seen.add(item.id);
    names.unshift(item.name);
  }
  return names;
}
