// 逾期整改: pending actions whose due day has ended, oldest due first, with whether the owner and
// the managers have been told (the server's overdue sweep).
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listActions, type Action } from '../../api/improvement';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { StatusTag, actionPath } from './labels';

export default function Overdue() {
  const { t } = useTranslation();
  const list = useAsync(() => listActions({ overdue: true, limit: 500 }), []);
  const rows = [...(list.data ?? [])].sort((a, b) => (a.due_at ?? '').localeCompare(b.due_at ?? ''));
  return (
    <>
      <PageHeader title={t('improvement.overdue.title')} />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
      <Table<Action>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        data-testid="overdue-table"
        columns={[
          { title: t('improvement.field.title'), key: 'title', render: (_, a) => <Link to={actionPath(a.id)}>{a.title}</Link> },
          { title: t('improvement.field.owner'), dataIndex: 'owner_name' },
          { title: t('improvement.field.department'), dataIndex: 'department_name' },
          { title: t('improvement.field.dueDate'), dataIndex: 'due_date' },
          { title: t('common.status'), dataIndex: 'status', render: (_, a) => <StatusTag status={a.status} /> },
          {
            title: t('improvement.overdue.escalation'),
            key: 'escalation',
            render: (_, a) => (
              <>
                {a.owner_notified_at && <Tag title={formatTime(a.owner_notified_at)}>{t('improvement.overdue.ownerTold')}</Tag>}
                {a.manager_notified_at && (
                  <Tag color="volcano" title={formatTime(a.manager_notified_at)}>
                    {t('improvement.overdue.managerTold')}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
