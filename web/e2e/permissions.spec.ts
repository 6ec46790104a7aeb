import { expect, test } from './fixtures';
import { sideMenu } from './helpers';

test('an agent sees no organisation or audit menus and is refused those pages', async ({ page, login }) => {
  await login('agent');
  const menu = sideMenu(page);
  await expect(menu.getByText('首页', { exact: true })).toBeVisible();
  for (const entry of ['组织机构', '部门管理', '人员管理', '审计日志']) {
    await expect(menu.getByText(entry, { exact: true })).toHaveCount(0);
  }

  await page.goto('/org/departments');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  await page.goto('/audit');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
});

test('a signed-out visitor is sent to the login page and back', async ({ page }) => {
  await page.goto('/org/staff');
  await expect(page).toHaveURL(/\/login\?next=%2Forg%2Fstaff/);
  await page.locator('#username').fill('quality');
  await page.locator('#password').fill('Demo-pass-2026');
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/org\/staff$/);
  await expect(page.getByRole('heading', { name: '人员管理' })).toBeVisible();
  await expect(page.getByRole('button', { name: /新\s*建/ })).toHaveCount(0);
});
