// Assessment (issue 10): the calculators, the measure and indicator library, schemes and their
// versions, periods and results, exclusions, appeals, and a person's own results and archive.
// The methods' types come from docs/openapi.yaml (generated); the rest follows the HTTP contract of
// the assessment design until those routes are in the spec (then: replace with generated types).
import { apiUrl, request } from './client';
import type { components } from './generated/openapi';

type Schemas = components['schemas'];
const BASE = '/assessment';

// --- Calculators -----------------------------------------------------------------------------

export type AhpMethod = NonNullable<Schemas['AhpRequest']['method']>;
export type AhpResult = Schemas['AhpResult'];
export type TopsisResult = Schemas['TopsisResult'];
export type RsrRequest = Schemas['RsrRequest'];
export type RsrResult = Schemas['RsrResult'];

export function ahp(matrix: number[][], method: AhpMethod, signal?: AbortSignal): Promise<AhpResult> {
  return request<AhpResult>('POST', `${BASE}/methods/ahp`, { body: { matrix, method }, signal });
}

export function entropy(matrix: number[][]): Promise<number[]> {
  return request<Schemas['WeightsResult']>('POST', `${BASE}/methods/entropy`, { body: { matrix } }).then((r) => r.weights);
}

export function topsis(matrix: number[][], weights: number[], benefit: boolean[]): Promise<TopsisResult> {
  return request<TopsisResult>('POST', `${BASE}/methods/topsis`, { body: { matrix, weights, benefit } });
}

export function rsr(body: RsrRequest): Promise<RsrResult> {
  return request<RsrResult>('POST', `${BASE}/methods/rsr`, { body });
}

// --- Measures and indicators ---------------------------------------------------------------------

/** A text in both languages. */
export type Bilingual = Schemas['ZhEn'];

export type Direction = 'higher' | 'lower';

export type Measure = Schemas['Measure'];
export type MeasureUnit = Schemas['MeasureDraft']['unit'];
export type MeasureDetail = Schemas['MeasureDetail'];
export type FactRow = NonNullable<Schemas['FactPage']['items']>[number];

export interface Indicator {
  code: string;
  name: Bilingual;
  definition: Bilingual;
  unit: string;
  direction: Direction;
  formula: string;
  kind: 'computed' | 'manual';
  target?: number | null;
}

export function listMeasures(): Promise<Measure[]> {
  return request<{ items: Measure[] }>('GET', `${BASE}/measures`).then((r) => r.items);
}

export function getMeasure(code: string): Promise<MeasureDetail> {
  return request<MeasureDetail>('GET', `${BASE}/measures/${encodeURIComponent(code)}`);
}

export function listIndicators(): Promise<Indicator[]> {
  return request<{ items: Indicator[] }>('GET', `${BASE}/indicators`).then((r) => r.items);
}

export function saveIndicator(indicator: Indicator, isNew: boolean): Promise<Indicator> {
  return isNew
    ? request<Indicator>('POST', `${BASE}/indicators`, { body: indicator })
    : request<Indicator>('PUT', `${BASE}/indicators/${encodeURIComponent(indicator.code)}`, { body: indicator });
}

export interface FactQuery {
  kind: SubjectKind;
  subject_id: number;
  from: string;
  to: string;
  after?: number | null;
  limit?: number;
}

export function measureFacts(code: string, q: FactQuery): Promise<Schemas['FactPage']> {
  return request<Schemas['FactPage']>('GET', `${BASE}/measures/${encodeURIComponent(code)}/facts`, { query: { ...q } });
}

// --- Schemes -----------------------------------------------------------------------------------

export type SubjectKind = 'staff' | 'department';
export type VersionStatus = 'draft' | 'approved' | 'effective' | 'superseded' | (string & {});

export type RuleKind = 'weighted_rate' | 'linear' | 'threshold_deduction' | 'bands' | 'per_event';

export interface SchemeRule {
  kind: RuleKind;
  [parameter: string]: unknown;
}

export interface SchemeNode {
  code: string;
  name?: Bilingual;
  max_points?: number | null;
  weight?: number | null;
  indicator?: { code: string; target?: number | null; rule: SchemeRule; gate?: unknown };
  children?: SchemeNode[];
}

export interface SchemeDocument {
  tree: SchemeNode;
  method: 'weighted_sum' | 'rsr' | 'topsis';
  rounding: { decimals: number; what: string };
  grades: { code: string; name: Bilingual | string; min: number }[];
  [more: string]: unknown;
}

export interface SchemeSummary {
  id: number;
  code: string;
  name: Bilingual;
  subject_kind: SubjectKind;
  current_version: number | null;
  versions: { number: number; status: VersionStatus; effective_from: string | null }[];
}

export interface SchemeVersion {
  number: number;
  status: VersionStatus;
  effective_from: string | null;
  author?: string | { id: number; name: string } | null;
  approver?: string | { id: number; name: string } | null;
  document: SchemeDocument;
}

export interface CheckProblem {
  field: string;
  message: string;
  key?: string;
  args?: Record<string, string>;
}

export function listSchemes(): Promise<SchemeSummary[]> {
  return request<{ items: SchemeSummary[] }>('GET', `${BASE}/schemes`).then((r) => r.items);
}

export function createScheme(body: { code: string; name: Bilingual; subject_kind: SubjectKind }): Promise<SchemeSummary> {
  return request<SchemeSummary>('POST', `${BASE}/schemes`, { body });
}

export function getVersion(id: number, n: number): Promise<SchemeVersion> {
  return request<SchemeVersion>('GET', `${BASE}/schemes/${id}/versions/${n}`);
}

export function createVersion(id: number, document: SchemeDocument): Promise<SchemeVersion> {
  return request<SchemeVersion>('POST', `${BASE}/schemes/${id}/versions`, { body: { document } });
}

export function saveVersion(id: number, n: number, document: SchemeDocument): Promise<SchemeVersion> {
  return request<SchemeVersion>('PUT', `${BASE}/schemes/${id}/versions/${n}`, { body: { document } });
}

export function approveVersion(id: number, n: number, effective_from: string): Promise<SchemeVersion> {
  return request<SchemeVersion>('POST', `${BASE}/schemes/${id}/versions/${n}/approve`, { body: { effective_from } });
}

export function checkVersion(
  id: number,
  n: number,
  document: SchemeDocument,
  signal?: AbortSignal,
): Promise<{ ok: boolean; errors: CheckProblem[] }> {
  return request('POST', `${BASE}/schemes/${id}/versions/${n}/check`, { body: { document }, signal });
}

export function exportVersionUrl(id: number, n: number): string {
  return apiUrl(`${BASE}/schemes/${id}/versions/${n}/export`);
}

export function importScheme(body: {
  code: string;
  name: Bilingual;
  subject_kind: SubjectKind;
  document: SchemeDocument;
}): Promise<SchemeSummary> {
  return request<SchemeSummary>('POST', `${BASE}/schemes/import`, { body });
}

// --- Periods and results ------------------------------------------------------------------------

export type PeriodStatus = 'planned' | 'collecting' | 'evaluated' | 'published' | 'locked' | (string & {});
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type PeriodStep = 'collect' | 'evaluate' | 'publish' | 'lock';

export interface Period {
  id: number;
  name: string;
  status: PeriodStatus;
  kind?: PeriodKind;
  /** Whom the period assesses (the scheme's kind). */
  subject_kind?: SubjectKind;
  scheme?: { id: number; code?: string; name?: Bilingual | string } | number | string;
  version?: number;
  from: string;
  to: string;
  scope?: unknown;
  counts?: Record<string, number>;
  snapshot_sha256?: string | null;
  appeal_deadline?: string | null;
}

export interface ResultRow {
  assessee_id: number;
  name: string;
  department?: string | null;
  group?: string | null;
  total: number | null;
  no_data?: boolean;
  rank: number | null;
  grade: string | null;
  coefficient?: number | null;
  failed?: boolean;
  list?: 'red' | 'black' | null;
  yellow_card?: boolean;
  volume?: number | null;
  ranked?: boolean;
  /** A locked result's correction in force (the latest approved), or null. */
  correction?: Correction | null;
}

export interface ResultNode {
  code: string;
  path?: string;
  name?: Bilingual | string;
  depth: number;
  max_points?: number | null;
  measured?: number | null;
  no_data?: boolean;
  sample?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  wilson?: [number, number] | null;
  target?: number | null;
  rule?: SchemeRule | string | null;
  points?: number | null;
  weight?: number | null;
  contribution?: number | null;
  /** The indicator this node scores, and the measures behind it (for the drill-down). */
  indicator?: string | null;
  measures?: string[] | null;
}

export interface ResultDetail extends ResultRow {
  nodes: ResultNode[];
  /** A quarter or year made of its locked months: each month's total (null: no data) and volume. */
  months?: { period_id: number; name: string; total: number | null; volume: number }[];
  inputs?: unknown;
  comments?: ResultComment[] | null;
  group_mean?: Record<string, number | null>;
  /** Every correction of a locked result, and the one in force (the latest approved) or null. */
  corrections?: Correction[];
  correction?: Correction | null;
}

/** The assessor's comment on a result: overall (`indicator_code` null) or on one indicator. */
export interface ResultComment {
  indicator_code?: string | null;
  text: string;
  written_by?: number;
  author?: string;
  at?: string;
}

export function putComment(periodId: number, assessee: number, body: { indicator_code?: string | null; text: string }): Promise<ResultComment> {
  return request<ResultComment>('PUT', `${BASE}/periods/${periodId}/results/${assessee}/comment`, { body });
}

export type CorrectionStatus = 'proposed' | 'approved' | 'withdrawn' | 'rejected';

/** A correction of a locked result (更正): a new record beside it; the locked result never changes. */
export interface Correction {
  id: number;
  period_id: number;
  assessee_id: number;
  original_total: number | null;
  corrected_total: number;
  grade: string | null;
  coefficient: number | null;
  reason: string;
  evidence: string;
  status: CorrectionStatus;
  proposed_by: number;
  proposed_at: string;
  approved_by: number | null;
  approved_at: string | null;
  rejected_by?: number | null;
  rejected_at?: string | null;
  /** Why an approver rejected it (1–500 characters); null unless rejected. */
  rejection_reason?: string | null;
}

export function proposeCorrection(periodId: number, body: { assessee_id: number; total?: number | null; reason: string; evidence: string }): Promise<Correction> {
  return request<Correction>('POST', `${BASE}/periods/${periodId}/corrections`, { body });
}

export function approveCorrection(id: number): Promise<Correction> {
  return request<Correction>('POST', `${BASE}/corrections/${id}/approve`, { body: {} });
}

export function withdrawCorrection(id: number): Promise<Correction> {
  return request<Correction>('POST', `${BASE}/corrections/${id}/withdraw`, { body: {} });
}

/** An approver other than the proposer rejects a proposed correction, with a reason; nothing changes. */
export function rejectCorrection(id: number, reason: string): Promise<Correction> {
  return request<Correction>('POST', `${BASE}/corrections/${id}/reject`, { body: { reason } });
}

export function listPeriods(): Promise<Period[]> {
  return request<{ items: Period[] }>('GET', `${BASE}/periods`).then((r) => r.items);
}

export function createPeriod(body: {
  name: string;
  scheme_id: number;
  kind: PeriodKind;
  from: string;
  to: string;
  scope_department_id?: number;
}): Promise<Period> {
  return request<Period>('POST', `${BASE}/periods`, { body });
}

export function getPeriod(id: number): Promise<Period> {
  return request<Period>('GET', `${BASE}/periods/${id}`);
}

export function stepPeriod(id: number, step: PeriodStep): Promise<Period> {
  return request<Period>('POST', `${BASE}/periods/${id}/${step}`, { body: {} });
}

export function verifyPeriod(id: number): Promise<{ identical: boolean; sha256: string }> {
  return request('POST', `${BASE}/periods/${id}/verify`, { body: {} });
}

export function listResults(id: number, group?: string): Promise<{ live: boolean; items: ResultRow[] }> {
  return request('GET', `${BASE}/periods/${id}/results`, { query: { group } });
}

export function getResult(id: number, assessee: number): Promise<ResultDetail> {
  return request<ResultDetail>('GET', `${BASE}/periods/${id}/results/${assessee}`);
}

export function resultsFileUrl(id: number, format: 'csv' | 'xlsx', group?: string): string {
  return apiUrl(`${BASE}/periods/${id}/results.${format}`, { group });
}

// --- Manual inputs (人工录入) ------------------------------------------------------------------------

/** A value the scheme takes from a person: a manual indicator, or a bonus or deduction item (a count). */
export interface ManualField {
  code: string;
  kind: 'indicator' | 'bonus' | 'deduction';
  /** The values it accepts (the server checks them): min ≤ value ≤ max (no max: unbounded), whole: a count. */
  min: number;
  max: number | null;
  whole: boolean;
  indicator?: Indicator;
  /** The name of the scheme node scoring it. */
  node_name?: Bilingual;
}

export interface ManualInput {
  assessee_id: number;
  indicator_code: string;
  value: number;
  evidence: string;
  entered_by: number;
  entered_by_name: string;
  entered_at: string;
}

export interface InputSheet {
  period: Period;
  /** Values may be entered (planned or collecting); else read-only. */
  editable: boolean;
  fields: ManualField[];
  assessees: { id: number; name: string; department?: string | null }[];
  items: ManualInput[];
}

export function getInputs(periodId: number): Promise<InputSheet> {
  return request<InputSheet>('GET', `${BASE}/periods/${periodId}/inputs`);
}

export function putInput(periodId: number, assesseeId: number, code: string, body: { value?: number | null; evidence?: string }): Promise<ManualInput> {
  return request<ManualInput>('PUT', `${BASE}/periods/${periodId}/inputs/${assesseeId}/${encodeURIComponent(code)}`, { body });
}

// --- Exclusions and appeals ---------------------------------------------------------------------

export type RequestStatus = 'requested' | 'approved' | 'rejected';

export type ExclusionReason = Schemas['ExclusionReason'];
export type Exclusion = Schemas['Exclusion'];

export function listExclusionReasons(): Promise<ExclusionReason[]> {
  return request<{ items: ExclusionReason[] }>('GET', `${BASE}/exclusion-reasons`).then((r) => r.items);
}

export function listExclusions(status?: RequestStatus): Promise<Exclusion[]> {
  return request<{ items: Exclusion[] }>('GET', `${BASE}/exclusions`, { query: { status } }).then((r) => r.items);
}

export function requestExclusion(body: { ticket_id: number; reason_code: string; evidence: string }): Promise<Exclusion> {
  return request<Exclusion>('POST', `${BASE}/exclusions`, { body });
}

export function decideExclusion(id: number, decision: 'approve' | 'reject', note: string): Promise<Exclusion> {
  return request<Exclusion>('POST', `${BASE}/exclusions/${id}/${decision}`, { body: { note } });
}

export type AppealStatus = 'open' | 'upheld' | 'partly_upheld' | 'rejected' | (string & {});
export type AppealOutcome = 'upheld' | 'partly_upheld' | 'rejected';

export interface Appeal {
  id: number;
  period_id: number;
  period_name?: string;
  assessee_id: number;
  assessee_name?: string;
  indicator_code?: string | null;
  reason: string;
  evidence?: string;
  status: AppealStatus;
  filed_at?: string;
  deadline?: string | null;
  decision_reason?: string | null;
  adjustment?: {
    id: number;
    points: number;
    status?: 'proposed' | 'approved' | 'withdrawn';
    proposed_by?: number;
    approved_by?: number | null;
  } | null;
}

export function listAppeals(status?: string): Promise<Appeal[]> {
  return request<{ items: Appeal[] }>('GET', `${BASE}/appeals`, { query: { status } }).then((r) => r.items);
}

export function fileAppeal(
  periodId: number,
  body: { assessee_id: number; indicator_code?: string; reason: string; evidence: string },
): Promise<Appeal> {
  return request<Appeal>('POST', `${BASE}/periods/${periodId}/appeals`, { body });
}

export function decideAppeal(
  id: number,
  body: { outcome: AppealOutcome; reason: string; adjustment?: { points: number } },
): Promise<Appeal> {
  return request<Appeal>('POST', `${BASE}/appeals/${id}/decide`, { body });
}

export function approveAdjustment(id: number): Promise<unknown> {
  return request('POST', `${BASE}/adjustments/${id}/approve`, { body: {} });
}

/** Its proposer takes a proposed adjustment back before it is approved. */
export function withdrawAdjustment(id: number): Promise<unknown> {
  return request('POST', `${BASE}/adjustments/${id}/withdraw`, { body: {} });
}

// --- A person's own results and archive ------------------------------------------------------------

export interface OwnResult extends ResultRow {
  comments?: ResultComment[];
  period_id: number;
  period_name: string;
  status?: PeriodStatus;
  from?: string;
  to?: string;
  appeal_deadline?: string | null;
}

/** Complaint counts of a span (the whole archive or one period); `on_time` of the `answered` ones. */
export interface ComplaintCounts {
  count: number;
  substantiated: number;
  decided: number;
  answered: number;
  on_time: number;
}

export interface ArchiveComplaint {
  ticket_id: number;
  ticket_number: string;
  title: string;
  at: string;
  substantiated: boolean | null;
  answered: boolean;
  on_time: boolean | null;
}

export interface ComplaintCard extends ComplaintCounts {
  by_period: (ComplaintCounts & { period_id: number; period_name: string })[];
  latest: ArchiveComplaint[];
}

export interface ArchiveInspection {
  id: number;
  ticket_id: number | null;
  ticket_number: string | null;
  state: string;
  published_at: string;
  percent: number | null;
  passed: boolean;
  critical_failed: boolean;
}

export interface InspectionCard {
  count: number;
  scored: number;
  mean_percent: number | null;
  passed: number;
  critical_fails: number;
  latest: ArchiveInspection[];
}

/** An appeal of the person's: of an assessment result or of an inspection. */
export interface ArchiveAppeal {
  kind: 'assessment' | 'inspection';
  id: number;
  period_id?: number;
  period_name?: string;
  indicator_code?: string | null;
  inspection_id?: number;
  ticket_number?: string | null;
  reason: string;
  filed_at: string;
  status: 'open' | 'decided';
  outcome: 'upheld' | 'partly_upheld' | 'rejected' | null;
  decision_reason: string;
  decided_at: string | null;
}

export interface Archive {
  staff_id: number;
  name?: string;
  results: OwnResult[];
  /** null: no module answers for the card (shown as —, never 0). */
  complaints: ComplaintCard | null;
  appeals: ArchiveAppeal[];
  inspections: InspectionCard | null;
}

/** A row of `/me/results` and `/archive/{id}` as the server sends it: the result and its period. */
interface PeriodResultRow extends ResultRow {
  period: Period;
  comments?: ResultComment[];
}

function ownResult(row: PeriodResultRow): OwnResult {
  const { period, ...result } = row;
  return {
    ...result,
    period_id: period.id,
    period_name: period.name,
    status: period.status,
    from: period.from,
    to: period.to,
    appeal_deadline: period.appeal_deadline ?? null,
  };
}

export function myResults(): Promise<OwnResult[]> {
  return request<{ items: PeriodResultRow[] }>('GET', `${BASE}/me/results`).then((r) => r.items.map(ownResult));
}

interface ArchiveReply {
  staff_id: number;
  name: string;
  items: PeriodResultRow[];
  complaints: ComplaintCard | null;
  appeals: ArchiveAppeal[];
  inspections: InspectionCard | null;
}

export function getArchive(staffId: number): Promise<Archive> {
  return request<ArchiveReply>('GET', `${BASE}/archive/${staffId}`).then((r) => ({
    staff_id: r.staff_id,
    name: r.name,
    results: r.items.map(ownResult),
    complaints: r.complaints,
    appeals: r.appeals,
    inspections: r.inspections,
  }));
}
