// The results page's charts (loaded lazily with echarts): the score distribution of each scale
// question, the NPS breakdown, and satisfaction by department or staff with its 95 % interval as
// a band (the interval's low and high drawn as a stacked bar on an invisible base), and the trend
// of CSAT % with its 95 % interval as a shaded band, NPS and the response rate by week or month
// with n under every point.
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyGroup, SurveyNps, TrendPoint } from '../../api/feedback';
import EChart, { type ChartOption } from '../../components/charts/EChart';
import { businessDay } from '../../lib/format';

export function DistributionChart({ id, rows, label }: { id: string; rows: { value: number; count: number }[]; label: (v: number) => string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => label(r.value)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('feedback.count'), data: rows.map((r) => r.count), barMaxWidth: 40, label: { show: true, position: 'top' } }],
    }),
    [rows, label, t],
  );
  if (!rows.some((r) => r.count > 0)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={220} ariaLabel={t('feedback.distribution')} testId={`distribution-${id}`} />;
}

export function NpsChart({ nps }: { nps: SurveyNps }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t('feedback.detractors'), t('feedback.passives'), t('feedback.promoters')] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: ['NPS'] },
      series: [
        { type: 'bar', stack: 'nps', name: t('feedback.detractors'), data: [nps.detractors], itemStyle: { color: '#cf1322' }, label: { show: true } },
        { type: 'bar', stack: 'nps', name: t('feedback.passives'), data: [nps.passives], itemStyle: { color: '#faad14' }, label: { show: true } },
        { type: 'bar', stack: 'nps', name: t('feedback.promoters'), data: [nps.promoters], itemStyle: { color: '#389e0d' }, label: { show: true } },
      ],
    }),
    [nps, t],
  );
  if (nps.n === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={140} ariaLabel={t('feedback.npsBreakdown')} testId="nps-chart" />;
}

export function GroupChart({ groups, testId }: { groups: SurveyGroup[]; testId: string }) {
  const { t } = useTranslation();
  const rows = useMemo(() => groups.filter((g) => g.satisfaction.n > 0).slice(0, 20).reverse(), [groups]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t('feedback.satisfaction'), t('feedback.interval')] },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((g) => `${g.label || '–'} (n=${g.satisfaction.n})`) },
      series: [
        { type: 'bar', stack: 'band', data: rows.map((g) => +((g.satisfaction.low ?? 0) * 100).toFixed(1)), itemStyle: { color: 'transparent' }, tooltip: { show: false } },
        {
          type: 'bar',
          stack: 'band',
          name: t('feedback.interval'),
          data: rows.map((g) => +(((g.satisfaction.high ?? 0) - (g.satisfaction.low ?? 0)) * 100).toFixed(1)),
          itemStyle: { color: 'rgba(22,119,255,0.25)' },
          barMaxWidth: 20,
        },
        {
          type: 'line',
          name: t('feedback.satisfaction'),
          data: rows.map((g) => +((g.satisfaction.p ?? 0) * 100).toFixed(1)),
          lineStyle: { width: 0 },
          symbolSize: 10,
          label: { show: true, formatter: '{c}%', position: 'right' },
        },
      ],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={Math.max(160, rows.length * 36 + 60)} ariaLabel={t('feedback.byGroup')} testId={testId} />;
}

export function TrendChart({ points, bucket }: { points: TrendPoint[]; bucket: 'week' | 'month' }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const pct = (p: number | null | undefined) => (p == null ? null : +(p * 100).toFixed(1));
    // The axis label carries the n of each measure: "2026-03-02\nn 12 / 10 / 40".
    const labels = points.map((p) => `${businessDay(p.start).slice(0, bucket === 'week' ? 10 : 7)}\nn ${p.csat.n}/${p.nps.n}/${p.response_rate.n}`);
    // CSAT's 95 % Wilson interval as a band: its low as an invisible line, the width stacked on it.
    const band = t('feedback.csatBand');
    const bandBase = `${band} (low)`;
    const width = (r: TrendPoint['csat']) => (r.low == null || r.high == null ? null : +((r.high - r.low) * 100).toFixed(1));
    return {
      tooltip: {
        trigger: 'axis',
        // The tooltip leaves the band's two helper series out and puts the interval beside CSAT
        // (HTML, but every text in it is ours: translated names, dates and numbers).
        formatter: (params: unknown) => {
          const rows = (params as { seriesName: string; marker: string; value: number | null; dataIndex: number }[]).filter(
            (r) => r.seriesName !== bandBase && r.seriesName !== band,
          );
          const point = rows.length > 0 ? points[rows[0].dataIndex] : undefined;
          const ci = point && point.csat.low != null && point.csat.high != null ? ` (${pct(point.csat.low)}–${pct(point.csat.high)}%)` : '';
          return [
            labels[rows[0]?.dataIndex ?? 0] ?? '',
            ...rows.map((r) => `${r.marker}${r.seriesName}: ${r.value ?? '–'}${r.seriesName === t('feedback.csat') ? ci : ''}`),
          ].join('<br/>');
        },
      },
      legend: { data: [t('feedback.csat'), band, 'NPS', t('feedback.responseRate')] },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', min: -100, max: 100 },
      ],
      series: [
        { type: 'line', name: bandBase, data: points.map((p) => pct(p.csat.low)), stack: 'csat-band', symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
        { type: 'line', name: band, data: points.map((p) => width(p.csat)), stack: 'csat-band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.2 }, silent: true },
        { type: 'line', name: t('feedback.csat'), data: points.map((p) => pct(p.csat.p)), connectNulls: true, label: { show: true, formatter: '{c}%' } },
        { type: 'line', name: 'NPS', yAxisIndex: 1, data: points.map((p) => (p.nps.score == null ? null : +p.nps.score.toFixed(0))), connectNulls: true },
        { type: 'line', name: t('feedback.responseRate'), data: points.map((p) => pct(p.response_rate.p)), connectNulls: true },
      ],
    };
  }, [points, bucket, t]);
  if (points.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={280} ariaLabel={t('feedback.trend')} testId="trend-chart" />;
}
