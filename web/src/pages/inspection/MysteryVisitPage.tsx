// 暗访: one mystery visit or call. The shopper reads the script beside the scoring form, reports when
// it happened, how long, who served them (the staff member named sees the result once published),
// the number dialled and the amount spent, and uploads the receipts; everyone else who sees the visit
// (the quality department; the inspected party only after publication) reads the same facts.
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Image, Input, InputNumber, Popconfirm, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getInspection, saveAnswers, submitInspection, type Scorecard } from '../../api/inspection';
import {
  addMysteryReceipt,
  deleteMysteryReceipt,
  getMysteryVisit,
  mysteryReceiptUrl,
  saveMysteryReport,
  type MysteryVisitDetail,
} from '../../api/mystery';
import { useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { StaffField } from '../../components/desk/DirectoryFields';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { ClaimTag, formatMoney } from './MysteryScenarioPage';
import ScoringForm from './ScoringForm';
import { StateTag, inspectionPath } from './labels';

interface ReportValues {
  visited_at?: Dayjs | null;
  duration_min?: number | null;
  served_by_id?: number | null;
  served_by?: string;
  dialled?: string;
  spent?: number | null;
}

function ReportForm({ visit, onSaved }: { visit: MysteryVisitDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const submit = useSubmit(
    form,
    (v: ReportValues) =>
      saveMysteryReport(visit.id, {
        ...(v.visited_at ? { visited_at: v.visited_at.toISOString() } : {}),
        ...(typeof v.duration_min === 'number' ? { duration_min: v.duration_min } : {}),
        ...(typeof v.served_by_id === 'number' ? { served_by_id: v.served_by_id } : {}),
        served_by: v.served_by ?? '',
        dialled: v.dialled ?? '',
        ...(typeof v.spent === 'number' ? { spent: v.spent } : {}),
      }),
    { success: t('inspection.mystery.reportSaved'), onSuccess: onSaved },
  );
  return (
    <Card size="small" title={t('inspection.mystery.report')} style={{ marginBottom: 12 }} data-testid="mystery-report">
      <SubmitAlert submit={submit} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        initialValues={{
          // Not yet reported: now, as the shopper usually reports right after the visit.
          visited_at: visit.visited_at ? dayjs(visit.visited_at) : dayjs().startOf('minute'),
          duration_min: visit.duration_min,
          served_by_id: visit.served_by_id,
          served_by: visit.served_by,
          dialled: visit.dialled,
          spent: visit.spent,
        }}
      >
        <Space wrap>
          <Form.Item name="visited_at" label={t(`inspection.mystery.visitedAtBy.${visit.channel}`)}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="visited-at" />
          </Form.Item>
          <Form.Item name="duration_min" label={t('inspection.mystery.duration')}>
            <InputNumber min={0} max={1440} addonAfter={t('inspection.mystery.minutes')} data-testid="duration" />
          </Form.Item>
        </Space>
        <Form.Item name="served_by_id" label={t('inspection.mystery.servedById')} extra={t('inspection.mystery.servedByIdHelp')}>
          <StaffField departmentId={visit.department_id} />
        </Form.Item>
        <Form.Item name="served_by" label={t('inspection.mystery.servedBy')}>
          <Input maxLength={200} />
        </Form.Item>
        {visit.channel === 'call' && (
          <Form.Item name="dialled" label={t('inspection.mystery.dialled')}>
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
        )}
        <Form.Item name="spent" label={t('inspection.mystery.spent')} extra={visit.scenario.budget !== null ? t('inspection.mystery.budgetIs', { amount: formatMoney(visit.scenario.budget) }) : undefined}>
          <InputNumber min={0} precision={2} data-testid="spent" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="save-report">
          {t('inspection.mystery.saveReport')}
        </Button>
      </Form>
    </Card>
  );
}

function Receipts({ visit, editable, onChanged }: { visit: MysteryVisitDetail; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState(false);
  const send = async (file: File) => {
    setSending(true);
    try {
      await addMysteryReceipt(visit.id, file);
      notify.success(t('inspection.mystery.receiptAdded'));
      onChanged();
    } catch (cause) {
      notify.failure(cause);
    } finally {
      setSending(false);
    }
  };
  const remove = async (receiptId: number) => {
    try {
      await deleteMysteryReceipt(visit.id, receiptId);
      onChanged();
    } catch (cause) {
      notify.failure(cause);
    }
  };
  return (
    <Card size="small" title={t('inspection.mystery.receipts')} style={{ marginBottom: 12 }} data-testid="mystery-receipts">
      <Space wrap>
        {visit.receipt_files.map((r) => (
          <Space key={r.id} direction="vertical" size={2}>
            <Image src={mysteryReceiptUrl(visit.id, r.id)} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid={`receipt-${r.id}`} />
            {editable && (
              <Popconfirm title={t('inspection.mystery.removeReceipt')} onConfirm={() => void remove(r.id)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('inspection.mystery.removeReceipt')} />
              </Popconfirm>
            )}
          </Space>
        ))}
        {visit.receipt_files.length === 0 && <Typography.Text type="secondary">{t('inspection.mystery.noReceipts')}</Typography.Text>}
      </Space>
      {editable && (
        <div style={{ marginTop: 8 }}>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            style={{ display: 'none' }}
            data-testid="receipt-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void send(file);
            }}
          />
          <Button icon={<CameraOutlined />} loading={sending} onClick={() => input.current?.click()}>
            {t('inspection.mystery.addReceipt')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function ScriptCard({ visit }: { visit: MysteryVisitDetail }) {
  const { t } = useTranslation();
  const s = visit.scenario;
  return (
    <Card size="small" title={t('inspection.mystery.script')} style={{ marginBottom: 12 }} data-testid="mystery-script">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.script}</Typography.Paragraph>
      {s.observe && (
        <>
          <Typography.Text strong>{t('inspection.mystery.observe')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.observe}</Typography.Paragraph>
        </>
      )}
      <Typography.Text type="secondary">
        {t('inspection.mystery.window')}: {formatTime(s.window_from)} – {formatTime(s.window_to)}
        {s.hours_from && ` (${s.hours_from}–${s.hours_to})`}
      </Typography.Text>
    </Card>
  );
}

export default function MysteryVisitPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const me = useMe();
  const visit = useAsync(() => getMysteryVisit(id), [id]);
  const inspection = useAsync(() => getInspection(id), [id]);
  if (visit.error) return <ErrorAlert error={visit.error} onRetry={() => void visit.reload()} />;
  if (!visit.data || !inspection.data) return <PageSpin />;
  const v = visit.data;
  const i = inspection.data;
  const card = i.scorecard as Scorecard | undefined;
  const reload = () => {
    void visit.reload();
    void inspection.reload();
  };
  const shopper = v.shopper_id === me.id;
  const published = !['assigned', 'in_progress', 'submitted'].includes(v.state);
  const reporting = shopper && !published && (v.claim === 'none' || v.claim === 'pending');
  const scoring = shopper && (v.state === 'assigned' || v.state === 'in_progress');

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {t('inspection.mystery.visitTitle', { id: v.id, title: v.scenario_title })}
            <StateTag state={v.state} />
          </Space>
        }
        extra={
          <Link to={inspectionPath(v.id)} data-testid="visit-inspection-link">
            {t('inspection.mystery.openInspection')}
          </Link>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 12 }} data-testid="mystery-facts">
        <Descriptions.Item label={t('inspection.assign.department')}>{v.department_name}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.mystery.channel')}>{t(`inspection.mystery.channels.${v.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.mystery.shopper')}>{v.shopper_name}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.mystery.visitedAt')}>{v.visited_at ? formatTime(v.visited_at) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.mystery.duration')}>{v.duration_min ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.mystery.servedBy')}>{[v.served_by_name, v.served_by].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        {v.channel === 'call' && <Descriptions.Item label={t('inspection.mystery.dialled')}>{v.dialled || '—'}</Descriptions.Item>}
        <Descriptions.Item label={t('inspection.mystery.spent')}>
          <Space>
            <span data-testid="visit-spent">{formatMoney(v.spent)}</span>
            <ClaimTag claim={v.claim} />
          </Space>
        </Descriptions.Item>
        {v.claim_reason && <Descriptions.Item label={t('inspection.mystery.claimReason')}>{v.claim_reason}</Descriptions.Item>}
      </Descriptions>
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <ScriptCard visit={v} />
          {reporting && <ReportForm visit={v} onSaved={reload} />}
          <Receipts visit={v} editable={reporting} onChanged={reload} />
        </Col>
        <Col xs={24} lg={14}>
          {!card && <Alert type="warning" showIcon message={t('inspection.noCard')} />}
          {card && scoring && (
            <ScoringForm
              draftKey={i.id}
              stored={i}
              card={card}
              save={(answers, notes) => saveAnswers(i.id, answers, notes)}
              submit={(answers, notes) => submitInspection(i.id, answers, notes)}
              onSaved={reload}
            />
          )}
          {card && !scoring && (
            <Alert
              type="info"
              showIcon
              message={t('inspection.mystery.scoredOn', { state: t(`inspection.state.${v.state}`) })}
              action={<Link to={inspectionPath(v.id)}>{t('inspection.mystery.openInspection')}</Link>}
            />
          )}
        </Col>
      </Row>
    </>
  );
}
