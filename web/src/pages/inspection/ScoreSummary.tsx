// A score as the server computed it (preview or stored): the percent, earned of possible points,
// passed or not, critical failures, and each section.
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScorecardDefinition, ScorecardScore } from '../../api/inspection';

export function formatPercent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${(Math.round(p * 10) / 10).toFixed(1)} %`;
}

export function PassTag({ passed, failed }: { passed: boolean; failed?: boolean }) {
  const { t } = useTranslation();
  if (failed) return <Tag color="error">{t('inspection.score.criticalFailed')}</Tag>;
  return passed ? <Tag color="success">{t('inspection.score.passed')}</Tag> : <Tag color="warning">{t('inspection.score.notPassed')}</Tag>;
}

export default function ScoreSummary({ score, card }: { score: ScorecardScore; card: ScorecardDefinition }) {
  const { t } = useTranslation();
  const sectionName = (code: string) => card.sections.find((s) => s.code === code)?.name || code;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="score-summary">
      <Space wrap align="baseline">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="score-percent">
          {formatPercent(score.percent)}
        </Typography.Title>
        <PassTag passed={score.passed} failed={score.failed} />
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('inspection.score.points')}>
          {t('inspection.score.earnedOf', { earned: score.earned, possible: score.possible })}
        </Descriptions.Item>
        {score.failed && (
          <Descriptions.Item label={t('inspection.score.beforeFailure')}>{formatPercent(score.percent_before_failure)}</Descriptions.Item>
        )}
        {score.critical_failures.length > 0 && (
          <Descriptions.Item label={t('inspection.score.criticalFailures')}>{score.critical_failures.join(t('common.listSeparator'))}</Descriptions.Item>
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={score.sections}
        data-testid="score-sections"
        columns={[
          { title: t('inspection.card.section'), dataIndex: 'code', render: (c: string) => sectionName(c) },
          { title: t('inspection.score.points'), key: 'pts', render: (_, s) => `${s.earned} / ${s.possible}` },
          {
            title: '%',
            key: 'pct',
            render: (_, s) => (s.failed ? <Tag color="error">{t('inspection.score.sectionFailed')}</Tag> : s.percent === null ? t('inspection.answer.na') : formatPercent(s.percent)),
          },
        ]}
      />
    </Space>
  );
}
