// 评分表设计: the scorecard builder. Sections of items (scale, points, critical, bonus, N/A
// allowed, guidance), the method and pass mark, with a live preview scored by the server; saving
// a changed definition makes the next version, and every version stays readable. The server's
// problems land on the fields they name ("sections[1].items[0].max_points").
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getScorecard, saveScorecard, type Answers, type Scorecard, type ScorecardDefinition, type ScorecardInput } from '../../api/inspection';
import { scorecardDefinitionMethodValues, scorecardItemCriticalValues, scorecardItemScaleValues } from '../../api/generated/openapi';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { errorText } from '../../components/errors';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import AnswerInput from './AnswerInput';
import ScoreSummary from './ScoreSummary';
import { cardItems, newItem, newSection } from './card';
import { usePreview } from './usePreview';

type Values = ScorecardInput;

const EMPTY: Values = { name: '', active: true, method: 'total_points', pass_mark: 80, sections: [] };

/** The definition part of the form's values, as the preview and the server read it. */
function definitionOf(values: Partial<Values> | undefined): ScorecardDefinition | null {
  if (!values?.sections) return null;
  return {
    method: values.method ?? 'total_points',
    pass_mark: values.pass_mark ?? 0,
    sections: values.sections.map((s) => ({ ...s, items: (s?.items ?? []).map((i) => ({ ...i })) })),
  };
}

function toValues(card: Scorecard): Values {
  return { name: card.name, active: card.active, method: card.method, pass_mark: card.pass_mark, sections: card.sections };
}

function Preview({ card }: { card: ScorecardDefinition | null }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const preview = usePreview(card, answers);
  const items = card ? cardItems(card) : [];
  return (
    <Card title={t('inspection.builder.preview')} size="small" data-testid="scorecard-preview" style={{ position: 'sticky', top: 16 }}>
      <Typography.Paragraph type="secondary">{t('inspection.builder.previewHelp')}</Typography.Paragraph>
      {items.length === 0 && <Typography.Text type="secondary">{t('inspection.builder.noItems')}</Typography.Text>}
      {card?.sections.map((s, si) => (
        <div key={si}>
          <Typography.Text strong>{s.name || s.code}</Typography.Text>
          {s.items.map((item, ii) =>
            item?.code ? (
              <div key={ii} style={{ margin: '6px 0' }}>
                <div>{item.name || item.code}</div>
                <AnswerInput
                  item={item}
                  value={answers[item.code]}
                  onChange={(v) =>
                    setAnswers((a) => {
                      const next = { ...a };
                      if (v === undefined) delete next[item.code];
                      else next[item.code] = v;
                      return next;
                    })
                  }
                />
              </div>
            ) : null,
          )}
        </div>
      ))}
      <Divider style={{ margin: '12px 0' }} />
      {preview.error && <Alert type="warning" showIcon message={t('inspection.builder.previewFailed')} description={errorText(t, preview.error)} />}
      {preview.score && card && <ScoreSummary score={preview.score} card={card} />}
    </Card>
  );
}

function ItemFields({ section, onAdd }: { section: number; onAdd: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[section, 'items']}>
      {(fields, { remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid="scorecard-item">
              <Row gutter={8}>
                <Col xs={8} md={4}>
                  <Form.Item name={[field.name, 'code']} label={t('inspection.card.code')} rules={[{ required: true, message: t('common.required') }]}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={10}>
                  <Form.Item name={[field.name, 'name']} label={t('inspection.card.itemName')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[field.name, 'scale']} label={t('inspection.card.scale')}>
                    <Select options={scorecardItemScaleValues.map((v) => ({ value: v, label: t(`inspection.scale.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[field.name, 'max_points']} label={t('inspection.card.maxPoints')}>
                    <InputNumber min={0} step={1} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'critical']} label={t('inspection.card.critical')}>
                    <Select options={scorecardItemCriticalValues.map((v) => ({ value: v, label: t(`inspection.critical.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={4}>
                  <Form.Item name={[field.name, 'bonus']} label={t('inspection.card.bonus')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={6} md={4}>
                  <Form.Item name={[field.name, 'na_allowed']} label={t('inspection.card.naAllowed')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10} style={{ textAlign: 'right', alignSelf: 'center' }}>
                  <Button danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} data-testid="remove-item">
                    {t('inspection.builder.removeItem')}
                  </Button>
                </Col>
                <Col span={24}>
                  <Form.Item name={[field.name, 'guidance']} label={t('inspection.card.guidance')} style={{ marginBottom: 0 }}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={onAdd} data-testid="add-item">
            {t('inspection.builder.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export default function ScorecardEditor() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id: idParam } = useParams();
  const id = idParam && idParam !== 'new' ? Number(idParam) : null;
  const [version, setVersion] = useState<number | undefined>(undefined);
  const loaded = useAsync(() => (id === null ? Promise.resolve(null) : getScorecard(id, version)), [id, version]);
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const method = Form.useWatch('method', form);
  const card = useMemo(() => definitionOf(values), [values]);

  useEffect(() => {
    form.setFieldsValue(loaded.data ? toValues(loaded.data) : EMPTY);
  }, [form, loaded.data]);

  const submit = useSubmit(form, (v: Values) => saveScorecard(id, { ...v, sections: v.sections ?? [] }), {
    success: (saved) => t('inspection.builder.saved', { version: saved.version }),
    onSuccess: (saved) => {
      setVersion(undefined);
      if (id === null) navigate(`/inspection/scorecards/${saved.id}`, { replace: true });
      else void loaded.reload();
    },
  });

  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (id !== null && !loaded.data) return <PageSpin />;
  const latest = loaded.data?.latest_version ?? 0;

  // A new item gets a code no other item of the card has.
  const addItemTo = (section: number) => {
    const sections = form.getFieldValue('sections') as Values['sections'];
    const taken = sections.flatMap((s) => s.items.map((i) => i.code));
    const next = sections.map((s, i) => (i === section ? { ...s, items: [...s.items, newItem(taken)] } : s));
    form.setFieldValue('sections', next);
  };

  return (
    <>
      <PageHeader
        title={id === null ? t('inspection.builder.newTitle') : t('inspection.builder.editTitle', { name: loaded.data?.name ?? '' })}
        extra={<Link to="/inspection/scorecards">{t('inspection.builder.backToList')}</Link>}
      />
      {id !== null && latest > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="scorecard-versions">
          <Typography.Text>{t('inspection.builder.versions')}</Typography.Text>
          <Radio.Group
            optionType="button"
            value={loaded.data?.version}
            onChange={(e) => setVersion(e.target.value === latest ? undefined : (e.target.value as number))}
            options={Array.from({ length: latest }, (_, i) => ({ value: i + 1, label: `v${i + 1}` }))}
          />
          {loaded.data && loaded.data.version !== latest && (
            <Typography.Text type="warning">{t('inspection.builder.oldVersion', { version: loaded.data.version })}</Typography.Text>
          )}
        </Space>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <SubmitAlert submit={submit} />
          <Form
            form={form}
            layout="vertical"
            initialValues={EMPTY}
            onFinish={submit.run}
            onValuesChange={submit.onValuesChange}
            data-testid="scorecard-form"
          >
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="name" label={t('inspection.card.name')} rules={[{ required: true, message: t('common.required') }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="pass_mark" label={t('inspection.card.passMark')}>
                  <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="active" label={t('common.active')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="method" label={t('inspection.card.method')} extra={t(`inspection.method.${method ?? 'total_points'}Help`)}>
                  <Radio.Group
                    options={scorecardDefinitionMethodValues.map((v) => ({ value: v, label: t(`inspection.method.${v}`) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.List name="sections">
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field) => (
                    <Card
                      key={field.key}
                      size="small"
                      style={{ marginBottom: 12, background: 'rgba(0,0,0,0.02)' }}
                      data-testid="scorecard-section"
                      title={
                        <Row gutter={8} style={{ paddingTop: 8 }}>
                          <Col xs={8} md={5}>
                            <Form.Item name={[field.name, 'code']} label={t('inspection.card.code')} rules={[{ required: true, message: t('common.required') }]}>
                              <Input maxLength={40} />
                            </Form.Item>
                          </Col>
                          <Col xs={16} md={13}>
                            <Form.Item name={[field.name, 'name']} label={t('inspection.card.sectionName')}>
                              <Input maxLength={200} />
                            </Form.Item>
                          </Col>
                          {method === 'section_weights' && (
                            <Col xs={12} md={6}>
                              <Form.Item name={[field.name, 'weight']} label={t('inspection.card.weight')}>
                                <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                          )}
                        </Row>
                      }
                      extra={
                        <Button danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} data-testid="remove-section">
                          {t('inspection.builder.removeSection')}
                        </Button>
                      }
                    >
                      <ItemFields section={field.name} onAdd={() => addItemTo(field.name)} />
                    </Card>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined />} onClick={() => add(newSection(definitionOf(form.getFieldsValue()) ?? EMPTY))} data-testid="add-section">
                    {t('inspection.builder.addSection')}
                  </Button>
                </>
              )}
            </Form.List>
            <Divider />
            <Button type="primary" htmlType="submit" loading={submit.pending} data-testid="save-scorecard">
              {id === null ? t('common.create') : t('inspection.builder.saveVersion')}
            </Button>
          </Form>
        </Col>
        <Col xs={24} xl={10}>
          <Preview card={card} />
        </Col>
      </Row>
    </>
  );
}
