// Calibration sessions (校准, issue 12) end to end: quality starts a session on a resolved ticket
// with two reviewers (quality and the third-party evaluator) and the admin as the expert, scores
// the card blind in the scoring form while the other two answer through the API, closes it, and
// reads each reviewer's κ against the expert (the published example) and the per-item table with
// the most disputed item first.
import { expect, test } from './fixtures';
import { apiSession } from './desk-helpers';
import { optionOf, pickStaff, tableRows, unique } from './helpers';
import { resolvedByAgent } from './inspection-helpers';

/** Eight three-point items q1..q8, made through the API as quality; answers its name. */
async function makeCard(baseURL: string): Promise<string> {
  const { api, csrf } = await apiSession(baseURL, 'quality');
  try {
    const name = unique('E2E 校准评分表 ');
    const items = Array.from({ length: 8 }, (_, k) => ({ code: `q${k + 1}`, name: `第 ${k + 1} 项`, scale: 'three_point', max_points: 2, na_allowed: false }));
    const r = await api.post('/api/v1/scorecards', { headers: { 'X-CSRF-Token': csrf }, data: { name, pass_mark: 60, sections: [{ code: 's1', name: '服务规范', items }] } });
    expect(r.status(), await r.text()).toBe(201);
    return name;
  } finally {
    await api.dispose();
  }
}

/** `username` submits the ratings q1..q8 of session `id` through the API. */
async function submitAs(baseURL: string, username: string, id: number, ratings: number[]): Promise<void> {
  const { api, csrf } = await apiSession(baseURL, username);
  try {
    const answers = Object.fromEntries(ratings.map((v, k) => [`q${k + 1}`, v]));
    const r = await api.post(`/api/v1/calibrations/${id}/submit`, { headers: { 'X-CSRF-Token': csrf }, data: { answers } });
    expect(r.status(), await r.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}

test('a calibration session is scored blind, closed, and shows κ per reviewer and the per-item table', async ({ page, login, baseURL }) => {
  test.slow();
  const cardName = await makeCard(baseURL!);
  const ticket = await resolvedByAgent(baseURL!, unique('E2E 校准工单 '));

  await login('quality', '/inspection/calibrations');
  await page.getByTestId('new-calibration').click();
  await page.locator('#ticket_id').fill(String(ticket.id));
  await page.locator('.ant-select', { has: page.locator('#scorecard_id') }).click();
  await optionOf(page, 'scorecard_id', `${cardName} (v1)`).click();
  await pickStaff(page, 'reviewer_ids_0', 'quality', '质检主管 周敏 (质量管理部)');
  await pickStaff(page, 'reviewer_ids_1', 'evaluator', '第三方评估员 刘洋');
  await pickStaff(page, 'expert_id', 'admin', '系统管理员 Admin (管理层)');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/calibrations') && r.request().method() === 'POST');
  await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
  const response = await created;
  expect(response.status(), await response.text()).toBe(201);
  const id = ((await response.json()) as { id: number }).id;
  await expect(page).toHaveURL(new RegExp(`/inspection/calibrations/${id}$`));

  // Quality scores blind in the inspector's scoring form: [1,1,2,2,3,3,1,3].
  const scoring = page.getByTestId('calibration-scoring');
  await expect(scoring.getByText('背对背评分')).toBeVisible();
  for (const [k, v] of [1, 1, 2, 2, 3, 3, 1, 3].entries()) await scoring.getByTestId(`answer-q${k + 1}-${v}`).click();
  await scoring.getByTestId('submit-inspection').click();
  const participants = tableRows(page, 'calibration-participants');
  await expect(participants.filter({ hasText: '质检主管 周敏' })).toContainText('50.0 %');

  // The other reviewer and the expert answer through the API; quality sees only that they did.
  await submitAs(baseURL!, 'evaluator', id, [1, 3, 2, 1, 3, 2, 1, 3]);
  await submitAs(baseURL!, 'admin', id, [1, 3, 2, 1, 3, 2, 1, 3]);
  await page.reload();
  await expect(participants.filter({ hasText: '第三方评估员 刘洋' })).toContainText('关闭前不可见');

  await page.getByTestId('close-calibration').click();
  await expect(page.getByText('校准已关闭，结果已公布')).toBeVisible();
  const agreement = tableRows(page, 'calibration-agreement');
  const mine = agreement.filter({ hasText: '质检主管 周敏' });
  await expect(mine.getByTestId('kappa')).toHaveText('0.4286');
  await expect(mine.getByTestId('kappa-linear')).toHaveText('0.4667');
  await expect(mine.getByTestId('kappa-quadratic')).toHaveText('0.5000');
  await expect(mine).toContainText('62.5 %');
  await expect(agreement.filter({ hasText: '第三方评估员 刘洋' }).getByTestId('kappa')).toHaveText('1.0000');
  // The most disputed item first: q2, rated 1 by quality and 3 by the others.
  const items = tableRows(page, 'calibration-items');
  await expect(items).toHaveCount(8);
  await expect(items.first()).toContainText('第 2 项');
  await expect(items.first()).toContainText('100.0');
  await expect(participants.filter({ hasText: '第三方评估员 刘洋' })).toContainText('50.0 %');
});
