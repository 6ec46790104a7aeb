// A period's results: status and workflow, the table (sortable, filtered by group, exported as CSV
// or XLSX), the ranking chart and the grade distribution. While collecting it is a live preview.
import { Alert, Button, Card, Col, Descriptions, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getPeriod, listResults, listSchemes, resultsFileUrl, type ResultRow } from '../../api/assessment';
import { listDepartments } from '../../api/org';
import ErrorAlert from '../../components/ErrorAlert';
import PageHeader from '../../components/PageHeader';
import PageSpin from '../../components/PageSpin';
import { useAsync } from '../../lib/useAsync';
import PeriodActions, { PeriodStatusTag } from './PeriodActions';
import { schemeText, spanText } from './Periods';
import { valueText } from './text';

const Charts = lazy(() => import('./ResultCharts').then((m) => ({ default: m.RankingChart })));
const Grades = lazy(() => import('./ResultCharts').then((m) => ({ default: m.GradeChart })));

/** A column sorter on a number; rows without one (no data, not ranked) come after the others. */
const byNumber = (pick: (r: ResultRow) => number | null | undefined) => (a: ResultRow, b: ResultRow) => {
  const x = pick(a) ?? null;
  const y = pick(b) ?? null;
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return x - y;
};

export default function PeriodResults() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const period = useAsync(() => getPeriod(id), [id]);
  const [group, setGroup] = useState<string | undefined>();
  const results = useAsync(() => listResults(id, group), [id, group, period.data?.status]);
  const groups = useMemo(() => [...new Set((results.data?.items ?? []).map((r) => r.group).filter((g): g is string => !!g))], [results.data]);
  const rows = results.data?.items ?? [];
  const p = period.data;
  const departments = useAsync(listDepartments, []);
  const schemes = useAsync(listSchemes, []);
  const scope = typeof p?.scope === 'number' ? departments.data?.find((d) => d.id === p.scope)?.name ?? `#${p.scope}` : null;

  return (
    <>
      <PageHeader
        title={p ? p.name : t('nav.assessmentResults')}
        extra={
          p && (
            <>
              <PeriodActions period={p} onChanged={() => void period.reload()} />
              <Link to={`/assessment/periods/${id}/inputs`}>
                <Button size="small" data-testid="open-inputs">
                  {t('assessment.input.open')}
                </Button>
              </Link>
              <Button size="small" href={resultsFileUrl(id, 'csv', group)} data-testid="export-csv">
                {t('assessment.result.exportCsv')}
              </Button>
              <Button size="small" href={resultsFileUrl(id, 'xlsx', group)} data-testid="export-xlsx">
                {t('assessment.result.exportXlsx')}
              </Button>
            </>
          )
        }
      />
      {period.error && <ErrorAlert error={period.error} onRetry={() => void period.reload()} />}
      {!p && period.loading && <PageSpin />}
      {p && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('common.status')}>
              <PeriodStatusTag status={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.period.scheme')}>{`${schemeText(p, schemes.data)}${p.version ? ` v${p.version}` : ''}`}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.period.span')}>{spanText(p)}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.period.scope')}>{scope ?? t('assessment.period.wholeOrganisation')}</Descriptions.Item>
            {p.counts && (
              <Descriptions.Item label={t('assessment.period.assessees')}>
                <span data-testid="period-counts">
                  {t('assessment.period.countsText', { assessees: p.counts.assessees ?? 0, ranked: p.counts.ranked ?? 0, noData: p.counts.no_data ?? 0 })}
                </span>
              </Descriptions.Item>
            )}
            {p.counts && (p.status === 'published' || (p.counts.appeals_open ?? 0) > 0) && (
              <Descriptions.Item label={t('assessment.period.appealsOpen')}>
                <Link to="/assessment/appeals" data-testid="period-appeals-open">
                  {p.counts.appeals_open ?? 0}
                </Link>
              </Descriptions.Item>
            )}
            {p.appeal_deadline && <Descriptions.Item label={t('assessment.period.appealDeadline')}>{p.appeal_deadline.slice(0, 10)}</Descriptions.Item>}
            {p.snapshot_sha256 && (
              <Descriptions.Item label="SHA-256">
                <Typography.Text code copyable>
                  {p.snapshot_sha256.slice(0, 16)}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          {results.data?.live && <Alert type="info" showIcon message={t('assessment.result.live')} data-testid="live-preview" />}
          {results.error && <ErrorAlert error={results.error} onRetry={() => void results.reload()} />}
          <Card
            title={t('assessment.result.table')}
            extra={
              <Select
                allowClear
                style={{ minWidth: 180 }}
                placeholder={t('assessment.result.allGroups')}
                value={group}
                onChange={setGroup}
                options={groups.map((g) => ({ value: g, label: g }))}
                data-testid="group-filter"
              />
            }
          >
            <Table
              rowKey="assessee_id"
              size="small"
              loading={results.loading}
              dataSource={rows}
              data-testid="result-table"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: true }}
              columns={[
                { title: t('assessment.rank'), dataIndex: 'rank', sorter: byNumber((r) => r.rank), defaultSortOrder: 'ascend', render: (v: number | null, r) => (r.ranked === false ? <Tag>{t('assessment.result.unranked')}</Tag> : v ?? '—') },
                {
                  title: t('assessment.result.assessee'),
                  dataIndex: 'name',
                  sorter: (a, b) => a.name.localeCompare(b.name),
                  render: (name: string, r) => <Link to={`/assessment/periods/${id}/assessees/${r.assessee_id}`}>{name}</Link>,
                },
                { title: t('assessment.result.department'), dataIndex: 'department', render: (d: string | null) => d ?? '' },
                { title: t('assessment.result.group'), dataIndex: 'group', render: (g: string | null) => g ?? '' },
                { title: t('assessment.result.total'), dataIndex: 'total', sorter: byNumber((r) => r.total), align: 'right', render: (v: number | null, r) => (
                    <>
                      {valueText(t, v, r.no_data)}
                      {/* A locked result's correction in force, beside it (the total itself never changes). */}
                      {r.correction && (
                        <Tag color="green" style={{ marginLeft: 6 }} title={t('assessment.correction.inForce')}>
                          → {r.correction.corrected_total}
                        </Tag>
                      )}
                    </>
                  ),
                },
                { title: t('assessment.result.grade'), dataIndex: 'grade', render: (g: string | null, r) => (r.failed ? <Tag color="red">{t('assessment.result.failed')}</Tag> : g ?? '—') },
                { title: t('assessment.result.coefficient'), dataIndex: 'coefficient', align: 'right', sorter: byNumber((r) => r.coefficient), render: (c: number | null) => c ?? '—' },
                { title: t('assessment.result.volume'), dataIndex: 'volume', align: 'right', sorter: byNumber((r) => r.volume), render: (v: number | null) => v ?? '—' },
                {
                  title: t('assessment.result.marks'),
                  key: 'marks',
                  render: (_, r) => (
                    <Space size={4}>
                      {r.list === 'red' && <Tag color="red">{t('assessment.result.redList')}</Tag>}
                      {r.list === 'black' && <Tag color="black">{t('assessment.result.blackList')}</Tag>}
                      {r.yellow_card && <Tag color="gold">{t('assessment.result.yellowCard')}</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('assessment.result.ranking')}>
                <Suspense fallback={<PageSpin />}>
                  <Charts rows={rows} />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('assessment.result.grades')}>
                <Suspense fallback={<PageSpin />}>
                  <Grades rows={rows} />
                </Suspense>
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </>
  );
}
