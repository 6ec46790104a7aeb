// How every form treats the server's answer (lib/useSubmit): all field problems at once, each on
// its field; a field's problem gone when the field changes; required fields marked as the server
// requires them. The staff form is the example; the multi-problem answer is stubbed so the test
// does not depend on which checks the server runs together.
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseOption, chooseTreeOption, fieldError, unique } from './helpers';

const PASSWORD = 'Welcome-2026-ok-long';

/** Answers the next staff creation with three problems at once, one of them without a key. */
async function refuseStaffCreation(page: Page): Promise<void> {
  await page.route('**/api/v1/staff', async (route: Route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'invalid',
          message: 'this username is already taken',
          field: 'username',
          errors: [
            { field: 'username', message: 'this username is already taken' },
            { field: 'password', message: 'must be at least 12 characters', key: 'field.too_short', args: { min: '12' } },
            { field: 'department_id', message: 'is required', key: 'field.required', args: {} },
            { field: 'scope_department_ids', message: 'no such department 99' },
          ],
        },
      }),
    });
  });
}

function requiredMark(page: Page, fieldId: string) {
  return page.locator(`label[for="${fieldId}"].ant-form-item-required`);
}

test('the staff form marks what the server requires and shows every problem of a save at once', async ({ page, login }) => {
  test.slow();
  await login('admin', '/org/staff');
  await page.getByRole('button', { name: /新\s*建/ }).click();
  const drawer = page.locator('.ant-drawer-content');

  for (const field of ['username', 'display_name', 'roles', 'password']) await expect(requiredMark(page, field)).toBeVisible();
  // A department is required of staff, not of a customer-only account.
  await expect(requiredMark(page, 'department_id')).toHaveCount(0);
  await chooseOption(page, 'roles', '客户');
  await expect(requiredMark(page, 'department_id')).toHaveCount(0);
  await chooseOption(page, 'roles', '客服');
  await expect(requiredMark(page, 'department_id')).toBeVisible();

  // Client checks report every empty field at once.
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  for (const field of ['username', 'display_name', 'department_id', 'password']) {
    await expect(fieldError(page, field)).toHaveText('此项为必填项');
  }

  await drawer.locator('#username').fill(unique('e2e_'));
  await drawer.locator('#display_name').fill('表单测试');
  await chooseTreeOption(page, 'department_id', '客服部');
  await drawer.locator('#password').fill(PASSWORD);
  await refuseStaffCreation(page);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();

  // One save: every problem on its field, in Chinese where the server gave a key ...
  await expect(fieldError(page, 'username')).toHaveText('this username is already taken');
  await expect(fieldError(page, 'password')).toHaveText('至少 12 个字符');
  await expect(fieldError(page, 'department_id')).toHaveText('必填');
  // ... and what no field shows, in the banner.
  await expect(drawer.getByTestId('submit-error')).toContainText('no such department 99');

  // Changing a field clears its problem and only its problem.
  await drawer.locator('.ant-select', { has: page.locator('#department_id') }).click();
  await page.locator('#department_id').fill('技术支持部');
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '技术支持部' }).first().click();
  await expect(fieldError(page, 'department_id')).toHaveCount(0);
  await expect(fieldError(page, 'password')).toHaveText('至少 12 个字符');
  await chooseOption(page, 'roles', '技术支持');
  await expect(fieldError(page, 'username')).toBeVisible();
  await drawer.locator('#password').fill(`${PASSWORD}-2`);
  await expect(fieldError(page, 'password')).toHaveCount(0);
  await expect(fieldError(page, 'username')).toBeVisible();
});

test.describe('with an English browser', () => {
  test.use({ browserLocale: 'en-US' });

  test('the same problems in English', async ({ page, login }) => {
    test.slow();
    await login('admin', '/org/staff');
    await page.getByRole('button', { name: 'New' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.locator('#username').fill(unique('e2e_'));
    await drawer.locator('#display_name').fill('Form test');
    await chooseTreeOption(page, 'department_id', '客服部');
    await chooseOption(page, 'roles', 'Service agent');
    await drawer.locator('#password').fill(PASSWORD);
    await refuseStaffCreation(page);
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect(fieldError(page, 'password')).toHaveText('must be at least 12 characters');
    await expect(fieldError(page, 'department_id')).toHaveText('is required');
    await expect(drawer.getByTestId('submit-error')).toContainText('no such department 99');
  });
});
