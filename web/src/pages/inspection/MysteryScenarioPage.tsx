// 暗访场景: one scenario — its script, the coverage per target (visits done of those wanted), the
// visits with their shoppers, making the missing visits, and the reimbursements with their totals,
// approved or rejected here by someone other than the shopper (over the budget with a reason).
import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Modal, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  decideReimbursement,
  generateMysteryVisits,
  listReimbursements,
  listScenarioVisits,
  reimbursementsCsvUrl,
  type MysteryClaim,
  type MysteryCoverage,
  type MysteryVisit,
} from '../../api/mystery';
import { useMe } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { StaffField } from '../../components/desk/DirectoryFields';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import MysteryScenarioForm from './MysteryScenarioForm';
import { mysteryVisitPath } from './MysteryScenarios';
import { formatPercent } from './ScoreSummary';
import { StateTag } from './labels';

export function formatMoney(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : amount.toFixed(2);
}

export function ClaimTag({ claim }: { claim: MysteryClaim }) {
  const { t } = useTranslation();
  const color = { none: 'default', pending: 'processing', approved: 'green', rejected: 'red' }[claim];
  return (
    <Tag color={color} data-testid="claim-state">
      {t(`inspection.mystery.claims.${claim}`)}
    </Tag>
  );
}

function GenerateForm({ scenarioId, onClose, onSaved }: { scenarioId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ shopper_ids: (number | null)[] }>();
  const submit = useSubmit(
    form,
    (v: { shopper_ids: (number | null)[] }) => generateMysteryVisits(scenarioId, (v.shopper_ids ?? []).filter((id): id is number => typeof id === 'number')),
    {
      success: (made) => t('inspection.mystery.generated', { count: made.length }),
      toFormPath: () => null,
      onSuccess: () => {
        onSaved();
        onClose();
      },
    },
  );
  return (
    <Modal open title={t('inspection.mystery.generate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending} destroyOnClose>
      <Typography.Paragraph type="secondary">{t('inspection.mystery.generateHelp')}</Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ shopper_ids: [null] }}>
        <Form.Item label={t('inspection.mystery.shoppers')} required>
          <Form.List name="shopper_ids">
            {(fields, { add }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Form.Item key={f.key} name={f.name} noStyle>
                    <StaffField />
                  </Form.Item>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(null)}>
                  {t('inspection.mystery.addShopper')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideClaimForm({ visit, decision, onClose, onSaved }: { visit: MysteryVisit; decision: 'approved' | 'rejected'; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit(form, (v: { reason: string }) => decideReimbursement(visit.id, decision, v.reason ?? ''), {
    success: t(`inspection.mystery.claimDecided.${decision}`),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t(`inspection.mystery.decide.${decision}`, { amount: formatMoney(visit.spent) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.pending}
      okButtonProps={{ 'data-testid': 'confirm-claim' } as Record<string, string>}
    >
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="reason" label={t('inspection.mystery.claimReason')} extra={t('inspection.mystery.claimReasonHelp')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="claim-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function MysteryScenarioPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const me = useMe();
  const visits = useAsync(() => listScenarioVisits(id), [id]);
  const claims = useAsync(() => listReimbursements(id), [id]);
  const [dialog, setDialog] = useState<'edit' | 'generate' | null>(null);
  const [deciding, setDeciding] = useState<{ visit: MysteryVisit; decision: 'approved' | 'rejected' } | null>(null);
  const reload = () => {
    void visits.reload();
    void claims.reload();
  };

  if (visits.error) return <ErrorAlert error={visits.error} onRetry={() => void visits.reload()} />;
  if (!visits.data) return <PageSpin />;
  const s = visits.data.scenario;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {s.title}
            <Tag>{t(`inspection.mystery.channels.${s.channel}`)}</Tag>
            {!s.active && <Tag>{t('inspection.mystery.inactiveTag')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              {t('common.edit')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('generate')} disabled={!s.active} data-testid="generate-visits">
              {t('inspection.mystery.generate')}
            </Button>
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('inspection.mystery.script')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.script}</Typography.Paragraph>
        </Descriptions.Item>
        {s.observe && (
          <Descriptions.Item label={t('inspection.mystery.observe')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.observe}</Typography.Paragraph>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('inspection.mystery.window')}>
          {formatTime(s.window_from)} – {formatTime(s.window_to)}
          {s.hours_from && ` (${s.hours_from}–${s.hours_to})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.mystery.budget')}>{formatMoney(s.budget)}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('inspection.mystery.coverage')} style={{ marginBottom: 12 }}>
        <Table<MysteryCoverage>
          rowKey="department_id"
          size="small"
          pagination={false}
          dataSource={visits.data.coverage}
          data-testid="coverage-table"
          columns={[
            { title: t('inspection.assign.department'), dataIndex: 'department_name' },
            { title: t('inspection.mystery.assigned'), key: 'assigned', render: (_, c) => `${c.assigned} / ${c.wanted}` },
            {
              title: t('inspection.mystery.done'),
              key: 'done',
              render: (_, c) => (
                <Space>
                  <span data-testid="coverage-done">{`${c.done} / ${c.wanted}`}</span>
                  <Progress percent={Math.round((100 * c.done) / c.wanted)} size="small" style={{ width: 100 }} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('inspection.mystery.visits')} style={{ marginBottom: 12 }}>
        <Table<MysteryVisit>
          rowKey="id"
          size="small"
          dataSource={visits.data.items}
          data-testid="visit-table"
          scroll={{ x: true }}
          columns={[
            { title: '#', dataIndex: 'id', render: (vid: number) => <Link to={mysteryVisitPath(vid)}>{vid}</Link> },
            { title: t('inspection.assign.department'), dataIndex: 'department_name' },
            { title: t('inspection.mystery.shopper'), dataIndex: 'shopper_name' },
            { title: t('common.status'), dataIndex: 'state', render: (state: MysteryVisit['state']) => <StateTag state={state} /> },
            { title: t('inspection.mystery.visitedAt'), dataIndex: 'visited_at', render: (at: string | null) => (at ? formatTime(at) : '—') },
            { title: t('inspection.field.score'), dataIndex: 'percent', render: (p: number | null) => formatPercent(p) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('inspection.mystery.reimbursements')}
        extra={
          <a href={reimbursementsCsvUrl(id)} download>
            <DownloadOutlined /> CSV
          </a>
        }
      >
        {claims.error && <ErrorAlert error={claims.error} onRetry={() => void claims.reload()} />}
        {claims.data && (
          <>
            <Space size="large" wrap style={{ marginBottom: 12 }}>
              <Statistic title={t('inspection.mystery.totals.claimed')} value={formatMoney(claims.data.totals.claimed)} />
              <Statistic title={t('inspection.mystery.totals.pending')} value={formatMoney(claims.data.totals.pending)} />
              <Statistic title={t('inspection.mystery.totals.approved')} value={formatMoney(claims.data.totals.approved)} data-testid="total-approved" />
              <Statistic title={t('inspection.mystery.totals.rejected')} value={formatMoney(claims.data.totals.rejected)} />
            </Space>
            <Table<MysteryVisit>
              rowKey="id"
              size="small"
              dataSource={claims.data.items}
              data-testid="claim-table"
              scroll={{ x: true }}
              columns={[
                { title: '#', dataIndex: 'id', render: (vid: number) => <Link to={mysteryVisitPath(vid)}>{vid}</Link> },
                { title: t('inspection.mystery.shopper'), dataIndex: 'shopper_name' },
                { title: t('inspection.mystery.spent'), dataIndex: 'spent', render: (a: number | null) => formatMoney(a) },
                { title: t('inspection.mystery.receipts'), dataIndex: 'receipts' },
                { title: t('common.status'), dataIndex: 'claim', render: (c: MysteryClaim) => <ClaimTag claim={c} /> },
                { title: t('inspection.mystery.claimReason'), dataIndex: 'claim_reason' },
                {
                  title: '',
                  key: 'act',
                  render: (_, v) =>
                    v.claim === 'pending' &&
                    v.shopper_id !== me.id && (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ visit: v, decision: 'approved' })} data-testid="approve-claim">
                          {t('inspection.mystery.approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setDeciding({ visit: v, decision: 'rejected' })}>
                          {t('inspection.mystery.reject')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          </>
        )}
      </Card>
      {dialog === 'edit' && <MysteryScenarioForm scenario={s} onClose={() => setDialog(null)} onSaved={reload} />}
      {dialog === 'generate' && <GenerateForm scenarioId={id} onClose={() => setDialog(null)} onSaved={reload} />}
      {deciding && <DecideClaimForm visit={deciding.visit} decision={deciding.decision} onClose={() => setDeciding(null)} onSaved={reload} />}
    </>
  );
}
