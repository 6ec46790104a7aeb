// Wire types of the sqm HTTP API (/api/v1). Times are ISO-8601 UTC strings.

export type Permission = 'org.read' | 'org.write' | 'audit.read' | (string & {});

export type RoleCode =
  | 'admin'
  | 'quality'
  | 'executive'
  | 'manager'
  | 'agent'
  | 'engineer'
  | 'evaluator'
  | 'customer';

export const ROLE_CODES: readonly RoleCode[] = [
  'admin',
  'quality',
  'executive',
  'manager',
  'agent',
  'engineer',
  'evaluator',
  'customer',
];

export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'payload_too_large'
  | (string & {});

/** The variable parts of a keyed server message (see `errors.ts`). */
export type MessageArgs = Record<string, string>;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; key?: string; args?: MessageArgs };
}

/** One page of a list endpoint; `next_cursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** The signed-in account: its staff record plus what it may do. */
export interface Me extends Omit<Staff, 'active' | 'created_at' | 'updated_at'> {
  permissions: Permission[];
  csrf_token?: string;
}

export interface LoginResponse {
  user: Me;
  csrf_token: string;
}

export interface Role {
  code: string;
  permissions: Permission[];
}

export interface Department {
  id: number;
  parent_id: number | null;
  name: string;
  code: string | null;
  active: boolean;
  staff_count: number;
  created_at: string;
  updated_at: string;
}

export interface DepartmentCreate {
  name: string;
  parent_id: number | null;
  code?: string;
}

/** A null `code` clears it; `parent_id` moves the department (never into its own subtree). */
export type DepartmentPatch = Partial<Pick<Department, 'name' | 'code' | 'active'> & { parent_id: number }>;

/** A staff account. Customers may have no department. */
export interface Staff {
  id: number;
  username: string;
  display_name: string;
  department_id: number | null;
  department_name: string | null;
  /** Departments whose data this account may see beyond its own subtree (set by the server). */
  scope_department_ids?: number[];
  title: string | null;
  email: string | null;
  phone: string | null;
  roles: string[];
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface StaffCreate {
  username: string;
  display_name: string;
  department_id: number | null;
  title?: string;
  email?: string;
  phone?: string;
  roles: string[];
  password: string;
}

export type StaffPatch = Partial<
  Pick<Staff, 'display_name' | 'title' | 'email' | 'phone' | 'roles' | 'active'> & {
    department_id: number;
    password: string;
  }
>;

export interface StaffQuery {
  q?: string;
  department_id?: number;
  role?: string;
  active?: boolean;
}

/** A department as the pickers see it (GET /directory/departments): active ones only. */
export interface DirectoryDepartment {
  id: number;
  code: string | null;
  name: string;
  parent_id: number | null;
}

/** An active staff member as the pickers see it (GET /directory/staff): no contact details. */
export interface DirectoryStaff {
  id: number;
  username: string;
  name: string;
  department_id: number | null;
  department_name: string | null;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  type: string;
  data: unknown;
  hash: string;
}

export interface EventQuery {
  entity?: string;
  entity_id?: string;
  type?: string;
  actor?: string;
  from?: string;
  to?: string;
}
