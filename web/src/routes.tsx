// The page table: every signed-in page is one entry here. The router, the side menu, the
// permission guard and the home page shortcuts are all derived from it.
import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from './api/types';

/** A group of menu entries shown as one sub-menu. */
export interface MenuArea {
  key: string;
  labelKey: ParseKeys;
  icon: ReactNode;
}

export interface AppRoute {
  path: string;
  labelKey: ParseKeys;
  icon: ReactNode;
  component: LazyExoticComponent<ComponentType>;
  /** Needed to see the menu entry and open the page; absent means every signed-in user. */
  permission?: Permission;
  /** Key of a MenuArea to nest the entry under; absent means top level. */
  area?: string;
  /** False keeps the page out of the side menu (it is reached another way). */
  menu?: boolean;
}

export const menuAreas: readonly MenuArea[] = [
  { key: 'org', labelKey: 'nav.org', icon: <ApartmentOutlined /> },
];

export const appRoutes: readonly AppRoute[] = [
  {
    path: '/',
    labelKey: 'nav.home',
    icon: <HomeOutlined />,
    component: lazy(() => import('./pages/home/Home')),
  },
  {
    path: '/org/departments',
    labelKey: 'nav.departments',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    area: 'org',
    component: lazy(() => import('./pages/org/Departments')),
  },
  {
    path: '/org/staff',
    labelKey: 'nav.staff',
    icon: <TeamOutlined />,
    permission: 'org.read',
    area: 'org',
    component: lazy(() => import('./pages/org/Staff')),
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    component: lazy(() => import('./pages/audit/AuditLog')),
  },
  {
    path: '/profile',
    labelKey: 'nav.profile',
    icon: <UserOutlined />,
    menu: false,
    component: lazy(() => import('./pages/profile/Profile')),
  },
];

/** The route that owns `pathname`: exact, or its longest path prefix (so /org/staff/7 selects Staff). */
export function matchRoute(pathname: string): AppRoute | undefined {
  const owns = (route: AppRoute) =>
    pathname === route.path || (route.path !== '/' && pathname.startsWith(`${route.path}/`));
  return appRoutes.filter(owns).sort((a, b) => b.path.length - a.path.length)[0];
}
