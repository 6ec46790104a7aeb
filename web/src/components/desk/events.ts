// The ticket events the UI knows by name (timeline, audit log): "ticket.<action>" and the rest of
// a ticket's life, and the SLA events written on the ticket.
import { TICKET_ACTIONS } from '../../api/deskTypes';

const TIMER_EVENTS = [
  'sla_timer_started',
  'sla_timer_stopped',
  'sla_timer_paused',
  'sla_timer_resumed',
  'sla_timer_recomputed',
] as const;

const KNOWN_EVENTS = [
  'created',
  'imported',
  ...TICKET_ACTIONS,
  'callback_attempted',
  'escalated',
  'complaint_updated',
  'customer_replied',
  'sla_warning',
  'sla_breached',
  ...TIMER_EVENTS,
  'sla_reapplied',
] as const;
export type KnownEvent = (typeof KNOWN_EVENTS)[number];

/** "ticket.accept" → "accept", "sla.warning" → "sla_warning"; null for a type the UI does not know. */
export function eventKey(type: string): KnownEvent | null {
  const key = type.startsWith('ticket.') ? type.slice('ticket.'.length) : type.replace('.', '_');
  return (KNOWN_EVENTS as readonly string[]).includes(key) ? (key as KnownEvent) : null;
}

/** A change of an SLA timer (started, paused, ...), which the timeline can hide. */
export function isTimerEvent(key: KnownEvent | null): boolean {
  return key !== null && (TIMER_EVENTS as readonly string[]).includes(key);
}
