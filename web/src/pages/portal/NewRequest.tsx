// A customer submits a request, a question, a fault report, a suggestion or a complaint. The fields
// the chosen kind needs are marked as the server requires them; the way back is at the top and
// beside the submit button.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { submitTicket } from '../../api/portal';
import type { ComplaintCategory, PortalTicketDraft, TicketType } from '../../api/deskTypes';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import CategoryTreeSelect from '../../components/desk/CategoryTreeSelect';
import { useDeskOptions } from '../../components/desk/options';
import { requiredRule, useTicketForm } from '../../components/desk/ticketForm';
import { useSubmit } from '../../lib/useSubmit';

interface Values {
  type: TicketType;
  category_id?: number;
  title: string;
  description?: string;
  complaint?: { category?: ComplaintCategory; severity?: number };
}

function toDraft(values: Values): PortalTicketDraft {
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
  return draft;
}

export default function NewRequest() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useDeskOptions();
  const rules = useTicketForm('portal');
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'request';
  const submit = useSubmit(form, (values: Values) => submitTicket(toDraft(values)), {
    success: (ticket) => t('portal.submittedOk', { number: ticket.number }),
    onSuccess: (ticket) => navigate(`/portal/tickets/${ticket.id}`),
  });
  const required = (field: string) => [requiredRule(field, rules.requires(type, field), t('common.required'))];
  const back = () => navigate('/portal');

  return (
    <>
      <PageHeader
        title={t('portal.newRequest')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="portal-back">
            {t('portal.myRequests')}
          </Button>
        }
      />
      <Card>
        <SubmitAlert submit={submit} />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ type: 'request', complaint: { severity: 2 } }}
          onFinish={submit.run}
          onValuesChange={submit.onValuesChange}
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
                rules={required('complaint.category')}
                style={{ minWidth: 240 }}
              >
                <Select options={options.complaintCategories} />
              </Form.Item>
              <Form.Item name={['complaint', 'severity']} label={t('complaint.severity')}>
                <Radio.Group optionType="button" options={options.severities} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="category_id" label={t('portal.about')} rules={required('category_id')}>
            <CategoryTreeSelect placeholder={t('register.categoryPlaceholder')} />
          </Form.Item>
          <Form.Item name="title" label={t('portal.subject')} rules={required('title')}>
            <Input maxLength={rules.limit('title')} />
          </Form.Item>
          <Form.Item name="description" label={t('portal.details')} rules={required('description')}>
            <Input.TextArea rows={6} maxLength={rules.limit('description')} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="portal-submit">
              {t('portal.submit')}
            </Button>
            <Button onClick={back}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
