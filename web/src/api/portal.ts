// The customer portal: a customer's own requests, submitting one, and replying.
import { request } from './client';
import type { PortalTicketDetail, PortalTicketDraft, Ticket, TicketFormSpec } from './deskTypes';
import type { Page } from './types';

export function listMyTickets(signal?: AbortSignal): Promise<Ticket[]> {
  return request<Page<Ticket>>('GET', '/portal/tickets', { signal }).then((page) => page.items);
}

export function getMyTicket(id: number, signal?: AbortSignal): Promise<PortalTicketDetail> {
  return request<PortalTicketDetail>('GET', `/portal/tickets/${id}`, { signal });
}

/** The registration rules (GET /portal/ticket-form), the same as the staff form reads. */
export function getPortalTicketForm(signal?: AbortSignal): Promise<TicketFormSpec> {
  return request<TicketFormSpec>('GET', '/portal/ticket-form', { signal });
}

export function submitTicket(draft: PortalTicketDraft): Promise<Ticket> {
  return request<Ticket>('POST', '/portal/tickets', { body: draft });
}

export function replyToTicket(id: number, body: string): Promise<Ticket> {
  return request<Ticket>('POST', `/portal/tickets/${id}/replies`, { body: { body } });
}
