// Actions by status and age (days since raised), stacked: what is piling up where.
import { useTranslation } from 'react-i18next';
import type { Action } from '../../api/improvement';
import EChart from '../../components/charts/EChart';
import { BOARD_COLUMNS, ageDays } from './labels';

const BUCKETS = [
  { key: 'week', max: 7 },
  { key: 'month', max: 30 },
  { key: 'quarter', max: 90 },
  { key: 'older', max: Infinity },
] as const;

export default function AgeChart({ actions }: { actions: Action[] }) {
  const { t } = useTranslation();
  const now = Date.now();
  const series = BUCKETS.map((b, i) => ({
    name: t(`improvement.chart.${b.key}`),
    type: 'bar' as const,
    stack: 'age',
    data: BOARD_COLUMNS.map(
      (s) =>
        actions.filter((a) => {
          if (a.status !== s) return false;
          const age = ageDays(a.created_at, now);
          return age < b.max && (i === 0 || age >= BUCKETS[i - 1].max);
        }).length,
    ),
  }));
  return (
    <EChart
      height={280}
      ariaLabel={t('improvement.chart.title')}
      testId="improvement-age-chart"
      option={{
        tooltip: { trigger: 'axis' },
        legend: {},
        grid: { left: 40, right: 16, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: BOARD_COLUMNS.map((s) => t(`improvement.status.${s}`)) },
        yAxis: { type: 'value', minInterval: 1 },
        series,
      }}
    />
  );
}
