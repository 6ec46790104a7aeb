// What the audit log knows about events: the kinds of object they are about, every event type the
// server writes (grouped by the part before the dot), and where each object is shown in the app.
import { TICKET_ACTIONS } from '../../api/deskTypes';
import type { Permission } from '../../api/types';
import { ticketNumber } from '../../lib/format';

export const AUDIT_ENTITIES = [
  'ticket',
  'customer',
  'category',
  'staff',
  'department',
  'sla_policy',
  'calendar',
  'api_token',
  'saved_view',
  'notification',
  'import',
  'survey',
  'survey_template',
  'survey_rule',
  'survey_campaign',
  'survey_settings',
  'survey_followup',
  'system',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export function isAuditEntity(value: string): value is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(value);
}

/** Event types by group (the part before the dot); a group's events are also asked for as "group.". */
export const AUDIT_EVENT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  ticket: [
    'ticket.created',
    'ticket.imported',
    ...TICKET_ACTIONS.map((action) => `ticket.${action}`),
    'ticket.callback_attempted',
    'ticket.customer_replied',
    'ticket.complaint_updated',
    'ticket.escalated',
    'ticket.sla_reapplied',
  ],
  sla: [
    'sla.timer_started',
    'sla.timer_paused',
    'sla.timer_resumed',
    'sla.timer_stopped',
    'sla.timer_recomputed',
    'sla.warning',
    'sla.breached',
    'sla.reapplied',
    'sla.policy_created',
    'sla.policy_updated',
  ],
  customer: ['customer.created'],
  category: ['category.created', 'category.updated'],
  calendar: ['calendar.created', 'calendar.updated', 'calendar.imported'],
  auth: ['auth.login_succeeded', 'auth.login_failed', 'auth.logout'],
  staff: ['staff.created', 'staff.updated', 'staff.password_changed'],
  department: ['department.created', 'department.updated'],
  api_token: ['api_token.created', 'api_token.revoked'],
  saved_view: ['saved_view.created', 'saved_view.deleted'],
  notification: ['notification.read'],
  import: ['import.completed', 'import.failed', 'import.bulk_completed'],
  survey: [
    'survey.template_created',
    'survey.template_updated',
    'survey.rule_created',
    'survey.rule_deactivated',
    'survey.campaign_created',
    'survey.settings_saved',
    'survey.invited',
    'survey.link_issued',
    'survey.mailed',
    'survey.reminded',
    'survey.mail_failed',
    'survey.answered',
    'survey.followup_opened',
    'survey.followup_updated',
    'survey.followup_closed',
  ],
  demo: ['demo.passwords_set'],
};

/** An object an event is about, as the log shows it: a readable name and where it opens. */
export interface ObjectRef {
  text: string;
  /** The page that shows it, and the permission that page needs; absent when nothing shows it. */
  link?: { to: string; permission: Permission };
}

/** Where each kind of numbered object is shown. */
const PAGES: Partial<Record<string, { to: (id: number) => string; permission: Permission }>> = {
  customer: { to: (id) => `/desk/tickets?customer_id=${id}`, permission: 'ticket.read' },
  category: { to: (id) => `/sla/categories?id=${id}`, permission: 'sla.manage' },
  staff: { to: (id) => `/org/staff?id=${id}`, permission: 'org.read' },
  department: { to: (id) => `/org/departments?id=${id}`, permission: 'org.read' },
  sla_policy: { to: (id) => `/sla/policies?id=${id}`, permission: 'sla.manage' },
  survey_template: { to: () => '/feedback/templates', permission: 'feedback.manage' },
  survey_campaign: { to: (id) => `/feedback/campaigns/${id}`, permission: 'feedback.manage' },
  survey_followup: { to: () => '/feedback/follow-ups', permission: 'desk.report' },
};

/**
 * Ticket 2938 is "T002938" and opens its page; a calendar is its code; others their name when the
 * event carries it (a creation does), else "#id".
 */
export function objectRef(entity: string, id: string, data?: Record<string, unknown>): ObjectRef {
  const n = /^\d+$/.test(id) ? Number(id) : null;
  if (entity === 'ticket') {
    return n ? { text: ticketNumber(n), link: { to: `/desk/tickets/${n}`, permission: 'ticket.read' } } : { text: id };
  }
  if (entity === 'calendar') {
    return { text: id, link: { to: `/sla/calendars?code=${encodeURIComponent(id)}`, permission: 'sla.manage' } };
  }
  const named = typeof data?.name === 'string' ? data.name : typeof data?.username === 'string' ? data.username : null;
  const text = n === null ? id : named ? `${named} #${n}` : `#${n}`;
  const page = n === null ? undefined : PAGES[entity];
  return page ? { text, link: { to: page.to(n as number), permission: page.permission } } : { text };
}
