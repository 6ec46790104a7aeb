import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe, useAuth } from '../auth/AuthContext';
import { useNotify } from '../components/useNotify';

export default function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const notify = useNotify();

  const items: MenuProps['items'] = [
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
      <Button type="text" data-testid="user-menu">
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          {me.display_name || me.username}
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}
