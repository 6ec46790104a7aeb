import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../api/types';
import EChart, { type ChartOption } from '../../components/charts/EChart';

const MAX_BARS = 15;

/** Horizontal bars of staff per active department, largest first. */
export default function StaffChart({ departments }: { departments: readonly Department[] }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () =>
      departments
        .filter((d) => d.active && d.staff_count > 0)
        .sort((a, b) => b.staff_count - a.staff_count)
        .slice(0, MAX_BARS)
        .reverse(),
    [departments],
  );

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((d) => d.name) },
      series: [{ type: 'bar', name: t('home.staffCount'), data: rows.map((d) => d.staff_count), barMaxWidth: 24 }],
    }),
    [rows, t],
  );

  return <EChart option={option} height={Math.max(160, rows.length * 32 + 40)} ariaLabel={t('home.staffByDepartment')} />;
}
