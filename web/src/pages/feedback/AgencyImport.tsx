// External survey agencies (第三方测评): upload the agency's results as CSV or XLSX, all or nothing.
// A refused file lists every problem with its line, column and reason (translated from the
// server's key); the template (headers in the UI's language) downloads from the header.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { XLSX_TYPE } from '../../api/desk';
import { agencyTemplateUrl, importAgencyResults } from '../../api/feedback';
import type { MessageArgs } from '../../api/types';
import { errorText, serverText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';

type RowProblem = { line: number; column: string; message: string; key?: string; args?: MessageArgs };

function contentTypeOf(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

export default function AgencyImport() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ rows: number; file: string } | null>(null);
  const [problems, setProblems] = useState<{ rows: RowProblem[]; count: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = async (file: File) => {
    setDone(null);
    setProblems(null);
    setError(null);
    const type = contentTypeOf(file.name);
    if (!type) {
      setError(new Error(t('imports.wrongType')));
      return;
    }
    setBusy(true);
    try {
      const name = (file.name.split(/[\\/]/).pop() ?? file.name).slice(0, 100);
      const out = await importAgencyResults(file, type, name);
      setDone({ rows: out.rows, file: file.name });
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 400 && cause.problems.some((p) => 'line' in p)) {
        setProblems({ rows: cause.problems as unknown as RowProblem[], count: cause.problems.length });
      } else {
        setError(cause);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('feedback.agency.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={agencyTemplateUrl(currentLanguage())} download data-testid="agency-template">
            {t('imports.templateCsv')}
          </Button>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Typography.Paragraph type="secondary">{t('feedback.agency.intro')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            data-testid="agency-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('feedback.agency.hint')}</p>
          </Upload.Dragger>
        </Card>
        {error !== null && <Alert type="error" showIcon role="alert" message={t('imports.failed')} description={errorText(t, error)} />}
        {done && (
          <Alert type="success" showIcon data-testid="agency-done" message={t('feedback.agency.done', { rows: done.rows, file: done.file })} />
        )}
        {problems && (
          <Card title={t('feedback.agency.problems', { n: problems.count })} data-testid="agency-problems">
            <Typography.Paragraph type="secondary">{t('feedback.agency.nothingWritten')}</Typography.Paragraph>
            <Table<RowProblem>
              size="small"
              rowKey={(r) => `${r.line}-${r.column}-${r.key ?? r.message}`}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={problems.rows}
              columns={[
                { title: t('imports.line'), dataIndex: 'line', width: 80 },
                { title: t('imports.column'), dataIndex: 'column', width: 180, render: (v: string) => v || '–' },
                { title: t('imports.reason'), render: (_, r) => serverText(t, r.key, r.args, r.message) },
              ]}
            />
          </Card>
        )}
      </Space>
    </>
  );
}
