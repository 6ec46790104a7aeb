import { Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listDepartments } from '../../api/org';
import { useAuth, useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageSpin from '../../components/PageSpin';
import RoleTags from '../../components/RoleTags';
import { useAsync } from '../../lib/useAsync';
import { appRoutes } from '../../routes';

const StaffChart = lazy(() => import('./StaffChart'));

function Shortcuts() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const routes = appRoutes.filter((route) => route.path !== '/' && route.menu !== false && can(route.permission));
  if (routes.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noShortcuts')} />;
  }
  return (
    <Row gutter={[16, 16]}>
      {routes.map((route) => (
        <Col key={route.path} xs={12} md={8} xl={6}>
          <Link to={route.path}>
            <Card hoverable size="small">
              <Space>
                {route.icon}
                {t(route.labelKey)}
              </Space>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

function DepartmentStaff() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useAsync(listDepartments, []);
  let body;
  if (error) body = <ErrorAlert error={error} onRetry={() => void reload()} />;
  else if (loading || !data) body = <PageSpin />;
  else if (!data.some((d) => d.active && d.staff_count > 0)) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  else
    body = (
      <Suspense fallback={<PageSpin />}>
        <StaffChart departments={data} />
      </Suspense>
    );
  return <Card title={t('home.staffByDepartment')}>{body}</Card>;
}

export default function Home() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.display_name || me.username })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('home.myRoles')}>
            {me.roles.length > 0 ? <RoleTags roles={me.roles} /> : t('home.noRoles')}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.department')}>{me.department_name || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('home.title')}>{me.title || t('common.none')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('home.shortcuts')}>
        <Shortcuts />
      </Card>
      {can('org.read') && <DepartmentStaff />}
    </Space>
  );
}
