// Who and where, for pickers: the department list and staff search. Both need org.read, which
// agents and engineers lack; callers then fall back to typing an id.
import { useEffect, useState } from 'react';
import { listDepartments, listStaff } from '../api/org';
import type { Department, Staff } from '../api/types';
import { useAuth } from '../auth/AuthContext';

// Keyed by the signed-in user, so signing in as someone else in the same tab never shows stale data.
let departmentsCache: { userId: number; list: Promise<Department[]> } | null = null;

/** Departments for pickers; null when the signed-in user may not list them. */
export function useDepartments(): { departments: Department[] | null; loading: boolean } {
  const { can, me } = useAuth();
  const allowed = can('org.read');
  const userId = me?.id ?? 0;
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [loading, setLoading] = useState(allowed);
  useEffect(() => {
    if (!allowed) {
      setLoading(false);
      return undefined;
    }
    let live = true;
    if (departmentsCache?.userId !== userId) {
      const list = listDepartments().catch((error: unknown) => {
        departmentsCache = null;
        throw error;
      });
      departmentsCache = { userId, list };
    }
    departmentsCache.list
      .then((list) => live && setDepartments(list))
      .catch(() => live && setDepartments(null))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [allowed, userId]);
  return { departments, loading };
}

export function useCanListStaff(): boolean {
  return useAuth().can('org.read');
}

export function searchStaff(q: string, signal?: AbortSignal): Promise<Staff[]> {
  return listStaff({ q: q || undefined, active: true }, null, 20, signal).then((page) => page.items);
}
