// One of the customer's requests: its status, the public timeline and replies; a reply form while
// the request is open (it resumes a request that was waiting for the customer).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { getMyTicket, replyToTicket } from '../../api/portal';
import { isOpenStatus } from '../../api/deskTypes';
import ErrorAlert from '../../components/ErrorAlert';
import LongText from '../../components/LongText';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import TicketTimeline from '../../components/desk/TicketTimeline';
import { TicketStatusTag } from '../../components/desk/tags';
import SubmitAlert from '../../components/SubmitAlert';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSchemaRules } from '../../lib/schemaRules';
import { useSubmit } from '../../lib/useSubmit';
import { useInterval } from '../../lib/useNow';
import { NotFound } from '../errors/StatusPages';

export default function PortalTicket() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const state = useAsync(() => (valid ? getMyTicket(id) : Promise.resolve(null)), [id]);
  const refresh = useCallback(() => void state.reload(), [state.reload]);
  useInterval(refresh, 60_000);
  const [form] = Form.useForm<{ body: string }>();
  const schema = useSchemaRules('PortalReply');
  const reply = useSubmit(form, ({ body }: { body: string }) => replyToTicket(id, body.trim()), {
    success: t('portal.replySent'),
    onSuccess: () => {
      form.resetFields();
      refresh();
    },
  });

  if (!valid || state.error?.status === 404) return <NotFound />;
  if (!state.data) return state.error ? <ErrorAlert error={state.error} onRetry={refresh} /> : <PageSpin />;
  const ticket = state.data;
  const open = isOpenStatus(ticket.status);

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{ticket.number}</span>
            <span>{ticket.title}</span>
            <TicketStatusTag status={ticket.status} />
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/portal')}>
            {t('portal.myRequests')}
          </Button>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {ticket.status === 'waiting_customer' && (
          <Alert type="warning" showIcon message={t('portal.waitingForYou')} data-testid="portal-waiting" />
        )}
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('tickets.type')}>{t(`enums.type.${ticket.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.category')}>{ticket.category_name || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('portal.submitted')}>{formatTime(ticket.created_at)}</Descriptions.Item>
            <Descriptions.Item label={t('common.updatedAt')}>{formatTime(ticket.updated_at)}</Descriptions.Item>
          </Descriptions>
          {ticket.description && <LongText text={ticket.description} style={{ marginTop: 12 }} data-testid="ticket-description" />}
        </Card>
        <Card title={t('portal.progress')}>
          <TicketTimeline events={ticket.timeline} comments={ticket.comments} portal />
        </Card>
        {open && (
          <Card title={t('portal.reply')}>
            <SubmitAlert submit={reply} />
            <Form form={form} layout="vertical" onFinish={reply.run} onValuesChange={reply.onValuesChange}>
              <Form.Item name="body" rules={schema.rules('body')}>
                <Input.TextArea rows={4} maxLength={schema.maxLength('body')} placeholder={t('portal.replyPlaceholder')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={reply.pending} data-testid="portal-reply">
                {t('portal.sendReply')}
              </Button>
            </Form>
          </Card>
        )}
      </Space>
    </>
  );
}
