// A table pasted from a spreadsheet (rows = alternatives, columns = criteria) with, per column,
// whether larger is better (benefit) and optionally its weight: the input of the entropy, TOPSIS
// and RSR calculators.
import { Alert, Checkbox, Input, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem, parseTable, type PastedTable } from './matrix';

export interface TableValue {
  text: string;
  table: PastedTable | null;
  benefit: boolean[];
  weights: (number | null)[];
}

export function tableValue(text: string, previous?: TableValue): TableValue {
  const parsed = parseTable(text);
  const table = isProblem(parsed) ? null : parsed;
  const width = table?.columns.length ?? 0;
  return {
    text,
    table,
    benefit: Array.from({ length: width }, (_, j) => previous?.benefit[j] ?? true),
    weights: Array.from({ length: width }, (_, j) => previous?.weights[j] ?? null),
  };
}

interface Props {
  value: TableValue;
  onChange: (value: TableValue) => void;
  /** Show the benefit/cost switch per column. */
  benefit?: boolean;
  /** Show a weight per column. */
  weights?: boolean;
  testId: string;
}

export default function TableInput({ value, onChange, benefit, weights, testId }: Props) {
  const { t } = useTranslation();
  const parsed = parseTable(value.text);
  const problem = value.text.trim() && isProblem(parsed) ? parsed : null;
  const table = value.table;
  return (
    <>
      <Input.TextArea
        rows={6}
        value={value.text}
        onChange={(e) => onChange(tableValue(e.target.value, value))}
        placeholder={t('assessment.paste.placeholder')}
        aria-label={t('assessment.paste.label')}
        data-testid={`${testId}-paste`}
        style={{ fontFamily: 'monospace' }}
      />
      {problem && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid={`${testId}-paste-problem`}
          message={t(`assessment.paste.${problem.kind}`, { line: problem.line, column: problem.column ?? '', text: problem.text ?? '' })}
        />
      )}
      {table && (
        <Table
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          scroll={{ x: true }}
          rowKey="key"
          data-testid={`${testId}-table`}
          dataSource={table.matrix.map((row, i) => ({ key: i, label: table.rows[i], row }))}
          columns={[
            { title: '', dataIndex: 'label', fixed: 'left' },
            ...table.columns.map((name, j) => ({
              key: j,
              align: 'right' as const,
              title: (
                <div style={{ display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'flex-end' }}>
                  <span>{name}</span>
                  {benefit && (
                    <Checkbox
                      checked={value.benefit[j]}
                      data-testid={`${testId}-benefit-${j}`}
                      onChange={(e) => onChange({ ...value, benefit: value.benefit.map((b, k) => (k === j ? e.target.checked : b)) })}
                    >
                      {t('assessment.benefit')}
                    </Checkbox>
                  )}
                  {weights && (
                    <InputNumber
                      size="small"
                      min={0}
                      step={0.05}
                      placeholder={t('assessment.weight')}
                      aria-label={t('assessment.weightOf', { name })}
                      data-testid={`${testId}-weight-${j}`}
                      value={value.weights[j]}
                      onChange={(w) => onChange({ ...value, weights: value.weights.map((x, k) => (k === j ? w : x)) })}
                    />
                  )}
                </div>
              ),
              render: (_: unknown, r: { row: number[] }) => r.row[j],
            })),
          ]}
        />
      )}
    </>
  );
}
