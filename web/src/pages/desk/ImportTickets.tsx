// Ticket import from a CSV or XLSX file: upload, follow the progress, and see every rejected line
// with its reason (a batch is written all or nothing). The guide opens in a drawer; the template
// (CSV or XLSX, headers in the UI's language) downloads from the header.
import { DownloadOutlined, InboxOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getTicketImport, importTemplateUrl, startTicketImport, XLSX_TYPE } from '../../api/desk';
import type { ImportJob, ImportRowError } from '../../api/deskTypes';
import { errorText, serverText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import ImportGuide from './ImportGuide';

const POLL_MS = 1000;

function contentTypeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

function isFinished(job: ImportJob): boolean {
  return job.status === 'done' || job.status === 'failed';
}

/** The file name the server records: no folders, at most 200 bytes. */
function plainName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  let out = '';
  for (const ch of base) {
    if (new TextEncoder().encode(out + ch).length > 200) break;
    out += ch;
  }
  return out;
}

export default function ImportTickets() {
  const { t } = useTranslation();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const [guideOpen, setGuideOpen] = useState(false);
  const polling = useRef<number | null>(null);

  useEffect(() => () => {
    if (polling.current) window.clearTimeout(polling.current);
  }, []);

  const poll = (id: number) => {
    polling.current = window.setTimeout(() => {
      getTicketImport(id)
        .then((next) => {
          setJob(next);
          if (!isFinished(next)) poll(id);
        })
        .catch((cause: unknown) => setError(cause));
    }, POLL_MS);
  };

  const upload = async (file: File) => {
    const type = contentTypeOf(file);
    setError(null);
    setJob(null);
    setFileName(file.name);
    if (!type) {
      setError(new Error(t('imports.wrongType')));
      return;
    }
    setUploading(true);
    try {
      const started = await startTicketImport(file, type, plainName(file.name));
      setJob(started);
      if (!isFinished(started)) poll(started.id);
    } catch (cause) {
      setError(cause);
    } finally {
      setUploading(false);
    }
  };

  const failed = job?.status === 'failed';
  // Validating has no known end; applying counts rows replayed.
  const percent = !job ? 0 : isFinished(job) ? 100 : job.status === 'applying' && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        extra={
          <>
            <Button icon={<QuestionCircleOutlined />} onClick={() => setGuideOpen(true)} data-testid="import-guide-open">
              {t('imports.guide')}
            </Button>
            <Button icon={<DownloadOutlined />} href={importTemplateUrl('csv', currentLanguage())} download data-testid="template-csv">
              {t('imports.templateCsv')}
            </Button>
            <Button icon={<DownloadOutlined />} href={importTemplateUrl('xlsx', currentLanguage())} download data-testid="template-xlsx">
              {t('imports.templateXlsx')}
            </Button>
          </>
        }
      />
      <ImportGuide open={guideOpen} onClose={() => setGuideOpen(false)} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('imports.templateHint')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('imports.hint')}</p>
          </Upload.Dragger>
        </Card>
        {error !== null && <Alert type="error" showIcon role="alert" message={t('imports.failed')} description={errorText(t, error)} />}
        {job && (
          <Card title={t('imports.progress')} data-testid="import-job">
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('imports.file')}>{fileName}</Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>
                <Tag color={failed ? 'red' : isFinished(job) ? 'green' : 'processing'} data-testid="import-status">
                  {t(`imports.status.${job.status}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.rows')}>
                {job.status === 'validating' ? t('imports.checked', { total: job.total }) : t('imports.doneOfTotal', { done: job.done, total: job.total })}
              </Descriptions.Item>
              {job.status === 'done' && (
                <Descriptions.Item label={t('imports.created')}>
                  <span data-testid="import-created">{job.created_tickets}</span>
                  {job.first_ticket_id && (
                    <Link to={`/desk/tickets/${job.first_ticket_id}`} style={{ marginLeft: 8 }}>
                      {t('imports.firstTicket')}
                    </Link>
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
            {job.status === 'validating' ? (
              <Progress percent={100} status="active" showInfo={false} />
            ) : (
              <Progress percent={percent} status={failed ? 'exception' : isFinished(job) ? 'success' : 'active'} />
            )}
            {job.errors.length > 0 && (
              <>
                <Alert
                  type="error"
                  showIcon
                  style={{ margin: '16px 0' }}
                  message={t('imports.rejected', { count: job.error_count })}
                  description={job.error_count > job.errors.length ? t('imports.firstErrors', { count: job.errors.length }) : undefined}
                />
                <Table<ImportRowError>
                  rowKey={(row) => `${row.line}:${row.column ?? ''}:${row.reason}`}
                  size="small"
                  dataSource={job.errors}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  data-testid="import-errors"
                  columns={[
                    { title: t('imports.line'), dataIndex: 'line', width: 100, render: (line: number) => (line === 0 ? t('imports.wholeFile') : line) },
                    { title: t('imports.column'), dataIndex: 'column', width: 160, render: (c?: string) => c || '—' },
                    {
                      title: t('imports.reason'),
                      key: 'reason',
                      render: (_: unknown, row: ImportRowError) => serverText(t, row.key, row.args, row.reason),
                    },
                  ]}
                />
              </>
            )}
          </Card>
        )}
      </Space>
    </>
  );
}
