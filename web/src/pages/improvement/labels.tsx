// How an improvement action is named on the pages: its status as a tag, its source, and the
// order of the board's columns.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Action, ActionStatus } from '../../api/improvement';

export const BOARD_COLUMNS: readonly ActionStatus[] = ['proposed', 'open', 'in_progress', 'reopened', 'done', 'verified', 'not_effective', 'cancelled', 'declined'];

const COLOURS: Record<ActionStatus, string> = {
  proposed: 'purple',
  open: 'default',
  in_progress: 'processing',
  done: 'blue',
  verified: 'success',
  not_effective: 'volcano',
  reopened: 'orange',
  cancelled: 'default',
  declined: 'default',
};

export function StatusTag({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="action-status">
      {t(`improvement.status.${status}`)}
    </Tag>
  );
}

/** The source, linked to its record where the pages have one. */
export function SourceText({ action: a }: { action: Action }) {
  const { t } = useTranslation();
  const name = t(`improvement.source.${a.source}`);
  if (a.source_id && a.source === 'complaint') return <Link to={`/desk/tickets/${a.source_id}`}>{`${name} #${a.source_id}`}</Link>;
  if (a.source_id && a.source === 'inspection') return <Link to={`/inspection/inspections/${a.source_id}`}>{`${name} #${a.source_id}`}</Link>;
  if (a.source_id) return <span>{`${name} #${a.source_id}`}</span>;
  return <span>{a.source_ref ? `${name} · ${a.source_ref}` : name}</span>;
}

export function actionPath(id: number): string {
  return `/improvement/actions/${id}`;
}

/** Whole days since `iso`. */
export function ageDays(iso: string | undefined, now: number = Date.now()): number {
  if (!iso) return 0;
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 86_400_000));
}

/** Today's date (YYYY-MM-DD) plus `days`, in the browser's zone. */
export function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
