// The callback (回访) queue: open, overdue and done callbacks; an open one is recorded inline.
import { Button, Card, Form, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { actOnTicket, listCallbacks } from '../../api/desk';
import type { CallbackQueue as Queue, CallbackRow } from '../../api/deskTypes';
import { useAuth } from '../../auth/AuthContext';
import CursorTable from '../../components/CursorTable';
import PageHeader from '../../components/PageHeader';
import CallbackFields, { callbackInput, type CallbackValues } from '../../components/desk/CallbackFields';
import SubmitAlert from '../../components/SubmitAlert';
import { formatTime } from '../../lib/format';
import { useCursorList } from '../../lib/useCursorList';
import { useSubmit } from '../../lib/useSubmit';

const PAGE_SIZE = 50;
const QUEUES: Queue[] = ['open', 'overdue', 'done'];

function RecordCallback({ row, onDone }: { row: CallbackRow; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallbackValues>();
  const submit = useSubmit(form, (values: CallbackValues) => actOnTicket(row.ticket_id, 'callback', callbackInput(values)), {
    success: t('callbacks.recorded', { number: row.ticket_number }),
    onSuccess: onDone,
  });
  return (
    <Card size="small" data-testid="record-callback">
      <SubmitAlert submit={submit} />
      <Form<CallbackValues>
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        style={{ maxWidth: 720 }}
      >
        <CallbackFields />
        <Button type="primary" htmlType="submit" loading={submit.pending}>
          {t('callbacks.record')}
        </Button>
      </Form>
    </Card>
  );
}

function QueueTable({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [expanded, setExpanded] = useState<number[]>([]);
  const fetchPage = useCallback(
    (state: Queue, cursor: string | null, signal: AbortSignal) => listCallbacks(state, cursor, PAGE_SIZE, signal),
    [],
  );
  const list = useCursorList(fetchPage, queue);
  const recordable = queue !== 'done' && can('ticket.write');

  const columns: ColumnsType<CallbackRow> = [
    {
      title: t('tickets.number'),
      dataIndex: 'ticket_number',
      render: (value: string, row) => <Link to={`/desk/tickets/${row.ticket_id}`}>{value}</Link>,
    },
    { title: t('tickets.titleColumn'), dataIndex: 'ticket_title', ellipsis: true, width: 260 },
    { title: t('tickets.customer'), dataIndex: 'customer_name' },
    {
      title: t('callbacks.due'),
      dataIndex: 'due_at',
      render: (value: string | null, row) => (
        <Space>
          {formatTime(value) || '—'}
          {row.overdue && !row.done_at && <Tag color="red">{t('callbacks.overdueTag')}</Tag>}
        </Space>
      ),
    },
  ];
  if (queue === 'done') {
    columns.push(
      { title: t('callbacks.doneAt'), dataIndex: 'done_at', render: (value: string | null) => formatTime(value) },
      {
        title: t('callbacks.reachedColumn'),
        dataIndex: 'reached',
        render: (v: boolean | null) => (v === null ? '—' : v ? t('callbacks.reached') : t('callbacks.notReached')),
      },
      {
        title: t('callbacks.resolved'),
        dataIndex: 'resolved',
        render: (v: CallbackRow['resolved']) => (v ? t(`enums.resolved.${v}`) : '—'),
      },
      {
        title: t('callbacks.satisfaction'),
        dataIndex: 'satisfaction',
        render: (v: CallbackRow['satisfaction']) => (v ? t(`enums.satisfaction.${v}`) : '—'),
      },
      { title: t('callbacks.doneBy'), dataIndex: 'done_by', render: (v?: string | null) => v || '—' },
      { title: t('callbacks.notes'), dataIndex: 'notes', ellipsis: true, width: 240 },
    );
  }
  if (recordable) {
    columns.push({
      title: t('common.actions'),
      key: 'record',
      render: (_, row) => (
        <Button
          size="small"
          type={expanded.includes(row.id) ? 'default' : 'primary'}
          onClick={() => setExpanded((keys) => (keys.includes(row.id) ? keys.filter((k) => k !== row.id) : [...keys, row.id]))}
        >
          {expanded.includes(row.id) ? t('common.cancel') : t('callbacks.record')}
        </Button>
      ),
    });
  }

  return (
    <CursorTable<CallbackRow>
      rowKey="id"
      columns={columns}
      list={list}
      emptyText={t(`callbacks.empty.${queue}`)}
      expandable={
        recordable
          ? {
              expandedRowKeys: expanded,
              showExpandColumn: false,
              expandedRowRender: (row) => (
                <RecordCallback
                  row={row}
                  onDone={() => {
                    setExpanded((keys) => keys.filter((k) => k !== row.id));
                    list.reload();
                  }}
                />
              ),
            }
          : undefined
      }
    />
  );
}

export default function CallbackQueue() {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<Queue>('open');
  return (
    <>
      <PageHeader title={t('callbacks.title')} />
      <Typography.Paragraph type="secondary">{t('callbacks.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={queue}
        onChange={(key) => setQueue(key as Queue)}
        destroyOnHidden
        items={QUEUES.map((key) => ({ key, label: t(`enums.callbackQueue.${key}`), children: <QueueTable queue={key} /> }))}
      />
    </>
  );
}
