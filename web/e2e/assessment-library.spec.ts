// 指标库: the default library's indicators with their definitions in both languages, and a
// measure's reference SQL. Needs the assessment routes of helpers "facts" and "periods".
import { expect, test } from './fixtures';
import { sideMenu } from './helpers';

test('quality reads the indicator library and a measure\'s reference SQL, in Chinese and English', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await sideMenu(page).getByText('指标库', { exact: true }).click();
  await expect(page).toHaveURL(/\/assessment\/library$/);
  const indicators = page.getByTestId('indicator-table');
  // The default library (issue 10) has 满意率 and 办结率 among others, each with a definition.
  await expect(indicators).toContainText('满意率');
  await expect(indicators).toContainText('办结率');

  await page.getByRole('tab', { name: '度量' }).click();
  const measures = page.getByTestId('measure-table').locator('tbody tr');
  await expect(measures.first()).toBeVisible();
  await measures.first().click();
  await expect(page.getByTestId('reference-sql')).toContainText(/SELECT/i);
  await page.keyboard.press('Escape');

  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByRole('tab', { name: 'Indicators' }).click();
  await expect(page.getByRole('heading', { name: 'Indicator library' })).toBeVisible();
  await expect(page.getByTestId('indicator-table')).toContainText(/satisfaction/i);
});

test('an indicator whose formula names an unknown measure is refused with the field named', async ({ page, login }) => {
  await login('quality');
  await page.goto('/assessment/library');
  await page.getByTestId('new-indicator').click();
  const modal = page.locator('.ant-modal-content');
  await modal.locator('#code').fill(`e2e_${Date.now().toString(36)}`);
  await modal.locator('#name_zh').fill('测试指标');
  await modal.locator('#name_en').fill('Test indicator');
  await modal.locator('#definition_zh').fill('测试用');
  await modal.locator('#definition_en').fill('For the test');
  await modal.locator('#formula').fill('no_such_measure / 2');
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
  // The server names the formula and the unknown code; the form stays open.
  await expect(modal.locator('#formula_help')).toContainText('no_such_measure');
});
