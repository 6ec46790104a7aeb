// 神秘顾客: the mystery shopping scenarios in the reader's scope, newest first; the quality department
// writes a new one here and opens one for its visits, coverage and reimbursements.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listMysteryScenarios, type MysteryScenario } from '../../api/mystery';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import MysteryScenarioForm from './MysteryScenarioForm';

export const scenarioPath = (id: number) => `/inspection/mystery/${id}`;
export const mysteryVisitPath = (id: number) => `/inspection/mystery-visits/${id}`;

export default function MysteryScenarios() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scenarios = useAsync(listMysteryScenarios, []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('inspection.mystery.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-scenario">
            {t('inspection.mystery.new')}
          </Button>
        }
      />
      {scenarios.error && <ErrorAlert error={scenarios.error} onRetry={() => void scenarios.reload()} />}
      <Table<MysteryScenario>
        rowKey="id"
        loading={scenarios.loading}
        dataSource={scenarios.data}
        data-testid="scenario-table"
        scroll={{ x: true }}
        columns={[
          { title: t('inspection.mystery.titleField'), dataIndex: 'title', render: (title: string, s) => <Link to={scenarioPath(s.id)}>{title}</Link> },
          { title: t('inspection.mystery.channel'), dataIndex: 'channel', render: (c: MysteryScenario['channel']) => t(`inspection.mystery.channels.${c}`) },
          { title: t('inspection.mystery.targets'), key: 'targets', render: (_, s) => s.department_ids.length },
          { title: t('inspection.mystery.window'), key: 'window', render: (_, s) => `${formatTime(s.window_from).slice(0, 10)} – ${formatTime(s.window_to).slice(0, 10)}` },
          { title: t('inspection.mystery.visitsPerTarget'), dataIndex: 'visits_per_target' },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{active ? t('inspection.mystery.activeTag') : t('inspection.mystery.inactiveTag')}</Tag>,
          },
        ]}
      />
      {creating && <MysteryScenarioForm onClose={() => setCreating(false)} onSaved={(s) => navigate(scenarioPath(s.id))} />}
    </>
  );
}
