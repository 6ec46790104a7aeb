// SLA policies: the list (active, version), a form to create one or save a new version, and an
// "explain" tester that says which policy a ticket with given facts would get, and why. A target
// whose calendar runs out of holiday data soon (or did) is marked, with a warning above the list.
import { EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { TIMER_KINDS, type Priority, type TimerKind } from '../../api/deskTypes';
import { createPolicy, explainPolicy, listCalendars, listPolicies, updatePolicy } from '../../api/sla';
import type { BusinessCalendar, PolicyExplanation, SlaPolicy, SlaPolicyDraft, TicketFacts } from '../../api/slaTypes';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import CategoryTreeSelect, { useCategories } from '../../components/desk/CategoryTreeSelect';
import { StaffField } from '../../components/desk/DirectoryFields';
import { useDeskOptions } from '../../components/desk/options';
import { useNotify } from '../../components/useNotify';
import { formatMinutes } from '../../lib/duration';
import { fieldPath, type FormPath } from '../../lib/formErrors';
import { useSchemaRules } from '../../lib/schemaRules';
import { useSubmit } from '../../lib/useSubmit';
import { useAsync } from '../../lib/useAsync';
import { runOutAt, type RunOut } from './calendars/model';
import { RunOutAlerts, runOutText } from './calendars/RunOut';
import ExplainResult from './ExplainResult';

const TIERS = ['standard', 'gold', 'vip'].map((value) => ({ value }));

/** The run-outs due now of the calendars these policies' targets use, one per calendar. */
function runOutsOf(policies: SlaPolicy[], calendars: BusinessCalendar[], now: number): RunOut[] {
  const used = new Set(policies.flatMap((p) => p.targets.map((target) => target.calendar_code)));
  return calendars.filter((c) => used.has(c.code)).flatMap((c) => runOutAt(c, now) ?? []);
}

interface TargetValue {
  enabled: boolean;
  business_minutes?: number;
  calendar_code?: string;
}

interface Values {
  name: string;
  active: boolean;
  warning_percent: number;
  breach_assignee_id?: number;
  match: {
    ticket_type?: string;
    priority?: Priority;
    channel?: string;
    category_id?: number;
    customer_tier?: string;
  };
  targets: Record<TimerKind, TargetValue>;
}

function toValues(policy: SlaPolicy | null): Values {
  const targets = {} as Record<TimerKind, TargetValue>;
  for (const kind of TIMER_KINDS) {
    const target = policy?.targets.find((x) => x.kind === kind);
    targets[kind] = target
      ? { enabled: true, business_minutes: target.business_minutes, calendar_code: target.calendar_code }
      : { enabled: false };
  }
  return {
    name: policy?.name ?? '',
    active: policy?.active ?? true,
    warning_percent: Math.round((policy?.warning_fraction ?? 0.75) * 100),
    breach_assignee_id: policy?.breach_assignee_id ?? undefined,
    match: {
      ticket_type: policy?.match.ticket_type ?? undefined,
      priority: policy?.match.priority ?? undefined,
      channel: policy?.match.channel ?? undefined,
      category_id: policy?.match.category_id ?? undefined,
      customer_tier: policy?.match.customer_tier ?? undefined,
    },
    targets,
  };
}

function toDraft(values: Values): { draft: SlaPolicyDraft; kinds: TimerKind[] } {
  const kinds = TIMER_KINDS.filter((kind) => values.targets[kind]?.enabled);
  const m = values.match;
  return {
    kinds,
    draft: {
      name: values.name.trim(),
      active: values.active,
      warning_fraction: values.warning_percent / 100,
      breach_assignee_id: values.breach_assignee_id ?? null,
      match: {
        ticket_type: m.ticket_type || null,
        priority: m.priority || null,
        channel: m.channel || null,
        category_id: m.category_id ?? null,
        customer_tier: m.customer_tier?.trim() || null,
      },
      targets: kinds.map((kind) => ({
        kind,
        business_minutes: values.targets[kind].business_minutes ?? 0,
        calendar_code: values.targets[kind].calendar_code ?? '',
      })),
    },
  };
}

/** The form field a server field names: targets are sent as a list of the enabled kinds. */
function policyFormPath(field: string, kinds: readonly TimerKind[]): FormPath | null {
  const raw = fieldPath(field);
  if (raw[0] === 'targets' && typeof raw[1] === 'number') {
    const kind = kinds[raw[1]];
    return kind ? ['targets', kind, String(raw[2] ?? 'business_minutes')] : null;
  }
  if (raw[0] === 'warning_fraction') return ['warning_percent'];
  return raw;
}

function MatchTags({ policy }: { policy: SlaPolicy }) {
  const { t } = useTranslation();
  const { data: categories } = useCategories();
  const m = policy.match;
  const tags: string[] = [];
  if (m.ticket_type) tags.push(t(`enums.type.${m.ticket_type as 'incident'}`, m.ticket_type));
  if (m.priority) tags.push(m.priority);
  if (m.channel) tags.push(t(`enums.channel.${m.channel as 'phone'}`, m.channel));
  if (m.category_id) tags.push(categories?.find((c) => c.id === m.category_id)?.name ?? `#${m.category_id}`);
  if (m.customer_tier) tags.push(m.customer_tier);
  if (tags.length === 0) return <Typography.Text type="secondary">{t('policies.matchesAll')}</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((tag) => (
        <Tag key={tag}>{tag}</Tag>
      ))}
    </Space>
  );
}

function PolicyDrawer({ policy, onClose, onSaved }: { policy: SlaPolicy | null; onClose: () => void; onSaved: (p: SlaPolicy) => void }) {
  const { t } = useTranslation();
  const options = useDeskOptions();
  const calendars = useAsync(listCalendars, []);
  const [form] = Form.useForm<Values>();
  const schema = useSchemaRules('SlaPolicyInput');
  const targets = Form.useWatch('targets', form);
  // The kinds of the targets sent last: the server names a target by its place in that list.
  const sentKinds = useRef<TimerKind[]>([]);
  const submit = useSubmit(
    form,
    (values: Values) => {
      const { draft, kinds } = toDraft(values);
      sentKinds.current = kinds;
      return policy ? updatePolicy(policy.id, draft, policy.version) : createPolicy(draft);
    },
    { onSuccess: onSaved, toFormPath: (field) => policyFormPath(field, sentKinds.current) },
  );

  const calendarOptions = (calendars.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  const now = Date.now();
  const runOuts: Partial<Record<TimerKind, RunOut>> = {};
  for (const kind of TIMER_KINDS) {
    const runOut = runOutAt(calendars.data?.find((c) => c.code === targets?.[kind]?.calendar_code), now);
    if (runOut) runOuts[kind] = runOut;
  }

  return (
    <Drawer
      open
      width={640}
      title={policy ? t('policies.editTitle', { name: policy.name, version: policy.version }) : t('policies.newTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submit.pending} onClick={() => form.submit()} data-testid="policy-save">
            {policy ? t('policies.saveVersion') : t('common.save')}
          </Button>
        </Space>
      }
    >
      {policy && <Alert type="info" showIcon message={t('policies.versionHelp')} style={{ marginBottom: 16 }} />}
      <SubmitAlert submit={submit} />
      {calendars.error && <ErrorAlert error={calendars.error} onRetry={() => void calendars.reload()} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(policy)}
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="name" label={t('policies.name')} rules={schema.rules('name')}>
              <Input maxLength={schema.maxLength('name')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="active" label={t('common.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('policies.match')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('policies.matchHelp')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['match', 'ticket_type']} label={t('tickets.type')}>
              <Select allowClear options={options.types} placeholder={t('policies.any')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['match', 'priority']} label={t('tickets.priority')}>
              <Select allowClear options={options.priorities} placeholder={t('policies.any')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['match', 'channel']} label={t('tickets.channel')}>
              <Select allowClear options={options.channels} placeholder={t('policies.any')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['match', 'customer_tier']} label={t('customers.tier')}>
              <AutoComplete allowClear options={TIERS} placeholder={t('policies.any')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['match', 'category_id']} label={t('tickets.category')} extra={t('policies.categoryHelp')}>
              <CategoryTreeSelect placeholder={t('policies.any')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('policies.targets')}</Typography.Title>
        {TIMER_KINDS.map((kind) => {
          const enabled = targets?.[kind]?.enabled ?? false;
          return (
            <Row key={kind} gutter={8} align="top" data-testid={`target-${kind}`}>
              <Col span={7}>
                <Form.Item name={['targets', kind, 'enabled']} valuePropName="checked">
                  <Checkbox>{t(`enums.timerKind.${kind}`)}</Checkbox>
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item
                  name={['targets', kind, 'business_minutes']}
                  rules={[{ required: enabled, message: t('common.required') }]}
                >
                  <InputNumber<number>
                    min={1}
                    max={5256000}
                    precision={0}
                    disabled={!enabled}
                    addonAfter={t('calendars.minutes')}
                    style={{ width: '100%' }}
                    aria-label={`${t(`enums.timerKind.${kind}`)} ${t('calendars.minutes')}`}
                  />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name={['targets', kind, 'calendar_code']} rules={[{ required: enabled, message: t('common.required') }]}>
                  <Select
                    disabled={!enabled}
                    options={calendarOptions}
                    loading={calendars.loading}
                    placeholder={t('policies.calendar')}
                    aria-label={`${t(`enums.timerKind.${kind}`)} ${t('policies.calendar')}`}
                  />
                </Form.Item>
              </Col>
              {enabled && runOuts[kind] && (
                <Col span={24} style={{ marginTop: -16, marginBottom: 16 }}>
                  <Typography.Text type="warning" data-testid={`target-run-out-${kind}`}>
                    <WarningOutlined /> {runOutText(t, runOuts[kind])}
                  </Typography.Text>
                </Col>
              )}
            </Row>
          );
        })}
        <Form.Item name="warning_percent" label={t('policies.warning')} extra={t('policies.warningHelp')}>
          <InputNumber<number> min={1} max={99} precision={0} addonAfter="%" />
        </Form.Item>
        <Form.Item name="breach_assignee_id" label={t('policies.breachAssignee')} extra={t('policies.breachAssigneeHelp')}>
          <StaffField />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function ExplainTester() {
  const { t } = useTranslation();
  const options = useDeskOptions();
  const [form] = Form.useForm<TicketFacts>();
  const [result, setResult] = useState<PolicyExplanation | null>(null);
  const explain = useSubmit(
    form,
    (facts: TicketFacts) => {
      setResult(null);
      const clean = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      return explainPolicy(clean as TicketFacts);
    },
    { onSuccess: setResult },
  );

  return (
    <Card title={t('policies.explain')} data-testid="explain">
      <Typography.Paragraph type="secondary">{t('policies.explainHelp')}</Typography.Paragraph>
      <SubmitAlert submit={explain} />
      <Form<TicketFacts>
        form={form}
        layout="inline"
        onFinish={explain.run}
        onValuesChange={explain.onValuesChange}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="ticket_type">
          <Select allowClear style={{ width: 130 }} options={options.types} placeholder={t('tickets.type')} />
        </Form.Item>
        <Form.Item name="priority">
          <Select allowClear style={{ width: 110 }} options={options.priorities} placeholder={t('tickets.priority')} />
        </Form.Item>
        <Form.Item name="channel">
          <Select allowClear style={{ width: 120 }} options={options.channels} placeholder={t('tickets.channel')} />
        </Form.Item>
        <Form.Item name="category_id">
          <CategoryTreeSelect style={{ width: 200 }} placeholder={t('tickets.category')} />
        </Form.Item>
        <Form.Item name="customer_tier">
          <AutoComplete allowClear style={{ width: 130 }} options={TIERS} placeholder={t('customers.tier')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={explain.pending} data-testid="explain-run">
          {t('policies.explainRun')}
        </Button>
      </Form>
      {result && (
        <div style={{ marginTop: 16 }}>
          <ExplainResult result={result} />
        </div>
      )}
    </Card>
  );
}

export default function Policies() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const list = useAsync(listPolicies, []);
  const calendars = useAsync(listCalendars, []);
  const now = Date.now();
  const calendarRunOut = (code: string) => runOutAt(calendars.data?.find((c) => c.code === code), now);
  const [creating, setCreating] = useState(false);
  const editId = Number(params.get('id')) || null;
  const editing = editId ? (list.data?.find((p) => p.id === editId) ?? null) : null;

  const close = () => {
    setCreating(false);
    setParams({}, { replace: true });
  };

  const columns: ColumnsType<SlaPolicy> = [
    { title: 'ID', dataIndex: 'id', width: 70 },
    { title: t('policies.name'), dataIndex: 'name' },
    { title: t('policies.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
    {
      title: t('common.status'),
      dataIndex: 'active',
      render: (active: boolean) => (active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    { title: t('policies.match'), key: 'match', render: (_, p) => <MatchTags policy={p} /> },
    {
      title: t('policies.targets'),
      key: 'targets',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          {p.targets.map((target) => {
            const runOut = calendarRunOut(target.calendar_code);
            return (
              <span key={target.kind}>
                {t(`enums.timerKind.${target.kind}`)}: {formatMinutes(target.business_minutes)}{' '}
                <Typography.Text type="secondary">@{target.calendar_code}</Typography.Text>
                {runOut && (
                  <Tooltip title={runOutText(t, runOut)}>
                    <Tag color="orange" icon={<WarningOutlined />} style={{ marginInlineStart: 4 }} data-testid="target-run-out">
                      {t('policies.calendarRunsOutTag', { lastDay: runOut.lastDay })}
                    </Tag>
                  </Tooltip>
                )}
              </span>
            );
          })}
        </Space>
      ),
    },
    { title: t('policies.warning'), dataIndex: 'warning_fraction', render: (f: number) => `${Math.round(f * 100)}%` },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setParams({ id: String(p.id) }, { replace: true })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('policies.newTitle')}
          </Button>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
        {calendars.error && <ErrorAlert error={calendars.error} onRetry={() => void calendars.reload()} />}
        <RunOutAlerts runOuts={runOutsOf((list.data ?? []).filter((p) => p.active), calendars.data ?? [], now)} />
        <Card>
          <Typography.Paragraph type="secondary">{t('policies.intro')}</Typography.Paragraph>
          <Table<SlaPolicy>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('policies.empty') }}
            data-testid="policy-table"
          />
        </Card>
        <ExplainTester />
      </Space>
      {(creating || editing) && (
        <PolicyDrawer
          key={creating ? 'new' : `${editing?.id}:${editing?.version}`}
          policy={creating ? null : editing}
          onClose={close}
          onSaved={(policy) => {
            notify.success(t('policies.saved', { name: policy.name, version: policy.version }));
            close();
            void list.reload();
          }}
        />
      )}
    </>
  );
}
