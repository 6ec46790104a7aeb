// 人工录入: quality enters a manual indicator's value with its evidence on the demo's collecting
// staff period (the server reports a value beyond the rating scale and a missing evidence at
// once), and a locked period's inputs read only, with the reason. One check in English.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { fieldError } from './helpers';

/** Opens the manual-input page of the first staff-scheme period showing `status` (its label). */
async function openInputs(page: Page, status: string, scheme: string, inputs: string): Promise<void> {
  await page.goto('/assessment/periods');
  const row = page.getByTestId('period-table').locator('tbody tr').filter({ hasText: status }).filter({ hasText: scheme }).first();
  await row.locator('a').first().click();
  await expect(page).toHaveURL(/\/assessment\/periods\/\d+$/);
  await page.getByTestId('open-inputs').click();
  await expect(page).toHaveURL(/\/assessment\/periods\/\d+\/inputs$/);
  await expect(page.getByRole('heading', { name: new RegExp(inputs) })).toBeVisible();
}

test('quality enters a rating with its evidence; every problem is shown at once', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await openInputs(page, '采集中', '员工五维度考核', '人工录入');

  const table = page.getByTestId('input-table');
  // The demo's ratings: value, evidence, who entered it.
  await expect(table).toContainText('团队协作');
  await expect(table).toContainText('主管月度评分表');
  await expect(table).toContainText('(0 – 10)');

  // One indicator only, then the first assessee's row.
  await page.getByTestId('input-field-filter').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '团队协作' }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(table.locator('tbody tr.ant-table-row').filter({ hasText: '资源配置' })).toHaveCount(0);
  const row = table.locator('tbody tr.ant-table-row').first();
  await row.locator('[data-testid^="enter-"]').click();

  const form = page.getByTestId('input-form');
  await expect(form).toBeVisible();
  await page.locator('#value').fill('11');
  await page.locator('#evidence').fill('');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  // The server's two problems, each on its field.
  await expect(fieldError(page, 'value')).toHaveText('须在 0 到 10 之间');
  await expect(fieldError(page, 'evidence')).toHaveText('必填');

  await page.locator('#value').fill('7.5');
  await page.locator('#evidence').fill('e2e 组长评分表');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(row).toContainText('7.5');
  await expect(row).toContainText('e2e 组长评分表');
});

test('a locked period\'s inputs read only, saying why', async ({ page, login }) => {
  await login('quality');
  await openInputs(page, '已锁定', '员工五维度考核', '人工录入');
  await expect(page.getByTestId('inputs-read-only')).toContainText('本周期已锁定');
  await expect(page.getByTestId('input-table')).toContainText('主管月度评分表');
  await expect(page.getByTestId('input-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(page.locator('[data-testid^="enter-"]')).toHaveCount(0);
});

test.describe('in English', () => {
  test.use({ browserLocale: 'en' });

  test('the read-only reason and the columns are in English', async ({ page, login }) => {
    await login('quality');
    await openInputs(page, 'Locked', '员工五维度考核', 'Manual inputs');
    await expect(page.getByTestId('inputs-read-only')).toContainText('The period is locked');
    await expect(page.getByTestId('input-table')).toContainText('Team collaboration');
    await expect(page.getByRole('columnheader', { name: 'Evidence' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Entered by' })).toBeVisible();
  });
});
