// 质检申诉: the reviewer's inbox of appealed inspections, and the decided ones. Deciding opens the
// inspection's card to give corrected answers; the server refuses the inspector and the appellant.
import { Button, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getInspection, listInspections, type Inspection, type Scorecard } from '../../api/inspection';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import DecideForm from './DecideForm';
import { formatPercent } from './ScoreSummary';
import { Subject, idColumn, inspectionPath } from './labels';

export default function AppealInbox() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [which, setWhich] = useState<'appealed' | 'final'>('appealed');
  const list = useAsync(() => listInspections({ state: which, limit: 200 }), [which]);
  const rows = (list.data ?? []).filter((i) => i.appeal);
  const [deciding, setDeciding] = useState<{ inspection: Inspection; card: Scorecard } | null>(null);
  const open = async (id: number) => {
    try {
      const full = await getInspection(id);
      if (full.scorecard) setDeciding({ inspection: full, card: full.scorecard });
    } catch (cause) {
      notify.failure(cause);
    }
  };
  return (
    <>
      <PageHeader title={t('inspection.appeals.title')} />
      <Radio.Group value={which} onChange={(e) => setWhich(e.target.value as 'appealed' | 'final')} optionType="button" style={{ marginBottom: 12 }}>
        <Radio.Button value="appealed">
          {t('inspection.appeals.open')}
        </Radio.Button>
        <Radio.Button value="final">
          {t('inspection.appeals.decided')}
        </Radio.Button>
      </Radio.Group>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
      <Table<Inspection>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        scroll={{ x: true }}
        data-testid="inspection-appeal-table"
        columns={[
          idColumn(),
          { title: t('inspection.field.subject'), key: 'subject', render: (_, i) => <Subject inspection={i} /> },
          { title: t('inspection.field.agent'), dataIndex: 'agent_name' },
          { title: t('inspection.field.inspector'), dataIndex: 'inspector_name' },
          { title: t('inspection.field.score'), dataIndex: 'percent', render: (p: number | null) => formatPercent(p) },
          { title: t('inspection.appeal.reason'), key: 'reason', render: (_, i) => i.appeal?.reason },
          { title: t('inspection.appeal.filedAt'), key: 'filed', render: (_, i) => formatTime(i.appeal?.filed_at) },
          {
            title: t('inspection.appeal.outcome'),
            key: 'outcome',
            render: (_, i) =>
              i.appeal?.outcome ? (
                <>
                  {t(`inspection.outcome.${i.appeal.outcome}`)}
                  {i.corrected_by_id && (
                    <>
                      {' · '}
                      <Link to={inspectionPath(i.corrected_by_id)}>{t('inspection.appeals.correction', { id: i.corrected_by_id })}</Link>
                    </>
                  )}
                  {i.appeal.decision && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{i.appeal.decision}</Typography.Paragraph>}
                </>
              ) : (
                <Button size="small" type="primary" onClick={() => void open(i.id)} data-testid="decide-inspection-appeal">
                  {t('inspection.appeal.decide')}
                </Button>
              ),
          },
        ]}
      />
      {deciding && (
        <DecideForm
          inspection={deciding.inspection}
          card={deciding.card}
          onClose={() => setDeciding(null)}
          onSaved={() => void list.reload()}
        />
      )}
    </>
  );
}
