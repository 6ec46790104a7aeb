// Business calendars and SLA policies.
import { request } from './client';
import type {
  BusinessCalendar,
  CalendarDue,
  ImportedCalendar,
  PolicyExplanation,
  SlaPolicy,
  SlaPolicyDraft,
  TicketFacts,
} from './slaTypes';

export function listCalendars(): Promise<BusinessCalendar[]> {
  return request<{ items: BusinessCalendar[] }>('GET', '/calendars').then((r) => r.items);
}

export function getCalendar(code: string): Promise<BusinessCalendar> {
  return request<BusinessCalendar>('GET', `/calendars/${encodeURIComponent(code)}`);
}

export function createCalendar(calendar: BusinessCalendar): Promise<BusinessCalendar> {
  return request<BusinessCalendar>('POST', '/calendars', { body: calendar });
}

export function saveCalendar(calendar: BusinessCalendar): Promise<BusinessCalendar> {
  return request<BusinessCalendar>('PUT', `/calendars/${encodeURIComponent(calendar.code)}`, { body: calendar });
}

/** Adds holidays and make-up days from a JSON calendar or an iCalendar feed. */
export function importCalendar(code: string, text: string, contentType: string): Promise<ImportedCalendar> {
  return request<ImportedCalendar>('POST', `/calendars/${encodeURIComponent(code)}/import`, {
    raw: { data: text, contentType },
  });
}

/** When `minutes` business minutes after `from` (ISO with offset) end on this calendar. */
export function calendarDue(code: string, from: string, minutes: number, signal?: AbortSignal): Promise<CalendarDue> {
  return request<CalendarDue>('GET', `/calendars/${encodeURIComponent(code)}/due`, {
    query: { from, minutes },
    signal,
  });
}

export function listPolicies(): Promise<SlaPolicy[]> {
  return request<{ items: SlaPolicy[] }>('GET', '/sla/policies', { query: { include_inactive: true } }).then(
    (r) => r.items,
  );
}

export function getPolicy(id: number): Promise<SlaPolicy> {
  return request<SlaPolicy>('GET', `/sla/policies/${id}`);
}

export function createPolicy(draft: SlaPolicyDraft): Promise<SlaPolicy> {
  return request<SlaPolicy>('POST', '/sla/policies', { body: draft });
}

/**
 * Saves a new version of the policy; running timers keep the version they started with.
 * `baseVersion` is the version the edit started from: 409 when someone saved a newer one meanwhile.
 */
export function updatePolicy(id: number, draft: SlaPolicyDraft, baseVersion: number): Promise<SlaPolicy> {
  return request<SlaPolicy>('PUT', `/sla/policies/${id}`, { body: { ...draft, version: baseVersion } });
}

export function explainPolicy(facts: TicketFacts): Promise<PolicyExplanation> {
  return request<PolicyExplanation>('POST', '/sla/explain', { body: facts });
}
