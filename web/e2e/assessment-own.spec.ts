// Who sees what of assessment in the menu, 我的考核 and the quality archive. The menu part runs on
// main now; 我的考核 and the archive need `/me/results` and `/archive/{staff_id}`.
import { expect, test } from './fixtures';
import { sideMenu } from './helpers';

test('the assessment menu follows permissions: an agent sees only their own results, exclusion requests and the calculators', async ({ page, login }) => {
  await login('agent');
  const menu = sideMenu(page);
  await expect(menu.getByText('我的考核', { exact: true })).toBeVisible();
  await expect(menu.getByText('考核方法', { exact: true })).toBeVisible();
  // A handler asks for exclusions (and sees no one's list).
  await expect(menu.getByText('剔除申请', { exact: true })).toBeVisible();
  for (const hidden of ['考核周期', '考核方案', '指标库', '申诉处理', '员工工作质量档案']) {
    await expect(menu.getByText(hidden, { exact: true })).toHaveCount(0);
  }
  // A page beyond the role is refused, not shown empty.
  await page.goto('/assessment/periods');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();

  await login('quality');
  for (const shown of ['我的考核', '考核周期', '考核方案', '指标库', '剔除申请', '申诉处理', '员工工作质量档案', '考核方法']) {
    await expect(sideMenu(page).getByText(shown, { exact: true })).toBeVisible();
  }
});

test('我的考核 only for those who can be assessed: not the evaluator, who is refused it', async ({ page, login }) => {
  await login('evaluator');
  const menu = sideMenu(page);
  // The calculators are for every staff member; one's own results are not for the evaluator.
  await expect(menu.getByText('考核方法', { exact: true })).toBeVisible();
  await expect(menu.getByText('我的考核', { exact: true })).toHaveCount(0);
  await page.goto('/assessment/me');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();

  await login('agent');
  await expect(sideMenu(page).getByText('我的考核', { exact: true })).toBeVisible();
});

test('a staff member reads their own results and their archive', async ({ page, login }) => {
  test.slow();
  await login('agent');
  await sideMenu(page).getByText('我的考核', { exact: true }).click();
  await expect(page).toHaveURL(/\/assessment\/me$/);
  await expect(page.getByTestId('results-by-period')).toBeVisible();
  await page.getByRole('button', { name: '我的工作质量档案' }).click();
  await expect(page).toHaveURL(/\/assessment\/archive\/\d+$/);
  await expect(page.getByTestId('archive')).toBeVisible();
});

test('quality opens a staff member\'s archive', async ({ page, login }) => {
  await login('quality', '/assessment/archive');
  await page.locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(page).toHaveURL(/\/assessment\/archive\/\d+$/);
  await expect(page.getByTestId('archive')).toBeVisible();
});
