// Fetch wrapper for the sqm API: same-origin cookie session, CSRF header on writes,
// and one error type (ApiError) for every failure, including network errors.
import type { ErrorBody, ErrorCode, FieldProblem, MessageArgs, Page } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field?: string;
  /** The message's stable key and parts, when the server gave them, to show it translated. */
  readonly key?: string;
  readonly args?: MessageArgs;
  /**
   * Every problem the server found in the request, the first being this error's own message: a
   * form shows them all at once. One entry when the server named one problem.
   */
  readonly problems: readonly FieldProblem[];

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    field?: string,
    key?: string,
    args?: MessageArgs,
    problems?: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.key = key;
    this.args = args;
    this.problems = problems && problems.length > 0 ? problems : [{ field, message, key, args }];
  }
}

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A body sent as it is (a file upload), with its own content type, instead of JSON. */
  raw?: { data: BodyInit; contentType: string };
  /** When false, a 401 is returned to the caller without triggering the session-expired handler. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the session is gone (normally: go to the login page). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (isErrorBody(parsed)) {
      const { code, message, field, key, args, errors } = parsed.error;
      const problems = (errors ?? []).map((p) => ({ ...p, field: p.field || undefined }));
      return new ApiError(response.status, code, message || response.statusText, field || undefined, key, args, problems);
    }
  } catch {
    // Not JSON: fall through to a generic error built from the status line.
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOn401 !== false) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The address of an API resource, for links the browser opens itself (file downloads). */
export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${path}${buildQuery(query)}`;
}

/** Follows `next_cursor` until the list is exhausted; for small lists such as departments. */
export async function fetchAll<T>(path: string, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await request<Page<T>>('GET', path, { query: { ...query, cursor } });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
