import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

function StatusPage({ status }: { status: '403' | '404' }) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={status === '403' ? t('errors.forbiddenTitle') : t('errors.notFoundTitle')}
      subTitle={status === '403' ? t('errors.forbiddenText') : t('errors.notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Shown when the signed-in user lacks the permission a page needs. */
export function Forbidden() {
  return <StatusPage status="403" />;
}

export function NotFound() {
  return <StatusPage status="404" />;
}
