// The customer portal's shell: no staff menu, just "my requests", "new request", language and user.
import { FileAddOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Layout, Menu, Space, theme } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import ErrorBoundary from '../components/ErrorBoundary';
import PageSpin from '../components/PageSpin';
import LanguageSwitch from './LanguageSwitch';
import UserMenu from './UserMenu';

export default function PortalLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const selected = pathname === '/portal/new' ? '/portal/new' : pathname.startsWith('/portal') ? '/portal' : '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          padding: '0 24px',
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/portal" data-testid="product-name" style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap', color: token.colorText }}>
          {t('portal.brand')}
        </Link>
        <Menu
          mode="horizontal"
          aria-label={t('nav.menu')}
          data-testid="portal-menu"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
          onClick={({ key }) => navigate(key)}
          items={[
            { key: '/portal', icon: <UnorderedListOutlined />, label: t('portal.myRequests') },
            { key: '/portal/new', icon: <FileAddOutlined />, label: t('portal.newRequest') },
          ]}
        />
        <Space size="middle">
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ margin: 24, maxWidth: 1100, width: '100%', alignSelf: 'center' }}>
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}
