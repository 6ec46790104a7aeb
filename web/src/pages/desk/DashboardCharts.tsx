// The dashboard's charts (lazy, with echarts): open tickets by state, and open / breached by department.
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, type DeskDashboard } from '../../api/deskTypes';
import EChart, { type ChartOption } from '../../components/charts/EChart';

export default function DashboardCharts({ data }: { data: DeskDashboard }) {
  const { t } = useTranslation();
  const byStatus = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: OPEN_STATUSES.map((s) => t(`enums.status.${s}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('dashboard.open'),
          data: OPEN_STATUSES.map((s) => data.open_by_status[s] ?? 0),
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [data, t],
  );
  const departments = useMemo(() => [...data.by_department].sort((a, b) => a.open - b.open), [data]);
  const byDepartment = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t('dashboard.open'), t('dashboard.breached')] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: departments.map((d) => d.department_name || t('ticket.intakeQueue')) },
      series: [
        { type: 'bar', name: t('dashboard.open'), data: departments.map((d) => d.open), barMaxWidth: 20 },
        { type: 'bar', name: t('dashboard.breached'), data: departments.map((d) => d.breached), barMaxWidth: 20, itemStyle: { color: '#cf1322' } },
      ],
    }),
    [departments, t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('dashboard.openByStatus')}>
          <EChart option={byStatus} height={280} ariaLabel={t('dashboard.openByStatus')} testId="status-chart" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('dashboard.byDepartment')}>
          {departments.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <EChart option={byDepartment} height={Math.max(200, departments.length * 40 + 60)} ariaLabel={t('dashboard.byDepartment')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
