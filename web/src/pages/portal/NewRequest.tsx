// A customer submits a request, a question, a fault report, a suggestion or a complaint.
import { Alert, Button, Card, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { submitTicket } from '../../api/portal';
import type { ComplaintCategory, PortalTicketDraft, TicketType } from '../../api/deskTypes';
import { errorText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import CategoryTreeSelect from '../../components/desk/CategoryTreeSelect';
import { useDeskOptions } from '../../components/desk/options';
import { useNotify } from '../../components/useNotify';
import { showNestedFieldError } from '../../lib/forms';

interface Values {
  type: TicketType;
  category_id?: number;
  title: string;
  description?: string;
  complaint?: { category?: ComplaintCategory; severity?: number };
}

const FIELDS = new Set(['type', 'category_id', 'title', 'description', 'priority', 'complaint.category', 'complaint.severity']);
const NEEDS_CATEGORY: ReadonlySet<TicketType> = new Set(['incident', 'request']);
const NEEDS_DESCRIPTION: ReadonlySet<TicketType> = new Set(['complaint', 'incident']);

export default function NewRequest() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const options = useDeskOptions();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'request';
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    const draft: PortalTicketDraft = {
      type: values.type,
      priority: 'P3',
      title: values.title.trim(),
      description: values.description?.trim() || undefined,
      category_id: values.category_id ?? undefined,
    };
    if (values.type === 'complaint') {
      draft.complaint = { category: values.complaint?.category ?? 'other', severity: values.complaint?.severity ?? 2 };
    }
    try {
      const ticket = await submitTicket(draft);
      notify.success(t('portal.submittedOk', { number: ticket.number }));
      navigate(`/portal/tickets/${ticket.id}`);
    } catch (cause) {
      if (!showNestedFieldError(form, cause, (path) => FIELDS.has(path.join('.')))) setError(cause);
    } finally {
      setSaving(false);
    }
  };

  const required = (needed: boolean) => [{ required: needed, whitespace: true, message: t('common.required') }];

  return (
    <>
      <PageHeader title={t('portal.newRequest')} />
      <Card>
        {error !== null && <Alert type="error" showIcon role="alert" message={errorText(t, error)} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ type: 'request', complaint: { severity: 2 } }}
          onFinish={(values) => void onFinish(values)}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="type" label={t('portal.whatKind')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={options.types} />
          </Form.Item>
          {type === 'complaint' && (
            <Space wrap size="large">
              <Form.Item
                name={['complaint', 'category']}
                label={t('complaint.category')}
                rules={[{ required: true, message: t('common.required') }]}
                style={{ minWidth: 240 }}
              >
                <Select options={options.complaintCategories} />
              </Form.Item>
              <Form.Item name={['complaint', 'severity']} label={t('complaint.severity')}>
                <Radio.Group optionType="button" options={options.severities} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="category_id" label={t('portal.about')} rules={[{ required: NEEDS_CATEGORY.has(type), message: t('common.required') }]}>
            <CategoryTreeSelect placeholder={t('register.categoryPlaceholder')} />
          </Form.Item>
          <Form.Item name="title" label={t('portal.subject')} rules={required(true)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('portal.details')} rules={required(NEEDS_DESCRIPTION.has(type))}>
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="portal-submit">
            {t('portal.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
