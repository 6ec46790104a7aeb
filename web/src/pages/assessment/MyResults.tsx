// 我的考核: the signed-in staff member's own results, period by period (each opens the detail with
// the indicators below target and the assessor's comments, and the appeal while its window is
// open), and a link to their own quality archive.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { myResults } from '../../api/assessment';
import { useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { useAsync } from '../../lib/useAsync';
import ResultsByPeriod from './ResultsByPeriod';

export default function MyResults() {
  const { t } = useTranslation();
  const me = useMe();
  const { data, error, loading, reload } = useAsync(myResults, []);
  return (
    <>
      <PageHeader
        title={t('nav.myAssessment')}
        extra={
          <Link to={`/assessment/archive/${me.id}`}>
            <Button>{t('assessment.archive.mine')}</Button>
          </Link>
        }
      />
      {error && <ErrorAlert error={error} onRetry={() => void reload()} />}
      <ResultsByPeriod rows={data ?? []} loading={loading} assessee={me.id} />
    </>
  );
}
