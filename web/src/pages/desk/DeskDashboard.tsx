// The service-desk dashboard: open tickets by state, warnings and breaches now, first-response and
// resolution attainment for today / this week / this month (the assessment's measures, as the
// server reads them: docs/assessment.md), and the same by department.
import { Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getDeskDashboard } from '../../api/desk';
import { OPEN_STATUSES, type DeskDashboard as Dashboard, type Rate } from '../../api/deskTypes';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { formatRate } from '../../lib/duration';
import { businessDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useInterval } from '../../lib/useNow';

const DashboardCharts = lazy(() => import('./DashboardCharts'));

const REFRESH_MS = 60_000;

function RateCell({ rate }: { rate: Rate }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{formatRate(rate.rate)}</Typography.Text>
      <Typography.Text type="secondary">{t('dashboard.metOf', { met: rate.met, total: rate.total })}</Typography.Text>
    </Space>
  );
}

export default function DeskDashboard() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useAsync(() => getDeskDashboard(), []);
  const refresh = useCallback(() => void reload(), [reload]);
  useInterval(refresh, REFRESH_MS);

  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      {error && <ErrorAlert error={error} onRetry={refresh} />}
      {!data && loading && <PageSpin />}
      {data && <Body data={data} />}
    </>
  );
}

function Body({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const open = OPEN_STATUSES.reduce((sum, s) => sum + (data.open_by_status[s] ?? 0), 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('dashboard.open')} value={open} data-testid="dashboard-open" />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Link to="/desk/tickets?sla_state=warning">
            <Card hoverable>
              <Statistic
                title={t('dashboard.warningsNow')}
                value={data.warnings_now}
                valueStyle={{ color: data.warnings_now ? '#d46b08' : undefined }}
                data-testid="dashboard-warnings"
              />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={8}>
          <Link to="/desk/tickets?sla_state=breached">
            <Card hoverable>
              <Statistic
                title={t('dashboard.breachesNow')}
                value={data.breaches_now}
                valueStyle={{ color: data.breaches_now ? '#cf1322' : undefined }}
                data-testid="dashboard-breaches"
              />
            </Card>
          </Link>
        </Col>
      </Row>
      <Suspense fallback={<PageSpin />}>
        <DashboardCharts data={data} />
      </Suspense>
      <Card title={t('dashboard.attainment')}>
        <Table
          rowKey="period"
          size="small"
          pagination={false}
          dataSource={data.attainment}
          data-testid="attainment-table"
          columns={[
            { title: t('dashboard.period'), dataIndex: 'period', render: (p: 'today' | 'week' | 'month') => t(`enums.period.${p}`) },
            { title: t('enums.timerKind.first_response'), dataIndex: 'first_response', render: (r: Rate) => <RateCell rate={r} /> },
            { title: t('enums.timerKind.resolution'), dataIndex: 'resolution', render: (r: Rate) => <RateCell rate={r} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="attainment-definition">
          {t('dashboard.attainmentDefinition')}
        </Typography.Paragraph>
      </Card>
      <Card
        title={t('dashboard.byDepartment')}
        extra={
          <Typography.Text type="secondary" data-testid="by-department-period">
            {t('dashboard.byDepartmentPeriod', { month: businessDay(data.at).slice(0, 7) })}
          </Typography.Text>
        }
      >
        <Table
          rowKey={(row) => String(row.department_id)}
          size="small"
          pagination={false}
          dataSource={data.by_department}
          columns={[
            {
              title: t('tickets.department'),
              dataIndex: 'department_name',
              render: (name: string, row) =>
                row.department_id ? <Link to={`/desk/tickets?department_id=${row.department_id}`}>{name}</Link> : name || t('ticket.intakeQueue'),
            },
            { title: t('dashboard.open'), dataIndex: 'open' },
            {
              title: t('dashboard.breached'),
              dataIndex: 'breached',
              render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text>,
            },
            {
              title: t('dashboard.firstResponseRateMonth'),
              dataIndex: 'first_response_rate',
              render: (r: number | null) => formatRate(r),
            },
            {
              title: t('dashboard.resolutionRateMonth'),
              dataIndex: 'resolution_rate',
              render: (r: number | null) => formatRate(r),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
