import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import ErrorAlert from './components/ErrorAlert';
import PageSpin from './components/PageSpin';
import { toLanguage } from './i18n';
import AppLayout from './layout/AppLayout';
import PortalLayout from './layout/PortalLayout';
import { Forbidden, NotFound } from './pages/errors/StatusPages';
import { appRoutes, isPortalOnly, type AppRoute } from './routes';

const Login = lazy(() => import('./pages/login/Login'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { status, error, reload } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageSpin />;
  if (status === 'error') return <ErrorAlert error={error} onRetry={() => void reload()} />;
  if (status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

function GuardedPage({ route }: { route: AppRoute }) {
  const { can } = useAuth();
  // A customer's home is the portal.
  if (route.path === '/' && isPortalOnly(can)) return <Navigate to="/portal" replace />;
  if (!can(route.permission)) return <Forbidden />;
  const Page = route.component;
  return <Page />;
}

function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<PageSpin />}>
            <Login />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {appRoutes
          .filter((route) => !route.portal)
          .map((route) => (
            <Route key={route.path} path={route.path} element={<GuardedPage route={route} />} />
          ))}
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <PortalLayout />
          </RequireAuth>
        }
      >
        {appRoutes
          .filter((route) => route.portal)
          .map((route) => (
            <Route key={route.path} path={route.path} element={<GuardedPage route={route} />} />
          ))}
      </Route>
    </Routes>
  );
}

export default function App() {
  const { i18n } = useTranslation();
  const locale = toLanguage(i18n.resolvedLanguage) === 'zh-CN' ? zhCN : enUS;
  return (
    <ConfigProvider locale={locale}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
