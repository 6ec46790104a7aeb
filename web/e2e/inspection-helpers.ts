// Set-up of the inspection tests through the API, as quality: a scorecard and an assignment to
// the third-party evaluator (the UI steps are what the tests look at).
import { expect } from './fixtures';
import { apiSession, departmentId, registerConsultation } from './desk-helpers';
import { unique } from './helpers';

/** A two-item card: q1 yes/no (N/A allowed), q2 on a 3-point scale without N/A. */
const SITE_CARD = {
  pass_mark: 80,
  sections: [
    {
      code: 's1',
      name: '门店环境',
      items: [
        { code: 'q1', name: '地面清洁', guidance: '无垃圾、无积水', scale: 'yes_no', max_points: 1 },
        { code: 'q2', name: '标识清晰', guidance: '营业时间和投诉电话已张贴', scale: 'three_point', max_points: 2, na_allowed: false },
      ],
    },
  ],
};

/**
 * Creates the two-item card and assigns the evaluator either a routine check of DESK with the
 * demo agent inspected, or (with `ticketId`) a review of that ticket. Answers the inspection id.
 */
export async function assignToEvaluator(baseURL: string, ticketId?: number): Promise<number> {
  const { api, csrf } = await apiSession(baseURL, 'quality');
  const headers = { 'X-CSRF-Token': csrf };
  try {
    const card = await api.post('/api/v1/scorecards', { headers, data: { name: unique('E2E 门店检查 '), ...SITE_CARD } });
    expect(card.status(), await card.text()).toBe(201);
    const staff = async (q: string) => {
      const r = await api.get(`/api/v1/directory/staff?q=${q}`);
      const found = ((await r.json()) as { items: { id: number; username?: string }[] }).items.find((s) => s.username === q);
      if (!found) throw new Error(`no staff ${q}`);
      return found.id;
    };
    const subject = ticketId
      ? { kind: 'ticket_review', ticket_id: ticketId }
      : { kind: 'routine_check', department_id: await departmentId(baseURL, 'DESK'), agent_id: await staff('agent') };
    const assigned = await api.post('/api/v1/inspections', {
      headers,
      data: { ...subject, scorecard_id: ((await card.json()) as { id: number }).id, inspector_id: await staff('evaluator') },
    });
    expect(assigned.status(), await assigned.text()).toBe(201);
    return ((await assigned.json()) as { id: number }).id;
  } finally {
    await api.dispose();
  }
}

/** A consultation the agent registers and resolves now (so the current week has one of theirs); its id and number. */
export async function resolvedByAgent(baseURL: string, title = unique('E2E 抽检工单 ')): Promise<{ id: number; number: string }> {
  const t = await registerConsultation(baseURL, title);
  const { api, csrf } = await apiSession(baseURL, 'agent');
  try {
    for (const [action, note] of [
      ['respond', '已收到'],
      ['resolve', '已解答'],
    ]) {
      const r = await api.post(`/api/v1/tickets/${t.id}/actions/${action}`, { headers: { 'X-CSRF-Token': csrf }, data: { note } });
      expect(r.status(), await r.text()).toBe(200);
    }
  } finally {
    await api.dispose();
  }
  return t;
}
