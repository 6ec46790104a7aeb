import { expect, test } from './fixtures';
import { fieldError } from './helpers';

test('the profile shows my details and password errors on the right fields', async ({ page, login }) => {
  await login('executive');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '个人资料' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.locator('.ant-descriptions')).toContainText('executive');
  await expect(page.locator('.ant-descriptions')).toContainText('管理层');

  await page.locator('#current_password').fill('Wrong-pass-2026');
  await page.locator('#new_password').fill('Another-pass-2026');
  await page.locator('#confirm_password').fill('Different-pass-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(fieldError(page, 'confirm_password')).toHaveText('两次输入的新密码不一致');

  await page.locator('#confirm_password').fill('Another-pass-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(fieldError(page, 'current_password')).toBeVisible();
  await expect(fieldError(page, 'current_password')).not.toHaveText('');
});

test('logging out returns to the login page', async ({ page, login }) => {
  await login('agent');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
