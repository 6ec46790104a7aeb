// 剔除申请: tickets a unit asks to leave out of assessment (reason from the editable list, evidence
// required), and quality's approval or rejection with a note. Excluded tickets leave every
// indicator of their period; the drill-down shows them marked.
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  decideExclusion,
  listExclusionReasons,
  listExclusions,
  requestExclusion,
  type Exclusion,
  type RequestStatus,
} from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import { formatTime, ticketNumber } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { bilingual } from './text';

const STATUS_COLOR: Record<RequestStatus, string> = { requested: 'processing', approved: 'green', rejected: 'red' };

interface RequestValues {
  ticket_id: number;
  reason_code: string;
  evidence: string;
}

function RequestForm({ initial, onClose, onSaved }: { initial?: Partial<RequestValues>; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RequestValues>();
  const reasons = useAsync(listExclusionReasons, []);
  const submit = useSubmit(form, requestExclusion, {
    success: t('assessment.exclusion.requested'),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  const required = [{ required: true, message: t('assessment.required') }];
  return (
    <Modal open title={t('assessment.exclusion.request')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="ticket_id" label={t('assessment.exclusion.ticketId')} rules={required}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason_code" label={t('assessment.exclusion.reason')} rules={required}>
          <Select
            loading={reasons.loading}
            options={(reasons.data ?? []).filter((r) => r.active !== false).map((r) => ({ value: r.code, label: bilingual(r.name) }))}
          />
        </Form.Item>
        <Form.Item name="evidence" label={t('assessment.appeal.evidence')} rules={required}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideForm({ exclusion, decision, onClose, onSaved }: { exclusion: Exclusion; decision: 'approve' | 'reject'; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const submit = useSubmit(form, (v: { note: string }) => decideExclusion(Number(exclusion.id), decision, v.note ?? ''), {
    success: t(decision === 'approve' ? 'assessment.exclusion.approvedDone' : 'assessment.exclusion.rejectedDone'),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <Modal open title={t(`assessment.exclusion.${decision}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="note" label={t('assessment.exclusion.note')} rules={decision === 'reject' ? [{ required: true, message: t('assessment.required') }] : []}>
          <Input.TextArea rows={3} data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function Exclusions() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [status, setStatus] = useState<RequestStatus | 'all'>('requested');
  // The list is assessment data (assessment.read, department scope); a handler only requests.
  const reader = can('assessment.read');
  const list = useAsync(() => (reader ? listExclusions(status === 'all' ? undefined : status) : Promise.resolve([])), [status, reader]);
  const reasons = useAsync(listExclusionReasons, []);
  // A link from elsewhere (a survey follow-up's outcome) opens the form filled in:
  // ?ticket=ID&evidence=TEXT.
  const [params] = useSearchParams();
  const linkedTicket = Number(params.get('ticket'));
  const initial = Number.isInteger(linkedTicket) && linkedTicket > 0 ? { ticket_id: linkedTicket, evidence: params.get('evidence') ?? undefined } : undefined;
  const [requesting, setRequesting] = useState(initial !== undefined && can('ticket.write'));
  const [deciding, setDeciding] = useState<{ exclusion: Exclusion; decision: 'approve' | 'reject' } | null>(null);
  const reasonName = (code: string | undefined) => bilingual(reasons.data?.find((r) => r.code === code)?.name) || (code ?? '');
  return (
    <>
      <PageHeader
        title={t('assessment.exclusion.title')}
        extra={
          can('ticket.write') && (
            <Button type="primary" onClick={() => setRequesting(true)} data-testid="request-exclusion">
              {t('assessment.exclusion.request')}
            </Button>
          )
        }
      />
      {!reader && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('assessment.exclusion.requestOnly')} />}
      {reader && (
      <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as RequestStatus | 'all')} style={{ marginBottom: 12 }}>
        {(['requested', 'approved', 'rejected', 'all'] as const).map((s) => (
          <Radio.Button key={s} value={s}>
            {t(`assessment.requestStatus.${s}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
      )}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
      {reader && (
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data}
        data-testid="exclusion-table"
        columns={[
          {
            title: t('assessment.facts.ticket'),
            dataIndex: 'ticket_id',
            render: (id: number, e) => <Link to={`/desk/tickets/${id}`}>{e.ticket_number ?? ticketNumber(id)}</Link>,
          },
          { title: t('assessment.exclusion.reason'), dataIndex: 'reason_code', render: reasonName },
          { title: t('assessment.appeal.evidence'), dataIndex: 'evidence' },
          { title: t('assessment.exclusion.by'), key: 'by', render: (_, e) => `${e.requested_by_name ?? ''} ${formatTime(e.requested_at)}` },
          { title: t('common.status'), dataIndex: 'status', render: (s: RequestStatus) => <Tag color={STATUS_COLOR[s]}>{t(`assessment.requestStatus.${s}`)}</Tag> },
          {
            title: t('assessment.exclusion.note'),
            dataIndex: 'decision_note',
            render: (n: string | undefined, e) => (e.decided_by_name ? `${n ?? ''} (${e.decided_by_name} ${formatTime(e.decided_at)})` : ''),
          },
          {
            title: '',
            key: 'decide',
            render: (_, e) =>
              e.status === 'requested' && can('assessment.manage') ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setDeciding({ exclusion: e, decision: 'approve' })} data-testid="approve-exclusion">
                    {t('assessment.exclusion.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ exclusion: e, decision: 'reject' })} data-testid="reject-exclusion">
                    {t('assessment.exclusion.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      )}
      {requesting && <RequestForm initial={initial} onClose={() => setRequesting(false)} onSaved={() => void list.reload()} />}
      {deciding && <DecideForm {...deciding} onClose={() => setDeciding(null)} onSaved={() => void list.reload()} />}
    </>
  );
}
