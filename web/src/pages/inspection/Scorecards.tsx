// 评分表: the scorecards, newest version of each; a new one or an edit opens the builder.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listScorecards, type Scorecard } from '../../api/inspection';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import StatusTag from '../../components/StatusTag';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { cardItems } from './card';

export default function Scorecards() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useAsync(listScorecards, []);
  return (
    <>
      <PageHeader
        title={t('inspection.scorecards.title')}
        extra={
          can('inspection.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/inspection/scorecards/new')} data-testid="new-scorecard">
              {t('inspection.scorecards.new')}
            </Button>
          )
        }
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
      <Table<Scorecard>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data}
        data-testid="scorecard-table"
        scroll={{ x: true }}
        columns={[
          { title: t('inspection.card.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/inspection/scorecards/${c.id}`}>{name}</Link> },
          { title: t('inspection.scorecards.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('inspection.card.method'), dataIndex: 'method', render: (m: string) => t(`inspection.method.${m === 'section_weights' ? 'section_weights' : 'total_points'}`) },
          { title: t('inspection.card.passMark'), dataIndex: 'pass_mark', render: (p: number) => `${p} %` },
          { title: t('inspection.scorecards.items'), key: 'items', render: (_, c) => cardItems(c).length },
          { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => <StatusTag active={a} /> },
          { title: t('common.updatedAt'), dataIndex: 'updated_at', render: (at: string) => formatTime(at) },
        ]}
      />
    </>
  );
}
