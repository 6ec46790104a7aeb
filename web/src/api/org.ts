import { fetchAll, request } from './client';
import type {
  Department,
  DepartmentCreate,
  DepartmentPatch,
  Page,
  Role,
  Staff,
  StaffCreate,
  StaffPatch,
  StaffQuery,
} from './types';

export function listRoles(): Promise<Role[]> {
  return request<{ items: Role[] }>('GET', '/roles').then((r) => r.items);
}

export function listDepartments(): Promise<Department[]> {
  return fetchAll<Department>('/departments');
}

export function createDepartment(body: DepartmentCreate): Promise<Department> {
  return request<Department>('POST', '/departments', { body });
}

export function updateDepartment(id: number, body: DepartmentPatch): Promise<Department> {
  return request<Department>('PATCH', `/departments/${id}`, { body });
}

export function listStaff(
  query: StaffQuery,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<Staff>> {
  return request<Page<Staff>>('GET', '/staff', { query: { ...query, cursor, limit }, signal });
}

export function createStaff(body: StaffCreate): Promise<Staff> {
  return request<Staff>('POST', '/staff', { body });
}

export function updateStaff(id: number, body: StaffPatch): Promise<Staff> {
  return request<Staff>('PATCH', `/staff/${id}`, { body });
}

export function getStaff(id: number): Promise<Staff> {
  return request<Staff>('GET', `/staff/${id}`);
}
