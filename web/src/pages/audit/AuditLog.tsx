import { DatePicker, Descriptions, Input, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listEvents } from '../../api/audit';
import type { AuditEvent, EventQuery } from '../../api/types';
import CursorTable from '../../components/CursorTable';
import FilterBar from '../../components/FilterBar';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 50;

interface Filters {
  entity: string;
  type: string;
  actor: string;
  /** Local calendar days as YYYY-MM-DD, both inclusive (the API's `to` is exclusive). */
  from?: string;
  to?: string;
}

const NO_FILTERS: Filters = { entity: '', type: '', actor: '' };

function toQuery(filters: Filters): EventQuery {
  return {
    entity: filters.entity.trim() || undefined,
    type: filters.type.trim() || undefined,
    actor: filters.actor.trim() || undefined,
    from: filters.from ? dayjs(filters.from).startOf('day').toISOString() : undefined,
    to: filters.to ? dayjs(filters.to).add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

function EventDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('audit.data')}>
        <pre className="sqm-json">{JSON.stringify(event.data, null, 2)}</pre>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.hash')}>
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {event.hash}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function AuditLog() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const update = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));

  const fetchPage = useCallback(
    (query: EventQuery, cursor: string | null, signal: AbortSignal) => listEvents(query, cursor, PAGE_SIZE, signal),
    [],
  );
  const list = useCursorList(fetchPage, toQuery(useDebounced(filters)));

  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 90 },
    { title: t('audit.at'), dataIndex: 'at', render: (value: string) => formatTime(value) },
    { title: t('audit.actor'), dataIndex: 'actor' },
    { title: t('audit.entity'), dataIndex: 'entity' },
    { title: t('audit.entityId'), dataIndex: 'entity_id' },
    { title: t('audit.type'), dataIndex: 'type', render: (value: string) => <Tag>{value}</Tag> },
  ];

  const range: [Dayjs, Dayjs] | null =
    filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <FilterBar onReset={() => setFilters(NO_FILTERS)}>
        <Input
          allowClear
          style={{ width: 160 }}
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          value={filters.entity}
          onChange={(event) => update({ entity: event.target.value })}
        />
        <Input
          allowClear
          style={{ width: 200 }}
          placeholder={t('audit.type')}
          aria-label={t('audit.type')}
          value={filters.type}
          onChange={(event) => update({ type: event.target.value })}
        />
        <Input
          allowClear
          style={{ width: 160 }}
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={filters.actor}
          onChange={(event) => update({ actor: event.target.value })}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          value={range}
          onChange={(days) =>
            update({ from: days?.[0]?.format('YYYY-MM-DD'), to: days?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </FilterBar>
      <CursorTable<AuditEvent>
        rowKey="seq"
        columns={columns}
        list={list}
        emptyText={t('audit.empty')}
        expandable={{ expandedRowRender: (event) => <EventDetail event={event} /> }}
      />
    </>
  );
}
