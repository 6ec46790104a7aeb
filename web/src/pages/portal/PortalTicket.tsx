// One of the customer's requests: its status, the public timeline and replies; a reply form while
// the request is open (it resumes a request that was waiting for the customer).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { getMyTicket, replyToTicket } from '../../api/portal';
import { isOpenStatus } from '../../api/deskTypes';
import ErrorAlert from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import TicketTimeline from '../../components/desk/TicketTimeline';
import { TicketStatusTag } from '../../components/desk/tags';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useInterval } from '../../lib/useNow';
import { NotFound } from '../errors/StatusPages';

export default function PortalTicket() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const state = useAsync(() => (valid ? getMyTicket(id) : Promise.resolve(null)), [id]);
  const refresh = useCallback(() => void state.reload(), [state.reload]);
  useInterval(refresh, 60_000);
  const [form] = Form.useForm<{ body: string }>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!valid || state.error?.status === 404) return <NotFound />;
  if (!state.data) return state.error ? <ErrorAlert error={state.error} onRetry={refresh} /> : <PageSpin />;
  const ticket = state.data;
  const open = isOpenStatus(ticket.status);

  const reply = async ({ body }: { body: string }) => {
    setSending(true);
    setError(null);
    try {
      await replyToTicket(ticket.id, body.trim());
      form.resetFields();
      notify.success(t('portal.replySent'));
      refresh();
    } catch (cause) {
      setError(cause);
    } finally {
      setSending(false);
    }
  };

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
          {ticket.description && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>{ticket.description}</Typography.Paragraph>
          )}
        </Card>
        <Card title={t('portal.progress')}>
          <TicketTimeline events={ticket.timeline} comments={ticket.comments} portal />
        </Card>
        {open && (
          <Card title={t('portal.reply')}>
            {error !== null && <Alert type="error" showIcon role="alert" message={errorText(t, error)} style={{ marginBottom: 12 }} />}
            <Form form={form} layout="vertical" onFinish={(values) => void reply(values)}>
              <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input.TextArea rows={4} maxLength={20000} placeholder={t('portal.replyPlaceholder')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={sending} data-testid="portal-reply">
                {t('portal.sendReply')}
              </Button>
            </Form>
          </Card>
        )}
      </Space>
    </>
  );
}
