// 我的质检: the published inspections of me (covert ones too, once published), to acknowledge or
// appeal before the deadline.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listInspections, type Inspection, type InspectionState } from '../../api/inspection';
import { useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { PassTag, formatPercent } from './ScoreSummary';
import { StateTag, Subject, idColumn, inspectionPath } from './labels';

export default function MyInspections() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useAsync(() => listInspections({ agent_id: me.id, limit: 200 }), [me.id]);
  const rows = (list.data ?? []).filter((i) => i.published_at);
  return (
    <>
      <PageHeader title={t('inspection.mine.title')} />
      <Typography.Paragraph type="secondary">{t('inspection.mine.help')}</Typography.Paragraph>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
      <Table<Inspection>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        scroll={{ x: true }}
        data-testid="my-inspection-table"
        columns={[
          idColumn(),
          { title: t('inspection.field.subject'), key: 'subject', render: (_, i) => <Subject inspection={i} link={false} /> },
          {
            title: t('inspection.field.score'),
            key: 'score',
            render: (_, i) => (
              <>
                {formatPercent(i.percent)} <PassTag passed={i.passed} failed={i.critical_failed} />
              </>
            ),
          },
          { title: t('common.status'), dataIndex: 'state', render: (s: InspectionState) => <StateTag state={s} /> },
          { title: t('inspection.field.publishedAt'), dataIndex: 'published_at', render: (at: string) => formatTime(at) },
          {
            title: t('inspection.field.appealDeadline'),
            dataIndex: 'appeal_deadline',
            render: (at: string | null, i) => (i.state === 'published' && at ? formatTime(at) : '—'),
          },
          {
            title: '',
            key: 'open',
            render: (_, i) => (
              <Link to={inspectionPath(i.id)} data-testid="open-my-inspection">
                {i.state === 'published' ? t('inspection.mine.respond') : t('inspection.queue.open')}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
