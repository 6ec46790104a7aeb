// Service desk endpoints: tickets and their actions, customers, the catalogue, callbacks,
// notifications, saved views, export and import, and the desk reports.
import { apiUrl, request, type Query } from './client';
import type {
  ActionInput,
  CallbackQueue,
  CallbackRow,
  Category,
  CategoryPatch,
  Complaint,
  ComplaintPatch,
  ComplaintSummary,
  Customer,
  CustomerDraft,
  DeskDashboard,
  ImportJob,
  NotificationList,
  RegisteredTicket,
  Ticket,
  TicketAction,
  TicketDetail,
  TicketDraft,
  TicketFormSpec,
  TicketQuery,
  TicketView,
} from './deskTypes';
import type { Page } from './types';

export function listTickets(
  query: TicketQuery,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<Ticket>> {
  return request<Page<Ticket>>('GET', '/tickets', { query: { ...query, cursor, limit } as Query, signal });
}

export function getTicket(id: number, signal?: AbortSignal): Promise<TicketDetail> {
  return request<TicketDetail>('GET', `/tickets/${id}`, { signal });
}

/** The registration rules (GET /desk/ticket-form): each type's required fields, the text limits. */
export function getTicketForm(signal?: AbortSignal): Promise<TicketFormSpec> {
  return request<TicketFormSpec>('GET', '/desk/ticket-form', { signal });
}

export function registerTicket(draft: TicketDraft): Promise<RegisteredTicket> {
  return request<RegisteredTicket>('POST', '/tickets', { body: draft });
}

export function findDuplicates(customerId: number, categoryId?: number, signal?: AbortSignal): Promise<Ticket[]> {
  return request<Page<Ticket>>('GET', '/tickets/duplicates', {
    query: { customer_id: customerId, category_id: categoryId },
    signal,
  }).then((page) => page.items);
}

export function actOnTicket(id: number, action: TicketAction, input: ActionInput = {}): Promise<Ticket> {
  return request<Ticket>('POST', `/tickets/${id}/actions/${action}`, { body: input });
}

export function updateComplaint(id: number, patch: ComplaintPatch): Promise<Complaint> {
  return request<Complaint>('PATCH', `/tickets/${id}/complaint`, { body: patch });
}

/** A download link for the ticket list with these filters; headers and values in `lang`. */
export function ticketExportUrl(query: TicketQuery, format: 'csv' | 'xlsx', lang: 'zh' | 'en'): string {
  return apiUrl('/tickets/export', { ...query, format, lang } as Query);
}

export function searchCustomers(q: string, limit = 20, signal?: AbortSignal): Promise<Customer[]> {
  return request<Page<Customer>>('GET', '/customers', { query: { q, limit }, signal }).then((page) => page.items);
}

export function getCustomer(id: number): Promise<Customer> {
  return request<Customer>('GET', `/customers/${id}`);
}

export function createCustomer(draft: CustomerDraft): Promise<Customer> {
  return request<Customer>('POST', '/customers', { body: draft });
}

export function listCategories(): Promise<Category[]> {
  return request<Page<Category>>('GET', '/categories').then((page) => page.items);
}

export function createCategory(name: string, parentId: number | null): Promise<Category> {
  return request<Category>('POST', '/categories', { body: { name, parent_id: parentId ?? undefined } });
}

/** Renames, moves (`parent_id` null: to the top level) or (de)activates a category. */
export function updateCategory(id: number, patch: CategoryPatch): Promise<Category> {
  return request<Category>('PATCH', `/categories/${id}`, { body: patch });
}

export function listCallbacks(
  state: CallbackQueue,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<CallbackRow>> {
  return request<Page<CallbackRow>>('GET', '/callbacks', { query: { state, cursor, limit }, signal });
}

export function listNotifications(unreadOnly: boolean, signal?: AbortSignal): Promise<NotificationList> {
  return request<NotificationList>('GET', '/notifications', { query: { unread: unreadOnly || undefined }, signal });
}

export function markNotificationRead(id: number): Promise<void> {
  return request<void>('POST', `/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<void> {
  return request<void>('POST', '/notifications/read-all');
}

export function listTicketViews(): Promise<TicketView[]> {
  return request<{ items: TicketView[] }>('GET', '/ticket-views').then((r) => r.items);
}

export function createTicketView(name: string, filters: TicketView['filters']): Promise<TicketView> {
  return request<TicketView>('POST', '/ticket-views', { body: { name, filters } });
}

export function deleteTicketView(id: number): Promise<void> {
  return request<void>('DELETE', `/ticket-views/${id}`);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Starts an import of a CSV or XLSX file of tickets (docs/import.md); answers the job to poll. */
export function startTicketImport(file: Blob, contentType: string, filename: string): Promise<ImportJob> {
  return request<ImportJob>('POST', '/tickets/imports', { query: { filename }, raw: { data: file, contentType } });
}

/** A download link for the import template: the header row in `lang` and one example row. */
export function importTemplateUrl(format: 'csv' | 'xlsx', lang: 'zh-CN' | 'en'): string {
  return apiUrl('/imports/template', { format, lang });
}

export function getTicketImport(id: number): Promise<ImportJob> {
  return request<ImportJob>('GET', `/tickets/imports/${id}`);
}

export function getDeskDashboard(signal?: AbortSignal): Promise<DeskDashboard> {
  return request<DeskDashboard>('GET', '/desk/dashboard', { signal });
}

export function getComplaintSummary(from: string | undefined, to: string | undefined): Promise<ComplaintSummary> {
  return request<ComplaintSummary>('GET', '/complaints/summary', { query: { from, to } });
}
