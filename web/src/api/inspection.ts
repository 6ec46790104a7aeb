// Quality inspections (issue 12): scorecards (versioned, with the builder's preview) and
// inspections with their workflow, appeals and corrections; calibration sessions. Types generated
// from docs/openapi.yaml.
import { apiUrl, request } from './client';
import type { components, operations } from './generated/openapi';
import type { Page } from './types';

type Schemas = components['schemas'];

export type ScorecardItem = Schemas['ScorecardItem'];
export type ScorecardSection = Schemas['ScorecardSection'];
export type ScorecardDefinition = Schemas['ScorecardDefinition'];
export type ScorecardInput = Schemas['ScorecardInput'];
export type Scorecard = Schemas['Scorecard'];
export type ScorecardScore = Schemas['ScorecardScore'];
export type Scale = ScorecardItem['scale'];
export type Critical = NonNullable<ScorecardItem['critical']>;
export type CardMethod = NonNullable<ScorecardDefinition['method']>;

/** One item's answer: a value on its scale, or "na" (not applicable). */
export type Answer = Schemas['InspectionAnswer'];
export type Answers = Record<string, Answer>;

export type Inspection = Schemas['Inspection'];
export type InspectionState = Inspection['state'];
export type InspectionKind = Inspection['kind'];
export type Assignment = Schemas['InspectionAssignment'];
export type Decision = Schemas['InspectionDecision'];
export type AppealOutcome = Decision['outcome'];
export type InspectionQuery = Omit<NonNullable<operations['listInspections']['parameters']['query']>, 'before_id'>;

export function previewScorecard(definition: ScorecardDefinition, answers: Answers, signal?: AbortSignal): Promise<ScorecardScore> {
  return request<ScorecardScore>('POST', '/scorecards/preview', { body: { ...definition, answers }, signal });
}

export function listScorecards(): Promise<Scorecard[]> {
  return request<{ items?: Scorecard[] }>('GET', '/scorecards').then((r) => r.items ?? []);
}

export function getScorecard(id: number, version?: number): Promise<Scorecard> {
  return request<Scorecard>('GET', `/scorecards/${id}`, { query: { version } });
}

export function saveScorecard(id: number | null, card: ScorecardInput): Promise<Scorecard> {
  return id === null ? request<Scorecard>('POST', '/scorecards', { body: card }) : request<Scorecard>('PUT', `/scorecards/${id}`, { body: card });
}

/** One page, newest first; `before_id` pages on. */
export function listInspections(query: InspectionQuery, beforeId?: number): Promise<Inspection[]> {
  return request<{ items?: Inspection[] }>('GET', '/inspections', { query: { ...query, before_id: beforeId } }).then((r) => r.items ?? []);
}

/** With `scorecard`: the card version it is scored with. */
export function getInspection(id: number): Promise<Inspection> {
  return request<Inspection>('GET', `/inspections/${id}`);
}

export function assignInspection(a: Assignment): Promise<Inspection> {
  return request<Inspection>('POST', '/inspections', { body: a });
}

/** When and where a site check was made (each part optional; a part not sent stays as stored). */
export type InspectionLocation = Schemas['InspectionLocation'];
export interface SiteRecord {
  checked_at?: string;
  location?: InspectionLocation;
}

export function saveAnswers(id: number, answers: Answers, notes: string, site: SiteRecord = {}): Promise<Inspection> {
  return request<Inspection>('PUT', `/inspections/${id}/answers`, { body: { answers, notes, ...site } });
}

export function submitInspection(id: number, answers: Answers, notes: string, site: SiteRecord = {}): Promise<Inspection> {
  return request<Inspection>('POST', `/inspections/${id}/submit`, { body: { answers, notes, ...site } });
}

// ---- photos per item ----

export type InspectionPhoto = Schemas['InspectionPhoto'];

/** Sent as octet-stream: the server sniffs the type from the bytes (JPEG, PNG or WebP). */
export function addInspectionPhoto(id: number, item: string, file: Blob): Promise<InspectionPhoto> {
  return request<InspectionPhoto>('POST', `/inspections/${id}/photos`, { query: { item }, raw: { data: file, contentType: 'application/octet-stream' } });
}

export function deleteInspectionPhoto(id: number, photoId: number): Promise<void> {
  return request<void>('DELETE', `/inspections/${id}/photos/${photoId}`);
}

/** The image's address, for an <img> (the session cookie goes along). */
export function inspectionPhotoUrl(id: number, photoId: number): string {
  return apiUrl(`/inspections/${id}/photos/${photoId}`);
}

export function publishInspection(id: number): Promise<Inspection> {
  return request<Inspection>('POST', `/inspections/${id}/publish`, { body: {} });
}

export function acknowledgeInspection(id: number): Promise<Inspection> {
  return request<Inspection>('POST', `/inspections/${id}/acknowledge`, { body: {} });
}

export function appealInspection(id: number, reason: string): Promise<Inspection> {
  return request<Inspection>('POST', `/inspections/${id}/appeal`, { body: { reason } });
}

export function decideInspectionAppeal(id: number, decision: Decision): Promise<Inspection> {
  return request<Inspection>('POST', `/inspections/${id}/decision`, { body: decision });
}

// ---- sampling plans ----

export type SamplingPlanInput = Schemas['SamplingPlanInput'];
export type SamplingPlan = Schemas['SamplingPlan'];
export type SamplingRun = Schemas['SamplingRun'];
export type SamplingCoverage = Schemas['SamplingCoverage'];
export type SampledTicket = SamplingRun['tickets'][number];
export type RunRequest = { at?: string; seed?: number; dry_run?: boolean };

export function listSamplingPlans(): Promise<SamplingPlan[]> {
  return request<{ items?: SamplingPlan[] }>('GET', '/sampling-plans').then((r) => r.items ?? []);
}

export function createSamplingPlan(plan: SamplingPlanInput): Promise<SamplingPlan> {
  return request<SamplingPlan>('POST', '/sampling-plans', { body: plan });
}

export type SamplingPlanChange = Schemas['SamplingPlanChange'];

/** Edits the name, quota, strata or `active`; the scope stays. */
export function updateSamplingPlan(id: number, change: SamplingPlanChange): Promise<SamplingPlan> {
  return request<SamplingPlan>('PATCH', `/sampling-plans/${id}`, { body: change });
}

/** A dry run shows the draw and stores nothing; a run assigns the inspections. */
export function runSamplingPlan(id: number, run: RunRequest): Promise<SamplingRun> {
  return request<SamplingRun>('POST', `/sampling-plans/${id}/runs`, { body: run });
}

/** Newest first, without their tickets. */
export function listSamplingRuns(id: number): Promise<SamplingRun[]> {
  return request<{ items?: SamplingRun[] }>('GET', `/sampling-plans/${id}/runs`).then((r) => r.items ?? []);
}

// ---- charts ----

export type TrendPoint = Schemas['InspectionTrendPoint'];
export type ParetoBar = Schemas['InspectionParetoBar'];

export function inspectionTrend(query: { from: string; to: string; by: 'agent' | 'department'; period: 'week' | 'month' }): Promise<TrendPoint[]> {
  return request<{ items?: TrendPoint[] }>('GET', '/inspection-reports/trend', { query }).then((r) => r.items ?? []);
}

export function inspectionPareto(query: { from: string; to: string }): Promise<ParetoBar[]> {
  return request<{ items?: ParetoBar[] }>('GET', '/inspection-reports/pareto', { query }).then((r) => r.items ?? []);
}

// ---- calibration sessions (校准) ----

export type CalibrationSession = Schemas['CalibrationSession'];
export type CalibrationInput = Schemas['CalibrationInput'];
export type CalibrationScore = Schemas['CalibrationScore'];
export type CalibrationResults = Schemas['CalibrationResults'];

export function listCalibrations(cursor: string | null, limit: number, signal?: AbortSignal): Promise<Page<CalibrationSession>> {
  return request<Page<CalibrationSession>>('GET', '/calibrations', { query: { cursor, limit }, signal });
}

export function getCalibration(id: number): Promise<CalibrationSession> {
  return request<CalibrationSession>('GET', `/calibrations/${id}`);
}

export function createCalibration(input: CalibrationInput): Promise<CalibrationSession> {
  return request<CalibrationSession>('POST', '/calibrations', { body: input });
}

export function saveCalibrationAnswers(id: number, answers: Answers, notes: string): Promise<CalibrationScore> {
  return request<CalibrationScore>('PUT', `/calibrations/${id}/answers`, { body: { answers, notes } });
}

export function submitCalibration(id: number, answers: Answers, notes: string): Promise<CalibrationScore> {
  return request<CalibrationScore>('POST', `/calibrations/${id}/submit`, { body: { answers, notes } });
}

export function closeCalibration(id: number): Promise<CalibrationSession> {
  return request<CalibrationSession>('POST', `/calibrations/${id}/close`, { body: {} });
}
