import { Flex, Layout, Space, theme } from 'antd';
import { Suspense, useEffect, useState } from 'react';
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
import { useNarrow } from './useNarrow';

/** Wide enough for the longest English menu label ("Complaint analysis", "Business calendars"). */
const SIDER_WIDTH = 240;

export default function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const { can } = useAuth();
  const narrow = useNarrow();
  // On a phone the menu lies over the page; going somewhere folds it away.
  useEffect(() => {
    if (narrow) setCollapsed(true);
  }, [narrow, pathname]);

  // Customers never see the staff shell: even a staff address opens inside the portal's.
  if (isPortalOnly(can)) return <PortalLayout />;

  // On a phone the menu folds away completely (its tab opens it); the header keeps only icons.
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={SIDER_WIDTH}
        collapsedWidth={narrow ? 0 : 80}
        zeroWidthTriggerStyle={{ top: 12 }}
        style={narrow ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 20 } : undefined}
      >
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
            padding: narrow ? '0 12px 0 48px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <span
            data-testid="product-name"
            style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}
          >
            {narrow ? t('app.shortName').toUpperCase() : t('app.name')}
          </span>
          <Space size={narrow ? 'small' : 'middle'}>
            {can('ticket.read') && <NotificationBell />}
            <LanguageSwitch compact={narrow} />
            <UserMenu compact={narrow} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: narrow ? 12 : 24, minWidth: 0 }}>
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
