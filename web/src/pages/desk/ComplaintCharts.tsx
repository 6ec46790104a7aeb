// The complaint summary's charts (loaded lazily with echarts): a Pareto of categories (bars, largest
// first, and the cumulative share as a line), complaints by department, and the weekly trend.
import { Card, Col, Empty, Row } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSummary } from '../../api/deskTypes';
import EChart, { type ChartOption } from '../../components/charts/EChart';
import { useComplaintCategoryLabel } from '../../components/desk/options';

/** Categories largest first with the running share of the total, 0..100. */
export function pareto(rows: readonly { label: string; count: number }[]): { label: string; count: number; cumulative: number }[] {
  const sorted = [...rows].filter((r) => r.count > 0).sort((a, b) => b.count - a.count);
  const total = sorted.reduce((sum, r) => sum + r.count, 0);
  let running = 0;
  return sorted.map((r) => {
    running += r.count;
    return { ...r, cumulative: total ? Math.round((running / total) * 1000) / 10 : 0 };
  });
}

function ParetoChart({ summary }: { summary: ComplaintSummary }) {
  const { t } = useTranslation();
  const label = useComplaintCategoryLabel();
  const rows = useMemo(
    () => pareto(summary.by_category.map((r) => ({ label: label(r.category), count: r.count }))),
    [summary, label],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('complaints.count'), t('complaints.cumulative')] },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('complaints.count') },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { type: 'bar', name: t('complaints.count'), data: rows.map((r) => r.count), barMaxWidth: 48, label: { show: true, position: 'top' } },
        {
          type: 'line',
          name: t('complaints.cumulative'),
          yAxisIndex: 1,
          data: rows.map((r) => r.cumulative),
          label: { show: true, formatter: '{c}%' },
        },
      ],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={320} ariaLabel={t('complaints.pareto')} testId="pareto-chart" />;
}

function DepartmentChart({ summary }: { summary: ComplaintSummary }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => [...summary.by_department].sort((a, b) => a.count - b.count).map((r) => ({ ...r, name: r.department_name || t('complaints.noDepartment') })),
    [summary, t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name) },
      series: [{ type: 'bar', name: t('complaints.count'), data: rows.map((r) => r.count), barMaxWidth: 24 }],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={Math.max(160, rows.length * 32 + 40)} ariaLabel={t('complaints.byDepartment')} testId="department-chart" />;
}

function WeeklyChart({ summary }: { summary: ComplaintSummary }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: summary.weekly.map((w) => dayjs(w.week_start).format('MM-DD')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: t('complaints.count'), data: summary.weekly.map((w) => w.count), smooth: false }],
    }),
    [summary, t],
  );
  if (summary.weekly.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={260} ariaLabel={t('complaints.weekly')} testId="weekly-chart" />;
}

export default function ComplaintCharts({ summary }: { summary: ComplaintSummary }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title={t('complaints.pareto')}>
          <ParetoChart summary={summary} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('complaints.byDepartment')}>
          <DepartmentChart summary={summary} />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('complaints.weekly')}>
          <WeeklyChart summary={summary} />
        </Card>
      </Col>
    </Row>
  );
}
