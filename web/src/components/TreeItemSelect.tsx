import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { buildTree, type TreeItem, type TreeNode } from '../lib/tree';

interface TreeOption {
  value: number;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

/** A tree item (a department from the organisation or the directory, a category) and whether it is active. */
type PickableItem = TreeItem & { active?: boolean };

type Props = Omit<TreeSelectProps<number>, 'treeData'> & {
  items: readonly PickableItem[];
  /** Items that cannot be chosen (e.g. an item's own subtree when moving it). */
  disabledIds?: ReadonlySet<number>;
  /** Inactive items are left out unless this is set. */
  includeInactive?: boolean;
};

// A picker over a tree given as a flat parent_id list: departments, service categories.
export default function TreeItemSelect({ items, disabledIds, includeInactive, ...props }: Props) {
  const treeData = useMemo(() => {
    const visible = includeInactive ? items : items.filter((item) => item.active !== false);
    const toOption = ({ item, children }: TreeNode<PickableItem>): TreeOption => ({
      value: item.id,
      title: item.name,
      disabled: disabledIds?.has(item.id) ?? false,
      children: children.map(toOption),
    });
    return buildTree(visible).map(toOption);
  }, [items, disabledIds, includeInactive]);

  return (
    <TreeSelect<number>
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      allowClear
      popupMatchSelectWidth={false}
      {...props}
      treeData={treeData}
    />
  );
}
