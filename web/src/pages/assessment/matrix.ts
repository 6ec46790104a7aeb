// Pure helpers of the assessment calculators: the AHP pairwise matrix on Saaty's 1-9 scale (the
// upper triangle is entered, the lower one holds the reciprocals) and tables pasted from a
// spreadsheet (tab, comma or space separated, with an optional header row and label column).

/** Saaty's scale as entered: 1/9 … 1/2, 1, 2 … 9. */
export const SAATY: readonly number[] = [...[9, 8, 7, 6, 5, 4, 3, 2].map((k) => 1 / k), 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A judgement as written: 3 → "3", 1/3 → "1/3" (values off the scale keep 3 decimals). */
export function judgementText(value: number): string {
  if (value >= 1) return Number.isInteger(value) ? String(value) : value.toFixed(3);
  const inverse = 1 / value;
  return Math.abs(inverse - Math.round(inverse)) < 1e-9 ? `1/${Math.round(inverse)}` : value.toFixed(3);
}

/** The nearest scale value of a judgement (used when a matrix is loaded from elsewhere). */
export function onScale(value: number): number {
  return SAATY.reduce((best, v) => (Math.abs(Math.log(v / value)) < Math.abs(Math.log(best / value)) ? v : best), 1);
}

/** The n × n matrix of equal importance. */
export function identityMatrix(n: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
}

/** `matrix` with a[i][j] = value and its mirror a[j][i] = 1 / value. */
export function setJudgement(matrix: readonly (readonly number[])[], i: number, j: number, value: number): number[][] {
  const next = matrix.map((row) => [...row]);
  next[i][j] = value;
  next[j][i] = 1 / value;
  return next;
}

/** The matrix grown or shrunk to n × n, keeping the judgements of the criteria that remain. */
export function resizeMatrix(matrix: readonly (readonly number[])[], n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i < matrix.length && j < matrix.length ? matrix[i][j] : 1)));
}

/** A number with `decimals` places, or "—" for none. */
export function fixed(value: number | null | undefined, decimals = 4): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(decimals);
}

export interface PastedTable {
  /** Column names: the header row, or C1, C2, … */
  columns: string[];
  /** Row names: the first column when it is not numeric, or 1, 2, … */
  rows: string[];
  matrix: number[][];
}

/** Where a pasted table is wrong: 1-based line and column, and what was found there. */
export interface PasteProblem {
  line: number;
  column?: number;
  kind: 'empty' | 'notNumber' | 'ragged';
  text?: string;
}

function splitLine(line: string): string[] {
  const separator = line.includes('\t') ? '\t' : line.includes(',') ? ',' : /\s+/;
  return line
    .trim()
    .split(separator)
    .map((cell) => cell.trim());
}

const isNumber = (text: string) => text !== '' && Number.isFinite(Number(text));

/** Reads a table: rows are alternatives, columns criteria. */
export function parseTable(text: string): PastedTable | PasteProblem {
  const lines = text
    .split(/\r?\n/)
    .map((line, index) => ({ cells: splitLine(line), line: index + 1 }))
    .filter((l) => l.cells.some((c) => c !== ''));
  if (lines.length === 0) return { line: 1, kind: 'empty' };
  const first = lines[0].cells;
  // A label column: the first cell of every row below the (possible) header is not a number.
  const hasLabels = lines.slice(lines.length > 1 ? 1 : 0).every((l) => !isNumber(l.cells[0]));
  const header = !first.slice(hasLabels ? 1 : 0).every(isNumber);
  const body = header ? lines.slice(1) : lines;
  if (body.length === 0) return { line: lines[0].line + 1, kind: 'empty' };
  const width = body[0].cells.length - (hasLabels ? 1 : 0);
  const matrix: number[][] = [];
  const rows: string[] = [];
  for (const [index, { cells, line }] of body.entries()) {
    const values = hasLabels ? cells.slice(1) : cells;
    if (values.length !== width) return { line, kind: 'ragged', text: String(width) };
    const bad = values.findIndex((c) => !isNumber(c));
    if (bad >= 0) return { line, column: bad + 1 + (hasLabels ? 1 : 0), kind: 'notNumber', text: values[bad] };
    matrix.push(values.map(Number));
    rows.push(hasLabels ? cells[0] : String(index + 1));
  }
  const names = header ? first.slice(hasLabels ? 1 : 0) : [];
  const columns = Array.from({ length: width }, (_, j) => names[j] || `C${j + 1}`);
  return { columns, rows, matrix };
}

export function isProblem(value: PastedTable | PasteProblem): value is PasteProblem {
  return 'kind' in value;
}

/** Weights that add up to 1 from any non-negative numbers (equal when they are all 0). */
export function normalise(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + (b > 0 ? b : 0), 0);
  return sum > 0 ? weights.map((w) => (w > 0 ? w / sum : 0)) : weights.map(() => 1 / weights.length);
}
