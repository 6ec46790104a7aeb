// 考核方法: the assessment calculators on the server's methods API — AHP weights from a pairwise
// matrix with a live consistency ratio, entropy weights, TOPSIS closeness and RSR tiers of a table
// pasted from a spreadsheet.
import { Alert, Button, Card, Descriptions, Input, InputNumber, Radio, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entropy, rsr, topsis, type RsrResult, type TopsisResult } from '../../api/assessment';
import { ApiError } from '../../api/client';
import { errorText, serverText } from '../../components/errors';
import PageHeader from '../../components/PageHeader';
import AhpPanel from './AhpPanel';
import { fixed, identityMatrix, normalise, resizeMatrix } from './matrix';
import TableInput, { tableValue, type TableValue } from './TableInput';

/** Every problem of a failed calculation, each naming its cell or field. */
export function ProblemList({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation();
  const lines =
    error instanceof ApiError
      ? error.problems.map((p) => `${p.field ? `${p.field}: ` : ''}${serverText(t, p.key, p.args, p.message ?? error.message)}`)
      : [errorText(t, error)];
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      message={lines.length > 1 ? t('errors.problems', { count: lines.length }) : lines[0]}
      description={lines.length > 1 ? <ul style={{ margin: 0 }}>{lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : undefined}
    />
  );
}

function namesOf(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function AhpTab() {
  const { t } = useTranslation();
  const [names, setNames] = useState('C1, C2, C3');
  const labels = namesOf(names);
  const [matrix, setMatrix] = useState<number[][]>(() => identityMatrix(3));
  const sized = matrix.length === labels.length ? matrix : resizeMatrix(matrix, labels.length);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('assessment.ahp.help')}
      </Typography.Paragraph>
      <Input
        addonBefore={t('assessment.ahp.criteria')}
        value={names}
        onChange={(e) => {
          setNames(e.target.value);
          setMatrix((m) => resizeMatrix(m, Math.max(namesOf(e.target.value).length, 0)));
        }}
        data-testid="ahp-criteria"
      />
      {labels.length < 2 ? (
        <Alert type="info" showIcon message={t('assessment.ahp.tooFew')} />
      ) : (
        <AhpPanel labels={labels} matrix={sized} onMatrixChange={setMatrix} />
      )}
    </Space>
  );
}

function useRun<R>() {
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const run = async (work: () => Promise<R>) => {
    setPending(true);
    try {
      setResult(await work());
      setError(null);
    } catch (cause) {
      setResult(null);
      setError(cause);
    } finally {
      setPending(false);
    }
  };
  return { result, error, pending, run };
}

const XU_EXAMPLE = 'A\t30\t30\t38\t29\nB\t19\t54\t86\t29\nC\t19\t15\t85\t28.9\nD\t68\t70\t60\t29';

function EntropyTab() {
  const { t } = useTranslation();
  const [value, setValue] = useState<TableValue>(() => tableValue(XU_EXAMPLE));
  const { result, error, pending, run } = useRun<number[]>();
  const table = value.table;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('assessment.entropy.help')}
      </Typography.Paragraph>
      <TableInput value={value} onChange={setValue} testId="entropy" />
      <Button type="primary" disabled={!table} loading={pending} onClick={() => table && void run(() => entropy(table.matrix))} data-testid="entropy-run">
        {t('assessment.calculate')}
      </Button>
      {error !== null && <ProblemList error={error} testId="entropy-error" />}
      {result && table && (
        <Table
          size="small"
          pagination={false}
          rowKey="j"
          data-testid="entropy-weights"
          dataSource={result.map((w, j) => ({ j, name: table.columns[j], w }))}
          columns={[
            { title: t('assessment.criterion'), dataIndex: 'name' },
            { title: t('assessment.weight'), dataIndex: 'w', align: 'right', render: (w: number) => fixed(w) },
          ]}
        />
      )}
    </Space>
  );
}

const TOPSIS_EXAMPLE = 'A1\t8\t7\t2\t1\nA2\t5\t3\t7\t5\nA3\t7\t5\t6\t4\nA4\t9\t9\t7\t3\nA5\t11\t10\t3\t7\nA6\t6\t9\t5\t4';

/** The weights the user typed, or equal weights when none were; adding up to 1. */
function weightsOf(value: TableValue): number[] {
  return value.weights.some((w) => w !== null && w > 0) ? normalise(value.weights.map((w) => w ?? 0)) : normalise(value.weights.map(() => 0));
}

function TopsisTab() {
  const { t } = useTranslation();
  const [value, setValue] = useState<TableValue>(() => ({ ...tableValue(TOPSIS_EXAMPLE), weights: [0.4, 0.3, 0.1, 0.2] }));
  const { result, error, pending, run } = useRun<TopsisResult>();
  const table = value.table;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('assessment.topsis.help')}
      </Typography.Paragraph>
      <TableInput value={value} onChange={setValue} benefit weights testId="topsis" />
      <Button
        type="primary"
        disabled={!table}
        loading={pending}
        onClick={() => table && void run(() => topsis(table.matrix, weightsOf(value), value.benefit))}
        data-testid="topsis-run"
      >
        {t('assessment.calculate')}
      </Button>
      {error !== null && <ProblemList error={error} testId="topsis-error" />}
      {result && table && (
        <Table
          size="small"
          pagination={false}
          rowKey="i"
          data-testid="topsis-result"
          dataSource={result.closeness.map((c, i) => ({
            i,
            name: table.rows[i],
            dPlus: result.distance_ideal[i],
            dMinus: result.distance_anti_ideal[i],
            c,
            rank: result.rank[i],
          }))}
          columns={[
            { title: t('assessment.alternative'), dataIndex: 'name' },
            { title: 'D+', dataIndex: 'dPlus', align: 'right', render: (v: number) => fixed(v) },
            { title: 'D−', dataIndex: 'dMinus', align: 'right', render: (v: number) => fixed(v) },
            {
              title: t('assessment.topsis.closeness'),
              dataIndex: 'c',
              align: 'right',
              // The whole figure on hover: the page shows 4 decimals.
              render: (v: number) => <span title={String(v)}>{fixed(v)}</span>,
            },
            { title: t('assessment.rank'), dataIndex: 'rank', align: 'right' },
          ]}
        />
      )}
    </Space>
  );
}

function RsrTab() {
  const { t } = useTranslation();
  const [value, setValue] = useState<TableValue>(() => tableValue(TOPSIS_EXAMPLE));
  const [ranks, setRanks] = useState<'integer' | 'non_integer'>('integer');
  const [tiers, setTiers] = useState(3);
  const { result, error, pending, run } = useRun<RsrResult>();
  const table = value.table;
  const weighted = value.weights.some((w) => w !== null && w > 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('assessment.rsr.help')}
      </Typography.Paragraph>
      <TableInput value={value} onChange={setValue} benefit weights testId="rsr" />
      <Space wrap>
        <Radio.Group value={ranks} onChange={(e) => setRanks(e.target.value as 'integer' | 'non_integer')}>
          <Radio.Button value="integer">{t('assessment.rsr.integer')}</Radio.Button>
          <Radio.Button value="non_integer">{t('assessment.rsr.nonInteger')}</Radio.Button>
        </Radio.Group>
        <InputNumber
          addonBefore={t('assessment.rsr.tiers')}
          min={3}
          max={6}
          value={tiers}
          onChange={(v) => setTiers(v ?? 3)}
          data-testid="rsr-tiers"
        />
        <Button
          type="primary"
          disabled={!table}
          loading={pending}
          onClick={() =>
            table &&
            void run(() => rsr({ matrix: table.matrix, benefit: value.benefit, weights: weighted ? weightsOf(value) : undefined, ranks, tiers }))
          }
          data-testid="rsr-run"
        >
          {t('assessment.calculate')}
        </Button>
      </Space>
      {error !== null && <ProblemList error={error} testId="rsr-error" />}
      {result && table && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="rsr-regression">
            <Descriptions.Item label="a">{fixed(result.regression.a)}</Descriptions.Item>
            <Descriptions.Item label="b">{fixed(result.regression.b)}</Descriptions.Item>
            <Descriptions.Item label="R²">{fixed(result.regression.r2)}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey="i"
            data-testid="rsr-result"
            dataSource={result.rsr.map((v, i) => ({ i, name: table.rows[i], v, probit: result.probit[i], fitted: result.fitted[i], tier: result.tier[i] }))}
            columns={[
              { title: t('assessment.alternative'), dataIndex: 'name' },
              { title: 'RSR', dataIndex: 'v', align: 'right', render: (v: number) => fixed(v) },
              { title: 'Probit', dataIndex: 'probit', align: 'right', render: (v: number) => fixed(v) },
              { title: t('assessment.rsr.fitted'), dataIndex: 'fitted', align: 'right', render: (v: number) => fixed(v) },
              { title: t('assessment.rsr.tier'), dataIndex: 'tier', align: 'right' },
            ]}
          />
          <Card size="small" title={t('assessment.rsr.distribution')}>
            <Table
              size="small"
              pagination={false}
              rowKey="rsr"
              data-testid="rsr-distribution"
              dataSource={result.distribution}
              columns={[
                { title: 'RSR', dataIndex: 'rsr', render: (v: number) => fixed(v) },
                { title: 'f', dataIndex: 'frequency', align: 'right' },
                { title: 'Σf', dataIndex: 'cumulative', align: 'right' },
                { title: 'R̄', dataIndex: 'mean_rank', align: 'right', render: (v: number) => fixed(v, 2) },
                { title: 'p', dataIndex: 'percentile', align: 'right', render: (v: number) => fixed(v) },
                { title: 'Probit', dataIndex: 'probit', align: 'right', render: (v: number) => fixed(v) },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

export default function Methods() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('assessment.methods.title')} />
      <Card>
        <Tabs
          items={[
            { key: 'ahp', label: 'AHP', children: <AhpTab /> },
            { key: 'entropy', label: t('assessment.entropy.title'), children: <EntropyTab /> },
            { key: 'topsis', label: 'TOPSIS', children: <TopsisTab /> },
            { key: 'rsr', label: t('assessment.rsr.title'), children: <RsrTab /> },
          ]}
        />
      </Card>
    </>
  );
}
