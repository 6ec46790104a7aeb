// The audit log: every event, newest first, in words (event and object types translated), each
// object linked to the page that shows it (ticket 2938 as T002938), filtered with pickers. The
// filters live in the page address, so a link can open the log of one object.
import { FilterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { listEvents } from '../../api/audit';
import type { AuditEvent, EventQuery } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import CursorTable from '../../components/CursorTable';
import { eventKey } from '../../components/desk/events';
import FilterBar from '../../components/FilterBar';
import PageHeader from '../../components/PageHeader';
import i18n from '../../i18n';
import { useStaffSearch } from '../../lib/directory';
import { businessDayRange, formatTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useDebounced } from '../../lib/useDebounced';
import { AUDIT_ENTITIES, AUDIT_EVENT_GROUPS, isAuditEntity, objectRef } from './catalogue';

const PAGE_SIZE = 50;
const FILTERS = ['entity', 'entity_id', 'type', 'actor', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** The API query: the address holds business days (both inclusive); the API wants instants, `to` exclusive. */
function toQuery(filters: Filters): EventQuery {
  return {
    entity: filters.entity,
    entity_id: filters.entity_id,
    type: filters.type,
    actor: filters.actor,
    ...businessDayRange(filters.from, filters.to),
  };
}

/** An event type in words: the audit catalogue, else the ticket timeline's name, else the code. */
function useEventLabel(): (type: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (type: string) => {
      if (i18n.exists(`auditEvents.${type}`)) return String(t(`auditEvents.${type}` as 'auditEvents.auth.logout'));
      const key = eventKey(type);
      return key ? t(`events.${key}`) : type;
    },
    [t],
  );
}

function useEntityLabel(): (entity: string) => string {
  const { t } = useTranslation();
  return useCallback((entity: string) => (isAuditEntity(entity) ? t(`auditEntities.${entity}`) : entity), [t]);
}

function ActorFilter({ value, onChange }: { value?: string; onChange: (value?: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const { staff, loading } = useStaffSearch(query);
  const options = [
    { value: 'system', label: t('audit.system') },
    ...staff.map((s) => ({ value: s.username, label: `${s.name} (${s.username})` })),
  ];
  // A username typed in full (an account no longer active, a customer) is offered as it is.
  const typed = search.trim();
  if (typed && !options.some((o) => o.value === typed)) options.push({ value: typed, label: typed });
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <Select<string>
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={loading}
      style={{ width: 200 }}
      placeholder={t('audit.actor')}
      aria-label={t('audit.actor')}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      options={options}
      popupMatchSelectWidth={false}
      data-testid="filter-actor"
    />
  );
}

function EventDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('audit.type')}>
        <Typography.Text code>{event.type}</Typography.Text>
      </Descriptions.Item>
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
  const { can } = useAuth();
  const eventLabel = useEventLabel();
  const entityLabel = useEntityLabel();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: Filters = {};
    for (const key of FILTERS) out[key] = params.get(key) || undefined;
    return out;
  }, [params]);
  const update = (patch: Filters) => {
    const next = { ...filters, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, { replace: true });
  };

  const fetchPage = useCallback(
    (query: EventQuery, cursor: string | null, signal: AbortSignal) => listEvents(query, cursor, PAGE_SIZE, signal),
    [],
  );
  const list = useCursorList(fetchPage, toQuery(filters));

  const typeOptions = useMemo(
    () =>
      Object.entries(AUDIT_EVENT_GROUPS).map(([group, types]) => {
        const groupLabel = String(t(`auditGroups.${group}` as 'auditGroups.ticket'));
        return {
          label: groupLabel,
          options: [
            { value: `${group}.`, label: t('audit.allOfGroup', { group: groupLabel }) },
            ...types.map((type) => ({ value: type, label: eventLabel(type) })),
          ],
        };
      }),
    [t, eventLabel],
  );

  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 90 },
    { title: t('audit.at'), dataIndex: 'at', render: (value: string) => formatTime(value) },
    { title: t('audit.actor'), dataIndex: 'actor' },
    {
      title: t('audit.type'),
      dataIndex: 'type',
      render: (type: string) => (
        <Tag title={type} data-testid="event-type">
          {eventLabel(type)}
        </Tag>
      ),
    },
    { title: t('audit.entity'), dataIndex: 'entity', render: (entity: string) => entityLabel(entity) },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, event) => {
        const ref = objectRef(event.entity, event.entity_id, event.data);
        return (
          <Space size={4}>
            {ref.link && can(ref.link.permission) ? (
              <Link to={ref.link.to} data-testid="event-object">
                {ref.text}
              </Link>
            ) : (
              <span data-testid="event-object">{ref.text}</span>
            )}
            {event.entity_id && (
              <Button
                type="text"
                size="small"
                icon={<FilterOutlined />}
                title={t('audit.onlyObject')}
                aria-label={t('audit.onlyObject')}
                onClick={() => update({ entity: event.entity, entity_id: event.entity_id })}
              />
            )}
          </Space>
        );
      },
    },
  ];

  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <FilterBar onReset={() => setParams({}, { replace: true })}>
        {filters.entity_id && (
          <Tag closable onClose={() => update({ entity_id: undefined })} data-testid="object-filter">
            {t('audit.objectFilter', {
              entity: filters.entity ? entityLabel(filters.entity) : '',
              id: objectRef(filters.entity ?? '', filters.entity_id).text,
            })}
          </Tag>
        )}
        <Select<string>
          allowClear
          style={{ width: 160 }}
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          value={filters.entity}
          onChange={(entity) => update({ entity, entity_id: undefined })}
          options={AUDIT_ENTITIES.map((entity) => ({ value: entity, label: entityLabel(entity) }))}
          data-testid="filter-entity"
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          placeholder={t('audit.type')}
          aria-label={t('audit.type')}
          value={filters.type}
          onChange={(type) => update({ type })}
          options={typeOptions}
          popupMatchSelectWidth={false}
          data-testid="filter-type"
        />
        <ActorFilter value={filters.actor} onChange={(actor) => update({ actor })} />
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          value={range}
          onChange={(days) => update({ from: days?.[0]?.format('YYYY-MM-DD'), to: days?.[1]?.format('YYYY-MM-DD') })}
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
