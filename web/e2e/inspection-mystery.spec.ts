// Mystery shopping (issue 12) end to end: quality writes a scenario for the service desk and makes
// its visit for the third-party evaluator; the evaluator reads the script beside the scorecard,
// reports the visit (who served them, the amount) with a receipt and submits; quality approves the
// reimbursement, sees the coverage done and publishes; the agent who served then reads the result.
import { expect, test } from './fixtures';
import { apiSession } from './desk-helpers';
import { chooseTreeOption, optionOf, pickStaff, tableRows, unique } from './helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function makeCard(baseURL: string): Promise<string> {
  const { api, csrf } = await apiSession(baseURL, 'quality');
  try {
    const name = unique('E2E 暗访评分表 ');
    const r = await api.post('/api/v1/scorecards', {
      headers: { 'X-CSRF-Token': csrf },
      data: { name, pass_mark: 60, sections: [{ code: 's1', name: '服务', items: [{ code: 'q1', name: '主动问候', scale: 'yes_no', max_points: 1 }] }] },
    });
    expect(r.status(), await r.text()).toBe(201);
    return name;
  } finally {
    await api.dispose();
  }
}

test('a mystery visit is scripted, made with a receipt, reimbursed, published and read by the agent served', async ({ page, login, baseURL }) => {
  test.slow();
  const cardName = await makeCard(baseURL!);
  const title = unique('E2E 营业厅暗访 ');

  await login('quality', '/inspection/mystery');
  await page.getByTestId('new-scenario').click();
  await page.getByTestId('scenario-title').fill(title);
  await chooseTreeOption(page, 'department_ids_0', '客服部');
  await page.getByTestId('scenario-script').fill('咨询宽带套餐，询问办理会员卡');
  await page.locator('.ant-select', { has: page.locator('#scorecard_id') }).click();
  await optionOf(page, 'scorecard_id', `${cardName} (v1)`).click();
  await page.locator('#budget').fill('30');
  await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('场景已保存')).toBeVisible();
  await expect(page.getByTestId('coverage-done')).toHaveText('0 / 1');

  await page.getByTestId('generate-visits').click();
  await pickStaff(page, 'shopper_ids_0', 'evaluator', '第三方评估员 刘洋');
  await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已生成 1 次暗访')).toBeVisible();
  const visitLink = tableRows(page, 'visit-table').first().getByRole('link');
  const id = Number(await visitLink.textContent());
  expect(id).toBeGreaterThan(0);

  // The evaluator: the script beside the card, the report, a receipt, the score.
  await login('evaluator', '/inspection/mystery-visits');
  await tableRows(page, 'my-visit-table').filter({ hasText: title }).getByRole('link', { name: String(id), exact: true }).click();
  await expect(page.getByTestId('mystery-script')).toContainText('咨询宽带套餐');
  await pickStaff(page, 'served_by_id', 'agent', '客服专员 李娜 (客服部)');
  await page.locator('#spent').fill('35.5');
  await page.getByTestId('save-report').click();
  await expect(page.getByText('报告已保存')).toBeVisible();
  await expect(page.getByTestId('visit-spent')).toHaveText('35.50');
  await page.getByTestId('receipt-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('mystery-receipts').locator('img')).toHaveCount(1);
  await page.getByTestId('answer-q1-1').click();
  await page.getByTestId('submit-inspection').click();
  await expect(page.getByTestId('mystery-facts')).toBeVisible();
  await expect(page.getByTestId('scoring-form')).toHaveCount(0);

  // Quality: over the 30.00 budget, so the approval takes a reason; then publication.
  await login('quality', '/inspection/mystery');
  await tableRows(page, 'scenario-table').filter({ hasText: title }).getByRole('link').click();
  await expect(page.getByTestId('coverage-done')).toHaveText('1 / 1');
  await page.getByTestId('approve-claim').click();
  await page.getByTestId('confirm-claim').click();
  await expect(page.locator('.ant-modal-content').getByText('超出预算')).toBeVisible();
  await page.getByTestId('claim-reason').fill('含停车费');
  await page.getByTestId('confirm-claim').click();
  await expect(page.getByText('报销已批准')).toBeVisible();
  await expect(page.getByTestId('total-approved')).toContainText('35.50');
  await page.goto(`/inspection/inspections/${id}`);
  await page.getByTestId('publish-inspection').click();
  await expect(page.getByTestId('inspection-state')).toHaveText('已发布');

  // The agent who served reads the published visit and its script.
  await login('agent', `/inspection/mystery-visits/${id}`);
  await expect(page.getByTestId('mystery-script')).toContainText('咨询宽带套餐');
  await expect(page.getByTestId('mystery-facts')).toContainText('客服专员 李娜');
  await expect(page.getByTestId('claim-state')).toHaveText('已批准');
});
