// 人工录入: a period's manual inputs — each manual indicator (team collaboration rated by the
// manager, a 360 review, …) and bonus or deduction item of its scheme, for every assessee in the
// reader's scope, with the value, its evidence, who entered it and when. Quality enters and
// corrects values while the period is planned or collecting; once it is evaluated the inputs are
// frozen in the snapshot and the page is read-only, saying why. The server checks each value
// against its field's range and answers every problem at once.
import { Alert, Button, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getInputs, putInput, type InputSheet, type ManualField, type ManualInput } from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { formatTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import { PeriodStatusTag } from './PeriodActions';
import { spanText } from './Periods';
import { bilingual, unitText } from './text';

type Assessee = InputSheet['assessees'][number];

interface Row {
  key: string;
  assessee: Assessee;
  field: ManualField;
  input?: ManualInput;
}

interface InputValues {
  value?: number | null;
  evidence?: string;
}

/** A field's name: the library indicator's, else the scheme node's, else the item's code. */
export function fieldName(field: ManualField): string {
  return bilingual(field.indicator?.name) || bilingual(field.node_name) || field.code;
}

/** The values a field accepts, in words: "0 – 10", "≥ 0, whole number". */
function rangeText(t: TFunction, field: ManualField): string {
  const span = field.max === null ? `≥ ${field.min}` : `${field.min} – ${field.max}`;
  return field.whole ? String(t('assessment.input.wholeRange', { range: span })) : span;
}

function InputForm({ periodId, row, onClose, onSaved }: { periodId: number; row: Row; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InputValues>();
  const { field, assessee } = row;
  const submit = useSubmit(form, (v: InputValues) => putInput(periodId, assessee.id, field.code, { value: v.value ?? null, evidence: v.evidence ?? '' }), {
    success: t('assessment.input.saved', { name: assessee.name }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  const unit = unitText(t, field.indicator?.unit);
  return (
    <Modal
      open
      title={t('assessment.input.enterFor', { field: fieldName(field), name: assessee.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={submit.pending}
      destroyOnClose
    >
      {field.indicator?.definition && <Typography.Paragraph type="secondary">{bilingual(field.indicator.definition)}</Typography.Paragraph>}
      <SubmitAlert submit={submit} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit.run}
        onValuesChange={submit.onValuesChange}
        initialValues={{ value: row.input?.value ?? null, evidence: row.input?.evidence ?? '' }}
        data-testid="input-form"
      >
        <Form.Item
          name="value"
          required
          label={field.kind === 'indicator' ? t('assessment.input.value') : t('assessment.input.count')}
          extra={t('assessment.input.range', { range: rangeText(t, field) })}
        >
          <InputNumber style={{ width: '100%' }} addonAfter={unit || undefined} />
        </Form.Item>
        <Form.Item name="evidence" required label={t('assessment.input.evidence')} extra={t('assessment.input.evidenceHelp')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Why a period's inputs can no longer change, or null while they can. */
function frozenReason(t: TFunction, sheet: InputSheet): string | null {
  if (sheet.editable) return null;
  return String(sheet.period.status === 'locked' ? t('assessment.input.lockedReason') : t('assessment.input.frozenReason'));
}

export default function Inputs() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const sheet = useAsync(() => getInputs(id), [id]);
  const [field, setField] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Row | null>(null);
  const data = sheet.data;

  const rows = useMemo(() => {
    if (!data) return [];
    const entered = new Map(data.items.map((i) => [`${i.assessee_id}/${i.indicator_code}`, i]));
    const needle = search.trim().toLowerCase();
    const out: Row[] = [];
    for (const assessee of data.assessees) {
      if (needle && !`${assessee.name} ${assessee.department ?? ''}`.toLowerCase().includes(needle)) continue;
      for (const f of data.fields) {
        if (field && f.code !== field) continue;
        out.push({ key: `${assessee.id}/${f.code}`, assessee, field: f, input: entered.get(`${assessee.id}/${f.code}`) });
      }
    }
    return out;
  }, [data, field, search]);

  const reason = data ? frozenReason(t, data) : null;
  const mayEnter = !!data?.editable && can('assessment.manage');
  const missing = data ? data.assessees.length * data.fields.length - data.items.length : 0;

  return (
    <>
      <PageHeader
        title={data ? t('assessment.input.titleOf', { name: data.period.name }) : t('assessment.input.title')}
        extra={
          <Link to={`/assessment/periods/${id}`}>
            <Button data-testid="back-to-period">{t('assessment.input.backToPeriod')}</Button>
          </Link>
        }
      />
      {sheet.error && <ErrorAlert error={sheet.error} onRetry={() => void sheet.reload()} />}
      {!data && sheet.loading && <PageSpin />}
      {data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('common.status')}>
              <PeriodStatusTag status={data.period.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.period.span')}>{spanText(data.period)}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.input.progress')}>
              <span data-testid="input-progress">{t('assessment.input.progressText', { entered: data.items.length, total: data.assessees.length * data.fields.length })}</span>
            </Descriptions.Item>
          </Descriptions>
          {reason && <Alert type="warning" showIcon message={t('assessment.input.readOnly')} description={reason} data-testid="inputs-read-only" />}
          {!reason && !can('assessment.manage') && <Alert type="info" showIcon message={t('assessment.input.noPermission')} />}
          {!reason && can('assessment.manage') && missing > 0 && (
            <Alert type="info" showIcon message={t('assessment.input.missing', { count: missing })} data-testid="inputs-missing" />
          )}
          {data.fields.length === 0 ? (
            <Empty description={t('assessment.input.noFields')} data-testid="inputs-none" />
          ) : (
            <>
              <Space wrap>
                <Select
                  allowClear
                  style={{ minWidth: 220 }}
                  placeholder={t('assessment.input.allFields')}
                  value={field}
                  onChange={setField}
                  options={data.fields.map((f) => ({ value: f.code, label: fieldName(f) }))}
                  data-testid="input-field-filter"
                />
                <Input.Search allowClear placeholder={t('assessment.input.searchAssessee')} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 240 }} />
              </Space>
              <Table<Row>
                rowKey="key"
                size="small"
                dataSource={rows}
                loading={sheet.loading}
                data-testid="input-table"
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: true }}
                columns={[
                  { title: t('assessment.result.assessee'), key: 'assessee', render: (_, r) => r.assessee.name },
                  { title: t('assessment.result.department'), key: 'department', render: (_, r) => r.assessee.department ?? '' },
                  {
                    title: t('assessment.input.field'),
                    key: 'field',
                    render: (_, r) => (
                      <Space size={4} wrap>
                        {fieldName(r.field)}
                        {r.field.kind !== 'indicator' && <Tag>{t(`assessment.input.kind.${r.field.kind}`)}</Tag>}
                        <Typography.Text type="secondary">({rangeText(t, r.field)})</Typography.Text>
                      </Space>
                    ),
                  },
                  {
                    title: t('assessment.input.value'),
                    key: 'value',
                    align: 'right',
                    render: (_, r) => (r.input ? r.input.value : <Typography.Text type="secondary">{t('assessment.input.notEntered')}</Typography.Text>),
                  },
                  { title: t('assessment.input.evidence'), key: 'evidence', render: (_, r) => r.input?.evidence ?? '' },
                  { title: t('assessment.input.enteredBy'), key: 'by', render: (_, r) => r.input?.entered_by_name ?? '' },
                  { title: t('assessment.input.enteredAt'), key: 'at', render: (_, r) => (r.input ? formatTime(r.input.entered_at) : '') },
                  ...(mayEnter
                    ? [
                        {
                          title: '',
                          key: 'actions',
                          render: (_: unknown, r: Row) => (
                            <Button size="small" onClick={() => setEditing(r)} data-testid={`enter-${r.assessee.id}-${r.field.code}`}>
                              {r.input ? t('assessment.input.change') : t('assessment.input.enter')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </>
          )}
        </Space>
      )}
      {editing && <InputForm periodId={id} row={editing} onClose={() => setEditing(null)} onSaved={() => void sheet.reload()} />}
    </>
  );
}
