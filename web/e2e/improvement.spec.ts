// Improvement actions (整改, issue 12) end to end with the demo logins: quality raises an action
// from a complaint, the owner (the agent) completes it with evidence, quality verifies the effect;
// an agent suggests an improvement and quality triages it into an action. The board, the overdue
// list and the audits page show the demo's records.
import { expect, test } from './fixtures';
import { apiAs, registerConsultation } from './desk-helpers';
import { pickStaff, sideMenu, tableRows, unique } from './helpers';

/** A new complaint registered by the agent through the API; its id. */
async function complaintId(baseURL: string): Promise<number> {
  const api = await apiAs(baseURL, 'agent');
  let customer: number;
  try {
    const response = await api.get('/api/v1/customers?limit=1');
    expect(response.status()).toBe(200);
    customer = ((await response.json()) as { items: { id: number }[] }).items[0].id;
  } finally {
    await api.dispose();
  }
  const made = await registerConsultation(baseURL, unique('E2E 投诉 '), 'agent', {
    type: 'complaint',
    customer_id: customer,
    description: '回访时态度生硬',
    complaint: { category: 'attitude' },
  });
  return made.id;
}

test('quality raises an action from a complaint, the owner completes it with evidence, quality verifies it', async ({ page, login, baseURL }) => {
  test.slow();
  const ticket = await complaintId(baseURL!);
  const title = unique('E2E 投诉整改 ');
  await login('quality', `/improvement?source=complaint&source_id=${ticket}&title=${encodeURIComponent(title)}`);
  const modal = page.locator('.ant-modal-content');
  await expect(modal.locator('#action_title')).toHaveValue(title);
  await expect(modal.locator('#action_source_id')).toHaveValue(String(ticket));
  await pickStaff(page, 'action_owner_id', '李娜', '客服专员 李娜 (客服部)');
  await modal.locator('#action_analysis').fill('为什么 1：回访话术不统一');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page).toHaveURL(/\/improvement\/actions\/\d+$/);
  const url = page.url();
  await expect(page.getByTestId('action-status')).toHaveText('待处理');
  await expect(page.getByTestId('action-facts')).toContainText(`投诉 #${ticket}`);

  await login('agent', url);
  await page.getByTestId('open-start').click();
  await page.getByTestId('move-start-submit').click();
  await expect(page.getByTestId('action-status')).toHaveText('整改中');
  await page.getByTestId('open-complete').click();
  await page.getByTestId('move-complete-submit').click();
  await expect(page.locator('#move-complete_evidence_help')).toBeVisible();
  await page.locator('#move-complete_evidence').fill('已统一回访话术并培训 16 人');
  await page.getByTestId('move-complete-submit').click();
  await expect(page.getByTestId('action-status')).toHaveText('已完成');
  await expect(page.getByTestId('action-evidence')).toHaveText('已统一回访话术并培训 16 人');
  await expect(page.getByTestId('open-verify')).toHaveCount(0);

  await login('quality', url);
  await page.getByTestId('open-verify').click();
  await page.getByTestId('move-verify').getByText('有效', { exact: true }).click();
  await page.locator('#move-verify_note').fill('同类投诉下降');
  await page.getByTestId('move-verify-submit').click();
  await expect(page.getByTestId('action-status')).toHaveText('验证有效');
  const timeline = page.getByTestId('action-timeline');
  for (const step of ['创建', '开始整改', '完成整改', '验证效果']) await expect(timeline).toContainText(step);
});

test('an agent suggests an improvement and quality triages it into an action', async ({ page, login }) => {
  test.slow();
  const title = unique('E2E 建议 ');
  await login('agent', '/improvement/suggest');
  await page.locator('#suggestion_title').fill(title);
  await page.locator('#suggestion_description').fill('夜班知识库检索太慢');
  await page.getByTestId('suggest-submit').click();
  const mine = tableRows(page, 'suggestion-table').filter({ hasText: title });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('待评审');

  await login('quality', '/improvement');
  const proposed = page.getByTestId('board-column-proposed');
  await proposed.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('action-status')).toHaveText('待评审');
  await page.getByTestId('triage-submit').click();
  await expect(page.locator('#triage_owner_id_help')).toBeVisible();
  await pickStaff(page, 'triage_owner_id', '李娜', '客服专员 李娜 (客服部)');
  await page.getByTestId('triage-submit').click();
  await expect(page.getByTestId('action-status')).toHaveText('待处理');

  await login('agent', '/improvement/suggest');
  await expect(tableRows(page, 'suggestion-table').filter({ hasText: title })).toContainText('待处理');
});

test('the board, the overdue list and the audits show the demo records; evaluators have no 改进 menu', async ({ page, login }) => {
  await login('quality', '/improvement');
  await expect(page.getByTestId('board-column-verified').getByTestId('board-card').first()).toBeVisible();
  await expect(page.getByTestId('improvement-age-chart')).toHaveAttribute('data-rendered', 'true');
  await page.goto('/improvement/overdue');
  await expect(tableRows(page, 'overdue-table').filter({ hasText: '远程协助工具使用培训' })).toHaveCount(1);
  await page.goto('/improvement/audits');
  const audit = page.getByTestId('audit-card').filter({ hasText: '第四季度服务质量内审' });
  await expect(audit.getByTestId('finding')).toHaveCount(2);
  await expect(audit.getByTestId('finding').first()).toContainText('#');

  await login('evaluator');
  await expect(sideMenu(page).getByText('首页', { exact: true })).toBeVisible();
  await expect(sideMenu(page).getByText('改进', { exact: true })).toHaveCount(0);
});
