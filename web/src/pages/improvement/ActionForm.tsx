// 新建整改措施: quality raises an action from a source (linked to its record where there is
// one), with the root cause, the owner, the due date and, optionally, the indicator it should move.
import { AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { listMeasures } from '../../api/assessment';
import { listRootCauses, saveAction, type Action, type ActionInput, type ActionSource } from '../../api/improvement';
import {
  improvementActionInputDirectionValues,
  improvementActionInputSourceValues,
  improvementActionInputSubject_kindValues,
} from '../../api/generated/openapi';
import { useAuth } from '../../auth/AuthContext';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { bilingual } from '../assessment/text';

type Values = Omit<Partial<ActionInput>, 'due_date'> & { due_date?: Dayjs; before_range?: [Dayjs, Dayjs] | null };

export interface Prefill {
  source?: ActionSource;
  source_id?: number;
  title?: string;
}

export default function ActionForm({ prefill, onClose, onSaved }: { prefill?: Prefill; onClose: () => void; onSaved: (a: Action) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const causes = useAsync(listRootCauses, []);
  const { can } = useAuth();
  const measures = useAsync(() => (can('assessment.read') ? listMeasures() : Promise.resolve([])), []);
  const subjectKind = Form.useWatch('subject_kind', form);
  const zh = i18n.language.startsWith('zh');
  const submit = useSubmit(
    form,
    (v: Values) =>
      saveAction(null, {
        source: v.source ?? 'other',
        source_id: v.source_id ?? undefined,
        source_ref: v.source_ref ?? undefined,
        title: v.title ?? '',
        description: v.description ?? undefined,
        root_cause_id: v.root_cause_id ?? undefined,
        analysis: v.analysis ?? undefined,
        owner_id: v.owner_id ?? 0,
        department_id: v.department_id ?? undefined,
        due_date: v.due_date ? v.due_date.format('YYYY-MM-DD') : '',
        measure_code: v.measure_code || undefined,
        direction: v.direction ?? undefined,
        subject_kind: v.subject_kind ?? undefined,
        subject_id: v.subject_id ?? undefined,
        window_days: v.subject_kind && !v.before_range ? (v.window_days ?? undefined) : undefined,
        before_from: v.subject_kind && v.before_range ? v.before_range[0].format('YYYY-MM-DD') : undefined,
        before_to: v.subject_kind && v.before_range ? v.before_range[1].format('YYYY-MM-DD') : undefined,
        value_before: v.subject_kind ? undefined : (v.value_before ?? undefined),
        value_before_source: v.subject_kind ? undefined : (v.value_before_source ?? undefined),
        verify_after_days: v.verify_after_days ?? undefined,
      }),
    {
      success: t('improvement.form.done'),
      // The caller moves on (to the new action's page); closing here would undo that navigation.
      onSuccess: onSaved,
    },
  );
  return (
    <Modal open width={640} title={t('improvement.form.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending} destroyOnClose>
      <SubmitAlert submit={submit} />
      <Form
        form={form}
        layout="vertical"
        name="action"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        initialValues={{
          source: prefill?.source ?? 'other',
          source_id: prefill?.source_id,
          title: prefill?.title,
          due_date: dayjs().add(14, 'day'),
          verify_after_days: 0,
          window_days: 30,
        }}
      >
        <Form.Item name="source" label={t('improvement.field.source')}>
          <Select options={improvementActionInputSourceValues.map((s) => ({ value: s, label: t(`improvement.source.${s}`) }))} />
        </Form.Item>
        <Form.Item name="source_id" label={t('improvement.field.sourceId')} extra={t('improvement.form.sourceIdHelp')}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="source_ref" label={t('improvement.field.sourceRef')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label={t('improvement.field.title')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('improvement.field.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="root_cause_id" label={t('improvement.field.rootCause')}>
          <Select
            allowClear
            loading={causes.loading}
            options={(causes.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: zh ? c.name_zh : c.name_en }))}
          />
        </Form.Item>
        <Form.Item name="analysis" label={t('improvement.field.analysis')} extra={t('improvement.form.analysisHelp')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="owner_id" label={t('improvement.field.owner')} rules={[{ required: true, message: t('common.required') }]}>
          <StaffField />
        </Form.Item>
        <Form.Item name="department_id" label={t('improvement.field.department')} extra={t('improvement.form.departmentHelp')}>
          <DepartmentField />
        </Form.Item>
        <Form.Item name="due_date" label={t('improvement.field.dueDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="measure_code" label={t('improvement.field.measure')} extra={t('improvement.form.measureHelp')}>
          <AutoComplete
            maxLength={80}
            allowClear
            options={(measures.data ?? []).map((m) => ({ value: m.code, label: `${m.code} · ${bilingual(m.name)}` }))}
            filterOption={(input, o) => (o?.label ?? '').toLowerCase().includes(input.toLowerCase())}
          />
        </Form.Item>
        <Form.Item name="direction" label={t('improvement.field.direction')}>
          <Select allowClear options={improvementActionInputDirectionValues.map((d) => ({ value: d, label: t(`improvement.direction.${d}`) }))} />
        </Form.Item>
        <Form.Item name="subject_kind" label={t('improvement.field.subjectKind')} extra={t('improvement.form.subjectHelp')}>
          <Select allowClear options={improvementActionInputSubject_kindValues.map((k) => ({ value: k, label: t(`improvement.subjectKind.${k}`) }))} />
        </Form.Item>
        {subjectKind ? (
          <>
            <Form.Item name="subject_id" label={t('improvement.field.subject')} rules={[{ required: true, message: t('common.required') }]}>
              {subjectKind === 'staff' ? <StaffField /> : <DepartmentField />}
            </Form.Item>
            <Form.Item name="window_days" label={t('improvement.field.windowDays')} extra={t('improvement.form.windowHelp')}>
              <InputNumber min={1} max={366} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="before_range" label={t('improvement.field.beforeRange')} extra={t('improvement.form.beforeRangeHelp')}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="value_before" label={t('improvement.field.valueBefore')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="value_before_source" label={t('improvement.field.valueBeforeSource')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="verify_after_days" label={t('improvement.field.verifyAfterDays')}>
          <InputNumber min={0} max={366} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
