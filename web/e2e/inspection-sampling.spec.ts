// Sampling plans (issue 12) end to end: quality makes a weekly plan for the service desk, previews
// a draw (its seed shown), draws and assigns it; the coverage lists the agents; the third-party
// evaluator, first in the rotation, finds the first drawn ticket in their queue and scores it
// from the keyboard.
import { expect, test } from './fixtures';
import { apiSession } from './desk-helpers';
import { chooseTreeOption, optionOf, pickStaff, tableRows, unique } from './helpers';
import { resolvedByAgent } from './inspection-helpers';

/** A one-item card made through the API as quality; answers its name. */
async function makeCard(baseURL: string): Promise<string> {
  const { api, csrf } = await apiSession(baseURL, 'quality');
  try {
    const name = unique('E2E 抽检评分表 ');
    const r = await api.post('/api/v1/scorecards', {
      headers: { 'X-CSRF-Token': csrf },
      data: { name, pass_mark: 60, sections: [{ code: 's1', name: '服务', items: [{ code: 'q1', name: '礼貌用语', scale: 'yes_no', max_points: 1 }] }] },
    });
    expect(r.status(), await r.text()).toBe(201);
    return name;
  } finally {
    await api.dispose();
  }
}

test('a plan is drawn reproducibly and its inspections land in the inspectors’ queues', async ({ page, login, baseURL }) => {
  test.slow();
  const cardName = await makeCard(baseURL!);
  await resolvedByAgent(baseURL!);

  await login('quality', '/inspection/sampling');
  await page.getByTestId('new-plan').click();
  const planName = unique('E2E 客服部每周抽检 ');
  await page.getByTestId('plan-name').fill(planName);
  await page.locator('#amount').fill('1');
  await chooseTreeOption(page, 'department_id', '客服部');
  await page.locator('.ant-select', { has: page.locator('#scorecard_id') }).click();
  await optionOf(page, 'scorecard_id', `${cardName} (v1)`).click();
  await pickStaff(page, 'inspector_ids_0', 'evaluator', '第三方评估员 刘洋');
  await pickStaff(page, 'inspector_ids_1', 'quality', '质检主管 周敏 (质量管理部)');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/sampling-plans') && r.request().method() === 'POST');
  await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
  expect((await created).status()).toBe(201);
  await expect(page.getByText('抽检计划已创建')).toBeVisible();
  const row = tableRows(page, 'sampling-plan-table').filter({ hasText: planName });
  await expect(row).toHaveCount(1);

  // A preview shows the draw and its seed; drawing with that seed assigns the same tickets.
  await row.getByTestId('run-plan').click();
  await page.getByTestId('run-preview').click();
  const result = page.getByTestId('run-result');
  await expect(result.getByText(/预览：将抽中 \d+ 张工单/)).toBeVisible();
  const seed = (await page.getByTestId('run-result-seed').textContent()) ?? '';
  expect(Number(seed)).toBeGreaterThanOrEqual(0);
  const previewed = await tableRows(page, 'sampling-tickets').allTextContents();
  expect(previewed.length).toBeGreaterThan(0);
  await page.getByTestId('run-draw').click();
  await expect(result.getByText(/已抽中 \d+ 张工单并分派给质检员/)).toBeVisible();
  await expect(page.getByTestId('run-result-seed')).toHaveText(seed);
  const drawn = tableRows(page, 'sampling-tickets');
  await expect(drawn).toHaveCount(previewed.length);
  await expect(drawn.first().getByRole('link', { name: /^#\d+$/ })).toBeVisible();
  // The agent's coverage: one planned and one drawn.
  const agentRow = tableRows(page, 'sampling-coverage').filter({ hasText: '客服专员 李娜' });
  await expect(agentRow).toHaveCount(1);
  await expect(tableRows(page, 'sampling-runs')).toHaveCount(1);
  const firstNumber = (await drawn.first().getByRole('link').first().textContent()) ?? '';
  expect(firstNumber).not.toBe('');

  // The evaluator, first in the rotation, has the first drawn ticket in their queue.
  await login('evaluator', '/inspection/queue');
  const queued = tableRows(page, 'inspection-table').filter({ hasText: firstNumber });
  await expect(queued).toHaveCount(1);

  // Keyboard scoring: the first item is current; "y" answers it yes.
  await queued.getByTestId('open-inspection').click();
  await page.getByTestId('scoring-keys').focus();
  await page.keyboard.press('y');
  await expect(page.getByTestId('running-score')).toContainText('1 / 1');
  await expect(page.getByTestId('submit-inspection')).toBeEnabled();
});
