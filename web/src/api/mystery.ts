// Mystery shopping (issue 12; docs/inspection.md "Mystery shopping"): scenarios, their visits
// (covert inspections) with the shopper's report and receipts, and the reimbursements. Types
// generated from docs/openapi.yaml.
import { apiUrl, request } from './client';
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

export type MysteryScenario = Schemas['MysteryScenario'];
export type MysteryScenarioInput = Schemas['MysteryScenarioInput'];
export type MysteryChannel = MysteryScenario['channel'];
export type MysteryVisit = Schemas['MysteryVisit'];
export type MysteryVisitDetail = Schemas['MysteryVisitDetail'];
export type MysteryReport = Schemas['MysteryReport'];
export type MysteryReceipt = Schemas['MysteryReceipt'];
export type MysteryCoverage = Schemas['MysteryCoverage'];
export type MysteryClaimTotals = Schemas['MysteryClaimTotals'];
export type MysteryClaim = MysteryVisit['claim'];

export function listMysteryScenarios(): Promise<MysteryScenario[]> {
  return request<{ items?: MysteryScenario[] }>('GET', '/mystery-scenarios').then((r) => r.items ?? []);
}

export function getMysteryScenario(id: number): Promise<MysteryScenario> {
  return request<MysteryScenario>('GET', `/mystery-scenarios/${id}`);
}

export function saveMysteryScenario(id: number | null, s: MysteryScenarioInput): Promise<MysteryScenario> {
  return id === null
    ? request<MysteryScenario>('POST', '/mystery-scenarios', { body: s })
    : request<MysteryScenario>('PUT', `/mystery-scenarios/${id}`, { body: s });
}

export interface ScenarioVisits {
  items: MysteryVisit[];
  scenario: MysteryScenario;
  coverage: MysteryCoverage[];
}

export function listScenarioVisits(id: number): Promise<ScenarioVisits> {
  return request<ScenarioVisits>('GET', `/mystery-scenarios/${id}/visits`);
}

/** Makes the visits still missing per target, dealt to the shoppers in turn. */
export function generateMysteryVisits(id: number, shopperIds: number[]): Promise<MysteryVisit[]> {
  return request<{ items?: MysteryVisit[] }>('POST', `/mystery-scenarios/${id}/visits`, { body: { shopper_ids: shopperIds } }).then(
    (r) => r.items ?? [],
  );
}

export interface Reimbursements {
  items: MysteryVisit[];
  totals: MysteryClaimTotals;
  budget: number | null;
}

export function listReimbursements(id: number): Promise<Reimbursements> {
  return request<Reimbursements>('GET', `/mystery-scenarios/${id}/reimbursements`);
}

export function reimbursementsCsvUrl(id: number): string {
  return apiUrl(`/mystery-scenarios/${id}/reimbursements?format=csv`);
}

export function listMyMysteryVisits(): Promise<MysteryVisit[]> {
  return request<{ items?: MysteryVisit[] }>('GET', '/mystery-visits').then((r) => r.items ?? []);
}

export function getMysteryVisit(id: number): Promise<MysteryVisitDetail> {
  return request<MysteryVisitDetail>('GET', `/mystery-visits/${id}`);
}

export function saveMysteryReport(id: number, report: MysteryReport): Promise<MysteryVisit> {
  return request<MysteryVisit>('PUT', `/mystery-visits/${id}/report`, { body: report });
}

/** Sent as octet-stream: the server sniffs the type from the bytes (JPEG, PNG or WebP). */
export function addMysteryReceipt(id: number, file: Blob): Promise<MysteryReceipt> {
  return request<MysteryReceipt>('POST', `/mystery-visits/${id}/receipts`, { raw: { data: file, contentType: 'application/octet-stream' } });
}

export function deleteMysteryReceipt(id: number, receiptId: number): Promise<void> {
  return request<void>('DELETE', `/mystery-visits/${id}/receipts/${receiptId}`);
}

export function mysteryReceiptUrl(id: number, receiptId: number): string {
  return apiUrl(`/mystery-visits/${id}/receipts/${receiptId}`);
}

export function decideReimbursement(id: number, decision: 'approved' | 'rejected', reason: string): Promise<MysteryVisit> {
  return request<MysteryVisit>('POST', `/mystery-visits/${id}/reimbursement`, { body: { decision, reason } });
}
