// One assessee's result in a period: the score, rank and grade; every node of the scheme with its
// formula inputs (numerator, denominator, sample and its 95 % Wilson interval), target, rule,
// points, weight and contribution, "no data" where nothing was measured; the radar of the
// dimensions against the group mean; the drill-down to the tickets; comments and the appeal.
import { Button, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fileAppeal, getPeriod, getResult, listIndicators, myResults, type Period, type ResultNode } from '../../api/assessment';
import { ApiError } from '../../api/client';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import FactsDrawer, { type DrillDown } from './FactsDrawer';
import { PeriodStatusTag } from './PeriodActions';
import type { RadarAxis } from './ResultCharts';
import ResultNotes from './ResultNotes';
import { bilingual, valueText } from './text';

const Radar = lazy(() => import('./ResultCharts').then((m) => ({ default: m.RadarChart })));

/** The measure codes a formula names: `on_time / closed * 100` → on_time, closed. */
/**
 * The period: read directly by assessment readers; an assessee reading their own result (no
 * assessment.read) gets it from their own results instead.
 */
async function periodOf(id: number): Promise<Period> {
  try {
    return await getPeriod(id);
  } catch (cause) {
    if (!(cause instanceof ApiError) || cause.status !== 403) throw cause;
    const own = (await myResults()).find((r) => r.period_id === id);
    if (!own) throw cause;
    return { id, name: own.period_name, status: own.status ?? 'published', from: own.from ?? '', to: own.to ?? '', appeal_deadline: own.appeal_deadline };
  }
}

export function measuresOf(formula: string): string[] {
  return [...new Set(formula.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])];
}

interface AppealValues {
  indicator_code?: string;
  reason: string;
  evidence: string;
}

function AppealForm({ periodId, assessee, nodes, onClose }: { periodId: number; assessee: number; nodes: ResultNode[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AppealValues>();
  const submit = useSubmit(form, (v: AppealValues) => fileAppeal(periodId, { assessee_id: assessee, ...v }), {
    success: t('assessment.appeal.filed'),
    onSuccess: onClose,
  });
  const required = [{ required: true, message: t('assessment.required') }];
  return (
    <Modal open title={t('assessment.appeal.file')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange}>
        <Form.Item name="indicator_code" label={t('assessment.appeal.indicator')}>
          <Select allowClear options={nodes.filter((n) => n.indicator).map((n) => ({ value: n.indicator as string, label: bilingual(n.name) || n.code }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('assessment.appeal.reason')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="evidence" label={t('assessment.appeal.evidence')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ResultDetail() {
  const { t } = useTranslation();
  const params = useParams();
  const periodId = Number(params.id);
  const assessee = Number(params.assessee);
  const period = useAsync(() => periodOf(periodId), [periodId]);
  const result = useAsync(() => getResult(periodId, assessee), [periodId, assessee]);
  // Read only to find the measures behind an indicator; an assessee without assessment.read does without.
  const indicators = useAsync(() => listIndicators().catch(() => []), []);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [appealing, setAppealing] = useState(false);
  const r = result.data;
  const p = period.data;

  // A node's name: its own, else its indicator's, else its code.
  const nodeName = (n: ResultNode) => bilingual(n.name) || bilingual(indicators.data?.find((i) => i.code === n.indicator)?.name) || n.code;

  const axes = useMemo<RadarAxis[]>(
    () =>
      (r?.nodes ?? [])
        .filter((n) => n.depth === 1)
        .map((n) => ({ name: nodeName(n), max: n.max_points ?? 0, value: n.points ?? null, mean: r?.group_mean?.[n.code] ?? null })),
    // nodeName reads the indicators, hence the dependency.
    [r, indicators.data],
  );

  const belowTarget = (n: ResultNode) => {
    if (n.no_data || n.measured === null || n.measured === undefined || n.target === null || n.target === undefined) return false;
    const lower = indicators.data?.find((i) => i.code === (n.indicator ?? n.code))?.direction === 'lower';
    return lower ? n.measured > n.target : n.measured < n.target;
  };

  const open = (n: ResultNode) => {
    if (!p) return;
    const formula = indicators.data?.find((i) => i.code === (n.indicator ?? n.code))?.formula;
    const measures = n.measures?.length ? n.measures : formula ? measuresOf(formula) : [n.indicator ?? n.code];
    setDrill({
      title: nodeName(n),
      measures,
      kind: p.subject_kind ?? 'staff',
      subjectId: assessee,
      from: p.from,
      to: p.to,
      // An indicator's facts as the period counted them (visible to the assessee too).
      result: n.indicator ? { periodId, indicator: n.indicator } : undefined,
    });
  };

  // The indicators the assessor commented on, marked in the table beside "below target".
  const commented = new Set((r?.comments ?? []).map((c) => c.indicator_code).filter(Boolean));
  const canAppeal = p?.status === 'published' && (!p.appeal_deadline || Date.parse(p.appeal_deadline) > Date.now());

  return (
    <>
      <PageHeader
        title={r ? `${r.name}${p ? ` · ${p.name}` : ''}` : t('nav.assessmentDetail')}
        extra={
          canAppeal && (
            <Button onClick={() => setAppealing(true)} data-testid="file-appeal">
              {t('assessment.appeal.file')}
            </Button>
          )
        }
      />
      {(result.error || period.error) && <ErrorAlert error={result.error ?? period.error} onRetry={() => void result.reload()} />}
      {!r && result.loading && <PageSpin />}
      {r && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 2, md: 5 }} data-testid="result-summary">
            <Descriptions.Item label={t('assessment.result.total')}>
              <span data-testid="result-total">{valueText(t, r.total, r.no_data)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.rank')}>{r.ranked === false ? t('assessment.result.unranked') : r.rank ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.result.grade')}>{r.failed ? <Tag color="red">{t('assessment.result.failed')}</Tag> : r.grade ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.result.coefficient')}>{r.coefficient ?? '—'}</Descriptions.Item>
            {r.correction && (
              <Descriptions.Item label={t('assessment.correction.inForce')}>
                <Tag color="green" data-testid="summary-correction">
                  {r.correction.corrected_total}
                  {r.correction.grade ? ` · ${r.correction.grade}` : ''}
                </Tag>
              </Descriptions.Item>
            )}
            {p && (
              <Descriptions.Item label={t('common.status')}>
                <PeriodStatusTag status={p.status} />
              </Descriptions.Item>
            )}
          </Descriptions>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card title={t('assessment.detail.nodes')} size="small">
                <Table
                  rowKey={(n) => n.path ?? n.code}
                  size="small"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={r.nodes}
                  data-testid="node-table"
                  columns={[
                    {
                      title: t('assessment.detail.node'),
                      key: 'name',
                      render: (_, n) => <span style={{ paddingLeft: Math.max(0, n.depth - 1) * 16, fontWeight: n.depth <= 1 ? 600 : undefined }}>{nodeName(n)}</span>,
                    },
                    {
                      title: t('assessment.detail.measured'),
                      key: 'measured',
                      align: 'right',
                      render: (_, n) =>
                        n.depth <= 1 && n.measured === undefined ? (
                          ''
                        ) : (
                          <Space size={4}>
                            <span data-testid="node-measured">{valueText(t, n.measured, n.no_data)}</span>
                            {belowTarget(n) && <Tag color="orange">{t('assessment.detail.belowTarget')}</Tag>}
                            {n.indicator && commented.has(n.indicator) && <Tag color="blue">{t('assessment.detail.comments')}</Tag>}
                          </Space>
                        ),
                    },
                    {
                      title: t('assessment.detail.inputs'),
                      key: 'inputs',
                      render: (_, n) =>
                        n.denominator !== undefined && n.denominator !== null ? `${n.numerator ?? 0} / ${n.denominator}` : n.sample !== undefined && n.sample !== null ? `n = ${n.sample}` : '',
                    },
                    {
                      title: t('assessment.detail.wilson'),
                      key: 'wilson',
                      // The interval's bounds come in percent, like the rates.
                      render: (_, n) => (n.wilson ? `${n.wilson[0].toFixed(1)}% – ${n.wilson[1].toFixed(1)}%` : ''),
                    },
                    { title: t('assessment.library.target'), dataIndex: 'target', align: 'right', render: (v: number | null | undefined) => v ?? '' },
                    {
                      title: t('assessment.scheme.rule'),
                      dataIndex: 'rule',
                      render: (rule: ResultNode['rule']) =>
                        !rule ? '' : typeof rule === 'string' ? rule : t(`assessment.rule.${rule.kind}` as 'assessment.rule.linear', { defaultValue: rule.kind }),
                    },
                    { title: t('assessment.detail.weight'), dataIndex: 'weight', align: 'right', render: (v: number | null | undefined) => (v === null || v === undefined ? '' : `${(v * 100).toFixed(1)}%`) },
                    {
                      title: t('assessment.detail.points'),
                      key: 'points',
                      align: 'right',
                      render: (_, n) => `${valueText(t, n.points, n.no_data && (n.points === null || n.points === undefined))}${n.max_points !== null && n.max_points !== undefined ? ` / ${n.max_points}` : ''}`,
                    },
                    { title: t('assessment.detail.contribution'), dataIndex: 'contribution', align: 'right', render: (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(2)) },
                    {
                      title: '',
                      key: 'drill',
                      render: (_, n) =>
                        n.indicator ? (
                          <Button size="small" type="link" onClick={() => open(n)} data-testid="drill-down" data-indicator={n.indicator}>
                            {t('assessment.detail.tickets')}
                          </Button>
                        ) : null,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('assessment.result.radar')} size="small">
                <Suspense fallback={<PageSpin />}>
                  <Radar axes={axes} />
                </Suspense>
              </Card>
              {r.months && (
                <Card title={t('assessment.detail.months')} size="small" style={{ marginTop: 16 }}>
                  <Table
                    rowKey="period_id"
                    size="small"
                    pagination={false}
                    dataSource={r.months}
                    data-testid="month-table"
                    columns={[
                      {
                        title: t('assessment.period.name'),
                        key: 'name',
                        render: (_, m) => <Link to={`/assessment/periods/${m.period_id}/assessees/${assessee}`}>{m.name}</Link>,
                      },
                      { title: t('assessment.result.total'), key: 'total', align: 'right', render: (_, m) => valueText(t, m.total, m.total === null) },
                      { title: t('assessment.detail.volume'), dataIndex: 'volume', align: 'right' },
                    ]}
                  />
                  <Typography.Text type="secondary">{t('assessment.detail.monthsHelp')}</Typography.Text>
                </Card>
              )}
              {p && (
                <ResultNotes
                  period={p}
                  assessee={assessee}
                  nodes={r.nodes}
                  nodeName={nodeName}
                  comments={r.comments ?? []}
                  corrections={r.corrections ?? []}
                  inForce={r.correction ?? null}
                  onChanged={() => void result.reload()}
                />
              )}
            </Col>
          </Row>
        </Space>
      )}
      <FactsDrawer target={drill} onClose={() => setDrill(null)} />
      {appealing && r && <AppealForm periodId={periodId} assessee={assessee} nodes={r.nodes} onClose={() => setAppealing(false)} />}
    </>
  );
}
