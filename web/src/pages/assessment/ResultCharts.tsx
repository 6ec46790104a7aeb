// The results page's charts (loaded lazily with echarts): the ranking as bars (best on top) and the
// grade distribution; and the radar of one assessee's scores against the group mean.
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultRow } from '../../api/assessment';
import EChart, { type ChartOption } from '../../components/charts/EChart';

export function RankingChart({ rows }: { rows: ResultRow[] }) {
  const { t } = useTranslation();
  const ranked = useMemo(
    () => rows.filter((r) => r.total !== null && !r.no_data).sort((a, b) => (a.total ?? 0) - (b.total ?? 0)),
    [rows],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ranked.map((r) => r.name) },
      series: [{ type: 'bar', name: t('assessment.result.total'), data: ranked.map((r) => r.total), barMaxWidth: 20, label: { show: true, position: 'right' } }],
    }),
    [ranked, t],
  );
  if (ranked.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={Math.max(200, ranked.length * 24 + 40)} ariaLabel={t('assessment.result.ranking')} testId="ranking-chart" />;
}

export function GradeChart({ rows }: { rows: ResultRow[] }) {
  const { t } = useTranslation();
  const grades = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const grade = r.grade ?? t('assessment.noData');
      counts.set(grade, (counts.get(grade) ?? 0) + 1);
    }
    return [...counts.entries()];
  }, [rows, t]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: grades.map(([g]) => g) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('assessment.result.count'), data: grades.map(([, c]) => c), barMaxWidth: 48, label: { show: true, position: 'top' } }],
    }),
    [grades, t],
  );
  if (grades.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={260} ariaLabel={t('assessment.result.grades')} testId="grade-chart" />;
}

export interface RadarAxis {
  name: string;
  max: number;
  value: number | null;
  mean: number | null;
}

export function RadarChart({ axes }: { axes: RadarAxis[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {},
      legend: { data: [t('assessment.result.own'), t('assessment.result.groupMean')], bottom: 0 },
      radar: { indicator: axes.map((a) => ({ name: a.name, max: a.max || 1 })) },
      series: [
        {
          type: 'radar',
          data: [
            { name: t('assessment.result.own'), value: axes.map((a) => a.value ?? 0) },
            { name: t('assessment.result.groupMean'), value: axes.map((a) => a.mean ?? 0) },
          ],
        },
      ],
    }),
    [axes, t],
  );
  if (axes.length < 3) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.result.radarFew')} />;
  return <EChart option={option} height={340} ariaLabel={t('assessment.result.radar')} testId="radar-chart" />;
}
