// Survey templates, their dispatch rules and the settings (feedback.manage). The editor shows a
// preview of the answer page as the customer sees it; saving a changed template makes a new version
// (invitations already sent keep theirs). Every problem the server finds lands on its field
// (`questions[2].options`) at once.
import { Button, Card, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, CHANNELS } from '../../api/deskTypes';
import {
  createRule,
  createTemplate,
  deactivateRule,
  listRules,
  listTemplates,
  QUESTION_KINDS,
  updateTemplate,
  type QuestionKind,
  type SurveyRule,
  type SurveyRuleInput,
  type SurveyTemplate,
  type SurveyTemplateInput,
  type SurveyText,
} from '../../api/feedback';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import SubmitAlert from '../../components/SubmitAlert';
import { currentLanguage } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';

interface QuestionValues {
  id: string;
  kind: QuestionKind;
  text: SurveyText;
  required?: boolean;
  /** One option a line: "中文 | English". */
  options?: string;
  points?: number;
}
interface TemplateValues {
  name: string;
  active?: boolean;
  title: SurveyText;
  intro?: SurveyText;
  questions: QuestionValues[];
}

const CHOICE: readonly QuestionKind[] = ['single', 'multiple'];
const SCALE: Partial<Record<QuestionKind, [number, number]>> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };

function toInput(v: TemplateValues): SurveyTemplateInput {
  return {
    name: v.name ?? '',
    active: v.active,
    title: { zh: v.title?.zh ?? '', en: v.title?.en ?? '' },
    intro: { zh: v.intro?.zh ?? '', en: v.intro?.en ?? '' },
    questions: (v.questions ?? []).map((q) => ({
      id: q.id ?? '',
      kind: q.kind,
      text: { zh: q.text?.zh ?? '', en: q.text?.en ?? '' },
      required: !!q.required,
      ...(CHOICE.includes(q.kind)
        ? {
            options: (q.options ?? '')
              .split('\n')
              .filter((line) => line.trim() !== '')
              .map((line) => {
                const [zh, en] = line.split('|').map((s) => s.trim());
                return { zh: zh ?? '', en: en ?? zh ?? '' };
              }),
          }
        : {}),
      ...(q.kind === 'likert' ? { points: q.points ?? 5 } : {}),
    })),
  };
}

function toValues(t: SurveyTemplate): TemplateValues {
  return {
    name: t.name,
    active: t.active,
    title: t.title,
    intro: t.intro,
    questions: t.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      required: q.required,
      options: (q.options ?? []).map((o) => `${o.zh} | ${o.en}`).join('\n'),
      points: q.points,
    })),
  };
}

const NEW: TemplateValues = {
  name: '',
  active: true,
  title: { zh: '服务满意度调查', en: 'Service satisfaction survey' },
  intro: { zh: '', en: '' },
  questions: [{ id: 'csat', kind: 'csat', text: { zh: '您对本次服务满意吗？', en: 'How satisfied are you with our service?' }, required: true }],
};

/** The answer page as the customer sees it (the page itself is web/src/answer). */
function Preview({ values }: { values: TemplateValues }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pick = (x?: SurveyText) => (x ? (lang === 'zh-CN' ? x.zh || x.en : x.en || x.zh) : '');
  const input = toInput(values);
  return (
    <Card size="small" title={t('feedback.preview')} data-testid="template-preview" style={{ maxWidth: 420 }}>
      <Typography.Title level={5}>{pick(input.title)}</Typography.Title>
      {pick(input.intro) && <Typography.Paragraph>{pick(input.intro)}</Typography.Paragraph>}
      {input.questions.map((q, i) => {
        const scale = q.kind === 'likert' ? [1, q.points ?? 5] : SCALE[q.kind];
        return (
          <div key={i} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{pick(q.text)}</Typography.Text>
            {q.required && <Tag color="red" style={{ marginLeft: 6 }}>{t('feedback.required')}</Tag>}
            <div style={{ marginTop: 4 }}>
              {scale ? (
                <Radio.Group size="small" optionType="button" options={Array.from({ length: scale[1] - scale[0] + 1 }, (_, k) => String(scale[0] + k))} />
              ) : q.kind === 'single' ? (
                <Radio.Group options={(q.options ?? []).map((o, k) => ({ value: k, label: pick(o) }))} />
              ) : q.kind === 'multiple' ? (
                <Checkbox.Group options={(q.options ?? []).map((o, k) => ({ value: k, label: pick(o) }))} />
              ) : (
                <Input.TextArea rows={2} />
              )}
            </div>
          </div>
        );
      })}
    </Card>
  );
}

function TemplateEditor({ template, onSaved }: { template: SurveyTemplate | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TemplateValues>();
  const [values, setValues] = useState<TemplateValues>(template ? toValues(template) : NEW);
  const submit = useSubmit(form, (v: TemplateValues) => (template ? updateTemplate(template.id, toInput(v)) : createTemplate(toInput(v))), {
    success: (r: SurveyTemplate) => t('feedback.saved', { name: r.name, version: r.version }),
    onSuccess: onSaved,
    bannerAlways: true,
  });
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <SubmitAlert submit={submit} />
        <Form<TemplateValues>
          form={form}
          layout="vertical"
          initialValues={values}
          onFinish={submit.run}
          onValuesChange={(changed, all) => {
            submit.onValuesChange(changed);
            setValues(all);
          }}
          data-testid="template-form"
        >
          <Form.Item name="name" label={t('feedback.templateName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Space wrap>
            <Form.Item name={['title', 'zh']} label={t('feedback.titleZh')}>
              <Input />
            </Form.Item>
            <Form.Item name={['title', 'en']} label={t('feedback.titleEn')}>
              <Input />
            </Form.Item>
            {template && (
              <Form.Item name="active" label={t('feedback.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </Space>
          <Form.List name="questions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card key={field.key} size="small" style={{ marginBottom: 8 }} title={`#${i + 1}`} extra={<Button size="small" danger onClick={() => remove(field.name)}>{t('feedback.remove')}</Button>}>
                    <Space wrap align="start">
                      <Form.Item name={[field.name, 'id']} label={t('feedback.questionId')}>
                        <Input style={{ width: 120 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'kind']} label={t('feedback.kind')}>
                        <Select style={{ width: 160 }} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'required']} label={t('feedback.required')} valuePropName="checked">
                        <Checkbox />
                      </Form.Item>
                    </Space>
                    <Form.Item name={[field.name, 'text', 'zh']} label={t('feedback.textZh')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text', 'en']} label={t('feedback.textEn')}>
                      <Input />
                    </Form.Item>
                    {CHOICE.includes(values.questions?.[i]?.kind) && (
                      <Form.Item name={[field.name, 'options']} label={t('feedback.options')} extra={t('feedback.optionsHint')}>
                        <Input.TextArea rows={3} />
                      </Form.Item>
                    )}
                    {values.questions?.[i]?.kind === 'likert' && (
                      <Form.Item name={[field.name, 'points']} label={t('feedback.points')}>
                        <Select style={{ width: 100 }} options={[5, 7].map((p) => ({ value: p, label: p }))} />
                      </Form.Item>
                    )}
                  </Card>
                ))}
                <Button onClick={() => add({ id: `q${fields.length + 1}`, kind: 'csat', text: { zh: '', en: '' } })}>{t('feedback.addQuestion')}</Button>
              </>
            )}
          </Form.List>
          <Divider />
          <Button type="primary" htmlType="submit" loading={submit.pending}>
            {t('feedback.saveTemplate')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} xl={10}>
        <Preview values={values} />
      </Col>
    </Row>
  );
}

function Rules({ templates }: { templates: SurveyTemplate[] }) {
  const { t } = useTranslation();
  const rules = useAsync(() => listRules(), []);
  const [form] = Form.useForm<SurveyRuleInput>();
  const submit = useSubmit(form, (v: SurveyRuleInput) => createRule(v), { success: t('feedback.ruleAdded'), onSuccess: () => void rules.reload() });
  const name = (id: number) => templates.find((x) => x.id === id)?.name ?? `#${id}`;
  return (
    <Card size="small" title={t('feedback.rules')} data-testid="survey-rules">
      {rules.error && <ErrorAlert error={rules.error} onRetry={rules.reload} />}
      <Table<SurveyRule>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rules.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('feedback.template'), render: (_, r) => name(r.template_id) },
          { title: t('feedback.trigger'), render: (_, r) => t(`feedback.triggers.${r.trigger}`) },
          { title: t('feedback.ticketType'), render: (_, r) => r.ticket_type ?? t('feedback.any') },
          { title: t('feedback.channel'), render: (_, r) => r.channel ?? t('feedback.any') },
          { title: t('feedback.delay'), dataIndex: 'delay_minutes' },
          { title: t('feedback.quietDays'), dataIndex: 'quiet_days' },
          { title: t('feedback.validDays'), dataIndex: 'valid_days' },
          {
            title: '',
            render: (_, r) =>
              r.active ? (
                <Button size="small" onClick={() => void deactivateRule(r.id).then(() => rules.reload())}>
                  {t('feedback.stop')}
                </Button>
              ) : (
                <Tag>{t('feedback.stopped')}</Tag>
              ),
          },
        ]}
      />
      <Divider />
      <SubmitAlert submit={submit} />
      <Form<SurveyRuleInput> form={form} layout="inline" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ trigger: 'resolved', delay_minutes: 0, quiet_days: 30, valid_days: 14 }}>
        <Form.Item name="template_id" label={t('feedback.template')}>
          <Select style={{ minWidth: 180 }} options={templates.map((x) => ({ value: x.id, label: x.name }))} data-testid="rule-template" />
        </Form.Item>
        <Form.Item name="trigger" label={t('feedback.trigger')}>
          <Select style={{ width: 120 }} options={(['resolved', 'closed'] as const).map((x) => ({ value: x, label: t(`feedback.triggers.${x}`) }))} />
        </Form.Item>
        <Form.Item name="ticket_type" label={t('feedback.ticketType')}>
          <Select allowClear style={{ width: 140 }} options={TICKET_TYPES.map((x) => ({ value: x, label: t(`enums.type.${x}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('feedback.channel')}>
          <Select allowClear style={{ width: 120 }} options={CHANNELS.map((x) => ({ value: x, label: t(`enums.channel.${x}`) }))} />
        </Form.Item>
        <Form.Item name="delay_minutes" label={t('feedback.delay')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="quiet_days" label={t('feedback.quietDays')}>
          <InputNumber min={0} max={366} />
        </Form.Item>
        <Form.Item name="valid_days" label={t('feedback.validDays')}>
          <InputNumber min={1} max={366} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.pending}>
          {t('feedback.addRule')}
        </Button>
      </Form>
    </Card>
  );
}

export default function SurveyTemplates() {
  const { t } = useTranslation();
  const list = useAsync(() => listTemplates(), []);
  const [editing, setEditing] = useState<SurveyTemplate | 'new' | null>(null);
  const templates = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('feedback.templatesTitle')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="new-template">
            {t('feedback.newTemplate')}
          </Button>
        }
      />
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {editing && (
          <Card size="small" title={editing === 'new' ? t('feedback.newTemplate') : editing.name}>
            <TemplateEditor
              key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
              template={editing === 'new' ? null : editing}
              onSaved={() => {
                setEditing(null);
                void list.reload();
              }}
            />
          </Card>
        )}
        <Card size="small">
          <Table<SurveyTemplate>
            size="small"
            rowKey="id"
            loading={list.loading}
            pagination={false}
            dataSource={templates}
            columns={[
              { title: t('feedback.templateName'), dataIndex: 'name' },
              { title: t('feedback.version'), dataIndex: 'version' },
              { title: t('feedback.questions'), render: (_, x) => x.questions.length },
              { title: t('feedback.active'), render: (_, x) => (x.active ? <Tag color="success">{t('feedback.yes')}</Tag> : <Tag>{t('feedback.no')}</Tag>) },
              { title: '', render: (_, x) => <Button size="small" onClick={() => setEditing(x)}>{t('feedback.edit')}</Button> },
            ]}
          />
        </Card>
        <Rules templates={templates} />
      </Space>
    </>
  );
}
