// Periods and results on the demo (three locked months and one collecting): the live preview,
// the results table with its group filter, exports and charts, one assessee's detail with the
// radar and the drill-down to tickets, and the bit-identical check of a locked period. Needs the
// period and result routes of helper "periods" and the assessment demo.
import { expect, test } from './fixtures';
import { sideMenu } from './helpers';

test('quality follows the collecting period to an assessee\'s tickets', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await sideMenu(page).getByText('考核周期', { exact: true }).click();
  await expect(page).toHaveURL(/\/assessment\/periods$/);
  const rows = page.getByTestId('period-table').locator('tbody tr');
  await expect(rows.filter({ hasText: '已锁定' })).toHaveCount(3 * 2); // two schemes, three locked months each
  const collecting = rows.filter({ hasText: '采集中' }).first();
  await expect(collecting.getByTestId('period-evaluate')).toBeVisible();
  await collecting.locator('a').first().click();

  await expect(page.getByTestId('live-preview')).toBeVisible();
  const results = page.getByTestId('result-table').locator('tbody tr.ant-table-row'); // not antd's hidden measure row
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
  // The drill-down of an indicator reads the result's own facts route (the period's facts of that
  // indicator for that assessee), and the drawer shows them once loaded.
  const drill = page.getByTestId('drill-down').first();
  const indicator = await drill.getAttribute('data-indicator');
  const facts = page.waitForResponse(
    (r) => /\/periods\/\d+\/results\/\d+\/facts\?/.test(r.url()) && r.url().includes(`indicator=${indicator}`),
  );
  await drill.click();
  expect((await facts).status()).toBe(200);
  await expect(page.getByTestId('facts-table')).toBeVisible();
  await expect(page.getByTestId('facts-table')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('facts-table')).not.toContainText('NaN');
});

test('a locked period recomputes identically from its snapshot', async ({ page, login }) => {
  await login('quality');
  await page.goto('/assessment/periods');
  const locked = page.getByTestId('period-table').locator('tbody tr').filter({ hasText: '已锁定' }).first();
  await locked.getByTestId('period-verify').click();
  await expect(page.getByText(/按快照重算：结果完全一致/)).toBeVisible();
});
