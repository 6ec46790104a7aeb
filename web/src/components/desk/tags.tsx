// Colored tags for the desk's enumerations: priority, ticket status, SLA state, timer state.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Priority, SlaState, TicketStatus, TimerState } from '../../api/deskTypes';

const PRIORITY_COLORS: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'default' };

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLORS[priority]} data-testid="priority-tag">
      {t(`enums.priority.${priority}`)}
    </Tag>
  );
}

const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  waiting_customer: 'warning',
  resolved: 'green',
  callback_done: 'success',
  closed: 'default',
  cancelled: 'default',
  merged: 'default',
};

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="status-tag">
      {t(`enums.status.${status}`)}
    </Tag>
  );
}

const SLA_COLORS: Record<SlaState, string> = { ok: 'green', warning: 'orange', breached: 'red', paused: 'default' };

export function SlaStateTag({ state }: { state: SlaState }) {
  const { t } = useTranslation();
  return (
    <Tag color={SLA_COLORS[state]} data-testid="sla-tag">
      {t(`enums.slaState.${state}`)}
    </Tag>
  );
}

const TIMER_COLORS: Record<TimerState, string> = {
  running: 'processing',
  paused: 'default',
  met: 'success',
  breached: 'error',
};

export function TimerStateTag({ state, warning }: { state: TimerState; warning?: boolean }) {
  const { t } = useTranslation();
  if (state === 'running' && warning) return <Tag color="warning">{t('enums.slaState.warning')}</Tag>;
  return <Tag color={TIMER_COLORS[state]}>{t(`enums.timerState.${state}`)}</Tag>;
}
