// One inspection: what was inspected, by whom, its state and score, and what the reader may do
// now. The inspector scores it (a ticket review with the ticket's timeline beside the card);
// quality publishes it; the inspected person acknowledges or appeals before the deadline;
// someone else decides the appeal. A correction and its original link to each other.
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getTicket } from '../../api/desk';
import {
  acknowledgeInspection,
  appealInspection,
  getInspection,
  publishInspection,
  saveAnswers,
  submitInspection,
  type Answers,
  type Inspection,
  type Scorecard,
} from '../../api/inspection';
import { useAuth, useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import TicketTimeline from '../../components/desk/TicketTimeline';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import AnswersView from './AnswersView';
import { PhotoGallery } from './ItemPhotos';
import DecideForm from './DecideForm';
import { PassTag, formatPercent } from './ScoreSummary';
import ScoringForm from './ScoringForm';
import { LocationText, StateTag, Subject, inspectionPath } from './labels';

export function TicketPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const ticket = useAsync(() => getTicket(ticketId), [ticketId]);
  return (
    <Card
      size="small"
      title={t('inspection.ticketTimeline')}
      extra={<Link to={`/desk/tickets/${ticketId}`}>{ticket.data?.number ?? `#${ticketId}`}</Link>}
      data-testid="inspection-ticket"
      style={{ marginBottom: 12 }}
    >
      {ticket.error && <ErrorAlert error={ticket.error} onRetry={() => void ticket.reload()} />}
      {ticket.data && (
        <>
          <Typography.Paragraph strong>{ticket.data.title}</Typography.Paragraph>
          <TicketTimeline events={ticket.data.timeline.filter((e) => !e.type.startsWith('sla.timer_'))} comments={ticket.data.comments} />
        </>
      )}
    </Card>
  );
}

function AppealForm({ inspection, onClose, onSaved }: { inspection: Inspection; onClose: () => void; onSaved: (i: Inspection) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, (v: { reason: string }) => appealInspection(inspection.id, v.reason), {
    success: t('inspection.appeal.filed'),
    onSuccess: (i) => {
      onSaved(i);
      onClose();
    },
  });
  return (
    <Modal open title={t('inspection.appeal.file')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <Typography.Paragraph type="secondary">
        {t('inspection.appeal.deadline', { at: formatTime(inspection.appeal_deadline) })}
      </Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="reason" label={t('inspection.appeal.reason')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function InspectionPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { can } = useAuth();
  const me = useMe();
  const notify = useNotify();
  const loaded = useAsync(() => getInspection(id), [id]);
  const [dialog, setDialog] = useState<'appeal' | 'decide' | null>(null);
  const [busy, setBusy] = useState(false);

  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (!loaded.data) return <PageSpin />;
  const i = loaded.data;
  const card = i.scorecard as Scorecard | undefined;
  const saved = () => void loaded.reload();
  const act = async (run: () => Promise<Inspection>, message: string) => {
    setBusy(true);
    try {
      await run();
      notify.success(message);
      saved();
    } catch (cause) {
      notify.failure(cause);
    } finally {
      setBusy(false);
    }
  };

  const scoring = i.inspector_id === me.id && (i.state === 'assigned' || i.state === 'in_progress');
  const mine = i.agent_id === me.id;
  const open = i.state === 'published' && i.appeal_deadline !== null && i.appeal_deadline !== undefined && Date.parse(i.appeal_deadline) > Date.now();

  const main = card ? (
    scoring ? (
      <ScoringForm
        draftKey={i.id}
        stored={i}
        card={card}
        inspection={i}
        save={(answers, notes, site) => saveAnswers(i.id, answers, notes, site)}
        submit={(answers, notes, site) => submitInspection(i.id, answers, notes, site)}
        onSaved={saved}
      />
    ) : (
      <>
        <AnswersView card={card} answers={i.answers as Answers} />
        {(i.photos ?? []).length > 0 && (
          <Card size="small" title={t('inspection.site.photos')} style={{ marginBottom: 12 }}>
            <PhotoGallery
              inspectionId={i.id}
              photos={i.photos ?? []}
              itemName={(code) => card.sections.flatMap((s) => s.items).find((item) => item.code === code)?.name || code}
            />
          </Card>
        )}
      </>
    )
  ) : (
    <Alert type="warning" showIcon message={t('inspection.noCard')} />
  );

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {t('inspection.page.title', { id: i.id })}
            <StateTag state={i.state} />
          </Space>
        }
        extra={
          <Space wrap>
            {i.state === 'submitted' && can('inspection.manage') && (
              <Button type="primary" loading={busy} onClick={() => void act(() => publishInspection(i.id), t('inspection.page.publishedMessage'))} data-testid="publish-inspection">
                {t('inspection.page.publish')}
              </Button>
            )}
            {mine && i.state === 'published' && (
              <>
                <Button loading={busy} onClick={() => void act(() => acknowledgeInspection(i.id), t('inspection.page.acknowledgedMessage'))} data-testid="acknowledge-inspection">
                  {t('inspection.page.acknowledge')}
                </Button>
                {open && (
                  <Button danger onClick={() => setDialog('appeal')} data-testid="appeal-inspection">
                    {t('inspection.appeal.file')}
                  </Button>
                )}
              </>
            )}
            {i.state === 'appealed' && can('inspection.manage') && card && (
              <Button type="primary" onClick={() => setDialog('decide')} data-testid="decide-inspection">
                {t('inspection.appeal.decide')}
              </Button>
            )}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 12 }} data-testid="inspection-facts">
        <Descriptions.Item label={t('inspection.field.subject')}>
          <Subject inspection={i} />
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.assign.department')}>{i.department_name}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.field.agent')}>{i.agent_name || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.field.inspector')}>{i.inspector_name}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.assign.scorecard')}>{card ? `${card.name} (v${i.scorecard_version})` : `#${i.scorecard_id} v${i.scorecard_version}`}</Descriptions.Item>
        {i.percent !== null && (
          <Descriptions.Item label={t('inspection.field.score')}>
            <Space>
              <span data-testid="inspection-percent">{formatPercent(i.percent)}</span>
              <PassTag passed={i.passed} failed={i.critical_failed} />
            </Space>
          </Descriptions.Item>
        )}
        {i.checked_at && (
          <Descriptions.Item label={t('inspection.site.checkedAt')}>
            <span data-testid="inspection-checked-at">{formatTime(i.checked_at)}</span>
          </Descriptions.Item>
        )}
        {i.location && (
          <Descriptions.Item label={t('inspection.site.location')}>
            <span data-testid="inspection-location">
              <LocationText location={i.location} />
            </span>
          </Descriptions.Item>
        )}
        {i.published_at && <Descriptions.Item label={t('inspection.field.publishedAt')}>{formatTime(i.published_at)}</Descriptions.Item>}
        {i.appeal_deadline && (
          <Descriptions.Item label={t('inspection.field.appealDeadline')}>
            <span data-testid="appeal-deadline">{formatTime(i.appeal_deadline)}</span>
          </Descriptions.Item>
        )}
        {i.corrects_id && (
          <Descriptions.Item label={t('inspection.field.corrects')}>
            <Link to={inspectionPath(i.corrects_id)} data-testid="corrects-link">
              #{i.corrects_id}
            </Link>
          </Descriptions.Item>
        )}
        {i.corrected_by_id && (
          <Descriptions.Item label={t('inspection.field.correctedBy')}>
            <Link to={inspectionPath(i.corrected_by_id)} data-testid="corrected-by-link">
              #{i.corrected_by_id}
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {i.appeal && (
        <Card size="small" title={t('inspection.appeal.title')} style={{ marginBottom: 12 }} data-testid="inspection-appeal">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('inspection.appeal.reason')}>{i.appeal.reason}</Descriptions.Item>
            <Descriptions.Item label={t('inspection.appeal.filedAt')}>{formatTime(i.appeal.filed_at)}</Descriptions.Item>
            {i.appeal.outcome && (
              <Descriptions.Item label={t('inspection.appeal.outcome')}>
                <span data-testid="appeal-outcome">{t(`inspection.outcome.${i.appeal.outcome}`)}</span>
              </Descriptions.Item>
            )}
            {i.appeal.decision && <Descriptions.Item label={t('inspection.appeal.decisionReason')}>{i.appeal.decision}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
      {i.ticket_id ? (
        <Row gutter={12}>
          <Col xs={24} lg={10}>
            <TicketPanel ticketId={i.ticket_id} />
          </Col>
          <Col xs={24} lg={14}>
            {main}
          </Col>
        </Row>
      ) : (
        main
      )}
      {dialog === 'appeal' && <AppealForm inspection={i} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog === 'decide' && card && <DecideForm inspection={i} card={card} onClose={() => setDialog(null)} onSaved={saved} />}
    </>
  );
}
