// 考核周期: every period with its scheme, span and status, the workflow step it can take next, and
// (quality) a new period: a month, quarter, year or a custom cut such as the 26th to the 25th.
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { createPeriod, listPeriods, listSchemes, type Period, type PeriodKind, type SchemeSummary } from '../../api/assessment';
import { listDepartments } from '../../api/org';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import TreeItemSelect from '../../components/TreeItemSelect';
import { businessDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import PeriodActions, { PeriodStatusTag } from './PeriodActions';
import { bilingual } from './text';

interface PeriodValues {
  name: string;
  scheme_id: number;
  kind: PeriodKind;
  range: [Dayjs, Dayjs];
  scope_department_id?: number | null;
}

/** A period's span as business days, `to` shown inclusive: [2026-11-01, 2026-12-01) → 2026-11-01 – 2026-11-30. */
export function spanText(p: Pick<Period, 'from' | 'to'>): string {
  return `${businessDay(p.from)} – ${businessDay(new Date(Date.parse(p.to) - 1).toISOString())}`;
}

/** A period's scheme by name (the period names it by id and code; `schemes` gives the names). */
export function schemeText(p: Period, schemes?: readonly SchemeSummary[]): string {
  const s = p.scheme;
  if (s === undefined || s === null) return '';
  if (typeof s !== 'object') return String(s);
  const listed = schemes?.find((x) => x.id === s.id);
  return bilingual(s.name) || bilingual(listed?.name) || s.code || String(s.id);
}

function PeriodForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PeriodValues>();
  const schemes = useAsync(listSchemes, []);
  const departments = useAsync(listDepartments, []);
  const submit = useSubmit(
    form,
    (v: PeriodValues) =>
      createPeriod({
        name: v.name,
        scheme_id: v.scheme_id,
        kind: v.kind,
        from: v.range[0].format('YYYY-MM-DD'),
        to: v.range[1].add(1, 'day').format('YYYY-MM-DD'),
        scope_department_id: v.scope_department_id ?? undefined,
      }),
    {
      success: (p) => t('assessment.period.created', { name: p.name }),
      onSuccess: () => {
        onSaved();
        onClose();
      },
      toFormPath: (field) => (field === 'from' || field === 'to' ? ['range'] : [field]),
    },
  );
  const required = [{ required: true, message: t('assessment.required') }];
  return (
    <Modal open title={t('assessment.period.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ kind: 'month' }}>
        <Form.Item name="name" label={t('assessment.period.name')} rules={required}>
          <Input placeholder={t('assessment.period.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="scheme_id" label={t('assessment.period.scheme')} rules={required}>
          <Select loading={schemes.loading} options={(schemes.data ?? []).map((s) => ({ value: s.id, label: bilingual(s.name) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('assessment.period.kind')}>
          <Select options={(['month', 'quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`assessment.periodKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="range" label={t('assessment.period.span')} rules={required} extra={t('assessment.period.spanHelp')}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="scope_department_id" label={t('assessment.period.scope')} extra={t('assessment.period.scopeHelp')}>
          <TreeItemSelect allowClear items={departments.data ?? []} loading={departments.loading} placeholder={t('assessment.period.wholeOrganisation')} data-testid="period-scope" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function Periods() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data, error, loading, reload } = useAsync(listPeriods, []);
  const schemes = useAsync(listSchemes, []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('assessment.period.title')}
        extra={
          can('assessment.manage') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-period">
              {t('assessment.period.new')}
            </Button>
          )
        }
      />
      {error && <ErrorAlert error={error} onRetry={() => void reload()} />}
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data}
        data-testid="period-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('assessment.period.name'), dataIndex: 'name', render: (name: string, p) => <Link to={`/assessment/periods/${p.id}`}>{name}</Link> },
          { title: t('assessment.period.scheme'), render: (_, p) => `${schemeText(p, schemes.data)}${p.version ? ` v${p.version}` : ''}` },
          { title: t('assessment.period.span'), render: (_, p) => spanText(p) },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => <PeriodStatusTag status={s} /> },
          { title: t('assessment.period.appealDeadline'), dataIndex: 'appeal_deadline', render: (d: string | null) => d?.slice(0, 10) ?? '—' },
          {
            title: '',
            key: 'actions',
            render: (_, p) => (
              <Space>
                <PeriodActions period={p} onChanged={() => void reload()} />
              </Space>
            ),
          },
        ]}
      />
      {creating && <PeriodForm onClose={() => setCreating(false)} onSaved={() => void reload()} />}
    </>
  );
}
