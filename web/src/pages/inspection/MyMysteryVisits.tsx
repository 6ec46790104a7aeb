// 我的暗访: the visits and calls the reader makes as a mystery shopper, newest first.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listMyMysteryVisits, type MysteryVisit } from '../../api/mystery';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { ClaimTag } from './MysteryScenarioPage';
import { mysteryVisitPath } from './MysteryScenarios';
import { StateTag } from './labels';

export default function MyMysteryVisits() {
  const { t } = useTranslation();
  const visits = useAsync(listMyMysteryVisits, []);
  return (
    <>
      <PageHeader title={t('inspection.mystery.myVisits')} />
      {visits.error && <ErrorAlert error={visits.error} onRetry={() => void visits.reload()} />}
      <Table<MysteryVisit>
        rowKey="id"
        loading={visits.loading}
        dataSource={visits.data}
        data-testid="my-visit-table"
        scroll={{ x: true }}
        columns={[
          { title: '#', dataIndex: 'id', render: (id: number) => <Link to={mysteryVisitPath(id)}>{id}</Link> },
          { title: t('inspection.mystery.scenario'), dataIndex: 'scenario_title', render: (title: string, v) => <Link to={mysteryVisitPath(v.id)}>{title}</Link> },
          { title: t('inspection.mystery.channel'), dataIndex: 'channel', render: (c: MysteryVisit['channel']) => t(`inspection.mystery.channels.${c}`) },
          { title: t('inspection.assign.department'), dataIndex: 'department_name' },
          { title: t('common.status'), dataIndex: 'state', render: (state: MysteryVisit['state']) => <StateTag state={state} /> },
          { title: t('inspection.mystery.visitedAt'), dataIndex: 'visited_at', render: (at: string | null) => (at ? formatTime(at) : '—') },
          { title: t('inspection.mystery.reimbursement'), dataIndex: 'claim', render: (c: MysteryVisit['claim']) => <ClaimTag claim={c} /> },
        ]}
      />
    </>
  );
}
