// The answer of POST /sla/explain: the summary, then every candidate policy with its verdict, the
// criteria it checked and the reason. Shown by the policies page tester and the ticket page.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CandidateReport, PolicyExplanation, Verdict } from '../../api/slaTypes';

const VERDICT_COLORS: Record<Verdict, string> = {
  applied: 'green',
  inactive: 'default',
  not_matching: 'red',
  less_specific: 'orange',
  lost_tie_break: 'gold',
};

export default function ExplainResult({ result }: { result: PolicyExplanation }) {
  const { t } = useTranslation();
  const columns: ColumnsType<CandidateReport> = [
    {
      title: t('policies.policy'),
      key: 'policy',
      render: (_, c) => (
        <span>
          #{c.policy_id} {c.policy_name} <Typography.Text type="secondary">v{c.policy_version}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('policies.verdict'),
      dataIndex: 'verdict',
      render: (v: Verdict) => <Tag color={VERDICT_COLORS[v]}>{t(`enums.verdict.${v}`, v)}</Tag>,
    },
    {
      title: t('policies.checks'),
      key: 'checks',
      render: (_, c) => (
        <div>
          {c.checks.map((check) => (
            <div key={check.criterion}>
              {check.matched ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}{' '}
              {t(`enums.criterion.${check.criterion as 'category'}`, check.criterion)}: {check.wanted}
              {!check.matched && <Typography.Text type="secondary"> ({t('policies.actual', { value: check.actual || '—' })})</Typography.Text>}
            </div>
          ))}
        </div>
      ),
    },
    { title: t('policies.reason'), dataIndex: 'reason' },
  ];
  return (
    <div data-testid="explain-result">
      <Alert
        type={result.candidates.some((c) => c.verdict === 'applied') ? 'success' : 'warning'}
        showIcon
        message={result.summary || t('policies.nothingApplies')}
        style={{ marginBottom: 12 }}
      />
      <Table<CandidateReport>
        rowKey="policy_id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={result.candidates}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
