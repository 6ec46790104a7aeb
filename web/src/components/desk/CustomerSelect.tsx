// Customer look-up by name, phone or e-mail (debounced GET /customers?q=) for forms.
import { Select, Spin, Typography } from 'antd';
import { forwardRef, useEffect, useState } from 'react';
import type { RefSelectProps } from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { searchCustomers } from '../../api/desk';
import type { Customer } from '../../api/deskTypes';
import { useDebounced } from '../../lib/useDebounced';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null, customer: Customer | null) => void;
  autoFocus?: boolean;
  placeholder?: string;
  /** A customer to show as selected without searching for it (e.g. one just created). */
  selected?: Customer | null;
  status?: 'error' | 'warning' | '';
  /** The text typed into the search box, e.g. to prefill a new customer. */
  onSearchChange?: (text: string) => void;
}

export function customerLabel(customer: Customer): string {
  const parts = [customer.name, customer.phone, customer.organisation_name].filter(Boolean);
  return parts.join(' · ');
}

const CustomerSelect = forwardRef<RefSelectProps, Props>(function CustomerSelect(
  { id, value, onChange, autoFocus, placeholder, selected, status, onSearchChange },
  ref,
) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [results, setResults] = useState<Customer[]>([]);
  const [loading, setLoading] = useState(false);
  const [chosen, setChosen] = useState<Customer | null>(selected ?? null);

  useEffect(() => {
    if (selected) setChosen(selected);
  }, [selected]);

  useEffect(() => {
    if (!query) {
      setResults([]);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    searchCustomers(query, 20, controller.signal)
      .then(setResults)
      .catch(() => setResults([]))
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [query]);

  const pool = chosen && !results.some((c) => c.id === chosen.id) ? [chosen, ...results] : results;
  const options = pool.map((c) => ({
    value: c.id,
    label: customerLabel(c),
    customer: c,
  }));

  return (
    <Select<number | null, (typeof options)[number]>
      id={id}
      ref={ref}
      showSearch
      allowClear
      autoFocus={autoFocus}
      status={status}
      value={value ?? null}
      placeholder={placeholder ?? t('customers.searchPlaceholder')}
      filterOption={false}
      onSearch={(text) => {
        setSearch(text);
        onSearchChange?.(text);
      }}
      searchValue={search}
      onChange={(next, option) => {
        const customer = next === null || next === undefined ? null : ((option as (typeof options)[number])?.customer ?? null);
        setChosen(customer);
        setSearch('');
        onChange?.(next ?? null, customer);
      }}
      notFoundContent={
        loading ? (
          <Spin size="small" />
        ) : (
          <Typography.Text type="secondary">{query ? t('customers.noMatch') : t('customers.typeToSearch')}</Typography.Text>
        )
      }
      options={options}
      optionRender={(option) => {
        const c = option.data.customer;
        return (
          <div data-testid="customer-option">
            <Typography.Text strong>{c.name}</Typography.Text>{' '}
            <Typography.Text type="secondary">{[c.phone, c.email, c.organisation_name].filter(Boolean).join(' · ')}</Typography.Text>
            {c.tier && c.tier !== 'standard' && <Typography.Text type="warning"> {c.tier}</Typography.Text>}
          </div>
        );
      }}
      style={{ width: '100%' }}
    />
  );
});

export default CustomerSelect;
