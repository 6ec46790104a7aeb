// Wire types of the sqm HTTP API (/api/v1), named from the types generated from
// docs/openapi.yaml (generated/openapi.ts). Times are ISO-8601 UTC strings.
import { errorErrorCodeValues, roleCodeValues, type components, type operations } from './generated/openapi';

type Schemas = components['schemas'];

export type Permission = 'org.read' | 'org.write' | 'audit.read' | (string & {});

export type RoleCode = Schemas['RoleCode'];
export const ROLE_CODES: readonly RoleCode[] = roleCodeValues;

/** The documented codes, plus what the client makes up itself (`network`, `http_502`, ...). */
export type ErrorCode = (typeof errorErrorCodeValues)[number] | (string & {});

/** The variable parts of a keyed server message (see `errors.ts`). */
export type MessageArgs = Record<string, string>;

export type ErrorBody = Schemas['Error'];
/** One problem of a request that had several (`error.errors`). */
export type FieldProblem = Schemas['FieldProblem'];

/** One page of a list endpoint; `next_cursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** The signed-in account: its staff record plus what it may do. */
export type Me = Schemas['Me'];

export type LoginResponse = Schemas['LoginResponse'];

export type Role = Schemas['Role'];

export type Department = Schemas['Department'];
export type DepartmentCreate = Schemas['DepartmentCreate'];
/** A null `code` clears it; `parent_id` moves the department (never into its own subtree). */
export type DepartmentPatch = Schemas['DepartmentPatch'];

/** A staff account. Customers may have no department. */
export type Staff = Schemas['Staff'];
export type StaffCreate = Schemas['StaffCreate'];
export type StaffPatch = Schemas['StaffPatch'];
export type StaffQuery = Omit<NonNullable<operations['listStaff']['parameters']['query']>, 'cursor' | 'limit'>;

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;
type JsonOk<Op extends keyof operations> = operations[Op]['responses'] extends { 200: { content: { 'application/json': infer B } } }
  ? B
  : never;

/** A department as the pickers see it (GET /directory/departments): active ones only. */
export type DirectoryDepartment = ItemOf<JsonOk<'directoryDepartments'>>;

/** An active staff member as the pickers see it (GET /directory/staff): no contact details. */
export type DirectoryStaff = ItemOf<JsonOk<'directoryStaff'>>;

export type AuditEvent = Schemas['Event'];
export type EventQuery = Omit<NonNullable<operations['listEvents']['parameters']['query']>, 'cursor' | 'limit'>;
