// Quality inspections (issue 12) end to end with the demo logins: quality builds a scorecard
// (the published examples reproduced in the builder's preview) and assigns a check; the
// third-party evaluator scores and submits it; quality publishes; the agent appeals; the admin
// (neither inspector nor appellant) partly upholds it, which makes a linked correction.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { registerConsultation } from './desk-helpers';
import { chooseTreeOption, fieldError, optionOf, pickStaff, tableRows, unique } from './helpers';
import { assignToEvaluator } from './inspection-helpers';

/** Picks an option of an antd Select that may already show a value (its text covers the input). */
async function choose(page: Page, inputId: string, label: string): Promise<void> {
  await page.locator('.ant-select', { has: page.locator(`#${inputId}`) }).click();
  await optionOf(page, inputId, label).click();
  await expect(page.locator('.ant-select', { has: page.locator(`#${inputId}`) })).toContainText(label);
}

/** Adds a section with one points item of `max` points (codes s<n> and q<n> in order). */
async function addPointsSection(page: Page, index: number, max: number): Promise<void> {
  await page.getByTestId('add-section').click();
  await expect(page.getByTestId('scorecard-section')).toHaveCount(index + 1);
  await choose(page, `sections_${index}_items_0_scale`, '分数');
  await page.locator(`#sections_${index}_items_0_max_points`).fill(String(max));
}

async function answerPoints(page: Page, code: string, value: number): Promise<void> {
  await page.getByTestId('scorecard-preview').getByTestId(`answer-${code}`).locator('input').fill(String(value));
}

test('the builder reproduces the published examples and shows the server’s problems on their fields', async ({ page, login }) => {
  test.slow();
  await login('quality', '/inspection/scorecards');
  await page.getByTestId('new-scorecard').click();
  await expect(page).toHaveURL(/\/inspection\/scorecards\/new$/);
  await page.locator('#name').fill(unique('E2E 评分表 '));
  for (const [i, max] of [5, 10, 15, 5].entries()) await addPointsSection(page, i, max);

  // Sections of 5/10/15/5 points earning 3/5/8/5: 60 %; the last one N/A: 16/30 = 53.3 %.
  for (const [i, v] of [3, 5, 8, 5].entries()) await answerPoints(page, `q${i + 1}`, v);
  const percent = page.getByTestId('scorecard-preview').getByTestId('score-percent');
  await expect(percent).toHaveText('60.0 %');
  await page.getByTestId('scorecard-preview').getByTestId('answer-q4-na').click();
  await expect(percent).toHaveText('53.3 %');

  // 3/10/5/2 points weighted 10/30/50/10 % earning 3/5/4/1: 70 % (65 % by total points).
  for (const [i, max] of [3, 10, 5, 2].entries()) await page.locator(`#sections_${i}_items_0_max_points`).fill(String(max));
  await page.getByTestId('scorecard-preview').getByTestId('answer-q4-na').click();
  for (const [i, v] of [3, 5, 4, 1].entries()) await answerPoints(page, `q${i + 1}`, v);
  await expect(percent).toHaveText('65.0 %');
  await page.getByText('部分加权法').click();
  for (const [i, w] of [10, 30, 50, 10].entries()) await page.locator(`#sections_${i}_weight`).fill(String(w));
  await expect(percent).toHaveText('70.0 %');

  // The server's problems land on the fields they name, all at once.
  await page.locator('#sections_1_items_0_max_points').fill('0');
  await page.locator('#sections_3_weight').fill('20');
  await page.getByTestId('save-scorecard').click();
  await expect(fieldError(page, 'sections_1_items_0_max_points')).toBeVisible();
  await expect(page.getByText(/各部分权重合计 110\s*%/)).toBeVisible();
  await expect(page).toHaveURL(/\/inspection\/scorecards\/new$/);

  await page.locator('#sections_1_items_0_max_points').fill('10');
  await page.locator('#sections_3_weight').fill('10');
  await page.getByTestId('save-scorecard').click();
  await expect(page.getByText('评分表已保存为第 1 版')).toBeVisible();
  await expect(page).toHaveURL(/\/inspection\/scorecards\/\d+$/);

  // A changed definition is the next version; the first stays readable.
  await page.locator('#pass_mark').fill('75');
  await page.getByTestId('save-scorecard').click();
  await expect(page.getByText('评分表已保存为第 2 版')).toBeVisible();
  const versions = page.getByTestId('scorecard-versions');
  await versions.getByText('v1', { exact: true }).click();
  await expect(versions).toContainText('正在查看第 1 版');
  await expect(page.locator('#pass_mark')).toHaveValue('80');
});

test('quality assigns, the evaluator scores, quality publishes, the agent appeals and the admin decides', async ({ page, login }) => {
  test.slow();
  const cardName = unique('E2E 柜台检查 ');
  await login('quality', '/inspection/scorecards/new');
  await page.locator('#name').fill(cardName);
  await page.getByTestId('add-section').click();
  await page.locator('#sections_0_name').fill('服务规范');
  await page.locator('#sections_0_items_0_name').fill('柜台整洁');
  await page.locator('#sections_0_items_0_guidance').fill('台面无杂物、无水渍');
  await page.getByTestId('add-item').click();
  await page.locator('#sections_0_items_1_name').fill('服务态度');
  await choose(page, 'sections_0_items_1_scale', '五级');
  await page.locator('#sections_0_items_1_max_points').fill('4');
  await page.getByTestId('save-scorecard').click();
  await expect(page.getByText('评分表已保存为第 1 版')).toBeVisible();

  // A routine check of the service desk, its agent inspected, by the third-party evaluator.
  await page.goto('/inspection/queue');
  await page.getByTestId('assign-inspection').click();
  const modal = page.locator('.ant-modal-content');
  await modal.getByText('日常检查').click();
  await choose(page, 'scorecard_id', `${cardName} (v1)`);
  await chooseTreeOption(page, 'department_id', '客服部');
  await pickStaff(page, 'agent_id', 'agent', '客服专员 李娜 (客服部)');
  await pickStaff(page, 'inspector_id', 'evaluator', '第三方评估员 刘洋');
  const assigned = page.waitForResponse((r) => r.url().endsWith('/api/v1/inspections') && r.request().method() === 'POST');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  const response = await assigned;
  expect(response.status()).toBe(201);
  const id = ((await response.json()) as { id: number }).id;
  await expect(page.getByText('质检已分派')).toBeVisible();

  // The evaluator finds it in their queue and scores it; the guidance is beside the item.
  await login('evaluator', '/inspection/queue');
  const row = tableRows(page, 'inspection-table').filter({ has: page.getByRole('link', { name: String(id), exact: true }) });
  await row.getByTestId('open-inspection').click();
  await expect(page.getByTestId('guidance-q1')).toHaveText('台面无杂物、无水渍');
  await page.getByTestId('answer-q1-1').click();
  await page.getByTestId('answer-q2-3').click();
  await expect(page.getByTestId('running-score').getByTestId('score-percent')).toHaveText('60.0 %');
  await page.getByTestId('submit-inspection').click();
  await expect(page.getByText('质检已提交')).toBeVisible();
  await expect(page.getByTestId('inspection-state')).toHaveText('已提交');

  await login('quality', `/inspection/inspections/${id}`);
  await page.getByTestId('publish-inspection').click();
  await expect(page.getByTestId('inspection-state')).toHaveText('已发布');

  // The agent sees it among their inspections, with the deadline, and appeals.
  await login('agent', '/inspection/mine');
  const mine = tableRows(page, 'my-inspection-table').filter({ has: page.getByRole('link', { name: String(id), exact: true }) });
  await mine.getByTestId('open-my-inspection').click();
  await expect(page.getByTestId('appeal-deadline')).not.toBeEmpty();
  await expect(page.getByTestId('answered-q2')).toHaveText('3');
  await page.getByTestId('appeal-inspection').click();
  await page.locator('.ant-modal-content #reason').fill('当时客户情绪激动，态度评分偏低');
  await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('申诉已提交')).toBeVisible();
  await expect(page.getByTestId('inspection-state')).toHaveText('申诉中');

  // The admin decides: partly upheld, the attitude corrected to 5.
  await login('admin', '/inspection/appeals');
  const appeal = tableRows(page, 'inspection-appeal-table').filter({ has: page.getByRole('link', { name: String(id), exact: true }) });
  await appeal.getByTestId('decide-inspection-appeal').click();
  const decide = page.locator('.ant-modal-content');
  await decide.locator('.ant-radio-wrapper', { hasText: '部分成立' }).click();
  await decide.locator('#reason').fill('录音显示服务用语规范');
  await decide.getByTestId('correct-q2').getByTestId('answer-q2-5').click();
  await expect(decide.getByTestId('changed-count')).toHaveText('已更正 1 项答案');
  await decide.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('申诉已裁决')).toBeVisible();

  // The original stays as it was and links to its correction, which links back.
  await page.locator('.ant-radio-button-wrapper', { hasText: '已裁决' }).click();
  await expect(tableRows(page, 'inspection-appeal-table').filter({ has: page.getByRole('link', { name: String(id), exact: true }) })).toContainText('部分成立');
  await page.goto(`/inspection/inspections/${id}`);
  await expect(page.getByTestId('inspection-state')).toHaveText('已终审');
  await expect(page.getByTestId('inspection-percent')).toHaveText('60.0 %');
  await expect(page.getByTestId('appeal-outcome')).toHaveText('部分成立');
  await page.getByTestId('corrected-by-link').click();
  await expect(page.getByTestId('inspection-percent')).toHaveText('100.0 %');
  await expect(page.getByTestId('answered-q2')).toHaveText('5');
  await page.getByTestId('corrects-link').click();
  await expect(page).toHaveURL(new RegExp(`/inspection/inspections/${id}$`));
});

test('a ticket review shows the ticket and its timeline beside the scorecard, and a failure reaches the charts', async ({ page, login, baseURL }) => {
  const title = unique('E2E 质检工单 ');
  const ticket = await registerConsultation(baseURL as string, title);
  const id = await assignToEvaluator(baseURL as string, ticket.id);
  await login('evaluator', `/inspection/inspections/${id}`);
  const beside = page.getByTestId('inspection-ticket');
  await expect(beside).toContainText(title);
  await expect(beside).toContainText(ticket.number);
  await expect(beside.locator('.ant-timeline-item').first()).toBeVisible();
  await expect(page.getByTestId('guidance-q1')).toHaveText('无垃圾、无积水');
  await page.getByTestId('answer-q1-na').click();
  await page.getByTestId('answer-q2-3').click();
  await expect(page.getByTestId('running-score').getByTestId('score-percent')).toHaveText('100.0 %');

  // The sign rated lowest instead: submitted and published, it is one more failure of q2 in the
  // charts' Pareto (chart and table).
  await page.getByTestId('answer-q2-1').click();
  await expect(page.getByTestId('running-score').getByTestId('score-percent')).toHaveText('0.0 %');
  await page.getByTestId('submit-inspection').click();
  await expect(page.getByTestId('inspection-state')).toHaveText('已提交');
  await login('quality', `/inspection/inspections/${id}`);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const failuresOfQ2 = async () => {
    const r = await page.request.get(`/api/v1/inspection-reports/pareto?from=${day(-30)}&to=${day(2)}`);
    expect(r.status()).toBe(200);
    return ((await r.json()) as { items: { code: string; name: string; failed: number }[] }).items.find((b) => b.code === 'q2');
  };
  const before = (await failuresOfQ2())?.failed ?? 0;
  await page.getByTestId('publish-inspection').click();
  await expect(page.getByTestId('inspection-state')).toHaveText('已发布');
  const after = await failuresOfQ2();
  expect(after?.failed).toBe(before + 1);
  await page.goto('/inspection/charts');
  await expect(page.getByTestId('pareto-chart')).toContainText(after?.name ?? 'q2');
  const bar = tableRows(page, 'pareto-table').filter({ hasText: after?.name ?? 'q2' }).first();
  await expect(bar.locator('td').nth(1)).toHaveText(String(before + 1));
});
