// The drill-down: the facts (tickets) behind one measured value, paged, the excluded ones marked
// with their reason and left out of the value. From a result, the facts behind one indicator of
// the period (its snapshot's exclusions once evaluated); else the live facts of one measure.
import { Button, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { measureFacts, type FactRow, type SubjectKind } from '../../api/assessment';
import { request } from '../../api/client';
import ErrorAlert from '../../components/ErrorAlert';
import { formatTime, ticketNumber } from '../../lib/format';
import { toApiError } from '../../lib/useAsync';
import type { ApiError } from '../../api/client';

export interface DrillDown {
  title: string;
  measures: string[];
  kind: SubjectKind;
  subjectId: number;
  from: string;
  to: string;
  /** Set: the facts of this indicator of the period's result (GET …/results/{assessee}/facts). */
  result?: { periodId: number; indicator: string };
}

interface FactPageOf {
  items?: FactRow[];
  next_after?: number | null;
  measures?: string[];
  measure?: string | null;
}

function factsOf(target: DrillDown, code: string | undefined, after: number | null): Promise<FactPageOf> {
  if (!target.result) {
    return measureFacts(code ?? '', { kind: target.kind, subject_id: target.subjectId, from: target.from, to: target.to, after, limit: 100 });
  }
  const { periodId, indicator } = target.result;
  return request<FactPageOf>('GET', `/assessment/periods/${periodId}/results/${target.subjectId}/facts`, {
    query: { indicator, measure: code, after, limit: 100 },
  });
}

export default function FactsDrawer({ target, onClose }: { target: DrillDown | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<string | undefined>();
  const [measures, setMeasures] = useState<string[]>([]);
  const [rows, setRows] = useState<FactRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (code: string | undefined, after: number | null) => {
    if (!target) return;
    setLoading(true);
    try {
      const page = await factsOf(target, code, after);
      if (page.measures) setMeasures(page.measures);
      if (page.measure) setMeasure(page.measure);
      const items = page.items ?? [];
      setRows((old) => (after ? [...old, ...items] : items));
      setNext(page.next_after ?? null);
      setError(null);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    // From a result the server names the indicator's measures (and picks the first).
    const first = target?.result ? undefined : target?.measures[0];
    setMeasure(first);
    setMeasures(target?.measures ?? []);
    setRows([]);
    setNext(null);
    if (target?.result || first) void load(first, null);
  }, [target]);

  return (
    <Drawer open={target !== null} onClose={onClose} width={760} title={target?.title}>
      {target && measures.length > 1 && (
        <Select
          style={{ minWidth: 240, marginBottom: 12 }}
          value={measure}
          options={measures.map((m) => ({ value: m, label: m }))}
          onChange={(m: string) => {
            setMeasure(m);
            void load(m, null);
          }}
        />
      )}
      {error && <ErrorAlert error={error} />}
      <Table
        rowKey="fact_id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        data-testid="facts-table"
        data-loaded={loading ? 'false' : 'true'}
        rowClassName={(r) => (r.excluded ? 'fact-excluded' : '')}
        onRow={(r) => ({ style: r.excluded ? { opacity: 0.6 } : undefined })}
        columns={[
          {
            title: t('assessment.facts.ticket'),
            dataIndex: 'ticket_id',
            render: (id: number | null | undefined, r) => (id ? <Link to={`/desk/tickets/${id}`}>{r.ticket_number ?? ticketNumber(id)}</Link> : '—'),
          },
          { title: t('assessment.facts.at'), dataIndex: 'at', render: (at: string) => formatTime(at) },
          { title: t('assessment.facts.value'), dataIndex: 'value', align: 'right', render: (v: number | null) => v ?? '—' },
          {
            title: t('assessment.facts.counted'),
            key: 'counted',
            render: (_, r) =>
              r.excluded ? (
                <Space size={4} data-testid="fact-excluded">
                  <Tag color="orange">{t('assessment.facts.excluded')}</Tag>
                  {r.exclusion_reason && <Typography.Text type="secondary">{r.exclusion_reason}</Typography.Text>}
                </Space>
              ) : r.counted ? (
                <Tag color="green">{t('assessment.facts.yes')}</Tag>
              ) : (
                <Tag>{t('assessment.facts.no')}</Tag>
              ),
          },
        ]}
      />
      {next && measure && (
        <Button style={{ marginTop: 12 }} loading={loading} onClick={() => void load(measure, next)}>
          {t('common.loadMore')}
        </Button>
      )}
    </Drawer>
  );
}
