// The customer's own requests and complaints, newest first: a table on a wide screen, a list of
// cards (number, status, title, when) on a phone.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listMyTickets } from '../../api/portal';
import type { Ticket } from '../../api/deskTypes';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { TicketStatusTag } from '../../components/desk/tags';
import { useNarrow } from '../../layout/useNarrow';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';

function RequestCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Link to={`/portal/tickets/${ticket.id}`} style={{ color: 'inherit', display: 'block' }} data-testid="my-request">
      <Card size="small" hoverable>
        <Flex justify="space-between" align="center" gap="small">
          <Typography.Text type="secondary">
            {ticket.number} · {t(`enums.type.${ticket.type}`)}
          </Typography.Text>
          <TicketStatusTag status={ticket.status} />
        </Flex>
        <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
          {ticket.title}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('portal.submittedAt', { time: formatTime(ticket.created_at) })}
          {ticket.updated_at !== ticket.created_at && <> · {t('portal.updatedAt', { time: formatTime(ticket.updated_at) })}</>}
        </Typography.Text>
      </Card>
    </Link>
  );
}

export default function MyRequests() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const { data, error, loading, reload } = useAsync(() => listMyTickets(), []);
  return (
    <>
      <PageHeader
        title={t('portal.myRequests')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/portal/new')}>
            {t('portal.newRequest')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('portal.intro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} onRetry={() => void reload()} />}
      {narrow ? (
        <List<Ticket>
          loading={loading}
          dataSource={data ?? []}
          locale={{ emptyText: <Empty description={t('portal.empty')} /> }}
          pagination={(data?.length ?? 0) > 20 ? { pageSize: 20, size: 'small' } : false}
          split={false}
          data-testid="my-requests"
          renderItem={(ticket) => (
            <List.Item style={{ padding: '0 0 8px' }}>
              <RequestCard ticket={ticket} />
            </List.Item>
          )}
          style={{ width: '100%' }}
        />
      ) : (
        <Table<Ticket>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('portal.empty') }}
          data-testid="my-requests"
          onRow={(row) => ({ onClick: () => navigate(`/portal/tickets/${row.id}`), style: { cursor: 'pointer' } })}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('tickets.number'),
              dataIndex: 'number',
              render: (value: string, row) => (
                <Link to={`/portal/tickets/${row.id}`} onClick={(event) => event.stopPropagation()}>
                  {value}
                </Link>
              ),
            },
            { title: t('tickets.titleColumn'), dataIndex: 'title' },
            { title: t('tickets.type'), dataIndex: 'type', render: (v: Ticket['type']) => t(`enums.type.${v}`) },
            { title: t('tickets.status'), dataIndex: 'status', render: (v: Ticket['status']) => <TicketStatusTag status={v} /> },
            { title: t('portal.submitted'), dataIndex: 'created_at', render: (v: string) => formatTime(v) },
            { title: t('common.updatedAt'), dataIndex: 'updated_at', render: (v: string) => formatTime(v) },
          ]}
        />
      )}
    </>
  );
}
