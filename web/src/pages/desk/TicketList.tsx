// The ticket list: filters (kept in the page address), sorting, saved views, export and server paging.
import {
  DeleteOutlined,
  DownloadOutlined,
  LeftOutlined,
  PlusOutlined,
  RightOutlined,
  SaveOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import {
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { createTicketView, deleteTicketView, listTickets, listTicketViews, ticketExportUrl } from '../../api/desk';
import { TICKET_SORTS, type Ticket, type TicketView } from '../../api/deskTypes';
import { useAuth } from '../../auth/AuthContext';
import { currentLanguage } from '../../i18n';
import ErrorAlert from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import FilterBar from '../../components/FilterBar';
import PageHeader from '../../components/PageHeader';
import { DepartmentField } from '../../components/desk/DirectoryFields';
import { useDeskOptions } from '../../components/desk/options';
import { PriorityTag, SlaStateTag, TicketStatusTag } from '../../components/desk/tags';
import SubmitAlert from '../../components/SubmitAlert';
import { useNotify } from '../../components/useNotify';
import { useStaffById, useStaffSearch } from '../../lib/directory';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useDebounced } from '../../lib/useDebounced';
import { useSchemaRules } from '../../lib/schemaRules';
import { useSubmit } from '../../lib/useSubmit';
import {
  browserStore,
  DEFAULT_COLUMNS,
  FIXED_COLUMNS,
  readColumns,
  TICKET_COLUMNS,
  writeColumns,
  type TicketColumn,
} from './ticketColumns';
import {
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  queryToViewFilters,
  type TicketFilters,
} from './ticketFilters';

const PAGE_SIZES = [20, 50, 100];

function AssigneeFilter({ value, onChange }: { value?: string; onChange: (value?: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const { staff, loading } = useStaffSearch(query);
  const chosenId = value && value !== 'me' ? Number(value) : null;
  // An assignee from the address (a link, a saved view) is shown by name.
  const chosen = useStaffById(chosenId && !staff.some((s) => s.id === chosenId) ? chosenId : null);
  const pool = chosen ? [chosen, ...staff] : staff;
  const options = [
    { value: 'me', label: t('tickets.mine') },
    ...pool.map((s) => ({ value: String(s.id), label: s.name })),
  ];
  if (value && value !== 'me' && !options.some((o) => o.value === value)) {
    options.push({ value, label: `#${value}` });
  }
  return (
    <Select<string>
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={loading}
      style={{ width: 160 }}
      placeholder={t('tickets.assignee')}
      aria-label={t('tickets.assignee')}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      options={options}
      popupMatchSelectWidth={false}
      data-testid="filter-assignee"
    />
  );
}

/** Which columns to show: a checkbox per column, remembered in this browser. */
function ColumnPicker({ shown, onChange }: { shown: readonly TicketColumn[]; onChange: (next: TicketColumn[]) => void }) {
  const { t } = useTranslation();
  const label = (column: TicketColumn): string => {
    switch (column) {
      case 'title':
        return t('tickets.titleColumn');
      case 'sla':
        return t('tickets.sla');
      case 'created_at':
        return t('common.createdAt');
      case 'updated_at':
        return t('common.updatedAt');
      default:
        return t(`tickets.${column}`);
    }
  };
  const content = (
    <Flex vertical gap="small" data-testid="column-picker">
      <Checkbox.Group<TicketColumn>
        value={[...shown]}
        onChange={onChange}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}
        options={TICKET_COLUMNS.map((column) => ({ value: column, label: label(column), disabled: FIXED_COLUMNS.includes(column) }))}
      />
      <Button size="small" onClick={() => onChange([...DEFAULT_COLUMNS])}>
        {t('tickets.columnsDefault')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content}>
      <Button icon={<SettingOutlined />} data-testid="columns-button">
        {t('tickets.columns')}
      </Button>
    </Popover>
  );
}

function SavedViews({
  current,
  onApply,
}: {
  current: Record<string, string | number>;
  onApply: (view: TicketView) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const views = useAsync(listTicketViews, []);
  const [selected, setSelected] = useState<number | undefined>();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const schema = useSchemaRules('TicketSavedViewCreate');
  const save = useSubmit(form, ({ name }: { name: string }) => createTicketView(name.trim(), current), {
    success: (view) => t('tickets.viewSaved', { name: view.name }),
    onSuccess: (view) => {
      setNaming(false);
      form.resetFields();
      void views.reload().then(() => setSelected(view.id));
    },
  });

  const remove = async () => {
    if (selected === undefined) return;
    try {
      await deleteTicketView(selected);
      setSelected(undefined);
      notify.success(t('tickets.viewDeleted'));
      await views.reload();
    } catch (cause) {
      notify.failure(cause);
    }
  };

  const unavailable = views.error !== null;
  return (
    <Space.Compact>
      <Tooltip title={unavailable ? errorText(t, views.error) : undefined}>
        <Select<number>
          style={{ width: 180 }}
          placeholder={t('tickets.savedViews')}
          aria-label={t('tickets.savedViews')}
          disabled={unavailable}
          loading={views.loading}
          value={selected}
          allowClear
          // onSelect, not onChange: picking the view already shown applies it again (after the
          // filters were changed or reset).
          onSelect={(id: number) => {
            setSelected(id);
            const view = views.data?.find((v) => v.id === id);
            if (view) onApply(view);
          }}
          onClear={() => setSelected(undefined)}
          options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          data-testid="saved-views"
        />
      </Tooltip>
      <Tooltip title={t('tickets.saveView')}>
        <Button icon={<SaveOutlined />} aria-label={t('tickets.saveView')} disabled={unavailable} onClick={() => setNaming(true)} />
      </Tooltip>
      <Popconfirm title={t('tickets.deleteViewConfirm')} onConfirm={() => void remove()} disabled={selected === undefined}>
        <Button icon={<DeleteOutlined />} aria-label={t('tickets.deleteView')} disabled={selected === undefined} />
      </Popconfirm>
      <Modal
        open={naming}
        title={t('tickets.saveView')}
        okText={t('common.save')}
        confirmLoading={save.pending}
        onOk={() => form.submit()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <SubmitAlert submit={save} />
        <Form form={form} layout="vertical" onFinish={save.run} onValuesChange={save.onValuesChange}>
          <Form.Item name="name" label={t('tickets.viewName')} rules={schema.rules('name')}>
            <Input maxLength={schema.maxLength('name')} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}

export default function TicketList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const options = useDeskOptions();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams((key) => params.get(key)), [params]);
  const [search, setSearch] = useState(filters.q);
  const debouncedSearch = useDebounced(search, 300);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [shown, setShown] = useState<TicketColumn[]>(() => readColumns(browserStore()));
  const exportLang = currentLanguage() === 'zh-CN' ? 'zh' : 'en';

  const update = (patch: Partial<TicketFilters>) => {
    setParams(filtersToParams({ ...filters, ...patch }), { replace: true });
  };

  // Only the settled search text writes the address; a view or reset that changes it updates the box.
  useEffect(() => {
    if (debouncedSearch !== filters.q) update({ q: debouncedSearch });
  }, [debouncedSearch]);
  useEffect(() => setSearch(filters.q), [filters.q]);

  const query = useMemo(() => filtersToQuery(filters), [filters]);
  const queryKey = JSON.stringify([query, pageSize]);
  // The cursors of the pages visited so far; cursors[i] opens page i. A new query starts over.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[]; page: number }>({
    key: queryKey,
    cursors: [null],
    page: 0,
  });
  const current = paging.key === queryKey ? paging : { key: queryKey, cursors: [null], page: 0 };
  const { page } = current;
  const cursor = current.cursors[page] ?? null;
  const list = useAsync(() => listTickets(query, cursor, pageSize), [queryKey, cursor]);
  const nextCursor = list.loading ? null : (list.data?.next_cursor ?? null);
  const goTo = (target: number) => {
    const cursors = current.cursors.slice(0, Math.max(target, page) + 1);
    if (target > page && nextCursor) cursors[target] = nextCursor;
    setPaging({ key: queryKey, cursors, page: target });
  };

  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  const allColumns: Record<TicketColumn, ColumnsType<Ticket>[number]> = {
    number: {
      title: t('tickets.number'),
      dataIndex: 'number',
      width: 96,
      render: (value: string, row) => (
        <Link to={`/desk/tickets/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {value}
        </Link>
      ),
    },
    title: { title: t('tickets.titleColumn'), dataIndex: 'title', ellipsis: true, width: 260 },
    type: { title: t('tickets.type'), dataIndex: 'type', width: 80, render: (value: Ticket['type']) => t(`enums.type.${value}`) },
    priority: {
      title: t('tickets.priority'),
      dataIndex: 'priority',
      width: 90,
      render: (value: Ticket['priority']) => <PriorityTag priority={value} />,
    },
    status: {
      title: t('tickets.status'),
      dataIndex: 'status',
      width: 96,
      render: (value: Ticket['status']) => <TicketStatusTag status={value} />,
    },
    sla: {
      title: t('tickets.sla'),
      dataIndex: 'sla_state',
      width: 100,
      render: (state: Ticket['sla_state']) =>
        state ? <SlaStateTag state={state} /> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    customer: { title: t('tickets.customer'), dataIndex: 'customer_name', width: 110, ellipsis: true },
    category: { title: t('tickets.category'), dataIndex: 'category_name', width: 140, ellipsis: true },
    department: { title: t('tickets.department'), dataIndex: 'department_name', width: 130, ellipsis: true },
    assignee: { title: t('tickets.assignee'), dataIndex: 'assignee_name', width: 110, ellipsis: true },
    channel: { title: t('tickets.channel'), dataIndex: 'channel', width: 80, render: (value: Ticket['channel']) => t(`enums.channel.${value}`) },
    created_at: { title: t('common.createdAt'), dataIndex: 'created_at', width: 190, render: (value: string) => formatTime(value) },
    updated_at: { title: t('common.updatedAt'), dataIndex: 'updated_at', width: 190, render: (value: string) => formatTime(value) },
  };
  // Every column has a width: the table fills the page when they fit and scrolls inside itself when
  // they do not (a long title is cut with an ellipsis, never widening the table).
  const columns = shown.map((key) => ({ ...allColumns[key], key }));
  const tableWidth = columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0);

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        extra={
          <>
            <SavedViews
              current={queryToViewFilters(query)}
              onApply={(view) =>
                setParams(filtersToParams(filtersFromParams((key) => String(view.filters[key] ?? '') || null)), {
                  replace: true,
                })
              }
            />
            <Button icon={<DownloadOutlined />} href={ticketExportUrl(query, 'csv', exportLang)} download data-testid="export-csv">
              {t('tickets.exportCsv')}
            </Button>
            <Button icon={<DownloadOutlined />} href={ticketExportUrl(query, 'xlsx', exportLang)} download data-testid="export-xlsx">
              {t('tickets.exportXlsx')}
            </Button>
            {can('ticket.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/desk/tickets/new')}>
                {t('tickets.new')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar
        onReset={() => {
          setSearch('');
          setParams({}, { replace: true });
        }}
      >
        {filters.customer_id && (
          <Tag closable onClose={() => update({ customer_id: undefined })}>
            {t('tickets.customerFilter', { id: filters.customer_id })}
          </Tag>
        )}
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('tickets.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value })}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ minWidth: 180 }}
          placeholder={t('tickets.status')}
          aria-label={t('tickets.status')}
          value={filters.status}
          onChange={(status) => update({ status })}
          options={options.statuses}
          data-testid="filter-status"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('tickets.type')}
          aria-label={t('tickets.type')}
          value={filters.type}
          onChange={(type) => update({ type })}
          options={options.types}
          data-testid="filter-type"
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('tickets.priority')}
          aria-label={t('tickets.priority')}
          value={filters.priority}
          onChange={(priority) => update({ priority })}
          options={options.priorities}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('tickets.sla')}
          aria-label={t('tickets.sla')}
          value={filters.sla_state}
          onChange={(sla_state) => update({ sla_state })}
          options={options.slaStates}
          data-testid="filter-sla"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('tickets.channel')}
          aria-label={t('tickets.channel')}
          value={filters.channel}
          onChange={(channel) => update({ channel })}
          options={options.channels}
        />
        <DepartmentField
          value={filters.department_id}
          onChange={(department_id) => update({ department_id: department_id ?? undefined })}
          placeholder={t('tickets.department')}
          style={{ width: 180 }}
        />
        <AssigneeFilter value={filters.assignee_id} onChange={(assignee_id) => update({ assignee_id })} />
        <DatePicker.RangePicker
          aria-label={t('tickets.createdRange')}
          value={range}
          onChange={(days) => update({ from: days?.[0]?.format('YYYY-MM-DD'), to: days?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          style={{ width: 150 }}
          aria-label={t('tickets.sort')}
          value={filters.sort}
          onChange={(sort) => update({ sort })}
          options={TICKET_SORTS.map((value) => ({ value, label: t(`enums.sort.${value}`) }))}
          data-testid="sort"
        />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <ColumnPicker shown={shown} onChange={(next) => setShown(writeColumns(browserStore(), next))} />
      </Flex>
      <Table<Ticket>
        rowKey="id"
        size="middle"
        scroll={{ x: tableWidth }}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: t('tickets.empty') }}
        onRow={(row) => ({ onClick: () => navigate(`/desk/tickets/${row.id}`), style: { cursor: 'pointer' } })}
      />
      <Flex justify="flex-end" align="center" gap="small" style={{ marginTop: 16 }} data-testid="pager">
        <Typography.Text type="secondary">{t('tickets.page', { page: page + 1 })}</Typography.Text>
        <Button icon={<LeftOutlined />} disabled={page === 0 || list.loading} onClick={() => goTo(page - 1)} aria-label={t('tickets.previous')} />
        <Button icon={<RightOutlined />} disabled={!nextCursor} onClick={() => goTo(page + 1)} aria-label={t('tickets.next')} />
        <Select
          style={{ width: 120 }}
          value={pageSize}
          onChange={setPageSize}
          options={PAGE_SIZES.map((size) => ({ value: size, label: t('tickets.perPage', { count: size }) }))}
          aria-label={t('tickets.pageSize')}
        />
      </Flex>
    </>
  );
}

