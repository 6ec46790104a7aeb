// Surveys: templates, dispatch rules, settings, invitations and their links, results and the
// follow-ups of low scores. Types come from docs/openapi.yaml through generated/openapi.ts.
import { apiUrl, request } from './client';
import type { components } from './generated/openapi';
import type { Page } from './types';

type Schemas = components['schemas'];
export type SurveyText = Schemas['ZhEn'];
export type SurveyQuestion = Schemas['SurveyQuestion'];
export type SurveyTemplate = Schemas['SurveyTemplate'];
export type SurveyTemplateInput = Schemas['SurveyTemplateInput'];
export type SurveyRule = Schemas['SurveyRule'];
export type SurveyRuleInput = Schemas['SurveyRuleInput'];
export type SurveySettings = Schemas['SurveySettings'];
export type SurveyInvitation = Schemas['SurveyInvitation'];
export type SurveyRate = Schemas['SurveyRate'];
export type SurveyNps = Schemas['SurveyNps'];
export type SurveyGroup = Schemas['SurveyGroup'];
export type SurveyResults = Schemas['SurveyResults'];
export type SurveyFollowUp = Schemas['SurveyFollowUp'];
export type SurveyCampaign = Schemas['SurveyCampaign'];
export type SurveyCampaignInput = Schemas['SurveyCampaignInput'];
export type SurveyStratum = Schemas['SurveyStratum'];
export type SurveyStratumProgress = Schemas['SurveyStratumProgress'];
export type SurveyCampaignProgress = SurveyCampaign & { progress: { total: SurveyStratumProgress; strata: SurveyStratumProgress[] } };
export type CampaignPreview = { population: number; sample_size: number; drawn: number; with_email: number; seed: number; strata: SurveyStratum[] };
export type StratifyBy = NonNullable<SurveyCampaignInput['stratify_by']>;
export type QuestionKind = SurveyQuestion['kind'];
export type FollowUpOutcome = NonNullable<SurveyFollowUp['outcome']>;

export const QUESTION_KINDS: readonly QuestionKind[] = ['csat', 'nps', 'ces', 'likert', 'single', 'multiple', 'text'];
export const STRATIFY_BY: readonly StratifyBy[] = ['none', 'department', 'tier'];
export const OUTCOMES: readonly FollowUpOutcome[] = ['recontacted', 'satisfied_after_redo', 'rating_withdrawn'];

export function listTemplates(signal?: AbortSignal): Promise<{ items: SurveyTemplate[] }> {
  return request('GET', '/survey-templates', { signal });
}
export function createTemplate(input: SurveyTemplateInput): Promise<SurveyTemplate> {
  return request('POST', '/survey-templates', { body: input });
}
export function updateTemplate(id: number, input: SurveyTemplateInput): Promise<SurveyTemplate> {
  return request('PUT', `/survey-templates/${id}`, { body: input });
}
export function listRules(signal?: AbortSignal): Promise<{ items: SurveyRule[] }> {
  return request('GET', '/survey-rules', { signal });
}
export function createRule(input: SurveyRuleInput): Promise<SurveyRule> {
  return request('POST', '/survey-rules', { body: input });
}
export function deactivateRule(id: number): Promise<void> {
  return request('DELETE', `/survey-rules/${id}`);
}
export function getSettings(signal?: AbortSignal): Promise<SurveySettings> {
  return request('GET', '/survey-settings', { signal });
}
export function saveSettings(settings: SurveySettings): Promise<SurveySettings> {
  return request('PUT', '/survey-settings', { body: settings });
}
export function listInvitations(
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
  campaignId?: number,
): Promise<Page<SurveyInvitation>> {
  return request('GET', '/survey-invitations', { query: { cursor, limit, campaign_id: campaignId }, signal });
}
export function listCampaigns(signal?: AbortSignal): Promise<{ items: SurveyCampaign[] }> {
  return request('GET', '/survey-campaigns', { signal });
}
export function previewCampaign(input: SurveyCampaignInput): Promise<CampaignPreview> {
  return request('POST', '/survey-campaigns/preview', { body: input });
}
export function createCampaign(input: SurveyCampaignInput): Promise<SurveyCampaign> {
  return request('POST', '/survey-campaigns', { body: input });
}
export function getCampaign(id: number, signal?: AbortSignal): Promise<SurveyCampaignProgress> {
  return request('GET', `/survey-campaigns/${id}`, { signal });
}
export function issueLink(id: number): Promise<{ invitation: SurveyInvitation; token: string; path: string }> {
  return request('POST', `/survey-invitations/${id}/link`);
}
export type SurveySource = 'link' | 'callback' | 'agency';
export const SOURCES: readonly SurveySource[] = ['link', 'callback', 'agency'];
export type ResultsQuery = { template_id?: number; from?: string; to?: string; campaign_id?: number; source?: SurveySource };
export function getResults(query: ResultsQuery, signal?: AbortSignal): Promise<SurveyResults> {
  return request('GET', '/survey-results', { query, signal });
}
export type TrendPoint = {
  start: string;
  invitations: number;
  response_rate: SurveyRate;
  csat: SurveyRate;
  nps: SurveyNps;
  satisfaction: SurveyRate;
};
export function getTrend(query: ResultsQuery & { bucket: 'week' | 'month' }, signal?: AbortSignal): Promise<{ bucket: string; items: TrendPoint[] }> {
  return request('GET', '/survey-results/trend', { query, signal });
}

/** Imports an external agency's results (CSV or XLSX), all or nothing. */
export function importAgencyResults(file: Blob, contentType: string, filename: string): Promise<{ import_id: number; rows: number }> {
  return request('POST', '/survey-agency-imports', { query: { filename }, raw: { data: file, contentType } });
}
export function agencyTemplateUrl(lang: 'zh-CN' | 'en'): string {
  return apiUrl('/survey-agency-imports/template', { lang });
}

export type Topic = { key: string; label: SurveyText; keywords: string[] };
export type OpenText = Schemas['SurveyOpenText'];
export type TextsQuery = { q?: string; topic?: string; from?: string; to?: string; campaign_id?: number; source?: 'link' | 'agency'; limit?: number };
export type TextSummary = {
  texts: number;
  truncated: boolean;
  topics: { key: string; label: SurveyText; count: number }[];
  words: { word: string; count: number; keyword: boolean }[];
};
export function getTopics(signal?: AbortSignal): Promise<{ topics: Topic[] }> {
  return request('GET', '/survey-topics', { signal });
}
export function saveTopics(topics: Topic[]): Promise<{ topics: Topic[] }> {
  return request('PUT', '/survey-topics', { body: { topics } });
}
export function listTexts(query: TextsQuery, signal?: AbortSignal): Promise<{ items: OpenText[] }> {
  return request('GET', '/survey-texts', { query, signal });
}
export function summarizeTexts(query: TextsQuery, signal?: AbortSignal): Promise<TextSummary> {
  return request('GET', '/survey-texts/summary', { query, signal });
}
export function listFollowUps(state: 'open' | 'all', signal?: AbortSignal): Promise<{ items: SurveyFollowUp[] }> {
  return request('GET', '/survey-followups', { query: { state }, signal });
}
export function updateFollowUp(
  id: number,
  patch: { owner_id?: number | null; deadline_at?: string; outcome?: FollowUpOutcome; note?: string },
): Promise<SurveyFollowUp> {
  return request('PATCH', `/survey-followups/${id}`, { body: patch });
}
