// A complaint's handling record: what it is about, who answers it by when, the findings, whether
// it was substantiated, the remedy and how it was communicated. Saves only what changed.
import { Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { updateComplaint } from '../../api/desk';
import type { Complaint, ComplaintCategory, ComplaintPatch } from '../../api/deskTypes';
import { DepartmentField, StaffField } from '../../components/desk/DirectoryFields';
import { useDeskOptions } from '../../components/desk/options';
import SubmitAlert from '../../components/SubmitAlert';
import { useNotify } from '../../components/useNotify';
import { useSchemaRules } from '../../lib/schemaRules';
import { useSubmit } from '../../lib/useSubmit';

type Substantiated = 'yes' | 'no' | 'open';

interface Values {
  category: ComplaintCategory;
  severity: number;
  about_department_id: number | null;
  about_staff_id: number | null;
  responsible_id: number | null;
  deadline_at: Dayjs | null;
  findings: string;
  substantiated: Substantiated;
  remedy: string;
  communicated_at: Dayjs | null;
  communicated_how: string;
}

function toValues(c: Complaint): Values {
  return {
    category: c.category,
    severity: c.severity,
    about_department_id: c.about_department_id,
    about_staff_id: c.about_staff_id,
    responsible_id: c.responsible_id,
    deadline_at: c.deadline_at ? dayjs(c.deadline_at) : null,
    findings: c.findings,
    substantiated: c.substantiated === null ? 'open' : c.substantiated ? 'yes' : 'no',
    remedy: c.remedy,
    communicated_at: c.communicated_at ? dayjs(c.communicated_at) : null,
    communicated_how: c.communicated_how,
  };
}

function toPatch(before: Complaint, v: Values): ComplaintPatch {
  const after: Complaint = {
    category: v.category,
    severity: v.severity,
    about_department_id: v.about_department_id ?? null,
    about_staff_id: v.about_staff_id ?? null,
    responsible_id: v.responsible_id ?? null,
    deadline_at: v.deadline_at ? v.deadline_at.toISOString() : null,
    findings: v.findings ?? '',
    substantiated: v.substantiated === 'open' ? null : v.substantiated === 'yes',
    remedy: v.remedy ?? '',
    communicated_at: v.communicated_at ? v.communicated_at.toISOString() : null,
    communicated_how: v.communicated_how ?? '',
  };
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Complaint)[]) {
    const a = after[key];
    const b = before[key];
    const same =
      key === 'deadline_at' || key === 'communicated_at'
        ? (a === null && b === null) || (a !== null && b !== null && Date.parse(a as string) === Date.parse(b as string))
        : a === b;
    if (!same) patch[key] = a;
  }
  return patch as ComplaintPatch;
}

export default function ComplaintPanel({
  ticketId,
  complaint,
  editable,
  onSaved,
}: {
  ticketId: number;
  complaint: Complaint;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const options = useDeskOptions();
  const schema = useSchemaRules('ComplaintPatch');
  const [form] = Form.useForm<Values>();
  const submit = useSubmit(form, (patch: ComplaintPatch) => updateComplaint(ticketId, patch), {
    success: t('complaint.saved'),
    onSuccess: onSaved,
  });

  const onFinish = (values: Values) => {
    const patch = toPatch(complaint, values);
    if (Object.keys(patch).length === 0) notify.success(t('complaint.unchanged'));
    else void submit.run(patch);
  };

  return (
    <Card title={t('complaint.title')} data-testid="complaint-panel">
      <SubmitAlert submit={submit} />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={toValues(complaint)}
        onFinish={onFinish}
        onValuesChange={submit.onValuesChange}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t('complaint.category')}>
              <Select options={options.complaintCategories} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="severity" label={t('complaint.severity')}>
              <Radio.Group optionType="button" options={options.severities} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="deadline_at" label={t('complaint.deadline')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="about_department_id" label={t('complaint.aboutDepartment')}>
              <DepartmentField />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="about_staff_id" label={t('complaint.aboutStaff')}>
              <StaffField />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="responsible_id" label={t('complaint.responsible')}>
              <StaffField />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="findings" label={t('complaint.findings')}>
          <Input.TextArea rows={3} maxLength={schema.maxLength('findings')} />
        </Form.Item>
        <Form.Item name="substantiated" label={t('complaint.substantiated')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'yes', label: t('complaint.substantiatedYes') },
              { value: 'no', label: t('complaint.substantiatedNo') },
              { value: 'open', label: t('complaint.substantiatedOpen') },
            ]}
          />
        </Form.Item>
        <Form.Item name="remedy" label={t('complaint.remedy')}>
          <Input.TextArea rows={3} maxLength={schema.maxLength('remedy')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="communicated_at" label={t('complaint.communicatedAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="communicated_how" label={t('complaint.communicatedHow')}>
              <Input maxLength={schema.maxLength('communicated_how')} />
            </Form.Item>
          </Col>
        </Row>
        {editable && (
          <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="complaint-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
