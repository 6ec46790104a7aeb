// Who and where, for pickers (transfer, escalate, assign, complaint people, ticket filters): every
// active department and a staff search, from the directory (GET /directory/*, permission
// ticket.read), so everyone who handles tickets picks by name.
import { useEffect, useState } from 'react';
import { listDirectoryDepartments, searchDirectoryStaff } from '../api/directory';
import { getStaff } from '../api/org';
import type { DirectoryDepartment, DirectoryStaff } from '../api/types';
import { useAuth } from '../auth/AuthContext';

/** Results per staff search. */
const SEARCH_LIMIT = 20;
/** The directory's largest page: the last resort for naming a staff id nobody searched for. */
const FIRST_PAGE_LIMIT = 100;

// Keyed by the signed-in user, so signing in as someone else in the same tab never shows stale data.
interface UserCache {
  userId: number;
  departments: Promise<DirectoryDepartment[]> | null;
  /** Every staff member seen in a search answer, for naming a saved id. */
  staff: Map<number, DirectoryStaff>;
  firstPage: Promise<DirectoryStaff[]> | null;
}
let cache: UserCache | null = null;

function cacheFor(userId: number): UserCache {
  if (cache?.userId !== userId) cache = { userId, departments: null, staff: new Map(), firstPage: null };
  return cache;
}

function remember(userId: number, list: readonly DirectoryStaff[]): void {
  const known = cacheFor(userId).staff;
  for (const staff of list) known.set(staff.id, staff);
}

/** Active departments for pickers; null until loaded, or when the user may not read tickets. */
export function useDepartments(): { departments: DirectoryDepartment[] | null; loading: boolean; error: unknown } {
  const { can, me } = useAuth();
  const allowed = can('ticket.read');
  const userId = me?.id ?? 0;
  const [departments, setDepartments] = useState<DirectoryDepartment[] | null>(null);
  const [loading, setLoading] = useState(allowed);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!allowed) {
      setLoading(false);
      return undefined;
    }
    let live = true;
    const entry = cacheFor(userId);
    entry.departments ??= listDirectoryDepartments().catch((cause: unknown) => {
      entry.departments = null;
      throw cause;
    });
    entry.departments
      .then((list) => {
        if (!live) return;
        setDepartments(list);
        setError(null);
      })
      .catch((cause: unknown) => live && setError(cause))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [allowed, userId]);
  return { departments, loading, error };
}

/** A staff search for pickers: active staff whose name or username contains `q`. */
export function useStaffSearch(
  q: string,
  departmentId?: number | null,
): { staff: DirectoryStaff[]; loading: boolean; error: unknown } {
  const { can, me } = useAuth();
  const allowed = can('ticket.read');
  const userId = me?.id ?? 0;
  const [state, setState] = useState<{ staff: DirectoryStaff[]; loading: boolean; error: unknown }>({
    staff: [],
    loading: allowed,
    error: null,
  });
  useEffect(() => {
    if (!allowed) return undefined;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    searchDirectoryStaff({ q: q || undefined, department_id: departmentId ?? undefined, limit: SEARCH_LIMIT }, controller.signal)
      .then((staff) => {
        remember(userId, staff);
        setState({ staff, loading: false, error: null });
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setState({ staff: [], loading: false, error: cause });
      });
    return () => controller.abort();
  }, [allowed, userId, q, departmentId]);
  return state;
}

/**
 * The staff member with this id, for showing a saved value by name: one seen in a search, else the
 * organisation record (for those with org.read), else the directory's first page. Null when none
 * of these knows the id (the directory has no look-up by id).
 */
export function useStaffById(id: number | null | undefined): DirectoryStaff | null {
  const { can, me } = useAuth();
  const userId = me?.id ?? 0;
  const canReadOrg = can('org.read');
  const allowed = can('ticket.read');
  const [found, setFound] = useState<DirectoryStaff | null>(null);
  useEffect(() => {
    if (!id || !allowed) {
      setFound(null);
      return undefined;
    }
    const entry = cacheFor(userId);
    const known = entry.staff.get(id);
    setFound(known ?? null);
    if (known) return undefined;
    let live = true;
    const fromOrg = (): Promise<DirectoryStaff | null> =>
      canReadOrg
        ? getStaff(id).then(
            (s) => ({
              id: s.id,
              username: s.username,
              name: s.display_name,
              department_id: s.department_id,
              department_name: s.department_name,
            }),
            () => null,
          )
        : Promise.resolve(null);
    const fromFirstPage = (): Promise<DirectoryStaff | null> => {
      entry.firstPage ??= searchDirectoryStaff({ limit: FIRST_PAGE_LIMIT }).catch(() => {
        entry.firstPage = null;
        return [];
      });
      return entry.firstPage.then((list) => {
        remember(userId, list);
        return list.find((s) => s.id === id) ?? null;
      });
    };
    void fromOrg()
      .then((staff) => staff ?? fromFirstPage())
      .then((staff) => {
        if (!staff) return;
        remember(userId, [staff]);
        if (live) setFound(staff);
      });
    return () => {
      live = false;
    };
  }, [id, allowed, canReadOrg, userId]);
  return found;
}

/** "张三 (客服部)": how a picker shows a staff member. */
export function staffLabel(staff: DirectoryStaff): string {
  return staff.department_name ? `${staff.name} (${staff.department_name})` : staff.name;
}
