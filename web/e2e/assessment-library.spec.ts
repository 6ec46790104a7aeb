// 指标库: the default library's measures with their definitions in both languages and their
// reference SQL (routes on main), and the indicators built on them (helper "periods").
import { expect, test } from './fixtures';
import { sideMenu, tableRows } from './helpers';

test('quality reads the measures of the default library and one\'s reference SQL, in Chinese and English', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await sideMenu(page).getByText('指标库', { exact: true }).click();
  await expect(page).toHaveURL(/\/assessment\/library$/);
  await page.getByRole('tab', { name: '度量' }).click();
  const measures = page.getByTestId('measure-table');
  await expect(measures).toContainText('满意率');
  await expect(measures).toContainText('按时办结率');
  await tableRows(page, 'measure-table').filter({ hasText: 'satisfaction_rate' }).click();
  await expect(page.getByTestId('reference-sql')).toContainText(/SELECT/i);
  await page.keyboard.press('Escape');

  await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Indicator library' })).toBeVisible();
  await page.getByRole('tab', { name: 'Measures' }).click();
  await expect(page.getByTestId('measure-table')).toContainText('On-time closure');
});

test('the indicators, and one whose formula names an unknown measure refused with the field named', async ({ page, login }) => {
  await login('quality', '/assessment/library');
  await expect(tableRows(page, 'indicator-table')).not.toHaveCount(0);
  await page.getByTestId('new-indicator').click();
  const modal = page.locator('.ant-modal-content');
  await modal.locator('#code').fill(`e2e_${Date.now().toString(36)}`);
  await modal.locator('#name_zh').fill('测试指标');
  await modal.locator('#name_en').fill('Test indicator');
  await modal.locator('#definition_zh').fill('测试用');
  await modal.locator('#definition_en').fill('For the test');
  await modal.locator('#formula').fill('no_such_measure / 2');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  // The server names the formula and the unknown code; the form stays open.
  await expect(modal.locator('#formula_help')).toContainText('no_such_measure');
});
