import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { Department } from '../api/types';
import { buildDepartmentTree, type DepartmentNode } from '../lib/departments';

interface TreeOption {
  value: number;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

type Props = Omit<TreeSelectProps<number>, 'treeData'> & {
  departments: readonly Department[];
  /** Departments that cannot be chosen (e.g. a department's own subtree when moving it). */
  disabledIds?: ReadonlySet<number>;
  /** Inactive departments are left out unless this is set. */
  includeInactive?: boolean;
};

export default function DepartmentTreeSelect({ departments, disabledIds, includeInactive, ...props }: Props) {
  const treeData = useMemo(() => {
    const visible = includeInactive ? departments : departments.filter((d) => d.active);
    const toOption = ({ department, children }: DepartmentNode): TreeOption => ({
      value: department.id,
      title: department.name,
      disabled: disabledIds?.has(department.id) ?? false,
      children: children.map(toOption),
    });
    return buildDepartmentTree(visible).map(toOption);
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
