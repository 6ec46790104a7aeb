// Wire types of the service desk API: tickets, customers, categories, callbacks, complaints,
// notifications, saved views, imports and the desk reports. Times are ISO-8601 UTC strings.
import type { MessageArgs } from './types';

export const TICKET_TYPES = ['consultation', 'request', 'incident', 'complaint', 'suggestion'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const CHANNELS = ['phone', 'email', 'chat', 'portal', 'walk_in', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TICKET_STATUSES = [
  'new',
  'accepted',
  'in_progress',
  'waiting_customer',
  'resolved',
  'callback_done',
  'closed',
  'cancelled',
  'merged',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the ticket is still being worked. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'accepted', 'in_progress', 'waiting_customer'];

export const TICKET_ACTIONS = [
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
  'escalate',
  'assign',
  'comment',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const SLA_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const TIMER_KINDS = ['first_response', 'resolution', 'callback', 'handover'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];
export type TimerState = 'running' | 'paused' | 'met' | 'breached';

export const CALLBACK_RESOLVED = ['resolved', 'partly', 'not_resolved'] as const;
export type CallbackResolved = (typeof CALLBACK_RESOLVED)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied', 'not_rated'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const COMPLAINT_CATEGORIES = [
  'attitude',
  'efficiency',
  'professionalism',
  'outcome',
  'facilities',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export interface Ticket {
  id: number;
  number: string;
  type: TicketType;
  channel: Channel;
  priority: Priority;
  status: TicketStatus;
  title: string;
  description: string;
  customer_id: number | null;
  customer_name: string;
  category_id: number | null;
  category_name: string;
  department_id: number | null;
  department_name: string;
  assignee_id: number | null;
  assignee_name: string;
  merged_into: number | null;
  cancel_reason: string;
  transfer_count: number;
  sendback_count: number;
  reopen_count: number;
  escalation_level: number;
  sla_policy_id: number | null;
  sla_policy_version: number;
  /** The applied policy's name; null when no policy applies. */
  sla_policy_name: string | null;
  /** Which policy applied and why, in one English sentence (empty when no policy applies). */
  sla_summary: string;
  /** The ticket's SLA state now, from its timers; null when it has none. */
  sla_state: SlaState | null;
  created_at: string;
  accepted_at: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface TicketComment {
  id: number;
  /** Null on the customer portal. */
  author: string | null;
  visibility: 'public' | 'internal';
  body: string;
  created_at: string;
}

export interface TimelineEvent {
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

export interface TimerPause {
  from: string;
  to: string | null;
}

export interface SlaTimer {
  id: number;
  kind: TimerKind;
  transfer_id: number;
  policy_id: number;
  policy_version: number;
  target_minutes: number;
  calendar: string;
  started_at: string;
  stopped_at: string | null;
  pauses: TimerPause[];
  state: TimerState;
  due_at: string | null;
  warning_at: string | null;
  warning_reached: boolean;
  remaining_business_ms: number;
  elapsed_business_ms: number;
  paused_business_ms: number;
  overrun_business_ms: number;
  overrun_wall_ms: number;
}

export interface Callback {
  id: number;
  ticket_id: number;
  created_at: string;
  due_at: string | null;
  done_at: string | null;
  done_by: number | null;
  reached: boolean | null;
  resolved: CallbackResolved | null;
  satisfaction: Satisfaction | null;
  notes: string;
}

export interface Complaint {
  category: ComplaintCategory;
  about_staff_id: number | null;
  about_department_id: number | null;
  severity: number;
  responsible_id: number | null;
  deadline_at: string | null;
  findings: string;
  substantiated: boolean | null;
  remedy: string;
  communicated_at: string | null;
  communicated_how: string;
}

export type ComplaintPatch = Partial<Complaint>;

/** The ticket page: the ticket with everything that happened to it. */
export interface TicketDetail extends Ticket {
  comments: TicketComment[];
  /** Oldest first. */
  timeline: TimelineEvent[];
  allowed_actions: TicketAction[];
  timers: SlaTimer[];
  callbacks: Callback[];
  complaint: Complaint | null;
}

/** The customer's view of one of their tickets: public comments and status changes only. */
export interface PortalTicketDetail extends Ticket {
  comments: TicketComment[];
  timeline: TimelineEvent[];
}

export interface ComplaintDraft {
  category: ComplaintCategory;
  about_staff_id?: number;
  about_department_id?: number;
  severity?: number;
  responsible_id?: number;
  deadline_at?: string;
}

export interface TicketDraft {
  type: TicketType;
  channel: Channel;
  priority: Priority;
  title: string;
  description?: string;
  customer_id?: number;
  category_id?: number;
  department_id?: number;
  assignee_id?: number;
  complaint?: ComplaintDraft;
}

export type PortalTicketDraft = Omit<TicketDraft, 'channel' | 'customer_id' | 'department_id' | 'assignee_id'>;

export interface RegisteredTicket extends Ticket {
  /** Open tickets of the same customer and category from the last days. */
  possible_duplicates: Ticket[];
}

export interface ActionInput {
  note?: string;
  internal?: boolean;
  department_id?: number;
  assignee_id?: number;
  merge_into?: number;
  escalation?: 'technical' | 'manager';
  reached?: boolean;
  resolved?: CallbackResolved;
  satisfaction?: Satisfaction;
}

/** Query parameters of GET /tickets (and of the export and saved views). */
export interface TicketQuery {
  status?: string;
  type?: TicketType;
  channel?: Channel;
  priority?: Priority;
  department_id?: number;
  assignee_id?: string;
  customer_id?: number;
  sla_state?: SlaState;
  from?: string;
  to?: string;
  q?: string;
  sort?: TicketSort;
}

export const TICKET_SORTS = ['created_desc', 'created_asc', 'priority', 'updated_desc'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface Customer {
  id: number;
  name: string;
  kind: 'person' | 'organisation';
  organisation_id: number | null;
  organisation_name: string;
  tier: string;
  phone: string;
  email: string;
  account_id: number | null;
  created_at: string;
}

export interface CustomerDraft {
  name: string;
  kind?: 'person' | 'organisation';
  organisation_id?: number;
  tier?: string;
  phone?: string;
  email?: string;
}

export interface Category {
  id: number;
  parent_id: number | null;
  name: string;
  active: boolean;
}

export type CategoryPatch = Partial<Pick<Category, 'name' | 'parent_id' | 'active'>>;

export interface CallbackRow {
  id: number;
  ticket_id: number;
  ticket_number: string;
  ticket_title: string;
  customer_name: string;
  due_at: string | null;
  done_at: string | null;
  reached: boolean | null;
  resolved: CallbackResolved | null;
  satisfaction: Satisfaction | null;
  notes?: string;
  /** Who recorded it (display name). */
  done_by?: string | null;
  overdue: boolean;
}

export type CallbackQueue = 'open' | 'overdue' | 'done';

export interface Notification {
  id: number;
  kind: string;
  ticket_id: number | null;
  /** The server's English text; `key` ("notification.<kind>") and `args` say it in any language. */
  message: string;
  key?: string;
  args?: MessageArgs;
  created_at: string;
  read_at: string | null;
}

export interface NotificationList {
  items: Notification[];
  unread_count: number;
}

export interface TicketView {
  id: number;
  name: string;
  filters: Record<string, string | number>;
  created_at?: string;
}

export type ImportStatus = 'validating' | 'applying' | 'done' | 'failed';

/** Why a line was rejected: `reason` in English, `key` and `args` to translate it. */
export interface ImportRowError {
  line: number;
  column?: string;
  reason: string;
  key?: string;
  args?: MessageArgs;
}

export interface ImportJob {
  id: number;
  status: ImportStatus;
  filename: string;
  format: 'csv' | 'xlsx';
  /** Rows read so far while validating; all data rows after. */
  total: number;
  /** Rows replayed so far while applying. */
  done: number;
  /** At most 1,000 listed; `error_count` counts all. Line 0 is the file as a whole. */
  errors: ImportRowError[];
  error_count: number;
  created_tickets: number;
  first_ticket_id?: number | null;
  last_ticket_id?: number | null;
  started_at: string;
  finished_at?: string | null;
}

export interface Rate {
  met: number;
  total: number;
  rate: number | null;
}

export interface DeskDashboard {
  open_by_status: Partial<Record<TicketStatus, number>>;
  warnings_now: number;
  breaches_now: number;
  attainment: { period: 'today' | 'week' | 'month'; first_response: Rate; resolution: Rate }[];
  by_department: {
    department_id: number | null;
    department_name: string;
    open: number;
    breached: number;
    first_response_rate: number | null;
    resolution_rate: number | null;
  }[];
}

export interface ComplaintSummary {
  total: number;
  open: number;
  overdue: number;
  substantiated: number;
  by_category: { category: ComplaintCategory | string; count: number }[];
  by_department: { department_id: number | null; department_name: string; count: number }[];
  repeat_complainants: { customer_id: number; customer_name: string; count: number }[];
  weekly: { week_start: string; count: number }[];
}
