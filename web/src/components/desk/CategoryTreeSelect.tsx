// The service catalogue as a tree picker (GET /categories, a flat list with parent_id).
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { listCategories } from '../../api/desk';
import type { Category } from '../../api/deskTypes';
import { useAsync } from '../../lib/useAsync';

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}

export function buildCategoryTree(categories: readonly Category[]): TreeOption[] {
  const active = categories.filter((c) => c.active);
  const nodes = new Map<number, TreeOption>(active.map((c) => [c.id, { value: c.id, title: c.name, children: [] }]));
  const roots: TreeOption[] = [];
  for (const c of active) {
    const node = nodes.get(c.id) as TreeOption;
    const parent = c.parent_id === null ? undefined : nodes.get(c.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

let cache: Promise<Category[]> | null = null;

/** Forgets the fetched categories, so pickers opened after an edit of the catalogue see it. */
export function invalidateCategories(): void {
  cache = null;
}

/** The categories, fetched once per page load (they change rarely). */
export function useCategories() {
  return useAsync(() => {
    cache ??= listCategories().catch((error: unknown) => {
      cache = null;
      throw error;
    });
    return cache;
  }, []);
}

type Props = Omit<TreeSelectProps<number>, 'treeData'>;

export default function CategoryTreeSelect(props: Props) {
  const { data, loading } = useCategories();
  const treeData = useMemo(() => buildCategoryTree(data ?? []), [data]);
  return (
    <TreeSelect<number>
      showSearch
      allowClear
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      loading={loading}
      style={{ width: '100%' }}
      {...props}
      treeData={treeData}
    />
  );
}
