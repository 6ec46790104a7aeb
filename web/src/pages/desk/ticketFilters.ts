// The ticket list's filters: how they live in the page address, and the API query they make.
import dayjs from 'dayjs';
import { businessDay, businessDayRange } from '../../lib/format';
import {
  CHANNELS,
  PRIORITIES,
  SLA_STATES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type Channel,
  type Priority,
  type SlaState,
  type TicketQuery,
  type TicketSort,
  type TicketStatus,
  type TicketType,
} from '../../api/deskTypes';

export interface TicketFilters {
  status: TicketStatus[];
  type?: TicketType;
  priority?: Priority;
  channel?: Channel;
  department_id?: number;
  /** "me" or a staff id. */
  assignee_id?: string;
  /** Set from links (e.g. a repeat complainant); shown as a removable tag. */
  customer_id?: number;
  sla_state?: SlaState;
  /** Business-zone calendar days, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  q: string;
  sort: TicketSort;
}

export const NO_FILTERS: TicketFilters = { status: [], q: '', sort: 'created_desc' };

function pick<T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | null | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function isDay(value: string | null | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** Reads filters from URL parameters (the page address or a saved view), ignoring anything unknown. */
export function filtersFromParams(get: (key: string) => string | null | undefined): TicketFilters {
  const assignee = get('assignee_id');
  const from = get('from');
  const to = get('to');
  return {
    status: (get('status') ?? '')
      .split(',')
      .map((s) => pick(TICKET_STATUSES, s))
      .filter((s): s is TicketStatus => s !== undefined),
    type: pick(TICKET_TYPES, get('type')),
    priority: pick(PRIORITIES, get('priority')),
    channel: pick(CHANNELS, get('channel')),
    department_id: positiveInt(get('department_id')),
    assignee_id: assignee === 'me' ? 'me' : positiveInt(assignee)?.toString(),
    customer_id: positiveInt(get('customer_id')),
    sla_state: pick(SLA_STATES, get('sla_state')),
    // Saved views hold API instants; the page address holds business days.
    from: isDay(from) ?? (from && dayjs(from).isValid() ? businessDay(from) : undefined),
    to: isDay(to) ?? (to && dayjs(to).isValid() ? businessDay(dayjs(to).subtract(1, 'day').toISOString()) : undefined),
    q: get('q') ?? '',
    sort: pick(TICKET_SORTS, get('sort')) ?? 'created_desc',
  };
}

/** The filters as URL parameters for the page address (defaults left out). */
export function filtersToParams(filters: TicketFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.status.length) params.status = filters.status.join(',');
  if (filters.type) params.type = filters.type;
  if (filters.priority) params.priority = filters.priority;
  if (filters.channel) params.channel = filters.channel;
  if (filters.department_id) params.department_id = String(filters.department_id);
  if (filters.assignee_id) params.assignee_id = filters.assignee_id;
  if (filters.customer_id) params.customer_id = String(filters.customer_id);
  if (filters.sla_state) params.sla_state = filters.sla_state;
  if (filters.from) params.from = filters.from;
  if (filters.to) params.to = filters.to;
  if (filters.q.trim()) params.q = filters.q.trim();
  if (filters.sort !== 'created_desc') params.sort = filters.sort;
  return params;
}

/** The API query: days become instants (business-zone midnights), `to` exclusive. */
export function filtersToQuery(filters: TicketFilters): TicketQuery {
  return {
    status: filters.status.length ? filters.status.join(',') : undefined,
    type: filters.type,
    priority: filters.priority,
    channel: filters.channel,
    department_id: filters.department_id,
    assignee_id: filters.assignee_id,
    customer_id: filters.customer_id,
    sla_state: filters.sla_state,
    ...businessDayRange(filters.from, filters.to),
    q: filters.q.trim() || undefined,
    sort: filters.sort,
  };
}

/** A saved view's filters: the API query without empty entries. */
export function queryToViewFilters(query: TicketQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') out[key] = value as string | number;
  }
  return out;
}
