// Survey campaigns (feedback.manage): the yearly satisfaction survey or a survey of one segment.
// The list of campaigns, and a new campaign with the sample-size calculator (margin, confidence,
// expected proportion) and a preview of the strata (population, share of the sample) before it is
// started; the sample is drawn from a seed the campaign records, so it can be drawn again.
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  createCampaign,
  listCampaigns,
  listTemplates,
  previewCampaign,
  STRATIFY_BY,
  type CampaignPreview,
  type StratifyBy,
  type SurveyCampaign,
  type SurveyCampaignInput,
  type SurveyStratum,
} from '../../api/feedback';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import { useDepartments } from '../../lib/directory';
import { businessDayRange, businessToday, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { stratumLabel } from './strata';

interface CampaignValues {
  name: string;
  template_id?: number;
  range: [Dayjs, Dayjs];
  department_ids: number[];
  tiers: string[];
  stratify_by: StratifyBy;
  margin: number; // percent
  confidence: number; // percent
  proportion: number; // percent
  seed?: number | null;
  valid_days: number;
}

const CONFIDENCES = [90, 95, 99];

function toInput(v: CampaignValues): SurveyCampaignInput {
  const [from, to] = v.range;
  const range = businessDayRange(from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'));
  return {
    name: v.name,
    template_id: v.template_id ?? 0,
    from: range.from ?? '',
    to: range.to ?? '',
    department_ids: v.department_ids,
    tiers: v.tiers,
    stratify_by: v.stratify_by,
    margin: v.margin / 100,
    confidence: v.confidence / 100,
    proportion: v.proportion / 100,
    ...(v.seed != null ? { seed: v.seed } : {}),
    valid_days: v.valid_days,
  };
}

/** The server's fields on this form: from and to are the range, margin etc. keep their names. */
function toFormPath(field: string): (string | number)[] | null {
  if (field === 'from' || field === 'to') return ['range'];
  if (field === 'population') return null;
  const m = /^(department_ids)\[\d+\]$/.exec(field);
  return m ? [m[1]] : [field];
}

function StrataTable({ strata, by, testId }: { strata: SurveyStratum[]; by: StratifyBy; testId: string }) {
  const { t } = useTranslation();
  const total = strata.reduce((s, x) => s + x.population, 0);
  return (
    <Table<SurveyStratum>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={strata}
      data-testid={testId}
      columns={[
        { title: t('feedback.campaign.stratum'), render: (_, s) => stratumLabel(t, by, s.key, s.label) },
        { title: t('feedback.campaign.population'), dataIndex: 'population', align: 'right' },
        { title: t('feedback.campaign.share'), align: 'right', render: (_, s) => `${((s.population / Math.max(total, 1)) * 100).toFixed(1)} %` },
        { title: t('feedback.campaign.sample'), dataIndex: 'sample', align: 'right' },
      ]}
    />
  );
}

function NewCampaign({ onClose, onSaved }: { onClose: () => void; onSaved: (c: SurveyCampaign) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CampaignValues>();
  const templates = useAsync(() => listTemplates(), []);
  const { departments } = useDepartments();
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [stratifiedBy, setStratifiedBy] = useState<StratifyBy>('department');
  const submit = useSubmit(form, (v: CampaignValues) => createCampaign(toInput(v)), {
    success: (c: SurveyCampaign) => t('feedback.campaign.created', { name: c.name, n: c.strata.reduce((s, x) => s + x.sample, 0) }),
    onSuccess: onSaved,
    toFormPath,
    bannerAlways: true,
  });
  const calculate = useSubmit(form, async (v: CampaignValues) => {
    setStratifiedBy(v.stratify_by);
    setPreview(await previewCampaign(toInput(v)));
  }, { toFormPath });
  const initial: CampaignValues = {
    name: '',
    range: [businessToday().subtract(1, 'year').add(1, 'day'), businessToday()],
    department_ids: [],
    tiers: [],
    stratify_by: 'department',
    margin: 5,
    confidence: 95,
    proportion: 50,
    seed: null,
    valid_days: 14,
  };
  return (
    <Modal
      open
      width={820}
      title={t('feedback.campaign.new')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void form.validateFields().then((v) => calculate.run(v))} loading={calculate.pending} data-testid="campaign-preview">
            {t('feedback.campaign.preview')}
          </Button>
          <Button type="primary" onClick={() => form.submit()} loading={submit.pending} data-testid="campaign-start">
            {t('feedback.campaign.start')}
          </Button>
        </Space>
      }
    >
      <SubmitAlert submit={submit} />
      <SubmitAlert submit={calculate} data-testid="preview-error" />
      <Form<CampaignValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit.run}
        onValuesChange={(changed) => {
          submit.onValuesChange(changed);
          calculate.onValuesChange(changed);
          setPreview(null);
        }}
        data-testid="campaign-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('feedback.campaign.name')}>
              <Input maxLength={100} placeholder={t('feedback.campaign.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="template_id" label={t('feedback.campaign.template')} rules={[{ required: true, message: t('feedback.campaign.templateRequired') }]}>
              <Select
                loading={templates.loading}
                data-testid="campaign-template"
                options={(templates.data?.items ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="range" label={t('feedback.campaign.range')} extra={t('feedback.campaign.rangeHelp')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="department_ids" label={t('feedback.campaign.departments')} extra={t('feedback.campaign.departmentsHelp')}>
              <Select mode="multiple" allowClear optionFilterProp="label" options={(departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tiers" label={t('feedback.campaign.tiers')} extra={t('feedback.campaign.tiersHelp')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} options={['standard', 'gold', 'vip'].map((x) => ({ value: x, label: x }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="stratify_by" label={t('feedback.campaign.stratifyBy')}>
              <Select data-testid="campaign-stratify" options={STRATIFY_BY.map((x) => ({ value: x, label: t(`feedback.campaign.by.${x}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Card size="small" title={t('feedback.campaign.calculator')} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name="confidence" label={t('feedback.campaign.confidence')}>
                <Select options={CONFIDENCES.map((c) => ({ value: c, label: `${c} %` }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="margin" label={t('feedback.campaign.margin')}>
                <InputNumber min={0.1} max={50} step={0.5} addonBefore="±" addonAfter="%" style={{ width: '100%' }} data-testid="campaign-margin" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="proportion" label={t('feedback.campaign.proportion')} extra={t('feedback.campaign.proportionHelp')}>
                <InputNumber min={1} max={99} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="valid_days" label={t('feedback.campaign.validDays')}>
                <InputNumber min={1} max={366} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="seed" label={t('feedback.campaign.seed')} extra={t('feedback.campaign.seedHelp')}>
                <InputNumber min={0} max={Number.MAX_SAFE_INTEGER} precision={0} style={{ width: '100%' }} data-testid="campaign-seed" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
      {preview && (
        <Card size="small" title={t('feedback.campaign.plan')} data-testid="campaign-plan">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('feedback.campaign.population')}>
              <span data-testid="plan-population">{preview.population}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('feedback.campaign.sampleSize')}>
              <span data-testid="plan-n">{preview.sample_size}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('feedback.campaign.drawn')}>
              <span data-testid="plan-drawn">{preview.drawn}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('feedback.campaign.withEmail')}>{preview.with_email}</Descriptions.Item>
            <Descriptions.Item label={t('feedback.campaign.seed')}>{preview.seed}</Descriptions.Item>
          </Descriptions>
          {preview.drawn > preview.sample_size && <Alert type="info" showIcon message={t('feedback.campaign.raised', { n: preview.drawn - preview.sample_size })} style={{ marginBottom: 8 }} />}
          <StrataTable strata={preview.strata} by={stratifiedBy} testId="plan-strata" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('feedback.campaign.seedNote')}
          </Typography.Paragraph>
        </Card>
      )}
    </Modal>
  );
}

export default function Campaigns() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useAsync(() => listCampaigns(), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('feedback.campaign.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-campaign">
            {t('feedback.campaign.new')}
          </Button>
        }
      />
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Card size="small">
        <Table<SurveyCampaign>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="campaign-table"
          columns={[
            { title: t('feedback.campaign.name'), render: (_, c) => <Link to={`/feedback/campaigns/${c.id}`}>{c.name}</Link> },
            { title: t('feedback.campaign.range'), render: (_, c) => `${formatTime(c.from).slice(0, 10)} – ${formatTime(c.to).slice(0, 10)}` },
            { title: t('feedback.campaign.stratifyBy'), render: (_, c) => t(`feedback.campaign.by.${c.stratify_by}`) },
            { title: t('feedback.campaign.population'), dataIndex: 'population', align: 'right' },
            { title: t('feedback.campaign.sample'), align: 'right', render: (_, c) => c.strata.reduce((s, x) => s + x.sample, 0) },
            { title: t('feedback.campaign.seed'), dataIndex: 'seed' },
            { title: t('feedback.campaign.createdAt'), render: (_, c) => formatTime(c.created_at) },
          ]}
        />
      </Card>
      {creating && (
        <NewCampaign
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            navigate(`/feedback/campaigns/${c.id}`);
          }}
        />
      )}
    </>
  );
}
