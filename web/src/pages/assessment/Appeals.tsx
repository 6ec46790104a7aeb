// 申诉处理: the appeal inbox. Quality decides (upheld / partly upheld / rejected, always with a
// reason, someone other than the period's evaluator — the server checks); an upheld appeal may
// propose an adjustment of points that an executive approves, or that its proposer withdraws before.
import { Button, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  approveAdjustment,
  decideAppeal,
  listAppeals,
  listPeriods,
  withdrawAdjustment,
  type Appeal,
  type AppealOutcome,
} from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import { useNotify } from '../../components/useNotify';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

interface DecideValues {
  outcome: AppealOutcome;
  reason: string;
  points?: number | null;
}

function DecideForm({ appeal, onClose, onSaved }: { appeal: Appeal; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecideValues>();
  const outcome = Form.useWatch('outcome', form);
  const submit = useSubmit(
    form,
    (v: DecideValues) =>
      decideAppeal(appeal.id, {
        outcome: v.outcome,
        reason: v.reason,
        adjustment: v.outcome !== 'rejected' && v.points ? { points: v.points } : undefined,
      }),
    {
      success: t('assessment.appeal.decided'),
      onSuccess: () => {
        onSaved();
        onClose();
      },
      toFormPath: (field) => (field === 'adjustment.points' ? ['points'] : [field]),
    },
  );
  return (
    <Modal open title={t('assessment.appeal.decide')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <Typography.Paragraph>
        <Typography.Text strong>{appeal.assessee_name}</Typography.Text> · {appeal.reason}
      </Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ outcome: 'rejected' }}>
        <Form.Item name="outcome" label={t('assessment.appeal.outcome')}>
          <Radio.Group>
            {(['upheld', 'partly_upheld', 'rejected'] as const).map((o) => (
              <Radio key={o} value={o}>
                {t(`assessment.appealStatus.${o}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={t('assessment.appeal.decisionReason')} rules={[{ required: true, message: t('assessment.required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {outcome && outcome !== 'rejected' && (
          <Form.Item name="points" label={t('assessment.appeal.adjustment')} extra={t('assessment.appeal.adjustmentHelp')}>
            <InputNumber step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function Appeals() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const notify = useNotify();
  const [status, setStatus] = useState<string>('open');
  const list = useAsync(() => listAppeals(status === 'all' ? undefined : status), [status]);
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  // The appeal names its period by id: the periods' names, read once.
  const periods = useAsync(listPeriods, []);
  const periodNames = useMemo(() => new Map((periods.data ?? []).map((p) => [p.id, p.name])), [periods.data]);
  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      notify.success(done);
      void list.reload();
    } catch (cause) {
      notify.failure(cause);
    }
  };
  const approve = (id: number) => act(() => approveAdjustment(id), t('assessment.appeal.adjustmentApproved'));
  const withdraw = (adjustment: NonNullable<Appeal['adjustment']>) =>
    Modal.confirm({
      title: t('assessment.appeal.withdrawAdjustment'),
      content: t('assessment.appeal.withdrawConfirm', { points: adjustment.points }),
      onOk: () => act(() => withdrawAdjustment(adjustment.id), t('assessment.appeal.adjustmentWithdrawn')),
    });
  return (
    <>
      <PageHeader title={t('assessment.appeal.title')} />
      <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as string)} style={{ marginBottom: 12 }}>
        {(['open', 'upheld', 'partly_upheld', 'rejected', 'all'] as const).map((s) => (
          <Radio.Button key={s} value={s}>
            {t(`assessment.appealStatus.${s}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.reload()} />}
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data}
        data-testid="appeal-table"
        columns={[
          {
            title: t('assessment.result.assessee'),
            key: 'who',
            render: (_, a) => <Link to={`/assessment/periods/${a.period_id}/assessees/${a.assessee_id}`}>{a.assessee_name ?? a.assessee_id}</Link>,
          },
          {
            title: t('assessment.period.name'),
            key: 'period',
            render: (_, a) => <Link to={`/assessment/periods/${a.period_id}`}>{a.period_name ?? periodNames.get(a.period_id) ?? `#${a.period_id}`}</Link>,
          },
          { title: t('assessment.appeal.indicator'), dataIndex: 'indicator_code', render: (c: string | null) => c ?? '—' },
          { title: t('assessment.appeal.reason'), dataIndex: 'reason' },
          { title: t('assessment.appeal.evidence'), dataIndex: 'evidence' },
          { title: t('assessment.appeal.filedAt'), dataIndex: 'filed_at', render: (at: string | undefined) => (at ? formatTime(at) : '') },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string, a) => (
              <Space direction="vertical" size={2}>
                <Tag>{t(`assessment.appealStatus.${s}` as 'assessment.appealStatus.open', { defaultValue: s })}</Tag>
                {a.decision_reason && <Typography.Text type="secondary">{a.decision_reason}</Typography.Text>}
                {a.adjustment && (
                  <Typography.Text>
                    {t('assessment.appeal.adjustmentOf', { points: a.adjustment.points })}
                    {a.adjustment.status ? ` · ${t(`assessment.appeal.adjustmentStatus.${a.adjustment.status}`)}` : ''}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '',
            key: 'act',
            render: (_, a) => (
              <Space>
                {a.status === 'open' && can('assessment.manage') && (
                  <Button size="small" type="primary" onClick={() => setDeciding(a)} data-testid="decide-appeal">
                    {t('assessment.appeal.decide')}
                  </Button>
                )}
                {a.adjustment?.status === 'proposed' && can('assessment.approve') && (
                  <Button size="small" onClick={() => void approve(a.adjustment!.id)} data-testid="approve-adjustment">
                    {t('assessment.appeal.approveAdjustment')}
                  </Button>
                )}
                {a.adjustment?.status === 'proposed' && a.adjustment.proposed_by === me?.id && can('assessment.manage') && (
                  <Button size="small" danger onClick={() => withdraw(a.adjustment!)} data-testid="withdraw-adjustment">
                    {t('assessment.appeal.withdrawAdjustment')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {deciding && <DecideForm appeal={deciding} onClose={() => setDeciding(null)} onSaved={() => void list.reload()} />}
    </>
  );
}
