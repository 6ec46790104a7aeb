// Department and staff pickers that work for every role: a tree / search when the user may list
// the organisation (org.read), otherwise a plain id input.
import { InputNumber, Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getStaff } from '../../api/org';
import type { Staff } from '../../api/types';
import { searchStaff, useCanListStaff, useDepartments } from '../../lib/directory';
import { useDebounced } from '../../lib/useDebounced';
import DepartmentTreeSelect from '../DepartmentTreeSelect';

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
  const { departments, loading } = useDepartments();
  if (departments) {
    return (
      <DepartmentTreeSelect
        id={id}
        departments={departments}
        value={value ?? undefined}
        onChange={(next) => onChange?.(next ?? null)}
        placeholder={placeholder ?? t('directory.department')}
        allowClear={allowClear}
        style={{ width: '100%', ...style }}
        data-testid="department-picker"
      />
    );
  }
  if (loading) return <Spin size="small" />;
  return (
    <InputNumber<number>
      id={id}
      min={1}
      precision={0}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={t('directory.departmentId')}
      style={{ width: '100%', ...style }}
      data-testid="department-id-input"
    />
  );
}

export function StaffField({ id, value, onChange, placeholder, allowClear = true, style }: FieldProps) {
  const { t } = useTranslation();
  const canList = useCanListStaff();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [results, setResults] = useState<Staff[]>([]);
  const [chosen, setChosen] = useState<Staff | null>(null);

  useEffect(() => {
    if (!canList) return undefined;
    const controller = new AbortController();
    searchStaff(query, controller.signal)
      .then(setResults)
      .catch(() => setResults([]));
    return () => controller.abort();
  }, [canList, query]);

  // A value set from outside (a saved record) is shown by name, not by id.
  useEffect(() => {
    if (!canList || !value || chosen?.id === value || results.some((s) => s.id === value)) return;
    let live = true;
    getStaff(value)
      .then((staff) => live && setChosen(staff))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [canList, value, chosen, results]);

  if (!canList) {
    return (
      <InputNumber<number>
        id={id}
        min={1}
        precision={0}
        value={value ?? null}
        onChange={(next) => onChange?.(next ?? null)}
        placeholder={t('directory.staffId')}
        style={{ width: '100%', ...style }}
        data-testid="staff-id-input"
      />
    );
  }
  const pool = chosen && !results.some((s) => s.id === chosen.id) ? [chosen, ...results] : results;
  return (
    <Select<number | null>
      id={id}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      value={value ?? null}
      onSearch={setSearch}
      placeholder={placeholder ?? t('directory.staff')}
      onChange={(next) => {
        setChosen(pool.find((s) => s.id === next) ?? null);
        onChange?.(next ?? null);
      }}
      options={pool.map((s) => ({
        value: s.id,
        label: s.department_name ? `${s.display_name} (${s.department_name})` : s.display_name,
      }))}
      style={{ width: '100%', ...style }}
      data-testid="staff-picker"
    />
  );
}
