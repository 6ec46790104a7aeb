import { expect, test } from './fixtures';

test('the audit log lists events newest first and shows data and hash', async ({ page, login }) => {
  await login('quality');
  await page.goto('/audit');
  const rows = page.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const firstSeq = Number(await rows.nth(0).locator('td').nth(1).innerText());
  const secondSeq = Number(await rows.nth(1).locator('td').nth(1).innerText());
  expect(firstSeq).toBeGreaterThan(secondSeq);

  await page.getByPlaceholder('对象类型').fill('department');
  await expect(rows.first()).toContainText('department');
  await expect(page.locator('.ant-table-row', { hasText: 'staff.created' })).toHaveCount(0);

  await rows.first().locator('.ant-table-row-expand-icon').click();
  const detail = page.locator('.ant-table-expanded-row').first();
  await expect(detail.locator('pre')).toContainText('{');
  await expect(detail.locator('code')).toHaveText(/^[0-9a-f]{16,}$/);
});
