// Open answers of surveys and external agencies: how many each topic tags, the most frequent words
// (dictionary keywords and Latin words; Chinese is not split into words), a search with a topic
// filter, and the keyword dictionary (editable with feedback.manage). Every answer is shown as
// text (React text nodes), never as HTML.
import { Button, Card, Col, Empty, Input, List, Row, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTopics, listTexts, saveTopics, summarizeTexts, type OpenText, type Topic } from '../../api/feedback';
import { useAuth } from '../../auth/AuthContext';
import ErrorAlert from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { businessDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import SourceSelect from './SourceSelect';

function TopicEditor({ topics, onSaved }: { topics: Topic[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Topic[]>(topics);
  const [saving, setSaving] = useState(false);
  useEffect(() => setRows(topics), [topics]);
  const change = (i: number, patch: Partial<Topic>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setSaving(true);
    try {
      await saveTopics(rows);
      void message.success(t('feedback.topics.saved'));
      onSaved();
    } catch (cause) {
      void message.error(errorText(t, cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('feedback.topics.dictionary')}
      extra={
        <Space>
          <Button onClick={() => setRows((rs) => [...rs, { key: '', label: { zh: '', en: '' }, keywords: [] }])} data-testid="topic-add">
            {t('feedback.topics.add')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="topics-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Table<Topic>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t('feedback.topics.key'), width: 140, render: (_, r, i) => <Input value={r.key} onChange={(e) => change(i, { key: e.target.value })} aria-label={t('feedback.topics.key')} /> },
          { title: '中文', width: 140, render: (_, r, i) => <Input value={r.label.zh} onChange={(e) => change(i, { label: { ...r.label, zh: e.target.value } })} aria-label="中文" /> },
          { title: 'English', width: 140, render: (_, r, i) => <Input value={r.label.en} onChange={(e) => change(i, { label: { ...r.label, en: e.target.value } })} aria-label="English" /> },
          {
            title: t('feedback.topics.keywords'),
            render: (_, r, i) => (
              <Select
                mode="tags"
                style={{ minWidth: 280 }}
                value={r.keywords}
                onChange={(v: string[]) => change(i, { keywords: v })}
                tokenSeparators={[',', '，']}
                aria-label={t('feedback.topics.keywords')}
                data-testid={`topic-keywords-${r.key}`}
              />
            ),
          },
          { title: '', width: 60, render: (_, __, i) => <Button type="link" danger onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>{t('feedback.remove')}</Button> },
        ]}
      />
    </Card>
  );
}

export default function OpenTexts() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const zh = currentLanguage() === 'zh-CN';
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [topic, setTopic] = useState<string>();
  const [source, setSource] = useState<'link' | 'agency'>();
  const topics = useAsync(() => getTopics(), []);
  const summary = useAsync(() => summarizeTexts({ source }), [source, topics.data]);
  const texts = useAsync(() => listTexts({ q: search || undefined, topic, source, limit: 100 }), [search, topic, source, topics.data]);
  const label = (x: { zh: string; en: string }) => (zh ? x.zh || x.en : x.en || x.zh);
  const topicLabel = (key: string) => {
    const found = topics.data?.topics.find((x) => x.key === key);
    return found ? label(found.label) : key;
  };

  return (
    <>
      <PageHeader title={t('feedback.topics.title')} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('feedback.topics.method')}</Typography.Paragraph>
        {summary.error && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('feedback.topics.counts', { n: summary.data?.texts ?? 0 })}>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                data-testid="topic-counts"
                dataSource={summary.data?.topics ?? []}
                columns={[
                  { title: t('feedback.topics.topic'), render: (_, r) => label(r.label) },
                  { title: t('feedback.count'), dataIndex: 'count', width: 100 },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('feedback.topics.words')}>
              {summary.data && summary.data.words.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Table
                  size="small"
                  rowKey="word"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  data-testid="word-counts"
                  dataSource={summary.data?.words ?? []}
                  columns={[
                    { title: t('feedback.topics.word'), render: (_, r) => (r.keyword ? <Tag color="blue">{r.word}</Tag> : r.word) },
                    { title: t('feedback.count'), dataIndex: 'count', width: 100 },
                  ]}
                />
              )}
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('feedback.topics.answers')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setSearch(v.trim())}
              placeholder={t('feedback.topics.searchPlaceholder')}
              style={{ width: 280 }}
              maxLength={100}
              data-testid="text-search"
            />
            <Select
              allowClear
              style={{ minWidth: 180 }}
              placeholder={t('feedback.topics.allTopics')}
              value={topic}
              onChange={setTopic}
              options={(topics.data?.topics ?? []).map((x) => ({ value: x.key, label: label(x.label) }))}
              data-testid="text-topic"
            />
            <SourceSelect<'link' | 'agency'> value={source} onChange={setSource} sources={['link', 'agency']} testId="text-source" />
          </Space>
          {texts.error && <ErrorAlert error={texts.error} onRetry={texts.reload} />}
          <List<OpenText>
            size="small"
            loading={texts.loading}
            dataSource={texts.data?.items ?? []}
            data-testid="text-list"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            renderItem={(x) => (
              <List.Item data-testid="open-text">
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{x.text}</Typography.Text>
                  <Space wrap size={4}>
                    <Tag>{t(`feedback.source.${x.source}`)}</Tag>
                    {x.agency && <Tag>{x.agency}</Tag>}
                    {x.ticket_number && <Typography.Text type="secondary">{x.ticket_number}</Typography.Text>}
                    {x.department_name && <Typography.Text type="secondary">{x.department_name}</Typography.Text>}
                    <Typography.Text type="secondary">{businessDay(x.at)}</Typography.Text>
                    {x.topics.map((k) => (
                      <Tag color="blue" key={k}>
                        {topicLabel(k)}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        {can('feedback.manage') && topics.data && <TopicEditor topics={topics.data.topics} onSaved={topics.reload} />}
      </Space>
    </>
  );
}
