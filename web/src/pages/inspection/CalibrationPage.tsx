// One calibration session. While it is open each participant scores the card blind beside the
// ticket's timeline (the inspector's scoring form) and sees only who has submitted; the quality
// department closes it. Once closed everyone who sees it reads the results: each participant's
// total, the agreement of each reviewer with the expert (or of each pair of reviewers) as the share
// of items within ±10 points and Cohen's κ, and the items, the most disputed first, with every
// answer.
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  closeCalibration,
  getCalibration,
  getScorecard,
  saveCalibrationAnswers,
  submitCalibration,
  type CalibrationResults,
  type CalibrationScore,
  type CalibrationSession,
  type Scorecard,
  type ScorecardItem,
} from '../../api/inspection';
import { useAuth, useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { answerText } from './AnswersView';
import { CalibrationStateTag } from './Calibrations';
import { TicketPanel } from './InspectionPage';
import { formatPercent } from './ScoreSummary';
import ScoringForm from './ScoringForm';
import { cardItems } from './card';

/** κ and shares for display: 4 decimals; "—" when undefined. */
const formatKappa = (k: number | null | undefined) => (k === null || k === undefined ? '—' : k.toFixed(4));
const formatShare = (s: number | null | undefined) => (s === null || s === undefined ? '—' : formatPercent(s * 100));

function Results({ session, results, card }: { session: CalibrationSession; results: CalibrationResults; card: Scorecard | undefined }) {
  const { t } = useTranslation();
  const name = (id: number) => session.participants.find((p) => p.staff_id === id)?.name ?? `#${id}`;
  const items = new Map<string, ScorecardItem>((card ? cardItems(card) : []).map((i) => [i.code, i]));
  const submitted = session.participants.filter((p) => p.submitted);
  type Row = CalibrationResults['items'][number];
  return (
    <>
      <Card
        size="small"
        title={results.against_expert ? t('inspection.calibration.againstExpert') : t('inspection.calibration.pairwise')}
        style={{ marginBottom: 12 }}
      >
        <Table
          rowKey={(a) => `${a.reviewer_id}-${a.reference_id}`}
          size="small"
          pagination={false}
          dataSource={results.agreement}
          data-testid="calibration-agreement"
          scroll={{ x: true }}
          columns={[
            { title: t('inspection.calibration.reviewer'), key: 'reviewer', render: (_, a) => name(a.reviewer_id) },
            { title: t('inspection.calibration.reference'), key: 'reference', render: (_, a) => name(a.reference_id) },
            { title: t('inspection.calibration.items'), dataIndex: 'items' },
            { title: t('inspection.calibration.within', { points: results.tolerance }), key: 'share', render: (_, a) => formatShare(a.share_within) },
            { title: t('inspection.calibration.kappa'), key: 'kappa', render: (_, a) => <span data-testid="kappa">{formatKappa(a.kappa)}</span> },
            { title: t('inspection.calibration.kappaLinear'), key: 'linear', render: (_, a) => <span data-testid="kappa-linear">{formatKappa(a.kappa_linear)}</span> },
            { title: t('inspection.calibration.kappaQuadratic'), key: 'quadratic', render: (_, a) => <span data-testid="kappa-quadratic">{formatKappa(a.kappa_quadratic)}</span> },
          ]}
        />
        <Typography.Text type="secondary">{t('inspection.calibration.scaleHelp', { points: results.tolerance })}</Typography.Text>
      </Card>
      <Card size="small" title={t('inspection.calibration.byItem')} style={{ marginBottom: 12 }}>
        <Table<Row>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={results.items}
          data-testid="calibration-items"
          scroll={{ x: true }}
          columns={[
            { title: t('inspection.calibration.item'), key: 'item', render: (_, r) => r.name || r.code },
            { title: t('inspection.calibration.spread'), key: 'spread', render: (_, r) => (r.spread === null || r.spread === undefined ? '—' : r.spread.toFixed(1)) },
            ...submitted.map((p) => ({
              title: p.role === 'expert' ? `${p.name} · ${t('inspection.calibration.roles.expert')}` : p.name,
              key: `p${p.staff_id}`,
              render: (_: unknown, r: Row) => {
                const score = r.scores.find((s) => s.staff_id === p.staff_id);
                const item = items.get(r.code);
                if (!score) return '—';
                const points = score.points === null || score.points === undefined ? '' : ` (${score.points.toFixed(1)})`;
                return item ? `${answerText(t, item, score.answer)}${points}` : `${String(score.answer)}${points}`;
              },
            })),
          ]}
        />
      </Card>
    </>
  );
}

export default function CalibrationPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { can } = useAuth();
  const me = useMe();
  const notify = useNotify();
  const loaded = useAsync(() => getCalibration(id), [id]);
  const s = loaded.data;
  const card = useAsync(() => (s ? getScorecard(s.scorecard_id, s.scorecard_version) : Promise.resolve(undefined)), [s?.scorecard_id, s?.scorecard_version]);
  const [busy, setBusy] = useState(false);

  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (!s) return <PageSpin />;
  const mine = s.participants.find((p) => p.staff_id === me.id);
  const open = s.state === 'open';
  const reload = () => void loaded.reload();
  const close = async () => {
    setBusy(true);
    try {
      await closeCalibration(s.id);
      notify.success(t('inspection.calibration.closedMessage'));
      reload();
    } catch (cause) {
      notify.failure(cause);
    } finally {
      setBusy(false);
    }
  };

  const total = (p: CalibrationScore) => s.results?.totals.find((x) => x.staff_id === p.staff_id)?.percent;
  const scoring =
    open && mine && card.data ? (
      <Card size="small" title={t('inspection.calibration.yourScore')} data-testid="calibration-scoring">
        <Alert type="info" showIcon message={t('inspection.calibration.blind')} style={{ marginBottom: 12 }} />
        <ScoringForm
          draftKey={`calibration-${s.id}`}
          stored={mine}
          card={card.data}
          save={(answers, notes) => saveCalibrationAnswers(s.id, answers, notes)}
          submit={(answers, notes) => submitCalibration(s.id, answers, notes)}
          onSaved={reload}
        />
      </Card>
    ) : null;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {t('inspection.calibration.pageTitle', { id: s.id })}
            <CalibrationStateTag state={s.state} overdue={s.overdue} />
          </Space>
        }
        extra={
          open &&
          can('inspection.manage') && (
            <Button type="primary" loading={busy} onClick={() => void close()} data-testid="close-calibration">
              {t('inspection.calibration.close')}
            </Button>
          )
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('inspection.assign.ticket')}>
          <Link to={`/desk/tickets/${s.ticket_id}`}>{s.ticket_number || `#${s.ticket_id}`}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.assign.scorecard')}>{`${s.scorecard_name} (v${s.scorecard_version})`}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.calibration.deadline')}>{formatTime(s.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.calibration.createdBy')}>{s.created_by_name}</Descriptions.Item>
        {s.closed_at && <Descriptions.Item label={t('inspection.calibration.closedAt')}>{formatTime(s.closed_at)}</Descriptions.Item>}
      </Descriptions>
      <Alert type="warning" showIcon message={t('inspection.calibration.neverCounts')} style={{ marginBottom: 12 }} />
      <Card size="small" title={t('inspection.calibration.participants')} style={{ marginBottom: 12 }}>
        <Table<CalibrationScore>
          rowKey="staff_id"
          size="small"
          pagination={false}
          dataSource={s.participants}
          data-testid="calibration-participants"
          columns={[
            { title: t('inspection.calibration.participant'), dataIndex: 'name' },
            { title: t('inspection.calibration.role'), dataIndex: 'role', render: (r: CalibrationScore['role']) => t(`inspection.calibration.roles.${r}`) },
            {
              title: t('inspection.calibration.submitted'),
              key: 'submitted',
              render: (_, p) => (p.submitted ? <Tag color="success">{formatTime(p.submitted_at)}</Tag> : <Tag>{t('inspection.calibration.notYet')}</Tag>),
            },
            { title: t('inspection.field.score'), key: 'percent', render: (_, p) => (p.hidden ? t('inspection.calibration.hidden') : formatPercent(total(p) ?? p.percent)) },
          ]}
        />
      </Card>
      {s.results && <Results session={s} results={s.results} card={card.data} />}
      {scoring && (
        <Row gutter={12}>
          <Col xs={24} lg={10}>
            <TicketPanel ticketId={s.ticket_id} />
          </Col>
          <Col xs={24} lg={14}>
            {scoring}
          </Col>
        </Row>
      )}
    </>
  );
}
