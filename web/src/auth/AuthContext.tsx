// Holds the signed-in user (from /me or login) and the CSRF token the API client sends on writes.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client';
import type { Me, Permission } from '../api/types';
import { setBusinessZone } from '../lib/format';

/** Times show in the organisation's zone: the server's `business_zone`, when it sends one. */
function adoptZone(user: Me): void {
  setBusinessZone('business_zone' in user && typeof user.business_zone === 'string' ? user.business_zone : null);
}

type Status = 'loading' | 'anonymous' | 'authenticated' | 'error';

export interface AuthState {
  status: Status;
  me: Me | null;
  /** Set when /me failed for a reason other than "not signed in" (e.g. server unreachable). */
  error: ApiError | null;
  /** True after the session ended underneath the user (a 401 on a normal request). */
  expired: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  reload(): Promise<void>;
  can(permission: Permission | undefined): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [expired, setExpired] = useState(false);

  const signOutLocally = useCallback((sessionExpired: boolean) => {
    setCsrfToken(null);
    setMe(null);
    setExpired(sessionExpired);
    setStatus('anonymous');
  }, []);

  const reload = useCallback(async () => {
    try {
      const user = await authApi.fetchMe();
      adoptZone(user);
      setCsrfToken(user.csrf_token ?? null);
      setMe(user);
      setError(null);
      setStatus('authenticated');
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 401) {
        signOutLocally(false);
      } else {
        setError(cause instanceof ApiError ? cause : new ApiError(0, 'network', String(cause)));
        setStatus('error');
      }
    }
  }, [signOutLocally]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    onUnauthorized(() => signOutLocally(true));
    return () => onUnauthorized(null);
  }, [signOutLocally]);

  const login = useCallback(async (username: string, password: string) => {
    const response = await authApi.login(username, password);
    adoptZone(response.user);
    setCsrfToken(response.csrf_token);
    setMe(response.user);
    setExpired(false);
    setError(null);
    setStatus('authenticated');
    return response.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      signOutLocally(false);
    }
  }, [signOutLocally]);

  const can = useCallback(
    (permission: Permission | undefined) => !permission || (me?.permissions.includes(permission) ?? false),
    [me],
  );

  const value = useMemo<AuthState>(
    () => ({ status, me, error, expired, login, logout, reload, can }),
    [status, me, error, expired, login, logout, reload, can],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind the login guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe called without a signed-in user');
  return me;
}
