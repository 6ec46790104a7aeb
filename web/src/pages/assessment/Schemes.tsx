// 考核方案: one scheme per kind of assessee, each a list of versions (draft → approved → effective
// from a date). Quality creates schemes, imports one from its JSON document and edits drafts; an
// executive approves.
import { Button, Card, Col, Empty, Form, Input, List, Modal, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  createScheme,
  getVersion,
  importScheme,
  listIndicators,
  listSchemes,
  type Bilingual,
  type SchemeDocument,
  type SchemeSummary,
  type SubjectKind,
} from '../../api/assessment';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import SubmitAlert from '../../components/SubmitAlert';
import { useAsync } from '../../lib/useAsync';
import { useSubmit } from '../../lib/useSubmit';
import BilingualFields from './BilingualFields';
import SchemeEditor from './SchemeEditor';
import { bilingual } from './text';

interface SchemeValues {
  code: string;
  name: Bilingual;
  subject_kind: SubjectKind;
  document?: string;
}

function SchemeForm({ importing, onClose, onSaved }: { importing: boolean; onClose: () => void; onSaved: (s: SchemeSummary) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SchemeValues>();
  const submit = useSubmit(
    form,
    (v: SchemeValues) => {
      const base = { code: v.code, name: v.name, subject_kind: v.subject_kind };
      return importing ? importScheme({ ...base, document: JSON.parse(v.document ?? '{}') as SchemeDocument }) : createScheme(base);
    },
    { success: (s) => t('assessment.scheme.created', { code: s.code }), onSuccess: (s) => { onSaved(s); onClose(); } },
  );
  const required = [{ required: true, message: t('assessment.required') }];
  return (
    <Modal open width={720} title={importing ? t('assessment.scheme.import') : t('assessment.scheme.newScheme')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.pending}>
      <SubmitAlert submit={submit} />
      <Form form={form} layout="vertical" onFinish={submit.run} onValuesChange={submit.onValuesChange} initialValues={{ subject_kind: 'staff' }}>
        <Form.Item name="code" label={t('assessment.library.code')} rules={required}>
          <Input />
        </Form.Item>
        <BilingualFields name="name" what="name" />
        <Form.Item name="subject_kind" label={t('assessment.scheme.subjectKind')}>
          <Radio.Group>
            <Radio value="staff">{t('assessment.subject.staff')}</Radio>
            <Radio value="department">{t('assessment.subject.department')}</Radio>
          </Radio.Group>
        </Form.Item>
        {importing && (
          <Form.Item
            name="document"
            label={t('assessment.scheme.document')}
            rules={[
              ...required,
              {
                validator: async (_, text: string) => {
                  if (text) JSON.parse(text);
                },
                message: t('assessment.scheme.notJson'),
              },
            ]}
          >
            <Input.TextArea rows={12} style={{ fontFamily: 'monospace' }} data-testid="import-document" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function Schemes() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const schemes = useAsync(listSchemes, []);
  const indicators = useAsync(listIndicators, []);
  const [form, setForm] = useState<'new' | 'import' | null>(null);
  const schemeId = Number(params.get('scheme')) || schemes.data?.[0]?.id;
  const scheme = schemes.data?.find((s) => s.id === schemeId);
  const versionNumber = Number(params.get('version')) || scheme?.current_version || scheme?.versions[scheme.versions.length - 1]?.number;
  const version = useAsync(
    () => (scheme && versionNumber ? getVersion(scheme.id, versionNumber) : Promise.resolve(null)),
    [scheme?.id, versionNumber],
  );
  const select = (id: number, n?: number) => setParams(n ? { scheme: String(id), version: String(n) } : { scheme: String(id) });

  return (
    <>
      <PageHeader
        title={t('assessment.scheme.title')}
        extra={
          can('assessment.manage') && (
            <>
              <Button type="primary" onClick={() => setForm('new')} data-testid="new-scheme">
                {t('assessment.scheme.newScheme')}
              </Button>
              <Button onClick={() => setForm('import')} data-testid="import-scheme">
                {t('assessment.scheme.import')}
              </Button>
            </>
          )
        }
      />
      {schemes.error && <ErrorAlert error={schemes.error} onRetry={() => void schemes.reload()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Card size="small" title={t('assessment.scheme.list')}>
            <List
              loading={schemes.loading}
              dataSource={schemes.data ?? []}
              data-testid="scheme-list"
              renderItem={(s) => (
                <List.Item
                  onClick={() => select(s.id)}
                  style={{ cursor: 'pointer', background: s.id === schemeId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                >
                  <List.Item.Meta
                    title={bilingual(s.name)}
                    description={
                      <Space size={4} wrap>
                        <Typography.Text type="secondary">{s.code}</Typography.Text>
                        <Tag>{t(`assessment.subject.${s.subject_kind}`)}</Tag>
                        {s.current_version && <Tag color="green">v{s.current_version}</Tag>}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          {!scheme && !schemes.loading && <Empty description={t('assessment.scheme.none')} />}
          {scheme && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text>{t('assessment.scheme.versions')}</Typography.Text>
                <Select
                  style={{ minWidth: 260 }}
                  value={versionNumber}
                  data-testid="version-select"
                  onChange={(n: number) => select(scheme.id, n)}
                  options={scheme.versions.map((v) => ({
                    value: v.number,
                    label: `v${v.number} · ${t(`assessment.versionStatus.${v.status}` as 'assessment.versionStatus.draft')}${v.effective_from ? ` · ${v.effective_from.slice(0, 10)}` : ''}`,
                  }))}
                />
              </Space>
              {version.error && <ErrorAlert error={version.error} onRetry={() => void version.reload()} />}
              {version.loading && !version.data && <PageSpin />}
              {version.data && (
                <SchemeEditor
                  scheme={scheme}
                  version={version.data}
                  indicators={indicators.data ?? []}
                  onChanged={(n) => {
                    void schemes.reload();
                    if (n === versionNumber) void version.reload();
                    else select(scheme.id, n);
                  }}
                />
              )}
            </Space>
          )}
        </Col>
      </Row>
      {form && <SchemeForm importing={form === 'import'} onClose={() => setForm(null)} onSaved={(s) => { void schemes.reload(); select(s.id); }} />}
    </>
  );
}
