// Client-side department tree built from the flat list the API returns.
import type { Department } from '../api/types';

export interface DepartmentNode {
  department: Department;
  children: DepartmentNode[];
}

function byName(a: DepartmentNode, b: DepartmentNode): number {
  return a.department.name.localeCompare(b.department.name, 'zh-CN');
}

/**
 * Nests departments by parent_id. A department whose parent is not in the list (the root, or the
 * top of a manager's visible subtree) becomes a top-level node.
 */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>();
  for (const department of departments) nodes.set(department.id, { department, children: [] });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.department.parent_id;
    const parent = parentId === null ? undefined : nodes.get(parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort(byName);
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** The ids of a department and everything below it. */
export function subtreeIds(departments: readonly Department[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const { id, parent_id: parentId } of departments) {
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
