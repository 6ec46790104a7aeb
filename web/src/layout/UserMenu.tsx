import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe, useAuth } from '../auth/AuthContext';
import { useNotify } from '../components/useNotify';

/** The signed-in user's name with a dropdown; `compact` (phones) shows only the avatar, the name heads the dropdown. */
export default function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const notify = useNotify();
  const name = me.display_name || me.username;

  const items: MenuProps['items'] = [
    ...(compact ? [{ key: 'name', label: name, disabled: true }, { type: 'divider' as const }] : []),
    { key: 'profile', icon: <UserOutlined />, label: t('user.profile') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') {
      navigate('/profile');
      return;
    }
    logout()
      .then(() => notify.success(t('user.loggedOut')))
      .catch(notify.failure)
      .finally(() => navigate('/login', { replace: true }));
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button type="text" data-testid="user-menu" aria-label={name}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          {!compact && <span className="sqm-user-name">{name}</span>}
          {!compact && <DownOutlined />}
        </Space>
      </Button>
    </Dropdown>
  );
}
