// 质检分析: for a date range, the score trend per agent or department (mean percent by week or
// month) and the item failure Pareto (the items most often failed, with the cumulative share), each
// from its report route over the published inspections the viewer sees.
import { Card, DatePicker, Empty, Segmented, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionPareto, inspectionTrend, type ParetoBar, type TrendPoint } from '../../api/inspection';
import EChart, { type ChartOption } from '../../components/charts/EChart';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { businessToday } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';

/** The most inspected keys drawn as lines; the rest would make the chart unreadable. */
const MAX_LINES = 10;

function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const periods = [...new Set(points.map((p) => p.period_start))].sort();
    const counts = new Map<number, { name: string; count: number }>();
    for (const p of points) counts.set(p.key, { name: p.name, count: (counts.get(p.key)?.count ?? 0) + p.count });
    const keys = [...counts.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, MAX_LINES);
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'plain', data: keys.map(([, v]) => v.name) },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: periods.map((p) => dayjs(p).format('YYYY-MM-DD')) },
      yAxis: { type: 'value', min: 0, max: 100, name: t('inspection.charts.meanScore'), axisLabel: { formatter: '{value}%' } },
      series: keys.map(([key, v]) => ({
        type: 'line' as const,
        name: v.name,
        connectNulls: true,
        data: periods.map((period) => {
          const p = points.find((x) => x.key === key && x.period_start === period);
          return p ? Math.round(p.mean * 10) / 10 : null;
        }),
      })),
    };
  }, [points, t]);
  if (points.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={340} ariaLabel={t('inspection.charts.trend')} testId="trend-chart" />;
}

function ParetoChart({ bars }: { bars: ParetoBar[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('inspection.charts.failed'), t('inspection.charts.cumulative')] },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0 } },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('inspection.charts.failed') },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { type: 'bar', name: t('inspection.charts.failed'), data: bars.map((b) => b.failed), barMaxWidth: 48, label: { show: true, position: 'top' } },
        {
          type: 'line',
          name: t('inspection.charts.cumulative'),
          yAxisIndex: 1,
          data: bars.map((b) => Math.round(b.cumulative * 10) / 10),
          label: { show: true, formatter: '{c}%' },
        },
      ],
    }),
    [bars, t],
  );
  if (bars.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={340} ariaLabel={t('inspection.charts.pareto')} testId="pareto-chart" />;
}

export default function Charts() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [businessToday().subtract(12, 'week'), businessToday().add(1, 'day')]);
  const [by, setBy] = useState<'agent' | 'department'>('agent');
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const trend = useAsync(() => inspectionTrend({ from, to, by, period }), [from, to, by, period]);
  const pareto = useAsync(() => inspectionPareto({ from, to }), [from, to]);
  return (
    <>
      <PageHeader title={t('inspection.charts.title')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
          data-testid="charts-range"
        />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'agent' | 'department')}
          options={[
            { value: 'agent', label: t('inspection.charts.byAgent') },
            { value: 'department', label: t('inspection.charts.byDepartment') },
          ]}
        />
        <Segmented
          value={period}
          onChange={(v) => setPeriod(v as 'week' | 'month')}
          options={[
            { value: 'week', label: t('inspection.sampling.cycles.week') },
            { value: 'month', label: t('inspection.sampling.cycles.month') },
          ]}
        />
      </Space>
      <Card size="small" title={t('inspection.charts.trend')} style={{ marginBottom: 12 }} loading={trend.loading && !trend.data}>
        {trend.error ? <ErrorAlert error={trend.error} onRetry={() => void trend.reload()} /> : <TrendChart points={trend.data ?? []} />}
      </Card>
      <Card size="small" title={t('inspection.charts.pareto')} loading={pareto.loading && !pareto.data}>
        {pareto.error ? (
          <ErrorAlert error={pareto.error} onRetry={() => void pareto.reload()} />
        ) : (
          <>
            <ParetoChart bars={pareto.data ?? []} />
            <Table<ParetoBar>
              rowKey="code"
              size="small"
              dataSource={pareto.data ?? []}
              pagination={false}
              data-testid="pareto-table"
              columns={[
                { title: t('inspection.charts.item'), dataIndex: 'name' },
                { title: t('inspection.charts.failed'), dataIndex: 'failed' },
                { title: t('inspection.charts.answered'), dataIndex: 'answered' },
                { title: t('inspection.charts.cumulative'), dataIndex: 'cumulative', render: (c: number) => `${c.toFixed(1)} %` },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
