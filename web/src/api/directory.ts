// The directory for pickers (permission ticket.read): active departments and a staff search,
// names only. The organisation pages use api/org.ts instead.
import { request } from './client';
import type { DirectoryDepartment, DirectoryStaff } from './types';

export function listDirectoryDepartments(signal?: AbortSignal): Promise<DirectoryDepartment[]> {
  return request<{ items: DirectoryDepartment[] }>('GET', '/directory/departments', { signal }).then((r) => r.items);
}

export interface DirectoryStaffQuery {
  /** A substring of the name or username. */
  q?: string;
  department_id?: number;
  /** 1..100; the server's default is 20. */
  limit?: number;
}

export function searchDirectoryStaff(query: DirectoryStaffQuery, signal?: AbortSignal): Promise<DirectoryStaff[]> {
  return request<{ items: DirectoryStaff[] }>('GET', '/directory/staff', { query: { ...query }, signal }).then(
    (r) => r.items,
  );
}
