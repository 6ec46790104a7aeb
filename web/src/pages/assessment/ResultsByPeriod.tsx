// A person's results period by period: the table 我的考核 and the quality archive share.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OwnResult } from '../../api/assessment';
import { PeriodStatusTag } from './PeriodActions';
import { spanText } from './Periods';
import { valueText } from './text';

export default function ResultsByPeriod({ rows, loading, assessee }: { rows: OwnResult[]; loading: boolean; assessee: number }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="period_id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      data-testid="results-by-period"
      // The assessor's comments of a period open under its row.
      expandable={{
        rowExpandable: (r) => (r.comments?.length ?? 0) > 0,
        expandedRowRender: (r) => (
          <div data-testid="period-comments">
            {(r.comments ?? []).map((c) => (
              <Typography.Paragraph key={c.indicator_code ?? ''} style={{ marginBottom: 4 }}>
                <Tag color={c.indicator_code ? 'blue' : 'purple'}>{c.indicator_code ?? t('assessment.detail.overall')}</Tag>
                {c.text}
                <Typography.Text type="secondary">{c.author ? ` — ${c.author}` : ''}</Typography.Text>
              </Typography.Paragraph>
            ))}
          </div>
        ),
      }}
      columns={[
        {
          title: t('assessment.period.name'),
          dataIndex: 'period_name',
          render: (name: string, r) => <Link to={`/assessment/periods/${r.period_id}/assessees/${r.assessee_id ?? assessee}`}>{name}</Link>,
        },
        { title: t('assessment.period.span'), key: 'span', render: (_, r) => (r.from && r.to ? spanText({ from: r.from, to: r.to }) : '') },
        { title: t('assessment.result.total'), dataIndex: 'total', align: 'right', render: (v: number | null, r) => valueText(t, v, r.no_data) },
        { title: t('assessment.rank'), dataIndex: 'rank', render: (v: number | null, r) => (r.ranked === false ? t('assessment.result.unranked') : v ?? '—') },
        { title: t('assessment.result.grade'), dataIndex: 'grade', render: (g: string | null, r) => (r.failed ? <Tag color="red">{t('assessment.result.failed')}</Tag> : g ?? '—') },
        { title: t('assessment.result.coefficient'), dataIndex: 'coefficient', render: (c: number | null) => c ?? '—' },
        { title: t('common.status'), dataIndex: 'status', render: (s: string | undefined) => (s ? <PeriodStatusTag status={s} /> : '') },
        { title: t('assessment.period.appealDeadline'), dataIndex: 'appeal_deadline', render: (d: string | null) => d?.slice(0, 10) ?? '—' },
      ]}
    />
  );
}
