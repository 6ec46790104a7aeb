// The periodic complaint analysis: counts, Pareto by category, by department, weekly trend and
// repeat complainants, for a date range.
import { Card, Col, DatePicker, Row, Space, Statistic, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getComplaintSummary } from '../../api/desk';
import type { ComplaintSummary as Summary } from '../../api/deskTypes';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { businessDayRange, businessToday } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';

const ComplaintCharts = lazy(() => import('./ComplaintCharts'));

type Range = [Dayjs, Dayjs];

function defaultRange(): Range {
  const today = businessToday();
  return [today.subtract(89, 'day'), today];
}

export default function ComplaintSummary() {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>(defaultRange);
  const today = businessToday();
  const days = businessDayRange(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  const from = days.from ?? '';
  const to = days.to ?? '';
  const { data, error, loading, reload } = useAsync(() => getComplaintSummary(from, to), [from, to]);

  return (
    <>
      <PageHeader
        title={t('complaints.title')}
        extra={
          <DatePicker.RangePicker
            aria-label={t('complaints.range')}
            allowClear={false}
            value={range}
            onChange={(days) => {
              if (days?.[0] && days[1]) setRange([days[0], days[1]]);
            }}
            presets={[
              { label: t('complaints.last30'), value: [today.subtract(29, 'day'), today] },
              { label: t('complaints.last90'), value: [today.subtract(89, 'day'), today] },
              { label: t('complaints.thisYear'), value: [today.startOf('year'), today] },
            ]}
          />
        }
      />
      {error && <ErrorAlert error={error} onRetry={() => void reload()} />}
      {!data && loading && <PageSpin />}
      {data && <SummaryBody summary={data} />}
    </>
  );
}

function SummaryBody({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {(
          [
            ['total', summary.total, undefined],
            ['open', summary.open, undefined],
            ['overdue', summary.overdue, summary.overdue > 0 ? '#cf1322' : undefined],
            ['substantiated', summary.substantiated, undefined],
          ] as const
        ).map(([key, value, color]) => (
          <Col key={key} xs={12} md={6}>
            <Card>
              <Statistic title={t(`complaints.${key}`)} value={value} valueStyle={color ? { color } : undefined} data-testid={`complaints-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Suspense fallback={<PageSpin />}>
        <ComplaintCharts summary={summary} />
      </Suspense>
      <Card title={t('complaints.repeat')}>
        <Table
          rowKey="customer_id"
          size="small"
          pagination={false}
          dataSource={summary.repeat_complainants}
          locale={{ emptyText: t('complaints.noRepeat') }}
          columns={[
            {
              title: t('tickets.customer'),
              dataIndex: 'customer_name',
              render: (name: string, row) => <Link to={`/desk/tickets?customer_id=${row.customer_id}`}>{name}</Link>,
            },
            { title: t('complaints.count'), dataIndex: 'count' },
          ]}
        />
      </Card>
    </Space>
  );
}
