// The archive's trend: a person's score period by period (loaded lazily with echarts); periods
// without data leave a gap rather than a 0.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnResult } from '../../api/assessment';
import EChart, { type ChartOption } from '../../components/charts/EChart';

export default function ArchiveTrend({ rows }: { rows: OwnResult[] }) {
  const { t } = useTranslation();
  const ordered = useMemo(() => [...rows].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '')), [rows]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: ordered.map((r) => r.period_name) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', name: t('assessment.result.total'), data: ordered.map((r) => (r.no_data ? null : r.total)), connectNulls: false }],
    }),
    [ordered, t],
  );
  if (ordered.length < 2) return null;
  return <EChart option={option} height={220} ariaLabel={t('assessment.archive.trend')} testId="archive-trend" />;
}
