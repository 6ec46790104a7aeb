// 内审与管理评审: internal audits and management reviews with their findings; quality records
// them, adds findings and raises an action from a finding (the board's form, linked back).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { addFinding, createAudit, listAudits, type Audit, type AuditInput } from '../../api/improvement';
import { improvementAuditInputKindValues } from '../../api/generated/openapi';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { actionPath, dayFromToday } from './labels';

type AuditValues = Omit<AuditInput, 'findings'> & { findings?: string };

function AuditForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditValues>();
  const submit = useSubmit(
    form,
    (v: AuditValues) =>
      createAudit({
        ...v,
        findings: (v.findings ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      }),
    {
      success: t('improvement.audits.done'),
      onSuccess: () => {
        onSaved();
        onClose();
      },
    },
  );
  return (
    <Modal open title={t('improvement.audits.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending} destroyOnClose>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" name="audit" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ kind: 'internal_audit', held_on: dayFromToday(0) }}>
        <Form.Item name="kind" label={t('improvement.audits.kind')}>
          <Select options={improvementAuditInputKindValues.map((k) => ({ value: k, label: t(`improvement.auditKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="held_on" label={t('improvement.audits.heldOn')} rules={[{ required: true, message: t('common.required') }]}>
          <Input placeholder="YYYY-MM-DD" maxLength={10} />
        </Form.Item>
        <Form.Item name="title" label={t('improvement.field.title')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="scope" label={t('improvement.audits.scope')}>
          <Input maxLength={4000} />
        </Form.Item>
        <Form.Item name="participants" label={t('improvement.audits.participants')}>
          <Input maxLength={4000} />
        </Form.Item>
        <Form.Item name="summary" label={t('improvement.audits.summary')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="findings" label={t('improvement.audits.findings')} extra={t('improvement.audits.findingsHelp')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FindingAdder({ audit, onSaved }: { audit: Audit; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const submit = useSubmit(form, (v: { text: string }) => addFinding(audit.id, v.text), {
    success: t('improvement.audits.findingAdded'),
    onSuccess: () => {
      form.resetFields();
      onSaved();
    },
  });
  return (
    <Form form={form} layout="inline" name={`finding-${audit.id}`} onFinish={submit.run} onValuesChange={submit.onValuesChange}>
      <SubmitAlert submit={submit} />
      <Form.Item name="text" rules={[{ required: true, message: t('common.required') }]} style={{ minWidth: 320 }}>
        <Input placeholder={t('improvement.audits.newFinding')} maxLength={4000} />
      </Form.Item>
      <Button htmlType="submit" loading={submit.pending}>
        {t('improvement.audits.addFinding')}
      </Button>
    </Form>
  );
}

export default function Audits() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('improvement.manage');
  const audits = useAsync(listAudits, []);
  const [recording, setRecording] = useState(false);
  return (
    <>
      <PageHeader
        title={t('improvement.audits.title')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-audit">
              {t('improvement.audits.record')}
            </Button>
          )
        }
      />
      {audits.error && <ErrorAlert error={audits.error} onRetry={() => void audits.reload()} />}
      <Space direction="vertical" style={{ width: '100%' }} data-testid="audit-list">
        {(audits.data ?? []).map((a) => (
          <Card
            key={a.id}
            size="small"
            data-testid="audit-card"
            title={
              <Space wrap>
                <Tag>{t(`improvement.auditKind.${a.kind}`)}</Tag>
                {a.title}
                <Typography.Text type="secondary">{a.held_on}</Typography.Text>
              </Space>
            }
          >
            {a.scope && <div>{`${t('improvement.audits.scope')}: ${a.scope}`}</div>}
            {a.participants && <div>{`${t('improvement.audits.participants')}: ${a.participants}`}</div>}
            {a.summary && <Typography.Paragraph>{a.summary}</Typography.Paragraph>}
            <List
              size="small"
              header={t('improvement.audits.findings')}
              dataSource={a.findings}
              renderItem={(f) => (
                <List.Item
                  data-testid="finding"
                  actions={[
                    ...f.action_ids.map((id) => (
                      <Link key={id} to={actionPath(id)}>{`#${id}`}</Link>
                    )),
                    ...(manage
                      ? [
                          <Link key="raise" to={`/improvement?source=audit_finding&source_id=${f.id}&title=${encodeURIComponent(f.text)}`} data-testid="raise-from-finding">
                            {t('improvement.audits.raise')}
                          </Link>,
                        ]
                      : []),
                  ]}
                >
                  {f.text}
                </List.Item>
              )}
            />
            {manage && <FindingAdder audit={a} onSaved={() => void audits.reload()} />}
          </Card>
        ))}
      </Space>
      {recording && <AuditForm onClose={() => setRecording(false)} onSaved={() => void audits.reload()} />}
    </>
  );
}
