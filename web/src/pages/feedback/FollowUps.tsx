// The recovery queue: follow-ups opened by low scores and 不满意 callbacks, soonest deadline first.
// The owner re-contacts the customer and records the outcome, which closes the follow-up.
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listFollowUps, OUTCOMES, updateFollowUp, type FollowUpOutcome, type SurveyFollowUp } from '../../api/feedback';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { useAuth } from '../../auth/AuthContext';
import { formatTime } from '../../lib/format';
import { toApiError, useAsync } from '../../lib/useAsync';

function CloseFollowUp({ row, onDone }: { row: SurveyFollowUp; onDone: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<FollowUpOutcome>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  async function save() {
    if (!outcome) return;
    setPending(true);
    try {
      await updateFollowUp(row.id, { outcome, note });
      onDone();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setPending(false);
    }
  }
  return (
    <Space wrap>
      {error ? <ErrorAlert error={error} /> : null}
      <Select<FollowUpOutcome>
        style={{ minWidth: 200 }}
        placeholder={t('feedback.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`feedback.outcomes.${o}`) }))}
        data-testid={`outcome-${row.id}`}
      />
      <Input style={{ minWidth: 200 }} placeholder={t('feedback.note')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <Button type="primary" disabled={!outcome} loading={pending} onClick={() => void save()}>
        {t('feedback.close')}
      </Button>
    </Space>
  );
}

function Queue({ state }: { state: 'open' | 'all' }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const exclusionLink = (f: SurveyFollowUp, outcome: FollowUpOutcome) => {
    const evidence = t('feedback.exclusionEvidence', {
      id: f.id,
      reason: f.reason,
      outcome: t(`feedback.outcomes.${outcome}`),
      closed: f.closed_at ? formatTime(f.closed_at) : '',
      note: f.note,
    });
    return `/assessment/exclusions?${new URLSearchParams({ ticket: String(f.ticket_id), evidence })}`;
  };
  const list = useAsync(() => listFollowUps(state), [state]);
  const now = Date.now();
  return (
    <>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<SurveyFollowUp>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        expandable={state === 'open' ? { expandedRowRender: (row) => <CloseFollowUp row={row} onDone={() => void list.reload()} /> } : undefined}
        columns={[
          { title: t('tickets.number'), render: (_, f) => <Link to={`/desk/tickets/${f.ticket_id}`}>{f.ticket_number}</Link> },
          { title: t('feedback.reason'), dataIndex: 'reason', render: (v: string) => <Tag color="error">{v}</Tag> },
          { title: t('feedback.owner'), render: (_, f) => f.owner_name || '–' },
          {
            title: t('feedback.deadline'),
            render: (_, f) => (
              <span style={!f.closed_at && Date.parse(f.deadline_at) < now ? { color: '#cf1322' } : undefined}>{formatTime(f.deadline_at)}</span>
            ),
          },
          { title: t('feedback.outcome'), render: (_, f) => (f.outcome ? t(`feedback.outcomes.${f.outcome}`) : '–') },
          { title: t('feedback.note'), dataIndex: 'note' },
          {
            // A recorded outcome can support a request to leave the ticket out of assessment (剔除).
            key: 'exclusion',
            render: (_, f) =>
              f.outcome && can('ticket.write') ? (
                <Link to={exclusionLink(f, f.outcome)} data-testid={`request-exclusion-${f.id}`}>
                  {t('feedback.requestExclusion')}
                </Link>
              ) : null,
          },
        ]}
      />
    </>
  );
}

export default function FollowUps() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('feedback.followUpsTitle')} />
      <Card size="small">
        <Tabs
          destroyInactiveTabPane
          items={[
            { key: 'open', label: t('feedback.open'), children: <Queue state="open" /> },
            { key: 'all', label: t('feedback.all'), children: <Queue state="all" /> },
          ]}
        />
      </Card>
    </>
  );
}
