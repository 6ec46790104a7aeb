// Improvement actions (整改 / CAPA, issue 12): actions, suggestions and their triage, root-cause
// categories, audits and management reviews. Types generated from docs/openapi.yaml.
import { request } from './client';
import type { components, operations } from './generated/openapi';

type Schemas = components['schemas'];

export type RootCause = Schemas['ImprovementRootCause'];
export type RootCauseInput = Schemas['ImprovementRootCauseInput'];
export type Action = Schemas['ImprovementAction'];
export type ActionDetail = Schemas['ImprovementActionDetail'];
export type ActionInput = Schemas['ImprovementActionInput'];
export type ActionStatus = Action['status'];
export type ActionSource = Action['source'];
export type Transition = Schemas['ImprovementTransition'];
export type Triage = Schemas['ImprovementTriage'];
export type Audit = Schemas['ImprovementAudit'];
export type AuditInput = Schemas['ImprovementAuditInput'];
export type ActionQuery = NonNullable<operations['listImprovementActions']['parameters']['query']>;

const A = '/improvement';

export function listRootCauses(): Promise<RootCause[]> {
  return request<{ items?: RootCause[] }>('GET', `${A}/root-causes`).then((r) => r.items ?? []);
}

export function saveRootCause(id: number | null, c: RootCauseInput): Promise<RootCause> {
  return id === null
    ? request<RootCause>('POST', `${A}/root-causes`, { body: c })
    : request<RootCause>('PUT', `${A}/root-causes/${id}`, { body: c });
}

export function listActions(query: ActionQuery = {}): Promise<Action[]> {
  return request<{ items?: Action[] }>('GET', `${A}/actions`, { query }).then((r) => r.items ?? []);
}

export function getAction(id: number): Promise<ActionDetail> {
  return request<ActionDetail>('GET', `${A}/actions/${id}`);
}

export function saveAction(id: number | null, a: ActionInput): Promise<Action> {
  return id === null ? request<Action>('POST', `${A}/actions`, { body: a }) : request<Action>('PUT', `${A}/actions/${id}`, { body: a });
}

export function transitionAction(id: number, t: Transition): Promise<Action> {
  return request<Action>('POST', `${A}/actions/${id}/transitions`, { body: t });
}

export function triageSuggestion(id: number, t: Triage): Promise<Action> {
  return request<Action>('POST', `${A}/actions/${id}/triage`, { body: t });
}

export function suggest(s: { title: string; description: string; department_id?: number }): Promise<Action> {
  return request<Action>('POST', `${A}/suggestions`, { body: s });
}

export function listAudits(): Promise<Audit[]> {
  return request<{ items?: Audit[] }>('GET', `${A}/audits`).then((r) => r.items ?? []);
}

export function createAudit(a: AuditInput): Promise<Audit> {
  return request<Audit>('POST', `${A}/audits`, { body: a });
}

export function addFinding(auditId: number, text: string): Promise<Audit> {
  return request<Audit>('POST', `${A}/audits/${auditId}/findings`, { body: { text } });
}
