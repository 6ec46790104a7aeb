// One survey campaign: what it asked (template, population, calculator, seed) and its progress in
// every stratum — invited, sent (mailed or given a link), answered, expired — with the response
// rate, its sample size and 95 % Wilson interval, and a warning where a stratum is too small to
// compare.
import { Card, Col, Descriptions, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getCampaign, type SurveyStratumProgress } from '../../api/feedback';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { interval, percent } from './rates';
import { stratumLabel } from './strata';

export default function CampaignProgress() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useAsync(() => getCampaign(id), [id]);
  const c = campaign.data;
  if (campaign.error) return <ErrorAlert error={campaign.error} onRetry={campaign.reload} />;
  if (!c) return <PageSpin />;
  const { total, strata } = c.progress;
  const by = c.stratify_by;
  return (
    <>
      <PageHeader title={c.name} extra={<Link to="/feedback/campaigns">{t('feedback.campaign.title')}</Link>} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(['invited', 'sent', 'answered'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small" data-testid={`progress-${k}`}>
              <Statistic title={t(`feedback.campaign.${k}`)} value={total[k]} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small" data-testid="progress-rate">
            <Statistic title={t('feedback.campaign.responseRate')} value={percent(total.response_rate.p)} />
            <Typography.Text type="secondary">{t('feedback.sample', { n: total.response_rate.n, interval: interval(total.response_rate) })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('feedback.campaign.byStratum')} style={{ marginBottom: 12 }}>
        <Table<SurveyStratumProgress>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={strata}
          scroll={{ x: true }}
          data-testid="progress-strata"
          columns={[
            { title: t('feedback.campaign.stratum'), render: (_, s) => stratumLabel(t, by, s.key, s.label) },
            { title: t('feedback.campaign.population'), dataIndex: 'population', align: 'right' },
            { title: t('feedback.campaign.invited'), dataIndex: 'invited', align: 'right' },
            { title: t('feedback.campaign.sent'), dataIndex: 'sent', align: 'right' },
            { title: t('feedback.campaign.answered'), dataIndex: 'answered', align: 'right' },
            { title: t('feedback.campaign.expired'), dataIndex: 'expired', align: 'right' },
            {
              title: t('feedback.campaign.responseRate'),
              render: (_, s) => <Progress percent={Math.round((s.response_rate.p ?? 0) * 1000) / 10} size="small" style={{ minWidth: 120 }} />,
            },
            { title: 'n', align: 'right', render: (_, s) => s.response_rate.n },
            { title: t('feedback.interval'), render: (_, s) => interval(s.response_rate) },
            {
              title: '',
              render: (_, s) => (s.response_rate.small_sample && s.response_rate.n > 0 ? <Tag color="warning">{t('feedback.smallSample')}</Tag> : null),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('feedback.campaign.design')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="campaign-design">
          <Descriptions.Item label={t('feedback.campaign.template')}>{`#${c.template_id} v${c.version}`}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.range')}>{`${formatTime(c.from)} – ${formatTime(c.to)}`}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.stratifyBy')}>{t(`feedback.campaign.by.${by}`)}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.calculator')}>
            {t('feedback.campaign.question', { confidence: Math.round(c.confidence * 100), margin: +(c.margin * 100).toFixed(2), p: Math.round(c.proportion * 100) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.population')}>{c.population}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.sampleSize')}>{c.sample_size}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.seed')}>
            <span data-testid="campaign-seed-value">{c.seed}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.sendAt')}>{formatTime(c.send_at)}</Descriptions.Item>
          <Descriptions.Item label={t('feedback.campaign.validDays')}>{c.valid_days}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
