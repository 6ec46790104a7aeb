// The customer's own requests and complaints, newest first.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listMyTickets } from '../../api/portal';
import type { Ticket } from '../../api/deskTypes';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { TicketStatusTag } from '../../components/desk/tags';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';

export default function MyRequests() {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
    </>
  );
}
