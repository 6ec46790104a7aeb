import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { getStaff, listDepartments, listRoles, listStaff } from '../../api/org';
import { ROLE_CODES, type RoleCode, type Staff as StaffMember, type StaffQuery } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import CursorTable from '../../components/CursorTable';
import TreeItemSelect from '../../components/TreeItemSelect';
import ErrorAlert from '../../components/ErrorAlert';
import FilterBar from '../../components/FilterBar';
import PageHeader from '../../components/PageHeader';
import RoleTags from '../../components/RoleTags';
import { useRoleOptions } from '../../components/roles';
import StatusTag from '../../components/StatusTag';
import { useNotify } from '../../components/useNotify';
import { useAsync } from '../../lib/useAsync';
import { useCursorList } from '../../lib/useCursorList';
import { useDebounced } from '../../lib/useDebounced';
import StaffDrawer from './StaffDrawer';

const PAGE_SIZE = 50;

type ActiveFilter = 'all' | 'active' | 'inactive';

interface Filters {
  q: string;
  department_id?: number;
  role?: RoleCode;
  active: ActiveFilter;
}

const NO_FILTERS: Filters = { q: '', active: 'all' };

function toQuery(filters: Filters): StaffQuery {
  return {
    q: filters.q.trim() || undefined,
    department_id: filters.department_id,
    role: filters.role,
    active: filters.active === 'all' ? undefined : filters.active === 'active',
  };
}

/** The drawer is closed (null), creating ('new') or editing a staff member. */
type Editing = null | 'new' | StaffMember;

export default function Staff() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('org.write');
  const notify = useNotify();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [editing, setEditing] = useState<Editing>(null);
  // A link may name a person (?id=, e.g. from the audit log): their form, or the list narrowed to them.
  const [params] = useSearchParams();
  const linkedId = Number(params.get('id')) || null;
  useEffect(() => {
    if (!linkedId) return;
    getStaff(linkedId)
      .then((staff) => (canWrite ? setEditing(staff) : setFilters({ ...NO_FILTERS, q: staff.username })))
      .catch(notify.failure);
  }, [linkedId, canWrite, notify.failure]);
  const departments = useAsync(listDepartments, []);
  const roles = useAsync(listRoles, []);
  const roleCodes = roles.data?.map((role) => role.code) ?? ROLE_CODES;
  const roleOptions = useRoleOptions(roleCodes);

  const fetchPage = useCallback(
    (query: StaffQuery, cursor: string | null, signal: AbortSignal) => listStaff(query, cursor, PAGE_SIZE, signal),
    [],
  );
  const list = useCursorList(fetchPage, toQuery(useDebounced(filters)));

  const update = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));

  const onSaved = (staff: StaffMember, created: boolean) => {
    setEditing(null);
    if (created) {
      notify.success(t('staff.created', { name: staff.display_name }));
      list.reload();
    } else {
      notify.success(t('staff.updated', { name: staff.display_name }));
      list.replace((item) => item.id === staff.id, staff);
    }
  };

  const columns: ColumnsType<StaffMember> = [
    { title: t('staff.username'), dataIndex: 'username' },
    { title: t('staff.displayName'), dataIndex: 'display_name' },
    { title: t('staff.department'), dataIndex: 'department_name' },
    { title: t('staff.jobTitle'), dataIndex: 'title' },
    { title: t('staff.roles'), dataIndex: 'roles', render: (value: string[]) => <RoleTags roles={value} /> },
    { title: t('common.status'), dataIndex: 'active', render: (value: boolean) => <StatusTag active={value} /> },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, staff) => (
        <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(staff)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!departments.data}>
              {t('common.create')}
            </Button>
          )
        }
      />
      {departments.error && <ErrorAlert error={departments.error} onRetry={() => void departments.reload()} />}
      {roles.error && <ErrorAlert error={roles.error} onRetry={() => void roles.reload()} />}
      <FilterBar onReset={() => setFilters(NO_FILTERS)}>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('staff.searchPlaceholder')}
          aria-label={t('common.search')}
          value={filters.q}
          onChange={(event) => update({ q: event.target.value })}
        />
        <TreeItemSelect
          style={{ width: 220 }}
          includeInactive
          items={departments.data ?? []}
          placeholder={t('staff.allDepartments')}
          aria-label={t('staff.department')}
          value={filters.department_id}
          onChange={(value) => update({ department_id: value ?? undefined })}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('staff.allRoles')}
          aria-label={t('staff.role')}
          options={roleOptions}
          value={filters.role}
          onChange={(value?: RoleCode) => update({ role: value })}
        />
        <Select<ActiveFilter>
          style={{ width: 120 }}
          aria-label={t('common.status')}
          value={filters.active}
          onChange={(value) => update({ active: value })}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'active', label: t('common.active') },
            { value: 'inactive', label: t('common.inactive') },
          ]}
        />
      </FilterBar>
      <CursorTable<StaffMember> rowKey="id" columns={columns} list={list} emptyText={t('staff.empty')} />
      {editing && departments.data && (
        <StaffDrawer
          staff={editing === 'new' ? null : editing}
          departments={departments.data}
          roleCodes={roleCodes}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
    </>
  );
}
