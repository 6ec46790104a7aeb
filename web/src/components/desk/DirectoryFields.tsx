// Department and staff pickers for everyone who handles tickets: a department tree and a staff
// search by name, from the directory (lib/directory.ts).
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryStaff } from '../../api/types';
import { staffLabel, useDepartments, useStaffById, useStaffSearch } from '../../lib/directory';
import { useDebounced } from '../../lib/useDebounced';
import TreeItemSelect from '../TreeItemSelect';
import { errorText } from '../errors';

interface FieldProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

export function DepartmentField({ id, value, onChange, placeholder, allowClear = true, style }: FieldProps) {
  const { t } = useTranslation();
  const { departments, loading, error } = useDepartments();
  if (!departments && loading) return <Spin size="small" />;
  return (
    <TreeItemSelect
      id={id}
      items={departments ?? []}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={placeholder ?? t('directory.department')}
      notFoundContent={error ? errorText(t, error) : undefined}
      status={error ? 'error' : undefined}
      allowClear={allowClear}
      style={{ width: '100%', ...style }}
      data-testid="department-picker"
    />
  );
}

interface StaffFieldProps extends FieldProps {
  /** Only offer staff of this department. */
  departmentId?: number | null;
}

export function StaffField({ id, value, onChange, placeholder, allowClear = true, style, departmentId }: StaffFieldProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const { staff: results, loading, error } = useStaffSearch(query, departmentId);
  // A value set from outside (a saved record, "assign to me") is shown by name, not by id.
  const current = useStaffById(value && !results.some((s) => s.id === value) ? value : null);
  const pool: DirectoryStaff[] = current && !results.some((s) => s.id === current.id) ? [current, ...results] : results;
  const options = pool.map((s) => ({ value: s.id, label: staffLabel(s) }));
  if (value && !pool.some((s) => s.id === value)) options.unshift({ value, label: `#${value}` });
  return (
    <Select<number | null>
      id={id}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      value={value ?? null}
      onSearch={setSearch}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : error ? errorText(t, error) : t('directory.noStaff')}
      status={error ? 'error' : undefined}
      placeholder={placeholder ?? t('directory.staff')}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      style={{ width: '100%', ...style }}
      data-testid="staff-picker"
    />
  );
}
