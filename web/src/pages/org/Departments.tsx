// The department tree: add, rename (and code), move, deactivate and reactivate.
import { Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { createDepartment, listDepartments, updateDepartment } from '../../api/org';
import type { Department } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import StatusTag from '../../components/StatusTag';
import TreeAdmin, { type TreeEdit, type TreeEditValues } from '../../components/tree/TreeAdmin';
import { formatTime } from '../../lib/format';

function save(edit: TreeEdit<Department>, values: TreeEditValues): Promise<Department> {
  switch (edit.mode) {
    case 'create':
      return createDepartment({
        name: (values.name ?? '').trim(),
        parent_id: values.parent_id ?? null,
        ...(values.code?.trim() ? { code: values.code.trim() } : {}),
      });
    case 'rename':
      return updateDepartment(edit.item.id, { name: (values.name ?? '').trim(), code: values.code?.trim() || null });
    case 'move':
      // The form marks the new parent as required, so it is always set here.
      return updateDepartment(edit.item.id, { parent_id: values.parent_id as number });
  }
}

export default function Departments() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const staffCount = useCallback(
    (department: Department) => <Typography.Text type="secondary">({department.staff_count})</Typography.Text>,
    [],
  );
  return (
    <TreeAdmin<Department>
      kind="departments"
      testId="department"
      load={listDepartments}
      canWrite={can('org.write')}
      save={save}
      setActive={(department, active) => updateDepartment(department.id, { active })}
      editor={{ schema: 'DepartmentCreate', withCode: true, parentRequired: true }}
      nodeExtra={staffCount}
      details={(department, departments) => [
        { label: t('departments.code'), value: department.code || t('common.none') },
        {
          label: t('departments.parent'),
          value:
            department.parent_id === null
              ? t('departments.noParent')
              : (departments.find((d) => d.id === department.parent_id)?.name ?? '—'),
        },
        { label: t('common.status'), value: <StatusTag active={department.active} /> },
        { label: t('departments.staffCount'), value: department.staff_count },
        { label: t('common.createdAt'), value: formatTime(department.created_at) },
        { label: t('common.updatedAt'), value: formatTime(department.updated_at) },
      ]}
    />
  );
}
