// 抽检计划: the sampling plans; each is drawn for a cycle (a preview first, if wanted) and the draw
// assigns the inspections. A draw shows its seed (the same seed draws the same tickets), the
// tickets with their inspectors, and the coverage: agents short of their quota and why.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Descriptions, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listSamplingPlans, listSamplingRuns, runSamplingPlan, type SamplingCoverage, type SamplingPlan, type SamplingRun, type SampledTicket } from '../../api/inspection';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { toApiError, useAsync } from '../../lib/useAsync';
import type { ApiError } from '../../api/client';
import PlanForm from './PlanForm';
import { inspectionPath } from './labels';

export default function SamplingPlans() {
  const { t } = useTranslation();
  const plans = useAsync(listSamplingPlans, []);
  const [creating, setCreating] = useState(false);
  const [running, setRunning] = useState<SamplingPlan | null>(null);
  const [editing, setEditing] = useState<SamplingPlan | null>(null);
  const quotaText = (p: SamplingPlan) =>
    p.quota === 'percent' ? `${p.amount} %` : t('inspection.sampling.perAgentCount', { count: p.amount });
  return (
    <>
      <PageHeader
        title={t('inspection.sampling.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-plan">
            {t('inspection.sampling.new')}
          </Button>
        }
      />
      {plans.error && <ErrorAlert error={plans.error} onRetry={() => void plans.reload()} />}
      <Table<SamplingPlan>
        rowKey="id"
        loading={plans.loading}
        dataSource={plans.data}
        data-testid="sampling-plan-table"
        scroll={{ x: true }}
        columns={[
          {
            title: t('inspection.sampling.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Space size={4} wrap>
                {name}
                {!p.active && (
                  <Tag color="default" data-testid="plan-inactive">
                    {t('inspection.sampling.inactive')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('inspection.sampling.cycle'), dataIndex: 'cycle', render: (c: string) => t(`inspection.sampling.cycles.${c === 'month' ? 'month' : 'week'}`) },
          { title: t('inspection.sampling.quota'), key: 'quota', render: (_, p) => quotaText(p) },
          {
            title: t('inspection.sampling.strata'),
            key: 'strata',
            render: (_, p) => (
              <Space size={4} wrap>
                {p.by_channel && <Tag>{t('inspection.sampling.by_channel')}</Tag>}
                {p.by_type && <Tag>{t('inspection.sampling.by_type')}</Tag>}
                {p.complaints && <Tag color="volcano">{t('inspection.sampling.complaints')}</Tag>}
                {p.breaches && <Tag color="red">{t('inspection.sampling.breaches')}</Tag>}
              </Space>
            ),
          },
          { title: t('inspection.sampling.inspectors'), key: 'inspectors', render: (_, p) => p.inspector_ids.length },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, p) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setRunning(p)} disabled={!p.active} data-testid="run-plan">
                  {t('inspection.sampling.draw')}
                </Button>
                <Button size="small" onClick={() => setEditing(p)} data-testid="edit-plan">
                  {t('common.edit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {creating && <PlanForm onClose={() => setCreating(false)} onSaved={() => void plans.reload()} />}
      {editing && <PlanForm plan={editing} onClose={() => setEditing(null)} onSaved={() => void plans.reload()} />}
      {running && <RunModal plan={running} onClose={() => setRunning(null)} />}
    </>
  );
}

function RunModal({ plan, onClose }: { plan: SamplingPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const [seed, setSeed] = useState<number | null>(null);
  const [at, setAt] = useState<Dayjs | null>(null);
  const [result, setResult] = useState<SamplingRun | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const runs = useAsync(() => listSamplingRuns(plan.id), [plan.id, result?.id]);

  const draw = async (dryRun: boolean) => {
    setPending(true);
    try {
      const r = await runSamplingPlan(plan.id, { seed: seed ?? undefined, at: at ? at.format('YYYY-MM-DD') : undefined, dry_run: dryRun });
      setResult(r);
      // A preview's seed is kept, so "draw" then assigns exactly what was shown.
      if (dryRun) setSeed(r.seed);
      setError(null);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal open title={`${t('inspection.sampling.draw')} · ${plan.name}`} onCancel={onClose} footer={null} width={880} destroyOnClose>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker value={at} onChange={setAt} placeholder={t('inspection.sampling.cycleDate')} data-testid="run-at" />
        <InputNumber<number> value={seed} onChange={setSeed} min={0} placeholder={t('inspection.sampling.seed')} style={{ width: 200 }} data-testid="run-seed" />
        <Button onClick={() => void draw(true)} loading={pending} data-testid="run-preview">
          {t('inspection.sampling.preview')}
        </Button>
        <Button type="primary" onClick={() => void draw(false)} loading={pending} data-testid="run-draw">
          {t('inspection.sampling.drawAndAssign')}
        </Button>
      </Space>
      {error && <ErrorAlert error={error} />}
      {result && <RunResult run={result} />}
      <Typography.Title level={5}>{t('inspection.sampling.history')}</Typography.Title>
      <Table<SamplingRun>
        rowKey={(r) => String(r.id)}
        size="small"
        loading={runs.loading}
        dataSource={runs.data}
        data-testid="sampling-runs"
        pagination={false}
        columns={[
          { title: t('inspection.sampling.cycleStart'), dataIndex: 'cycle_start', render: (v: string) => formatTime(v) },
          { title: t('inspection.sampling.seed'), dataIndex: 'seed' },
          { title: t('inspection.sampling.candidates'), dataIndex: 'candidates' },
          { title: t('inspection.sampling.drawn'), dataIndex: 'drawn' },
          { title: t('common.createdAt'), dataIndex: 'created_at', render: (v: string) => formatTime(v) },
        ]}
      />
    </Modal>
  );
}

function RunResult({ run }: { run: SamplingRun }) {
  const { t } = useTranslation();
  const short = run.coverage.filter((c) => c.shortfall);
  return (
    <div data-testid="run-result" style={{ marginBottom: 16 }}>
      <Alert
        type={run.id === null ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        message={run.id === null ? t('inspection.sampling.previewed', { count: run.drawn }) : t('inspection.sampling.assigned', { count: run.drawn })}
      />
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('inspection.sampling.seed')}>
          <span data-testid="run-result-seed">{run.seed}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.sampling.cycleStart')}>
          {formatTime(run.cycle_start)} – {formatTime(run.cycle_end)}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.sampling.candidates')}>{run.candidates}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.sampling.drawn')}>{run.drawn}</Descriptions.Item>
      </Descriptions>
      {short.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('inspection.sampling.short', { count: short.length })} />}
      <Table<SamplingCoverage>
        rowKey="agent_id"
        size="small"
        dataSource={run.coverage}
        data-testid="sampling-coverage"
        pagination={false}
        columns={[
          { title: t('inspection.sampling.agent'), dataIndex: 'agent_name' },
          { title: t('inspection.sampling.tickets'), dataIndex: 'tickets' },
          { title: t('inspection.sampling.planned'), dataIndex: 'planned' },
          { title: t('inspection.sampling.earlier'), dataIndex: 'earlier' },
          { title: t('inspection.sampling.drawn'), dataIndex: 'drawn' },
          {
            title: t('inspection.sampling.shortfall'),
            dataIndex: 'shortfall',
            render: (s: string | null) => (s ? <Tag color="warning">{t('inspection.sampling.tooFewTickets')}</Tag> : null),
          },
        ]}
      />
      <Table<SampledTicket>
        rowKey="ticket_id"
        size="small"
        dataSource={run.tickets}
        data-testid="sampling-tickets"
        pagination={false}
        style={{ marginTop: 12 }}
        columns={[
          { title: t('inspection.sampling.ticket'), dataIndex: 'ticket_number', render: (n: string, r) => <Link to={`/desk/tickets/${r.ticket_id}`}>{n || `#${r.ticket_id}`}</Link> },
          { title: t('inspection.sampling.agent'), dataIndex: 'agent_name' },
          {
            title: t('inspection.sampling.stratum'),
            key: 'stratum',
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag>{t(`enums.channel.${r.channel}`, { defaultValue: r.channel })}</Tag>
                <Tag>{t(`enums.type.${r.type}`, { defaultValue: r.type })}</Tag>
                {r.complaint && <Tag color="volcano">{t('inspection.sampling.complaints')}</Tag>}
                {r.breached && <Tag color="red">{t('inspection.sampling.breaches')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('inspection.sampling.inspection'),
            dataIndex: 'inspection_id',
            render: (id: number | null) => (id ? <Link to={inspectionPath(id)}>#{id}</Link> : '—'),
          },
        ]}
      />
    </div>
  );
}
