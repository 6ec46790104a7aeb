// Exclusions and appeals: an agent asks to exclude a ticket with evidence, quality approves it
// (routes on main); the appeal inbox lists appeals by status, names the assessee and the period,
// and lets the proposer of an adjustment withdraw it before approval (the appeal is then open again).
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession, registerConsultation } from './desk-helpers';
import { tableRows, unique } from './helpers';

test('an agent requests an exclusion with evidence and quality approves it', async ({ page, login, baseURL }) => {
  test.slow();
  const ticket = await registerConsultation(baseURL as string, unique('E2E剔除'));
  await login('agent', '/assessment/exclusions');
  await page.getByTestId('request-exclusion').click();
  const modal = page.locator('.ant-modal-content');
  await modal.locator('#ticket_id').fill(String(ticket.id));
  await modal.locator('#reason_code').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  // Without evidence the form refuses before anything is sent.
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(modal.locator('#evidence_help')).toContainText('必填');
  await modal.locator('#evidence').fill('与另一工单重复，见通话录音');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('剔除申请已提交')).toBeVisible();

  await login('quality', '/assessment/exclusions');
  const row = tableRows(page, 'exclusion-table').filter({ hasText: ticket.number });
  await row.getByTestId('approve-exclusion').click();
  await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('剔除已批准')).toBeVisible();
  await page.locator('.ant-radio-button-wrapper', { hasText: '已批准' }).click();
  await expect(page.getByTestId('exclusion-table')).toContainText(ticket.number);
});

test('the appeal inbox lists appeals by status', async ({ page, login }) => {
  await login('quality');
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/assessment/appeals'));
  await page.goto('/assessment/appeals');
  expect((await answered).status()).toBe(200);
  await expect(page.getByRole('heading', { name: '申诉处理' })).toBeVisible();
  await expect(page.getByTestId('appeal-table')).toBeVisible();
  await page.getByText('全部', { exact: true }).click();
  await expect(page.getByTestId('appeal-table')).toBeVisible();
});

test('the proposer withdraws a proposed adjustment from the appeal inbox', async ({ page, login, baseURL }) => {
  test.slow();
  const A = '/api/v1/assessment';
  const as = async (username: string) => apiSession(baseURL as string, username);
  const post = async (s: { api: APIRequestContext; csrf: string }, path: string, data: unknown = {}) => {
    const r = await s.api.post(path, { data, headers: { 'X-CSRF-Token': s.csrf } });
    expect(r.ok(), await r.text()).toBe(true);
    return r.json();
  };
  // A published period of a one-indicator staff scheme, an agent's appeal, and an adjustment of
  // one point proposed by admin (who did not evaluate the period).
  const [quality, executive, agent, admin] = await Promise.all(['quality', 'executive', 'agent', 'admin'].map(as));
  const code = unique('e2e-withdraw');
  const scheme = await post(quality, `${A}/schemes`, { code, name: { zh: '撤回测试', en: 'Withdraw test' }, subject_kind: 'staff' });
  await post(quality, `${A}/schemes/${scheme.id}/versions`, {
    document: {
      tree: { code: 'total', max_points: 100, children: [
        { code: 'team', max_points: 100, indicator: { code: 'team_collaboration', rule: { kind: 'linear', floor: 0, target: 10 } } },
      ] },
      rounding: { decimals: 2 }, appeal_days: 5,
    },
  });
  await post(executive, `${A}/schemes/${scheme.id}/versions/1/approve`, { effective_from: '2020-01-01' });
  const periodName = unique('E2E周期');
  const period = await post(quality, `${A}/periods`, { name: periodName, scheme_id: scheme.id, kind: 'month', from: '2026-10-01', to: '2026-11-01' });
  const me = await (await agent.api.get('/api/v1/me')).json();
  await post(quality, `${A}/periods/${period.id}/collect`);
  const put = await quality.api.put(`${A}/periods/${period.id}/inputs/${me.id}/team_collaboration`, {
    data: { value: 8, evidence: '组长评分表' }, headers: { 'X-CSRF-Token': quality.csrf },
  });
  expect(put.ok(), await put.text()).toBe(true);
  await post(quality, `${A}/periods/${period.id}/evaluate`);
  await post(quality, `${A}/periods/${period.id}/publish`);
  const reason = unique('评分漏算');
  const appeal = await post(agent, `${A}/periods/${period.id}/appeals`, { assessee_id: me.id, reason, evidence: '周报' });
  await post(admin, `${A}/appeals/${appeal.id}/decide`, { outcome: 'upheld', reason: '属实', adjustment: { points: 1 } });

  await login('admin', '/assessment/appeals');
  await page.locator('.ant-radio-button-wrapper', { hasText: '全部' }).click();
  const row = tableRows(page, 'appeal-table').filter({ hasText: reason });
  await expect(row).toContainText(periodName);
  await expect(row).toContainText(me.display_name);
  await expect(row).toContainText('待审批');
  await row.getByTestId('withdraw-adjustment').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('调整已撤回')).toBeVisible();
  await expect(row).toContainText('已撤回');
  await expect(row.getByTestId('withdraw-adjustment')).toHaveCount(0);
  await expect(row.getByTestId('approve-adjustment')).toHaveCount(0);
  // The appeal is back in review: open, to be decided again.
  await expect(row).toContainText('待处理');
  await expect(row.getByTestId('decide-appeal')).toBeVisible();
});
