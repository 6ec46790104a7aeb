import { Flex, Layout, Space, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import ErrorBoundary from '../components/ErrorBoundary';
import { isPortalOnly } from '../routes';
import PageSpin from '../components/PageSpin';
import LanguageSwitch from './LanguageSwitch';
import NotificationBell from './NotificationBell';
import PortalLayout from './PortalLayout';
import SideMenu from './SideMenu';
import UserMenu from './UserMenu';

export default function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const { can } = useAuth();

  // Customers never see the staff shell: even a staff address opens inside the portal's.
  if (isPortalOnly(can)) return <PortalLayout />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220}>
        <Link to="/" aria-label={t('nav.home')}>
          <Flex align="center" justify="center" style={{ height: 64 }}>
            <span className="sqm-brand">{t('app.shortName').toUpperCase()}</span>
          </Flex>
        </Link>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <span data-testid="product-name" style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </span>
          <Space size="middle">
            {can('ticket.read') && <NotificationBell />}
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
