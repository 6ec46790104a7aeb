// Beside a result: quality writes the assessor's comment while the period is evaluated, the agent
// reads it in 我的考核 and the archive once published; after locking, quality proposes a
// correction on the result page and, once an executive approves it, it shows beside the locked
// total, which never changes; a second one the executive rejects with a reason, which shows beside
// it. The agent's archive shows its complaint, appeal and inspection cards.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession } from './desk-helpers';
import { tableRows, unique } from './helpers';

const A = '/api/v1/assessment';

test('quality comments on a result and corrects it after locking; the agent reads both', async ({ page, login, baseURL }) => {
  test.slow();
  const as = async (username: string) => apiSession(baseURL as string, username);
  const call = async (s: { api: APIRequestContext; csrf: string }, method: 'post' | 'put', path: string, data: unknown = {}) => {
    const r = await s.api[method](path, { data, headers: { 'X-CSRF-Token': s.csrf } });
    expect(r.ok(), await r.text()).toBe(true);
    return r.json();
  };
  const [quality, executive, agent] = await Promise.all(['quality', 'executive', 'agent'].map(as));
  const code = unique('e2e-notes');
  const scheme = await call(quality, 'post', `${A}/schemes`, { code, name: { zh: '评语测试', en: 'Notes test' }, subject_kind: 'staff' });
  await call(quality, 'post', `${A}/schemes/${scheme.id}/versions`, {
    document: {
      tree: { code: 'total', max_points: 100, children: [
        { code: 'team', max_points: 100, indicator: { code: 'team_collaboration', rule: { kind: 'linear', floor: 0, target: 10 } } },
      ] },
      rounding: { decimals: 2 }, appeal_days: 5,
    },
  });
  await call(executive, 'post', `${A}/schemes/${scheme.id}/versions/1/approve`, { effective_from: '2020-01-01' });
  const periodName = unique('E2E评语');
  const period = await call(quality, 'post', `${A}/periods`, { name: periodName, scheme_id: scheme.id, kind: 'month', from: '2026-09-01', to: '2026-10-01' });
  const me = await (await agent.api.get('/api/v1/me')).json();
  await call(quality, 'post', `${A}/periods/${period.id}/collect`);
  await call(quality, 'put', `${A}/periods/${period.id}/inputs/${me.id}/team_collaboration`, { value: 7, evidence: '组长评分表' });
  await call(quality, 'post', `${A}/periods/${period.id}/evaluate`);

  // Quality writes the overall comment on the evaluated result.
  const comment = unique('协作积极，注意跟进时效');
  await login('quality', `/assessment/periods/${period.id}/assessees/${me.id}`);
  await expect(page.getByTestId('result-total')).toHaveText('70.00');
  await page.getByTestId('write-comment').click();
  const modal = page.locator('.ant-modal-content');
  await modal.getByTestId('comment-text').fill(comment);
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('评语已保存')).toBeVisible();
  await expect(page.getByTestId('result-comments')).toContainText(comment);

  await call(quality, 'post', `${A}/periods/${period.id}/publish`);
  await call(quality, 'post', `${A}/periods/${period.id}/lock`);

  // Locked: no more comments; a correction is proposed beside the result.
  await page.reload();
  await expect(page.getByTestId('write-comment')).toHaveCount(0);
  await page.getByTestId('propose-correction').click();
  await modal.getByTestId('correction-total').fill('82');
  await modal.getByTestId('correction-reason').fill('组长评分录入错误，应为 8.2');
  await modal.getByTestId('correction-evidence').fill('评分表原件');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('更正已提交，等待审批')).toBeVisible();
  const row = tableRows(page, 'correction-table').filter({ hasText: '组长评分录入错误' });
  await expect(row).toContainText('待审批');
  // The proposer cannot approve it; an executive does.
  await expect(row.getByTestId('approve-correction')).toHaveCount(0);
  await login('executive', `/assessment/periods/${period.id}/assessees/${me.id}`);
  await tableRows(page, 'correction-table').filter({ hasText: '组长评分录入错误' }).getByTestId('approve-correction').click();
  await expect(page.getByText('更正已批准')).toBeVisible();
  await expect(page.getByTestId('corrected-total')).toHaveText('82');

  // A second proposal is rejected by the executive with a reason: it shows beside the correction
  // and nothing changes (the approved 82 stays in force).
  await call(quality, 'post', `${A}/periods/${period.id}/corrections`, { assessee_id: me.id, total: 95, reason: '再次复核加分', evidence: '口头说明' });
  await page.reload();
  const doubtful = tableRows(page, 'correction-table').filter({ hasText: '再次复核加分' });
  await doubtful.getByTestId('reject-correction').click();
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(modal.locator('.ant-form-item-explain-error')).toHaveText('必填');
  await modal.getByTestId('reject-reason').fill('缺少书面证明材料');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('更正已驳回')).toBeVisible();
  await expect(doubtful).toContainText('已驳回');
  await expect(doubtful.getByTestId('rejection-reason')).toHaveText('已驳回：缺少书面证明材料');
  await expect(doubtful.getByTestId('reject-correction')).toHaveCount(0);
  await expect(page.getByTestId('corrected-total')).toHaveText('82');

  // The agent: the comment and the correction beside the locked total, in the result and the archive.
  await login('agent', '/assessment/me');
  const mine = tableRows(page, 'results-by-period').filter({ hasText: periodName });
  await mine.getByRole('link', { name: periodName }).click();
  await expect(page.getByTestId('result-total')).toHaveText('70.00');
  await expect(page.getByTestId('summary-correction')).toContainText('82');
  await expect(page.getByTestId('result-comments')).toContainText(comment);
  await expect(tableRows(page, 'correction-table').filter({ hasText: '再次复核加分' })).toContainText('缺少书面证明材料');
  await page.goto(`/assessment/archive/${me.id}`);
  const archived = tableRows(page, 'results-by-period').filter({ hasText: periodName });
  await archived.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('period-comments').filter({ hasText: comment })).toBeVisible();
  // The archive's cards beside the results: complaints per period, appeals, inspections.
  const archive = await (await agent.api.get(`${A}/archive/${me.id}`)).json();
  if (archive.complaints.count > 0) {
    await expect(tableRows(page, 'archive-complaints-by-period').filter({ hasText: periodName })).toHaveCount(1);
  } else {
    await expect(page.getByTestId('archive-complaints')).toContainText('暂无涉及本人的投诉');
  }
  await expect(page.getByTestId('archive-appeals')).toBeVisible();
  await expect(page.getByTestId('archive-inspections')).toBeVisible();
});
