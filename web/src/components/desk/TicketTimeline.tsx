// A ticket's history in time order: its events (status changes, transfers, pauses, callbacks…)
// interleaved with comments. Used by the staff ticket page and, reduced, by the customer portal.
import {
  CommentOutlined,
  FieldTimeOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  SwapOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TICKET_STATUSES,
  TIMER_KINDS,
  type TicketComment,
  type TicketStatus,
  type TimelineEvent,
} from '../../api/deskTypes';
import { formatTime } from '../../lib/format';
import LongText from '../LongText';
import { eventKey, isTimerEvent, type KnownEvent } from './events';

/** Events a customer sees on the portal (status changes, not internal handling). */
const PORTAL_EVENTS: ReadonlySet<KnownEvent> = new Set([
  'created',
  'accept',
  'respond',
  'start',
  'wait',
  'resume',
  'resolve',
  'callback',
  'close',
  'reopen',
  'cancel',
  'merge',
  'transfer',
  'customer_replied',
]);

interface Props {
  events: readonly TimelineEvent[];
  comments: readonly TicketComment[];
  /** The customer's view: no actors, no internal events. */
  portal?: boolean;
  departmentName?: (id: number) => string | undefined;
}

type Item = { at: string; order: number; node: ReactNode; color?: string; dot?: ReactNode; testType: string };

function isStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

const SAME_MOMENT_MS = 2000;

export default function TicketTimeline({ events, comments, portal, departmentName }: Props) {
  const { t } = useTranslation();
  const statusLabel = (value: unknown) => (isStatus(value) ? t(`enums.status.${value}`) : String(value));
  const department = (value: unknown) =>
    typeof value === 'number' ? (departmentName?.(value) ?? `#${value}`) : t('common.none');

  // A reply or note is both an event (with its note) and a comment; show it once, on the event.
  const eventNotes = events
    .filter((e) => typeof e.data.note === 'string')
    .map((e) => ({ at: Date.parse(e.at), note: e.data.note as string }));
  const duplicate = (c: TicketComment) =>
    eventNotes.some((e) => e.note === c.body && Math.abs(e.at - Date.parse(c.created_at)) <= SAME_MOMENT_MS);

  const items: Item[] = [];
  events.forEach((event, index) => {
    const key = eventKey(event.type);
    if (portal && (!key || !PORTAL_EVENTS.has(key))) return;
    const data = event.data ?? {};
    const details: ReactNode[] = [];
    if (data.from !== undefined && data.to !== undefined && data.from !== data.to) {
      details.push(
        <span key="status">
          {statusLabel(data.from)} → {statusLabel(data.to)}
        </span>,
      );
    }
    if ((key === 'transfer' || key === 'escalate') && data.to_department_id !== undefined) {
      details.push(
        <span key="dept">
          {t('timeline.departments', { from: department(data.from_department_id), to: department(data.to_department_id) })}
          {data.sendback === true && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('timeline.sendback')}
            </Tag>
          )}
        </span>,
      );
    }
    if (key === 'escalate' && data.escalation === 'manager') {
      details.push(<span key="esc">{t('actions.escalateManager')}</span>);
    }
    if (key === 'escalated' && typeof data.reason === 'string') {
      details.push(<span key="reason">{t('timeline.autoEscalated', { reason: data.reason, priority: String(data.priority ?? '') })}</span>);
    }
    if (key === 'callback' || key === 'callback_attempted') {
      const parts = [
        data.reached === true ? t('callbacks.reached') : data.reached === false ? t('callbacks.notReached') : null,
        typeof data.resolved === 'string' ? t(`enums.resolved.${data.resolved as 'resolved'}`) : null,
        typeof data.satisfaction === 'string' ? t(`enums.satisfaction.${data.satisfaction as 'satisfied'}`) : null,
      ].filter(Boolean);
      if (parts.length) details.push(<span key="cb">{parts.join(' · ')}</span>);
    }
    if (key && isTimerEvent(key)) {
      const kind = typeof data.kind === 'string' && (TIMER_KINDS as readonly string[]).includes(data.kind) ? data.kind : null;
      if (kind) details.push(<span key="kind">{t(`enums.timerKind.${kind as 'resolution'}`)}</span>);
      if (key === 'sla_timer_stopped' && typeof data.met === 'boolean') {
        details.push(
          <Tag key="met" color={data.met ? 'success' : 'error'}>
            {t(data.met ? 'enums.timerState.met' : 'enums.timerState.breached')}
          </Tag>,
        );
      } else if (typeof data.due_at === 'string') {
        details.push(<span key="due">{t('timeline.due', { time: formatTime(data.due_at) })}</span>);
      }
    }
    if (key === 'merge' && typeof data.merge_into === 'number') {
      details.push(<span key="merge">{t('timeline.mergedInto', { id: data.merge_into })}</span>);
    }
    if (key === 'assign' && typeof data.assignee_id === 'number') {
      details.push(<span key="assign">{t('timeline.assignedTo', { id: data.assignee_id })}</span>);
    }
    if (key === 'complaint_updated') {
      const fields = Object.keys(data).filter((k) => k !== 'from' && k !== 'to');
      if (fields.length) details.push(<span key="fields">{fields.map((f) => t(`complaint.fieldNames.${f as 'findings'}`, f)).join(', ')}</span>);
    }
    const note = typeof data.note === 'string' ? data.note : null;
    const internal = data.internal === true;
    const label = key ? t(`events.${key}`) : event.type;
    let dot: ReactNode;
    let color: string | undefined;
    if (key === 'wait' || key === 'sla_timer_paused') {
      dot = <PauseCircleOutlined />;
      color = 'orange';
    } else if (key && isTimerEvent(key)) {
      dot = <FieldTimeOutlined />;
      color = 'gray';
    } else if (key === 'resume' || key === 'customer_replied' || key === 'sla_timer_resumed') {
      dot = <PlayCircleOutlined />;
      color = 'green';
    } else if (key === 'transfer' || key === 'escalate') {
      dot = <SwapOutlined />;
    } else if (key === 'sla_breached' || key === 'escalated') {
      dot = <WarningOutlined />;
      color = 'red';
    } else if (key === 'sla_warning') {
      dot = <WarningOutlined />;
      color = 'orange';
    }
    items.push({
      at: event.at,
      order: index,
      color,
      dot,
      testType: key ?? event.type,
      node: (
        <Space direction="vertical" size={2}>
          <Space wrap size="small">
            <Typography.Text strong={!(key && isTimerEvent(key))} type={key && isTimerEvent(key) ? 'secondary' : undefined}>
              {label}
            </Typography.Text>
            {!portal && key === 'wait' && <Tag color="orange">{t('timeline.paused')}</Tag>}
            {!portal && key === 'resume' && <Tag color="green">{t('timeline.resumed')}</Tag>}
            {internal && <Tag color="gold">{t('comments.internal')}</Tag>}
            <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
            {!portal && event.actor && <Typography.Text type="secondary">{event.actor}</Typography.Text>}
          </Space>
          {details.length > 0 && <Typography.Text>{details.map((d, i) => [i > 0 && ' · ', d])}</Typography.Text>}
          {note && <LongText text={note} />}
        </Space>
      ),
    });
  });
  comments.forEach((comment, index) => {
    if (!portal && duplicate(comment)) return;
    const internal = comment.visibility === 'internal';
    items.push({
      at: comment.created_at,
      order: events.length + index,
      dot: <CommentOutlined />,
      color: internal ? 'gold' : 'blue',
      testType: internal ? 'internal_comment' : 'comment',
      node: (
        <Space direction="vertical" size={2}>
          <Space wrap size="small">
            <Typography.Text strong>{comment.author ?? t('comments.reply')}</Typography.Text>
            {internal && <Tag color="gold">{t('comments.internal')}</Tag>}
            {!internal && !portal && <Tag>{t('comments.public')}</Tag>}
            <Typography.Text type="secondary">{formatTime(comment.created_at)}</Typography.Text>
          </Space>
          <LongText text={comment.body} />
        </Space>
      ),
    });
  });
  items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={items.map((item, index) => ({
        key: index,
        color: item.color,
        dot: item.dot,
        children: (
          <div data-testid="timeline-item" data-type={item.testType}>
            {item.node}
          </div>
        ),
      }))}
    />
  );
}
