// Survey results: CSAT, NPS, CES, satisfaction (surveys and callbacks together) and the response
// rate, each with its sample size and 95 % Wilson interval and a warning where the sample is too
// small to compare; distributions per question, the NPS breakdown, satisfaction by department,
// staff, channel and category, and the open answers (shown as text, never as HTML). Filtered by
// template, campaign and source (link / callback / agency); the trend by week or month below the
// figures, with n per point (also as a table).
import { Alert, Card, Col, Empty, List, Row, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getResults, getTrend, listCampaigns, listTemplates, type SurveyGroup, type SurveyRate, type SurveySource, type TrendPoint } from '../../api/feedback';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { currentLanguage } from '../../i18n';
import { useAuth } from '../../auth/AuthContext';
import { businessDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { interval, percent } from './rates';
import SourceSelect from './SourceSelect';

const Charts = {
  Distribution: lazy(() => import('./ResultCharts').then((m) => ({ default: m.DistributionChart }))),
  Nps: lazy(() => import('./ResultCharts').then((m) => ({ default: m.NpsChart }))),
  Group: lazy(() => import('./ResultCharts').then((m) => ({ default: m.GroupChart }))),
  Trend: lazy(() => import('./ResultCharts').then((m) => ({ default: m.TrendChart }))),
};

function TrendTable({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  return (
    <Table<TrendPoint>
      size="small"
      rowKey="start"
      pagination={false}
      dataSource={points}
      scroll={{ x: true }}
      data-testid="trend-table"
      columns={[
        { title: t('feedback.period'), dataIndex: 'start', render: (v: string) => businessDay(v) },
        { title: t('feedback.csat'), render: (_, p) => `${percent(p.csat.p)} (n=${p.csat.n})` },
        { title: 'NPS', render: (_, p) => `${p.nps.score == null ? '–' : p.nps.score.toFixed(0)} (n=${p.nps.n})` },
        { title: t('feedback.responseRate'), render: (_, p) => `${percent(p.response_rate.p)} (n=${p.response_rate.n})` },
        { title: t('feedback.satisfaction'), render: (_, p) => `${percent(p.satisfaction.p)} (n=${p.satisfaction.n})` },
      ]}
    />
  );
}

function RateCard({ title, rate, testId }: { title: string; rate: SurveyRate; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} value={percent(rate.p)} />
      <Typography.Text type="secondary">
        {t('feedback.sample', { n: rate.n, interval: interval(rate) })}
      </Typography.Text>
      {rate.small_sample && rate.n > 0 && (
        <div>
          <Tag color="warning">{t('feedback.smallSample')}</Tag>
        </div>
      )}
    </Card>
  );
}

function GroupTable({ groups }: { groups: SurveyGroup[] }) {
  const { t } = useTranslation();
  return (
    <Table<SurveyGroup>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={groups}
      scroll={{ x: true }}
      columns={[
        { title: t('feedback.group'), dataIndex: 'label', render: (v: string) => v || '–' },
        { title: t('feedback.satisfaction'), render: (_, g) => percent(g.satisfaction.p) },
        { title: 'n', render: (_, g) => g.satisfaction.n },
        { title: t('feedback.interval'), render: (_, g) => interval(g.satisfaction) },
        { title: 'CSAT', render: (_, g) => `${percent(g.csat.p)} (n=${g.csat.n})` },
        { title: 'NPS', render: (_, g) => (g.nps.score == null ? '–' : `${g.nps.score.toFixed(0)} (n=${g.nps.n})`) },
        {
          title: '',
          render: (_, g) => (g.satisfaction.small_sample && g.satisfaction.n > 0 ? <Tag color="warning">{t('feedback.smallSample')}</Tag> : null),
        },
      ]}
    />
  );
}

export default function SurveyResults() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canManage = can('feedback.manage');
  const [templateId, setTemplateId] = useState<number>();
  const [campaignId, setCampaignId] = useState<number>();
  const [source, setSource] = useState<SurveySource>();
  const [bucket, setBucket] = useState<'week' | 'month'>('week');
  const templates = useAsync(() => (canManage ? listTemplates() : Promise.resolve({ items: [] })), [canManage]);
  const campaigns = useAsync(() => (canManage ? listCampaigns() : Promise.resolve({ items: [] })), [canManage]);
  const query = { template_id: templateId, campaign_id: campaignId, source };
  const results = useAsync(() => getResults(query), [templateId, campaignId, source]);
  const trend = useAsync(() => getTrend({ ...query, bucket }), [templateId, campaignId, source, bucket]);
  const lang = currentLanguage();
  const pick = useCallback((x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh || x.en : x.en || x.zh), [lang]);

  const r = results.data;
  return (
    <>
      <PageHeader
        title={t('feedback.resultsTitle')}
        extra={
          <Select
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('feedback.allTemplates')}
            value={templateId}
            onChange={setTemplateId}
            options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            id="results-template"
            data-testid="results-template"
          />
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('feedback.allCampaigns')}
          value={campaignId}
          onChange={setCampaignId}
          options={(campaigns.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
          data-testid="results-campaign"
        />
        <SourceSelect value={source} onChange={setSource} testId="results-source" />
      </Space>
      {results.error && <ErrorAlert error={results.error} onRetry={results.reload} />}
      {!r && results.loading && <PageSpin />}
      {r && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8} xl={4}>
              <RateCard title={t('feedback.csat')} rate={r.csat} testId="kpi-csat" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small" data-testid="kpi-nps">
                <Statistic title="NPS" value={r.nps.score == null ? '–' : r.nps.score.toFixed(0)} />
                <Typography.Text type="secondary">n = {r.nps.n}</Typography.Text>
                {r.nps.small_sample && r.nps.n > 0 && (
                  <div>
                    <Tag color="warning">{t('feedback.smallSample')}</Tag>
                  </div>
                )}
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small" data-testid="kpi-ces">
                <Statistic title={t('feedback.ces')} value={r.ces.mean == null ? '–' : r.ces.mean.toFixed(2)} />
                <Typography.Text type="secondary">n = {r.ces.n}</Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <RateCard title={t('feedback.satisfaction')} rate={r.satisfaction} testId="kpi-satisfaction" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <RateCard title={t('feedback.callbackRate')} rate={r.callback} testId="kpi-callback" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <RateCard title={t('feedback.responseRate')} rate={r.response_rate} testId="kpi-response" />
            </Col>
          </Row>
          {r.satisfaction.small_sample && r.satisfaction.n > 0 && (
            <Alert type="warning" showIcon message={t('feedback.smallSampleHint', { n: r.small_sample_below })} />
          )}
          {r.agency_answers != null && r.agency_answers > 0 && (
            <Typography.Text type="secondary" data-testid="agency-count">
              {t('feedback.agencyAnswers', { n: r.agency_answers })}
            </Typography.Text>
          )}
          <Suspense fallback={<PageSpin />}>
            <Card
              size="small"
              title={t('feedback.trend')}
              extra={
                <Segmented
                  size="small"
                  value={bucket}
                  onChange={(v) => setBucket(v as 'week' | 'month')}
                  options={[
                    { value: 'week', label: t('feedback.byWeek') },
                    { value: 'month', label: t('feedback.byMonth') },
                  ]}
                />
              }
            >
              {trend.error && <ErrorAlert error={trend.error} onRetry={trend.reload} />}
              <Charts.Trend points={trend.data?.items ?? []} bucket={bucket} />
              <TrendTable points={trend.data?.items ?? []} />
            </Card>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('feedback.npsBreakdown')}>
                  <Charts.Nps nps={r.nps} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('feedback.byDepartment')}>
                  <Charts.Group groups={r.by_department} testId="department-chart" />
                </Card>
              </Col>
            </Row>
            <Card size="small">
              <Tabs
                items={[
                  { key: 'department', label: t('feedback.byDepartment'), children: <GroupTable groups={r.by_department} /> },
                  { key: 'staff', label: t('feedback.byStaff'), children: <GroupTable groups={r.by_staff} /> },
                  { key: 'channel', label: t('feedback.byChannel'), children: <GroupTable groups={r.by_channel} /> },
                  { key: 'category', label: t('feedback.byCategory'), children: <GroupTable groups={r.by_category} /> },
                ]}
              />
            </Card>
            {r.questions.length === 0 && !templateId && <Typography.Text type="secondary">{t('feedback.pickTemplate')}</Typography.Text>}
            <Row gutter={[12, 12]}>
              {r.questions.map((q) => (
                <Col xs={24} lg={12} key={q.id}>
                  <Card size="small" title={pick(q.text)} extra={`n = ${q.answered}`} data-testid={`question-${q.id}`}>
                    {q.kind === 'text' ? (
                      q.texts.length === 0 ? (
                        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                      ) : (
                        <List size="small" dataSource={q.texts} renderItem={(text) => <List.Item style={{ whiteSpace: 'pre-wrap' }}>{text}</List.Item>} />
                      )
                    ) : (
                      <Charts.Distribution id={q.id} rows={q.distribution} label={(v) => (q.kind === 'single' || q.kind === 'multiple' ? `#${v + 1}` : String(v))} />
                    )}
                  </Card>
                </Col>
              ))}
            </Row>
          </Suspense>
        </Space>
      )}
    </>
  );
}
