// 新建校准: a ticket, a scorecard (its current version is pinned), 2–10 reviewers, optionally an
// expert whose answers are the reference, and a deadline. Every problem the server finds lands on
// its field.
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createCalibration, listScorecards, type CalibrationSession } from '../../api/inspection';
import { StaffField } from '../../components/desk/DirectoryFields';
import SubmitAlert from '../../components/SubmitAlert';
import { businessToday } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

interface Values {
  ticket_id?: number | null;
  scorecard_id?: number;
  reviewer_ids?: (number | null)[];
  expert_id?: number | null;
  deadline?: Dayjs | null;
}

export default function CalibrationForm({ onClose, onSaved }: { onClose: () => void; onSaved: (s: CalibrationSession) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const cards = useAsync(listScorecards, []);
  const submit = useSubmit(
    form,
    (v: Values) =>
      createCalibration({
        ticket_id: v.ticket_id ?? undefined,
        scorecard_id: v.scorecard_id ?? 0,
        reviewer_ids: (v.reviewer_ids ?? []).filter((id): id is number => typeof id === 'number'),
        expert_id: v.expert_id ?? undefined,
        deadline: v.deadline ? v.deadline.endOf('day').toISOString() : '',
      }),
    {
      success: t('inspection.calibration.created'),
      toFormPath: (field) => {
        const k = /^reviewer_ids\[(\d+)\]$/.exec(field);
        if (k) return ['reviewer_ids', Number(k[1])];
        return field === 'reviewer_ids' ? null : [field];
      },
      bannerAlways: true,
      onSuccess: (s) => {
        onSaved(s);
        onClose();
      },
    },
  );
  return (
    <Modal open title={t('inspection.calibration.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending} destroyOnClose width={600}>
      <SubmitAlert submit={submit} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        initialValues={{ reviewer_ids: [null, null], deadline: businessToday().add(7, 'day') }}
        data-testid="calibration-form"
      >
        <Form.Item name="ticket_id" label={t('inspection.assign.ticket')} extra={t('inspection.calibration.ticketHelp')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="scorecard_id" label={t('inspection.assign.scorecard')} extra={t('inspection.calibration.scorecardHelp')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            loading={cards.loading}
            options={(cards.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.name} (v${c.version})` }))}
          />
        </Form.Item>
        <Form.Item label={t('inspection.calibration.reviewers')} extra={t('inspection.calibration.reviewersHelp')} required>
          <Form.List name="reviewer_ids">
            {(fields, { add }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Form.Item key={f.key} name={f.name} noStyle>
                    <StaffField />
                  </Form.Item>
                ))}
                {fields.length < 10 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)}>
                    {t('inspection.calibration.addReviewer')}
                  </Button>
                )}
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="expert_id" label={t('inspection.calibration.expert')} extra={t('inspection.calibration.expertHelp')}>
          <StaffField />
        </Form.Item>
        <Form.Item name="deadline" label={t('inspection.calibration.deadline')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
