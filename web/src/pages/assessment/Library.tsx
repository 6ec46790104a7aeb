// 指标库: the measures (aggregations over fact sources, each with its reference SQL) and the
// indicators built from them (formula, unit, direction, target), both with their definitions in
// both languages. Quality (assessment.manage) adds and edits indicators.
import { Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMeasure, listIndicators, listMeasures, saveIndicator, type Indicator, type Measure } from '../../api/assessment';
import { measureDraftUnitValues } from '../../api/generated/openapi';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import BilingualFields from './BilingualFields';
import { bilingual, unitText } from './text';

function aggregationText(m: Measure): string {
  const a = m.aggregation;
  return [a.kind, a.field, a.p !== undefined ? `p${a.p}` : undefined].filter(Boolean).join(' ');
}

function MeasureDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, error, loading } = useAsync(() => (code ? getMeasure(code) : Promise.resolve(null)), [code]);
  return (
    <Drawer open={code !== null} onClose={onClose} width={720} title={data ? `${bilingual(data.name)} (${data.code})` : code}>
      {error && <ErrorAlert error={error} />}
      {loading && <PageSpin />}
      {data && (
        <div data-testid="measure-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('assessment.library.definitionZh')}>{data.definition?.zh}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.library.definitionEn')}>{data.definition?.en}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.library.source')}>{data.source}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.library.aggregation')}>{aggregationText(data)}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.library.filter')}>
              <Typography.Text code>{data.filter || '—'}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.library.fields')}>
              {(data.fields ?? []).map((f) => (
                <Tag key={f.name}>
                  {f.name}: {f.type}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('assessment.library.referenceSql')}
          </Typography.Title>
          <pre data-testid="reference-sql" style={{ background: '#fafafa', padding: 12, overflowX: 'auto', whiteSpace: 'pre-wrap' }}>
            {data.reference_sql}
          </pre>
          {data.reference_sql_department && (
            <>
              <Typography.Title level={5}>{t('assessment.library.referenceSqlDepartment')}</Typography.Title>
              <pre style={{ background: '#fafafa', padding: 12, overflowX: 'auto', whiteSpace: 'pre-wrap' }}>{data.reference_sql_department}</pre>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

function MeasuresTab() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useAsync(listMeasures, []);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {error && <ErrorAlert error={error} onRetry={() => void reload()} />}
      <Table
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={data}
        data-testid="measure-table"
        pagination={false}
        onRow={(m) => ({ onClick: () => setOpen(m.code), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('assessment.library.code'), dataIndex: 'code' },
          { title: t('assessment.library.name'), render: (_, m) => bilingual(m.name) },
          { title: t('assessment.library.definition'), render: (_, m) => bilingual(m.definition) },
          { title: t('assessment.library.source'), dataIndex: 'source' },
          { title: t('assessment.library.aggregation'), render: (_, m) => aggregationText(m) },
          { title: t('assessment.library.unit'), dataIndex: 'unit', render: (u: string) => unitText(t, u) },
          { title: t('assessment.library.direction'), dataIndex: 'direction', render: (d: string) => t(`assessment.direction.${d === 'lower' ? 'lower' : 'higher'}`) },
          { title: '', render: (_, m) => (m.builtin ? <Tag>{t('assessment.library.builtin')}</Tag> : null) },
        ]}
      />
      <MeasureDrawer code={open} onClose={() => setOpen(null)} />
    </>
  );
}

interface IndicatorValues extends Omit<Indicator, 'target'> {
  target?: number | null;
}

function IndicatorForm({ editing, onClose, onSaved }: { editing: Indicator | 'new'; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IndicatorValues>();
  const isNew = editing === 'new';
  const submit = useSubmit(form, (v: IndicatorValues) => saveIndicator({ ...v, target: v.target ?? null }, isNew), {
    success: (r) => t('assessment.library.saved', { code: r.code }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  const required = [{ required: true, message: t('assessment.required') }];
  return (
    <Modal open title={isNew ? t('assessment.library.newIndicator') : t('assessment.library.editIndicator')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending} width={720}>
      <SubmitAlert submit={submit} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        initialValues={isNew ? { kind: 'computed', direction: 'higher', unit: 'percent', name: { zh: '', en: '' }, definition: { zh: '', en: '' } } : editing}
      >
        <Form.Item name="code" label={t('assessment.library.code')} rules={required}>
          <Input disabled={!isNew} />
        </Form.Item>
        <BilingualFields name="name" what="name" />
        <BilingualFields name="definition" what="definition" />
        <Form.Item name="kind" label={t('assessment.library.kind')}>
          <Select options={(['computed', 'manual'] as const).map((k) => ({ value: k, label: t(`assessment.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="formula" label={t('assessment.library.formula')} extra={t('assessment.library.formulaHelp')}>
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('assessment.library.unit')}>
          <Select options={measureDraftUnitValues.map((u) => ({ value: u, label: unitText(t, u) }))} />
        </Form.Item>
        <Form.Item name="direction" label={t('assessment.library.direction')}>
          <Select options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`assessment.direction.${d}`) }))} />
        </Form.Item>
        <Form.Item name="target" label={t('assessment.library.target')}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IndicatorsTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data, error, loading, reload } = useAsync(listIndicators, []);
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const manage = can('assessment.manage');
  return (
    <>
      {error && <ErrorAlert error={error} onRetry={() => void reload()} />}
      {manage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid="new-indicator">
          {t('assessment.library.newIndicator')}
        </Button>
      )}
      <Table
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={data}
        pagination={false}
        data-testid="indicator-table"
        columns={[
          { title: t('assessment.library.code'), dataIndex: 'code' },
          { title: t('assessment.library.name'), render: (_, i) => bilingual(i.name) },
          { title: t('assessment.library.definition'), render: (_, i) => bilingual(i.definition) },
          { title: t('assessment.library.formula'), dataIndex: 'formula', render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
          { title: t('assessment.library.unit'), dataIndex: 'unit', render: (u: string) => unitText(t, u) },
          { title: t('assessment.library.direction'), dataIndex: 'direction', render: (d: string) => t(`assessment.direction.${d === 'lower' ? 'lower' : 'higher'}`) },
          { title: t('assessment.library.kind'), dataIndex: 'kind', render: (k: string) => t(`assessment.kind.${k === 'manual' ? 'manual' : 'computed'}`) },
          { title: t('assessment.library.target'), dataIndex: 'target', render: (v: number | null) => v ?? '—' },
          ...(manage
            ? [{ title: '', key: 'edit', render: (_: unknown, i: Indicator) => <Button size="small" onClick={() => setEditing(i)}>{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      {editing && <IndicatorForm editing={editing} onClose={() => setEditing(null)} onSaved={() => void reload()} />}
    </>
  );
}

export default function Library() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('assessment.library.title')} />
      <Card>
        <Tabs
          items={[
            { key: 'indicators', label: t('assessment.library.indicators'), children: <IndicatorsTab /> },
            { key: 'measures', label: t('assessment.library.measures'), children: <MeasuresTab /> },
          ]}
        />
      </Card>
    </>
  );
}
