// 员工工作质量档案: a person's whole history — results per period (with the trend), complaints
// about them (per period, and the latest), their appeals of results and of inspections, and their
// published inspections. Managers and quality pick anyone in their scope; a staff member reaches
// their own from 我的考核. A card the server cannot fill shows —, never 0.
import { Card, Col, Empty, Row, Space, Statistic, Table, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getArchive, type ArchiveAppeal, type ComplaintCard, type InspectionCard } from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import { StaffField } from '../../components/desk/DirectoryFields';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { formatTime, ticketNumber } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import ResultsByPeriod from './ResultsByPeriod';

const Trend = lazy(() => import('./ArchiveTrend'));

/** "3 / 4": `part` of `whole`; — when there is no whole to count in. */
function share(part: number, whole: number): string {
  return whole > 0 ? `${part} / ${whole}` : '—';
}

function ComplaintsCard({ card }: { card: ComplaintCard | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t('assessment.archive.complaints')} size="small" data-testid="archive-complaints">
      {!card ? (
        <Empty description={t('assessment.archive.noSource')} />
      ) : card.count === 0 ? (
        <Empty description={t('assessment.archive.noComplaints')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={6}><Statistic title={t('assessment.archive.complaintCount')} value={card.count} /></Col>
            <Col span={6}><Statistic title={t('assessment.archive.substantiated')} value={share(card.substantiated, card.decided)} /></Col>
            <Col span={6}><Statistic title={t('assessment.archive.onTime')} value={share(card.on_time, card.answered)} /></Col>
          </Row>
          <Table
            rowKey="period_id"
            size="small"
            pagination={false}
            title={() => t('assessment.archive.byPeriod')}
            dataSource={card.by_period}
            data-testid="archive-complaints-by-period"
            columns={[
              { title: t('assessment.archive.period'), dataIndex: 'period_name' },
              { title: t('assessment.archive.complaintCount'), dataIndex: 'count', align: 'right' },
              { title: t('assessment.archive.substantiated'), key: 'sub', align: 'right', render: (_, r) => share(r.substantiated, r.decided) },
              { title: t('assessment.archive.onTime'), key: 'on_time', align: 'right', render: (_, r) => share(r.on_time, r.answered) },
            ]}
          />
          <Table
            rowKey="ticket_id"
            size="small"
            pagination={false}
            title={() => t('assessment.archive.latest')}
            dataSource={card.latest}
            data-testid="archive-complaints-latest"
            columns={[
              { title: t('assessment.facts.ticket'), dataIndex: 'ticket_id', render: (id: number, c) => <Link to={`/desk/tickets/${id}`}>{c.ticket_number || ticketNumber(id)}</Link> },
              { title: t('assessment.facts.at'), dataIndex: 'at', render: (at: string) => formatTime(at) },
              { title: t('assessment.archive.summary'), dataIndex: 'title' },
              {
                title: t('assessment.archive.substantiated'),
                dataIndex: 'substantiated',
                render: (s: boolean | null) =>
                  s === true ? <Tag color="red">{t('assessment.archive.yes')}</Tag> : s === false ? <Tag>{t('assessment.archive.no')}</Tag> : '—',
              },
              {
                title: t('assessment.archive.onTime'),
                dataIndex: 'on_time',
                render: (s: boolean | null) => (s === null ? '—' : s ? t('assessment.archive.yes') : t('assessment.archive.no')),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

function AppealsCard({ appeals }: { appeals: ArchiveAppeal[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('assessment.archive.appeals')} size="small" data-testid="archive-appeals">
      <Table
        rowKey={(ap) => `${ap.kind}-${ap.id}`}
        size="small"
        pagination={false}
        dataSource={appeals}
        locale={{ emptyText: t('assessment.archive.noAppeals') }}
        columns={[
          {
            title: t('assessment.archive.kind'),
            dataIndex: 'kind',
            render: (k: ArchiveAppeal['kind']) => <Tag>{k === 'assessment' ? t('assessment.archive.kindAssessment') : t('assessment.archive.kindInspection')}</Tag>,
          },
          {
            title: t('assessment.archive.subject'),
            key: 'subject',
            render: (_, ap) =>
              ap.kind === 'assessment' ? (
                <Link to={`/assessment/periods/${ap.period_id}`}>{ap.period_name}</Link>
              ) : (
                <Link to={`/inspection/inspections/${ap.inspection_id}`}>{ap.ticket_number ?? `#${ap.inspection_id}`}</Link>
              ),
          },
          { title: t('assessment.archive.filed'), dataIndex: 'filed_at', render: (at: string) => formatTime(at) },
          { title: t('assessment.appeal.reason'), dataIndex: 'reason' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: ArchiveAppeal['status']) => (
              <Tag color={s === 'open' ? 'orange' : undefined}>{s === 'open' ? t('assessment.archive.statusOpen') : t('assessment.archive.statusDecided')}</Tag>
            ),
          },
          {
            title: t('assessment.archive.outcome'),
            dataIndex: 'outcome',
            render: (o: ArchiveAppeal['outcome']) => (o ? t(`assessment.appealStatus.${o}`) : '—'),
          },
          { title: t('assessment.appeal.decisionReason'), dataIndex: 'decision_reason', render: (r: string) => r || '—' },
        ]}
      />
    </Card>
  );
}

function InspectionsCard({ card }: { card: InspectionCard | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t('assessment.archive.inspections')} size="small" data-testid="archive-inspections">
      {!card ? (
        <Empty description={t('assessment.archive.noSource')} />
      ) : card.count === 0 ? (
        <Empty description={t('assessment.archive.noInspections')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={6}><Statistic title={t('assessment.archive.inspectionCount')} value={card.count} /></Col>
            <Col span={6}>
              <Statistic
                title={t('assessment.archive.meanPercent')}
                value={card.mean_percent === null ? '—' : card.mean_percent.toFixed(1)}
                suffix={card.mean_percent === null ? undefined : '%'}
              />
            </Col>
            <Col span={6}><Statistic title={t('assessment.archive.passedCount')} value={share(card.passed, card.count)} /></Col>
            <Col span={6}><Statistic title={t('assessment.archive.criticalFails')} value={card.critical_fails} /></Col>
          </Row>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={card.latest}
            data-testid="archive-inspections-latest"
            columns={[
              { title: t('assessment.archive.inspection'), dataIndex: 'id', render: (id: number, i) => <Link to={`/inspection/inspections/${id}`}>{i.ticket_number ?? `#${id}`}</Link> },
              { title: t('assessment.archive.published'), dataIndex: 'published_at', render: (at: string) => formatTime(at) },
              { title: t('assessment.archive.score'), dataIndex: 'percent', align: 'right', render: (p: number | null) => (p === null ? '—' : `${p.toFixed(1)} %`) },
              {
                title: t('assessment.archive.state'),
                key: 'flags',
                render: (_, i) => (i.critical_failed ? <Tag color="red">{t('assessment.archive.criticalFail')}</Tag> : null),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

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
          <ComplaintsCard card={a.complaints} />
          <AppealsCard appeals={a.appeals} />
          <InspectionsCard card={a.inspections} />
        </Space>
      )}
    </>
  );
}
