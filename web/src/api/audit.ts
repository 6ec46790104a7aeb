import { request } from './client';
import type { AuditEvent, EventQuery, Page } from './types';

export function listEvents(
  query: EventQuery,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<AuditEvent>> {
  return request<Page<AuditEvent>>('GET', '/events', { query: { ...query, cursor, limit }, signal });
}
