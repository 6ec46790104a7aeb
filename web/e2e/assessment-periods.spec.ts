// Periods and results on the demo (three closed months and one collecting): the live preview,
// the results table with its group filter, exports and charts, one assessee's detail with the
// radar and the drill-down to tickets, and the bit-identical check of a locked period. Needs the
// period and result routes of helper "periods" and the assessment demo.
import { expect, test } from './fixtures';
import { sideMenu, tableRows } from './helpers';

test('quality follows the collecting period to an assessee\'s tickets', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await sideMenu(page).getByText('考核周期', { exact: true }).click();
  await expect(page).toHaveURL(/\/assessment\/periods$/);
  const rows = tableRows(page, 'period-table');
  // Two schemes, three closed months each: locked once their appeal window closed; the last one
  // is still published while its window is open (early in a month).
  const demo = rows.filter({ hasText: /承办单位三率考核|员工五维度考核/ });
  await expect(demo.filter({ hasText: /已锁定|已发布/ })).toHaveCount(3 * 2);
  expect(await demo.filter({ hasText: '已锁定' }).count()).toBeGreaterThanOrEqual(2 * 2);
  const collecting = rows.filter({ hasText: '采集中' }).first();
  await expect(collecting.getByTestId('period-evaluate')).toBeVisible();
  await collecting.locator('a').first().click();

  await expect(page.getByTestId('live-preview')).toBeVisible();
  const results = tableRows(page, 'result-table');
  await expect(results.first()).toBeVisible();
  await expect(page.getByTestId('ranking-chart')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('grade-chart')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('export-csv')).toHaveAttribute('href', /\/results\.csv/);
  await expect(page.getByTestId('export-xlsx')).toHaveAttribute('href', /\/results\.xlsx/);
  // Nothing reads NaN or a bare 0 % for a value without data.
  await expect(page.getByTestId('result-table')).not.toContainText('NaN');

  await results.first().locator('a').first().click();
  await expect(page).toHaveURL(/\/assessees\/\d+$/);
  await expect(page.getByTestId('node-table')).toBeVisible();
  await expect(page.getByTestId('radar-chart')).toHaveAttribute('data-rendered', 'true');
  await page.getByTestId('drill-down').first().click();
  await expect(page.getByTestId('facts-table')).toBeVisible();
});

test('a locked period recomputes identically from its snapshot', async ({ page, login }) => {
  await login('quality', '/assessment/periods');
  const locked = tableRows(page, 'period-table').filter({ hasText: '已锁定' }).first();
  await locked.getByTestId('period-verify').click();
  await expect(page.getByText(/按快照重算：结果完全一致/)).toBeVisible();
});
