// The AHP pairwise-comparison matrix editor: the upper triangle is chosen on Saaty's 1-9 scale
// (1/9 … 9), the diagonal is 1 and the lower triangle shows the reciprocals. The scheme editor's
// AHP helper and the calculator page both use it.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { judgementText, SAATY, setJudgement } from './matrix';

interface Props {
  labels: readonly string[];
  value: readonly (readonly number[])[];
  onChange: (matrix: number[][]) => void;
}

const OPTIONS = SAATY.map((v) => ({ value: v, label: judgementText(v) }));

export default function PairwiseMatrix({ labels, value, onChange }: Props) {
  const { t } = useTranslation();
  const cell = { padding: '4px 6px', border: '1px solid #f0f0f0', textAlign: 'center' as const };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="ahp-matrix" style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={cell} />
            {labels.map((label, j) => (
              <th key={j} style={cell} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((rowLabel, i) => (
            <tr key={i}>
              <th style={{ ...cell, textAlign: 'left' }} scope="row">
                {rowLabel}
              </th>
              {labels.map((colLabel, j) => (
                <td key={j} style={cell} data-testid={`ahp-cell-${i}-${j}`}>
                  {i < j ? (
                    <Select
                      size="small"
                      style={{ width: 76 }}
                      aria-label={t('assessment.ahp.cell', { row: rowLabel, column: colLabel })}
                      value={SAATY.find((v) => Math.abs(v - value[i][j]) < 1e-9) ?? value[i][j]}
                      options={OPTIONS}
                      onChange={(v: number) => onChange(setJudgement(value, i, j, v))}
                      popupMatchSelectWidth={false}
                      virtual={false}
                    />
                  ) : (
                    <span style={{ color: i === j ? undefined : '#8c8c8c' }}>{judgementText(value[i][j])}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
