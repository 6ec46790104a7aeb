// 员工工作质量档案: a person's whole history — results per period (with the trend), complaints
// about them and their appeals. Managers and quality pick anyone in their scope; a staff member
// reaches their own from 我的考核.
import { Card, Empty, Space, Table, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getArchive } from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import { StaffField } from '../../components/desk/DirectoryFields';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { formatTime, ticketNumber } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import ResultsByPeriod from './ResultsByPeriod';

const Trend = lazy(() => import('./ArchiveTrend'));

export default function Archive() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const staffId = Number(useParams().staffId) || null;
  const archive = useAsync(() => (staffId ? getArchive(staffId) : Promise.resolve(null)), [staffId]);
  const a = archive.data;
  return (
    <>
      <PageHeader
        title={a?.name ? `${t('assessment.archive.title')} · ${a.name}` : t('assessment.archive.title')}
        extra={
          can('assessment.read') && (
            <StaffField
              value={staffId}
              placeholder={t('assessment.archive.pick')}
              style={{ minWidth: 240 }}
              allowClear={false}
              onChange={(id) => id && navigate(`/assessment/archive/${id}`)}
            />
          )
        }
      />
      {!staffId && <Empty description={t('assessment.archive.pick')} />}
      {archive.error && <ErrorAlert error={archive.error} onRetry={() => void archive.reload()} />}
      {staffId && !a && archive.loading && <PageSpin />}
      {a && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="archive">
          <Card title={t('assessment.archive.results')} size="small">
            <Suspense fallback={<PageSpin />}>
              <Trend rows={a.results} />
            </Suspense>
            <ResultsByPeriod rows={a.results} loading={false} assessee={a.staff_id} />
          </Card>
          <Card title={t('assessment.archive.complaints')} size="small">
            <Table
              rowKey="ticket_id"
              size="small"
              pagination={false}
              dataSource={a.complaints ?? []}
              columns={[
                { title: t('assessment.facts.ticket'), dataIndex: 'ticket_id', render: (id: number, c) => <Link to={`/desk/tickets/${id}`}>{c.ticket_number ?? ticketNumber(id)}</Link> },
                { title: t('assessment.facts.at'), dataIndex: 'at', render: (at: string) => formatTime(at) },
                { title: t('assessment.archive.summary'), dataIndex: 'summary' },
                {
                  title: t('assessment.archive.substantiated'),
                  dataIndex: 'substantiated',
                  render: (s: boolean | null | undefined) =>
                    s === true ? <Tag color="red">{t('assessment.archive.yes')}</Tag> : s === false ? <Tag>{t('assessment.archive.no')}</Tag> : '—',
                },
              ]}
            />
          </Card>
          <Card title={t('assessment.archive.appeals')} size="small">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.appeals ?? []}
              columns={[
                { title: t('assessment.period.name'), key: 'period', render: (_, ap) => ap.period_name ?? ap.period_id },
                { title: t('assessment.appeal.reason'), dataIndex: 'reason' },
                { title: t('common.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`assessment.appealStatus.${s}` as 'assessment.appealStatus.open', { defaultValue: s })}</Tag> },
                { title: t('assessment.appeal.decisionReason'), dataIndex: 'decision_reason', render: (r: string | null) => r ?? '' },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
