import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { appRoutes, matchRoute, menuAreas } from '../routes';

type MenuItem = Required<MenuProps>['items'][number];

export default function SideMenu() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items = useMemo(() => {
    const result: MenuItem[] = [];
    const areaChildren = new Map<string, MenuItem[]>();
    for (const route of appRoutes) {
      if (route.menu === false || !can(route.permission)) continue;
      const item: MenuItem = { key: route.path, icon: route.icon, label: t(route.labelKey) };
      const area = route.area ? menuAreas.find((a) => a.key === route.area) : undefined;
      if (!area) {
        result.push(item);
        continue;
      }
      let children = areaChildren.get(area.key);
      if (!children) {
        children = [];
        areaChildren.set(area.key, children);
        result.push({ key: `area:${area.key}`, icon: area.icon, label: t(area.labelKey), children });
      }
      children.push(item);
    }
    return result;
  }, [can, t]);

  const selected = matchRoute(pathname);
  const defaultOpenKeys = menuAreas.map((area) => `area:${area.key}`);

  return (
    <Menu
      theme="dark"
      mode="inline"
      aria-label={t('nav.menu')}
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={defaultOpenKeys}
      onClick={({ key }) => navigate(key)}
    />
  );
}
