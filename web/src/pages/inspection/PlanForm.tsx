// 新建抽检计划 / 编辑抽检计划: cycle, scope, quota per agent, strata and what is always taken, the
// scorecard and the inspectors dealt the sample round robin. Every problem the server finds lands on
// its field. Editing changes the name, quota, strata and whether the plan is active; its scope
// (cycle, department, scorecard, inspectors) stays, and past draws keep what they drew.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { createSamplingPlan, listScorecards, updateSamplingPlan, type SamplingPlan, type SamplingPlanInput } from '../../api/inspection';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

type Values = Partial<Omit<SamplingPlanInput, 'department_ids' | 'inspector_ids'>> & {
  department_id?: number | null;
  inspector_ids?: (number | null)[];
  must?: ('complaints' | 'breaches')[];
  strata?: ('by_channel' | 'by_type')[];
  active?: boolean;
};

/** The form's values of a stored plan (editing). */
function valuesOf(p: SamplingPlan): Values {
  return {
    name: p.name,
    cycle: p.cycle,
    quota: p.quota,
    amount: p.amount,
    strata: [...(p.by_channel ? (['by_channel'] as const) : []), ...(p.by_type ? (['by_type'] as const) : [])],
    must: [...(p.complaints ? (['complaints'] as const) : []), ...(p.breaches ? (['breaches'] as const) : [])],
    active: p.active,
  };
}

export default function PlanForm({ plan, onClose, onSaved }: { plan?: SamplingPlan; onClose: () => void; onSaved: (p: SamplingPlan) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const quota = Form.useWatch('quota', form);
  const cards = useAsync(listScorecards, []);
  const submit = useSubmit(
    form,
    (v: Values) =>
      plan
        ? updateSamplingPlan(plan.id, {
            name: v.name ?? '',
            quota: v.quota ?? 'per_agent',
            amount: v.amount ?? 0,
            by_channel: (v.strata ?? []).includes('by_channel'),
            by_type: (v.strata ?? []).includes('by_type'),
            complaints: (v.must ?? []).includes('complaints'),
            breaches: (v.must ?? []).includes('breaches'),
            active: v.active ?? true,
          })
        : createSamplingPlan({
        name: v.name ?? '',
        cycle: v.cycle ?? 'week',
        department_ids: v.department_id ? [v.department_id] : [],
        quota: v.quota ?? 'per_agent',
        amount: v.amount ?? 0,
        by_channel: (v.strata ?? []).includes('by_channel'),
        by_type: (v.strata ?? []).includes('by_type'),
        complaints: (v.must ?? []).includes('complaints'),
        breaches: (v.must ?? []).includes('breaches'),
        scorecard_id: v.scorecard_id ?? 0,
        inspector_ids: (v.inspector_ids ?? []).filter((id): id is number => typeof id === 'number'),
      }),
    {
      success: plan ? t('inspection.sampling.updated') : t('inspection.sampling.created'),
      toFormPath: (field) => (field.startsWith('department_ids') ? ['department_id'] : field.startsWith('inspector_ids') ? null : [field]),
      bannerAlways: true,
      onSuccess: (p) => {
        onSaved(p);
        onClose();
      },
    },
  );
  return (
    <Modal open title={plan ? t('inspection.sampling.edit') : t('inspection.sampling.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending} destroyOnClose width={640}>
      <SubmitAlert submit={submit} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        initialValues={
          plan ? valuesOf(plan) : { cycle: 'week', quota: 'per_agent', amount: 2, strata: ['by_channel', 'by_type'], must: ['complaints'], inspector_ids: [null, null] }
        }
      >
        <Form.Item name="name" label={t('inspection.sampling.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={120} data-testid="plan-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="cycle" label={t('inspection.sampling.cycle')}>
            <Radio.Group disabled={plan !== undefined} options={(['week', 'month'] as const).map((c) => ({ value: c, label: t(`inspection.sampling.cycles.${c}`) }))} optionType="button" />
          </Form.Item>
          <Form.Item name="quota" label={t('inspection.sampling.quota')}>
            <Radio.Group options={(['per_agent', 'percent'] as const).map((q) => ({ value: q, label: t(`inspection.sampling.quotas.${q}`) }))} optionType="button" />
          </Form.Item>
          <Form.Item name="amount" label={t('inspection.sampling.amount')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={quota === 'percent' ? 100 : 200} addonAfter={quota === 'percent' ? '%' : t('inspection.sampling.perAgent')} data-testid="plan-amount" />
          </Form.Item>
        </Space>
        <Form.Item name="strata" label={t('inspection.sampling.strata')}>
          <Checkbox.Group options={(['by_channel', 'by_type'] as const).map((s) => ({ value: s, label: t(`inspection.sampling.${s}`) }))} />
        </Form.Item>
        <Form.Item name="must" label={t('inspection.sampling.always')}>
          <Checkbox.Group options={(['complaints', 'breaches'] as const).map((s) => ({ value: s, label: t(`inspection.sampling.${s}`) }))} />
        </Form.Item>
        {plan ? (
          <Form.Item name="active" label={t('inspection.sampling.active')} valuePropName="checked" extra={t('inspection.sampling.activeHelp')}>
            <Switch data-testid="plan-active" />
          </Form.Item>
        ) : (
          <>
        <Form.Item name="department_id" label={t('inspection.sampling.department')} extra={t('inspection.sampling.departmentHelp')} rules={[{ required: true, message: t('common.required') }]}>
          <DepartmentField />
        </Form.Item>
        <Form.Item name="scorecard_id" label={t('inspection.assign.scorecard')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            loading={cards.loading}
            data-testid="plan-scorecard"
            options={(cards.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.name} (v${c.version})` }))}
          />
        </Form.Item>
        <Form.Item label={t('inspection.sampling.inspectors')} extra={t('inspection.sampling.inspectorsHelp')} required>
          <Form.List name="inspector_ids">
            {(fields, { add }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Form.Item key={f.key} name={f.name} noStyle>
                    <StaffField />
                  </Form.Item>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)}>
                  {t('inspection.sampling.addInspector')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
