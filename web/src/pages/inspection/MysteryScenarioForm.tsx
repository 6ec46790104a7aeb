// 暗访场景: the shopper's script — a visit, a call or an online chat to each target department within a
// window (optionally within hours of the day), what to do and say and what to observe, the scorecard,
// how many visits per target and what one visit may spend. Every problem the server finds lands on
// its field.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { listScorecards } from '../../api/inspection';
import { saveMysteryScenario, type MysteryChannel, type MysteryScenario } from '../../api/mystery';
import { DepartmentField } from '../../components/desk/DirectoryFields';
import SubmitAlert from '../../components/SubmitAlert';
import { businessDayRange, businessToday } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

export const CHANNELS: MysteryChannel[] = ['visit', 'call', 'chat'];

interface Values {
  title?: string;
  channel?: MysteryChannel;
  department_ids?: (number | null)[];
  script?: string;
  observe?: string;
  scorecard_id?: number;
  window?: [Dayjs, Dayjs];
  hours?: [Dayjs, Dayjs] | null;
  visits_per_target?: number;
  budget?: number | null;
  active?: boolean;
}

function valuesOf(s: MysteryScenario): Values {
  const hour = (hm: string) => dayjs(`2000-01-01T${hm}`);
  return {
    title: s.title,
    channel: s.channel,
    department_ids: s.department_ids,
    script: s.script,
    observe: s.observe,
    scorecard_id: s.scorecard_id,
    window: [dayjs(s.window_from), dayjs(s.window_to)],
    hours: s.hours_from && s.hours_to ? [hour(s.hours_from), hour(s.hours_to)] : null,
    visits_per_target: s.visits_per_target,
    budget: s.budget,
    active: s.active,
  };
}

/** The picked business days, both inclusive, as the window's instants. */
function windowOf(window: [Dayjs, Dayjs] | undefined): { window_from: string; window_to: string } {
  const range = businessDayRange(window?.[0].format('YYYY-MM-DD'), window?.[1].format('YYYY-MM-DD'));
  return { window_from: range.from ?? '', window_to: range.to ? dayjs(range.to).subtract(1, 'ms').toISOString() : '' };
}

export default function MysteryScenarioForm({
  scenario,
  onClose,
  onSaved,
}: {
  scenario?: MysteryScenario;
  onClose: () => void;
  onSaved: (s: MysteryScenario) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const cards = useAsync(listScorecards, []);
  const submit = useSubmit(
    form,
    (v: Values) =>
      saveMysteryScenario(scenario?.id ?? null, {
        title: v.title ?? '',
        channel: v.channel ?? 'visit',
        department_ids: (v.department_ids ?? []).filter((id): id is number => typeof id === 'number'),
        script: v.script ?? '',
        observe: v.observe ?? '',
        scorecard_id: v.scorecard_id ?? 0,
        ...windowOf(v.window),
        ...(v.hours ? { hours_from: v.hours[0].format('HH:mm'), hours_to: v.hours[1].format('HH:mm') } : {}),
        visits_per_target: v.visits_per_target ?? 1,
        ...(v.budget !== null && v.budget !== undefined ? { budget: v.budget } : {}),
        active: v.active ?? true,
      }),
    {
      success: t('inspection.mystery.saved'),
      toFormPath: (field) =>
        field.startsWith('department_ids')
          ? null
          : field.startsWith('window')
            ? ['window']
            : field.startsWith('hours')
              ? ['hours']
              : [field],
      bannerAlways: true,
      onSuccess: (s) => {
        onSaved(s);
        onClose();
      },
    },
  );
  return (
    <Modal
      open
      title={scenario ? t('inspection.mystery.edit') : t('inspection.mystery.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.pending}
      destroyOnClose
      width={720}
    >
      <SubmitAlert submit={submit} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        initialValues={
          scenario
            ? valuesOf(scenario)
            : { channel: 'visit', department_ids: [null], window: [businessToday(), businessToday().add(30, 'day')], visits_per_target: 1, active: true }
        }
      >
        <Form.Item name="title" label={t('inspection.mystery.titleField')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={200} data-testid="scenario-title" />
        </Form.Item>
        <Form.Item name="channel" label={t('inspection.mystery.channel')}>
          <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: t(`inspection.mystery.channels.${c}`) }))} optionType="button" />
        </Form.Item>
        <Form.Item label={t('inspection.mystery.targets')} required>
          <Form.List name="department_ids">
            {(fields, { add }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Form.Item key={f.key} name={f.name} noStyle>
                    <DepartmentField />
                  </Form.Item>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)}>
                  {t('inspection.mystery.addTarget')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="script" label={t('inspection.mystery.script')} extra={t('inspection.mystery.scriptHelp')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={4} maxLength={8000} data-testid="scenario-script" />
        </Form.Item>
        <Form.Item name="observe" label={t('inspection.mystery.observe')}>
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
        <Form.Item name="scorecard_id" label={t('inspection.assign.scorecard')} extra={t('inspection.mystery.scorecardHelp')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            loading={cards.loading}
            data-testid="scenario-scorecard"
            options={(cards.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.name} (v${c.version})` }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="window" label={t('inspection.mystery.window')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker.RangePicker data-testid="scenario-window" />
          </Form.Item>
          <Form.Item name="hours" label={t('inspection.mystery.hours')}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="visits_per_target" label={t('inspection.mystery.visitsPerTarget')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={20} data-testid="scenario-visits" />
          </Form.Item>
          <Form.Item name="budget" label={t('inspection.mystery.budget')} extra={t('inspection.mystery.budgetHelp')}>
            <InputNumber min={0} precision={2} step={10} data-testid="scenario-budget" />
          </Form.Item>
          {scenario && (
            <Form.Item name="active" label={t('inspection.mystery.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
