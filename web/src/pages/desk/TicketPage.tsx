// One ticket: header, SLA (which policy and why, live timers), the actions allowed now, the
// complaint record for complaints, callbacks, and the full timeline.
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getTicket } from '../../api/desk';
import type { Callback } from '../../api/deskTypes';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import LongText from '../../components/LongText';
import { errorText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import TicketTimeline from '../../components/desk/TicketTimeline';
import { PriorityTag, SlaStateTag, TicketStatusTag } from '../../components/desk/tags';
import { NotFound } from '../errors/StatusPages';
import { useDepartments } from '../../lib/directory';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useInterval } from '../../lib/useNow';
import ComplaintPanel from './ComplaintPanel';
import PolicyWhy from './PolicyWhy';
import SlaTimers from './SlaTimers';
import TicketActions from './TicketActions';

const REFRESH_MS = 30_000;

function CallbackTable({ callbacks }: { callbacks: readonly Callback[] }) {
  const { t } = useTranslation();
  return (
    <Table<Callback>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...callbacks]}
      data-testid="callback-table"
      columns={[
        { title: t('callbacks.due'), dataIndex: 'due_at', render: (v: string | null) => formatTime(v) },
        { title: t('callbacks.doneAt'), dataIndex: 'done_at', render: (v: string | null) => formatTime(v) || '—' },
        {
          title: t('callbacks.reachedColumn'),
          dataIndex: 'reached',
          render: (v: boolean | null) => (v === null ? '—' : v ? t('callbacks.reached') : t('callbacks.notReached')),
        },
        {
          title: t('callbacks.resolved'),
          dataIndex: 'resolved',
          render: (v: Callback['resolved']) => (v ? t(`enums.resolved.${v}`) : '—'),
        },
        {
          title: t('callbacks.satisfaction'),
          dataIndex: 'satisfaction',
          render: (v: Callback['satisfaction']) => (v ? t(`enums.satisfaction.${v}`) : '—'),
        },
        { title: t('callbacks.notes'), dataIndex: 'notes' },
      ]}
    />
  );
}

export default function TicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const { departments } = useDepartments();
  const [timerEvents, setTimerEvents] = useState(true);

  const state = useAsync(async () => {
    if (!valid) return null;
    const ticket = await getTicket(id);
    return { ticket, fetchedAt: Date.now() };
  }, [id]);
  const refresh = useCallback(() => void state.reload(), [state.reload]);
  useInterval(refresh, REFRESH_MS);

  const departmentName = useMemo(() => {
    const names = new Map((departments ?? []).map((d) => [d.id, d.name]));
    const ticket = state.data?.ticket;
    if (ticket?.department_id) names.set(ticket.department_id, ticket.department_name);
    return (departmentId: number) => names.get(departmentId);
  }, [departments, state.data]);

  if (!valid || state.error?.status === 404) return <NotFound />;
  if (state.error?.status === 403) {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={errorText(t, state.error)}
        extra={<Button onClick={() => navigate('/desk/tickets')}>{t('nav.tickets')}</Button>}
      />
    );
  }
  if (!state.data) {
    return state.error ? <ErrorAlert error={state.error} onRetry={refresh} /> : <PageSpin />;
  }
  const { ticket, fetchedAt } = state.data;
  const none = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="ticket-number">{ticket.number}</span>
            <span>{ticket.title}</span>
            <TicketStatusTag status={ticket.status} />
            <PriorityTag priority={ticket.priority} />
          </Space>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            <Button icon={<ReloadOutlined />} loading={state.loading} onClick={refresh}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {state.error && <ErrorAlert error={state.error} onRetry={refresh} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('tickets.type')}>{t(`enums.type.${ticket.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.channel')}>{t(`enums.channel.${ticket.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.customer')}>{ticket.customer_name || none}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.category')}>{ticket.category_name || none}</Descriptions.Item>
            <Descriptions.Item label={t('tickets.department')}>
              <span data-testid="ticket-department">{ticket.department_name || t('ticket.intakeQueue')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('tickets.assignee')}>
              <span data-testid="ticket-assignee">{ticket.assignee_name || none}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatTime(ticket.created_at)}</Descriptions.Item>
            <Descriptions.Item label={t('ticket.firstResponseAt')}>{formatTime(ticket.first_response_at) || none}</Descriptions.Item>
            <Descriptions.Item label={t('ticket.resolvedAt')}>{formatTime(ticket.resolved_at) || none}</Descriptions.Item>
            <Descriptions.Item label={t('ticket.counts')}>
              {t('ticket.countsValue', {
                transfers: ticket.transfer_count,
                sendbacks: ticket.sendback_count,
                reopens: ticket.reopen_count,
              })}
            </Descriptions.Item>
            {ticket.escalation_level > 0 && (
              <Descriptions.Item label={t('ticket.escalation')}>
                <Tag color="volcano">{t(`ticket.escalationLevel.${Math.min(ticket.escalation_level, 2) as 1 | 2}`)}</Tag>
              </Descriptions.Item>
            )}
            {ticket.merged_into !== null && (
              <Descriptions.Item label={t('ticket.mergedInto')}>
                <Link to={`/desk/tickets/${ticket.merged_into}`}>#{ticket.merged_into}</Link>
              </Descriptions.Item>
            )}
            {ticket.cancel_reason && <Descriptions.Item label={t('ticket.cancelReason')}>{ticket.cancel_reason}</Descriptions.Item>}
          </Descriptions>
          {ticket.description && <LongText text={ticket.description} style={{ marginTop: 12 }} data-testid="ticket-description" />}
        </Card>

        <Card title={t('ticket.actions')}>
          <TicketActions ticket={ticket} onChanged={refresh} />
        </Card>

        <Card title={t('ticket.sla')}>
          <Alert
            type={ticket.sla_policy_id ? 'info' : 'warning'}
            showIcon
            data-testid="sla-summary"
            style={{ marginBottom: 12 }}
            message={
              <Space wrap>
                <span>
                  {!ticket.sla_policy_id
                    ? t('ticket.noSlaPolicy')
                    : ticket.sla_policy_name
                      ? t('ticket.slaPolicyNamed', { name: ticket.sla_policy_name, version: ticket.sla_policy_version })
                      : t('ticket.slaPolicy', { id: ticket.sla_policy_id, version: ticket.sla_policy_version })}
                </span>
                {ticket.sla_state && <SlaStateTag state={ticket.sla_state} />}
              </Space>
            }
            description={
              can('sla.manage') && (
                <Space wrap style={{ marginTop: 4 }}>
                  <PolicyWhy ticket={ticket} />
                  {ticket.sla_policy_id && <Link to={`/sla/policies?id=${ticket.sla_policy_id}`}>{t('ticket.openPolicy')}</Link>}
                </Space>
              )
            }
          />
          <SlaTimers timers={ticket.timers} fetchedAt={fetchedAt} />
        </Card>

        {ticket.complaint && (
          <ComplaintPanel
            key={JSON.stringify(ticket.complaint)}
            ticketId={ticket.id}
            complaint={ticket.complaint}
            editable={can('ticket.write')}
            onSaved={refresh}
          />
        )}

        {ticket.callbacks.length > 0 && (
          <Card title={t('ticket.callbacks')}>
            <CallbackTable callbacks={ticket.callbacks} />
          </Card>
        )}

        <Row>
          <Col span={24}>
            <Card
              title={t('ticket.timeline')}
              extra={
                <Space>
                  <Typography.Text type="secondary">{t('ticket.showTimerEvents')}</Typography.Text>
                  <Switch size="small" checked={timerEvents} onChange={setTimerEvents} aria-label={t('ticket.showTimerEvents')} />
                </Space>
              }
            >
              <TicketTimeline
                events={timerEvents ? ticket.timeline : ticket.timeline.filter((e) => !e.type.startsWith('sla.timer_'))}
                comments={ticket.comments}
                departmentName={departmentName}
              />
            </Card>
          </Col>
        </Row>
      </Space>
    </>
  );
}
