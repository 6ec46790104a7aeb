// AHP weights with a live consistency check: the matrix editor, the method, and the server's
// weights, λmax, CI, RI and CR recomputed as the judgements change. CR ≥ 0.1 is refused with the
// figure shown, and nothing can be applied until the judgements are consistent.
import { Alert, Button, Descriptions, Radio, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ahp, type AhpMethod, type AhpResult } from '../../api/assessment';
import { errorText } from '../../components/errors';
import { useDebounced } from '../../lib/useDebounced';
import { fixed } from './matrix';
import PairwiseMatrix from './PairwiseMatrix';

interface Props {
  labels: readonly string[];
  matrix: number[][];
  onMatrixChange: (matrix: number[][]) => void;
  /** Offered once the judgements are consistent: takes the weights (adding up to 1). */
  onApply?: (weights: number[]) => void;
}

export default function AhpPanel({ labels, matrix, onMatrixChange, onApply }: Props) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<AhpMethod>('eigenvector');
  const settled = useDebounced({ matrix, method }, 200);
  const [result, setResult] = useState<AhpResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (settled.matrix.length < 2) return;
    const abort = new AbortController();
    setPending(true);
    ahp(settled.matrix, settled.method, abort.signal)
      .then((r) => {
        setResult(r);
        setFailure(null);
      })
      .catch((cause: unknown) => {
        if (cause instanceof DOMException && cause.name === 'AbortError') return;
        setResult(null);
        setFailure(cause);
      })
      .finally(() => {
        if (!abort.signal.aborted) setPending(false);
      });
    return () => abort.abort();
  }, [settled]);

  const current = !pending && result && result.weights.length === labels.length ? result : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="ahp-panel">
      <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as AhpMethod)} aria-label={t('assessment.ahp.method')}>
        <Radio.Button value="eigenvector">{t('assessment.ahp.eigenvector')}</Radio.Button>
        <Radio.Button value="geometric_mean">{t('assessment.ahp.geometricMean')}</Radio.Button>
      </Radio.Group>
      <PairwiseMatrix labels={labels} value={matrix} onChange={onMatrixChange} />
      {failure !== null && <Alert type="error" showIcon message={errorText(t, failure)} data-testid="ahp-error" />}
      {current && (
        <>
          <Descriptions size="small" bordered column={{ xs: 2, md: 4 }} data-testid="ahp-figures">
            <Descriptions.Item label="λmax">
              <span data-testid="ahp-lambda">{fixed(current.lambda_max)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="CI">
              <span data-testid="ahp-ci">{fixed(current.ci)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="RI">
              <span data-testid="ahp-ri">{fixed(current.ri, 2)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="CR">
              <span data-testid="ahp-cr">{fixed(current.cr)}</span>
            </Descriptions.Item>
          </Descriptions>
          {current.consistent ? (
            <Alert type="success" showIcon message={t('assessment.ahp.consistent', { cr: fixed(current.cr) })} data-testid="ahp-verdict" />
          ) : (
            <Alert type="error" showIcon message={t('assessment.ahp.refused', { cr: fixed(current.cr) })} data-testid="ahp-verdict" />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            data-testid="ahp-weights"
            dataSource={current.weights.map((w, index) => ({ index, label: labels[index], weight: w }))}
            columns={[
              { title: t('assessment.criterion'), dataIndex: 'label' },
              { title: t('assessment.weight'), dataIndex: 'weight', render: (w: number) => fixed(w), align: 'right' },
            ]}
          />
          {onApply && (
            <Button type="primary" disabled={!current.consistent} onClick={() => onApply(current.weights)} data-testid="ahp-apply">
              {t('assessment.ahp.apply')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
