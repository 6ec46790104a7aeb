// Exclusions and appeals: an agent asks to exclude a ticket with evidence, quality approves it
// (routes on main); the appeal inbox lists appeals by status (helper "periods").
import { expect, test } from './fixtures';
import { registerConsultation } from './desk-helpers';
import { tableRows, unique } from './helpers';

test('an agent requests an exclusion with evidence and quality approves it', async ({ page, login, baseURL }) => {
  test.slow();
  const ticket = await registerConsultation(baseURL as string, unique('E2E剔除'));
  await login('agent');
  await page.goto('/assessment/exclusions');
  await page.getByTestId('request-exclusion').click();
  const modal = page.locator('.ant-modal-content');
  await modal.locator('#ticket_id').fill(String(ticket.id));
  await modal.locator('#reason_code').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  // Without evidence the form refuses before anything is sent.
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(modal.locator('#evidence_help')).toContainText('必填');
  await modal.locator('#evidence').fill('与另一工单重复，见通话录音');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('剔除申请已提交')).toBeVisible();

  await login('quality');
  await page.goto('/assessment/exclusions');
  const row = tableRows(page, 'exclusion-table').filter({ hasText: ticket.number });
  await row.getByTestId('approve-exclusion').click();
  await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('剔除已批准')).toBeVisible();
  await page.locator('.ant-radio-button-wrapper', { hasText: '已批准' }).click();
  await expect(page.getByTestId('exclusion-table')).toContainText(ticket.number);
});

test('the appeal inbox lists appeals by status', async ({ page, login }) => {
  await login('quality');
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/assessment/appeals'));
  await page.goto('/assessment/appeals');
  expect((await answered).status()).toBe(200);
  await expect(page.getByRole('heading', { name: '申诉处理' })).toBeVisible();
  await expect(page.getByTestId('appeal-table')).toBeVisible();
  await page.getByText('全部', { exact: true }).click();
  await expect(page.getByTestId('appeal-table')).toBeVisible();
});
