import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { buildTree, type TreeItem, type TreeNode } from '../lib/tree';

interface TreeOption {
  value: number;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

/** A department from the organisation (with `active`) or the directory (active ones only). */
type PickableDepartment = TreeItem & { active?: boolean };

type Props = Omit<TreeSelectProps<number>, 'treeData'> & {
  departments: readonly PickableDepartment[];
  /** Departments that cannot be chosen (e.g. a department's own subtree when moving it). */
  disabledIds?: ReadonlySet<number>;
  /** Inactive departments are left out unless this is set. */
  includeInactive?: boolean;
};

export default function DepartmentTreeSelect({ departments, disabledIds, includeInactive, ...props }: Props) {
  const treeData = useMemo(() => {
    const visible = includeInactive ? departments : departments.filter((d) => d.active !== false);
    const toOption = ({ item, children }: TreeNode<PickableDepartment>): TreeOption => ({
      value: item.id,
      title: item.name,
      disabled: disabledIds?.has(item.id) ?? false,
      children: children.map(toOption),
    });
    return buildTree(visible).map(toOption);
  }, [departments, disabledIds, includeInactive]);

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
