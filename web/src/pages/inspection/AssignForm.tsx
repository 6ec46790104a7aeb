// 分派质检: a ticket review (the ticket's department and resolver follow) or a routine or surprise
// check of a department, possibly covert, with an active scorecard and an inspector. Every
// problem the server finds lands on its field.
import { Form, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { assignInspection, listScorecards, type Assignment, type Inspection } from '../../api/inspection';
import { inspectionAssignmentKindValues } from '../../api/generated/openapi';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

type Values = Partial<Assignment>;

export default function AssignForm({ onClose, onSaved }: { onClose: () => void; onSaved: (i: Inspection) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const department = Form.useWatch('department_id', form);
  const cards = useAsync(listScorecards, []);
  const submit = useSubmit(
    form,
    (v: Values) =>
      assignInspection({
        kind: v.kind ?? 'ticket_review',
        covert: v.covert ?? false,
        scorecard_id: v.scorecard_id ?? 0,
        inspector_id: v.inspector_id ?? 0,
        ...(v.kind === 'ticket_review'
          ? { ticket_id: v.ticket_id ?? undefined }
          : { department_id: v.department_id ?? undefined, agent_id: v.agent_id ?? undefined }),
      }),
    {
      success: t('inspection.assign.done'),
      onSuccess: (i) => {
        onSaved(i);
        onClose();
      },
    },
  );
  return (
    <Modal open title={t('inspection.assign.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending} destroyOnClose>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ kind: 'ticket_review', covert: false }}>
        <Form.Item name="kind" label={t('inspection.assign.kind')}>
          <Radio.Group options={inspectionAssignmentKindValues.map((k) => ({ value: k, label: t(`inspection.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="scorecard_id" label={t('inspection.assign.scorecard')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            loading={cards.loading}
            options={(cards.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.name} (v${c.version})` }))}
          />
        </Form.Item>
        {kind === 'ticket_review' ? (
          <Form.Item name="ticket_id" label={t('inspection.assign.ticket')} extra={t('inspection.assign.ticketHelp')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="department_id" label={t('inspection.assign.department')} rules={[{ required: true, message: t('common.required') }]}>
              <DepartmentField />
            </Form.Item>
            <Form.Item name="agent_id" label={t('inspection.assign.agent')} extra={t('inspection.assign.agentHelp')}>
              <StaffField departmentId={department ?? null} />
            </Form.Item>
          </>
        )}
        <Form.Item name="inspector_id" label={t('inspection.assign.inspector')} rules={[{ required: true, message: t('common.required') }]}>
          <StaffField />
        </Form.Item>
        <Form.Item name="covert" label={t('inspection.assign.covert')} extra={t('inspection.assign.covertHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
