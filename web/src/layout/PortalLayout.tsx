// The customer portal's shell: no staff menu, just "my requests", "new request", language and user.
// On a phone the language and the user shrink to icons and the menu folds into a drawer.
import { FileAddOutlined, MenuOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Space, theme } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import ErrorBoundary from '../components/ErrorBoundary';
import PageSpin from '../components/PageSpin';
import LanguageSwitch from './LanguageSwitch';
import UserMenu from './UserMenu';
import { useNarrow } from './useNarrow';

export default function PortalLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const narrow = useNarrow();
  const [drawer, setDrawer] = useState(false);
  const selected = pathname === '/portal/new' ? '/portal/new' : pathname.startsWith('/portal') ? '/portal' : '';
  const nav = [
    { key: '/portal', icon: <UnorderedListOutlined />, label: t('portal.myRequests') },
    { key: '/portal/new', icon: <FileAddOutlined />, label: t('portal.newRequest') },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          padding: narrow ? '0 12px' : '0 24px',
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 8 : 24,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link
          to="/portal"
          data-testid="product-name"
          style={{
            fontSize: 18,
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            color: token.colorText,
            flex: narrow ? 1 : undefined,
            minWidth: 0,
          }}
        >
          {t('portal.brand')}
        </Link>
        {narrow ? (
          <Space size={4}>
            <LanguageSwitch compact />
            <UserMenu compact />
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              onClick={() => setDrawer(true)}
              data-testid="portal-menu-button"
            />
          </Space>
        ) : (
          <>
            <Menu
              mode="horizontal"
              aria-label={t('nav.menu')}
              data-testid="portal-menu"
              selectedKeys={[selected]}
              style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
              onClick={({ key }) => navigate(key)}
              items={nav}
            />
            <Space size="middle">
              <LanguageSwitch />
              <UserMenu />
            </Space>
          </>
        )}
      </Layout.Header>
      {narrow && (
        <PortalDrawer
          open={drawer}
          onClose={() => setDrawer(false)}
          selected={selected}
          nav={nav}
          onNavigate={(key) => {
            setDrawer(false);
            navigate(key);
          }}
        />
      )}
      <Layout.Content style={{ margin: narrow ? 12 : 24, maxWidth: 1100, width: narrow ? 'auto' : '100%', alignSelf: narrow ? 'stretch' : 'center' }}>
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}

interface DrawerProps {
  open: boolean;
  onClose: () => void;
  selected: string;
  nav: { key: string; icon: ReactNode; label: string }[];
  onNavigate: (key: string) => void;
}

/** The phone's menu: where to go. */
function PortalDrawer({ open, onClose, selected, nav, onNavigate }: DrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} placement="right" width={260} title={t('portal.brand')}>
      <Menu
        mode="inline"
        aria-label={t('nav.menu')}
        data-testid="portal-menu"
        selectedKeys={[selected]}
        style={{ borderInlineEnd: 'none' }}
        onClick={({ key }) => onNavigate(key)}
        items={nav}
      />
    </Drawer>
  );
}
