import { expect, test } from './fixtures';
import { DEMO_PASSWORD } from './global-setup';
import { sideMenu } from './helpers';

test('admin signs in through the form and sees the application layout', async ({ page }) => {
  await page.goto('/login');
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('product-name')).toHaveText('服务质量监督考核系统');
  const menu = sideMenu(page);
  for (const entry of ['首页', '部门管理', '人员管理', '审计日志']) {
    await expect(menu.getByText(entry, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: /^欢迎，/ })).toBeVisible();
  await expect(page.getByText('系统管理员').first()).toBeVisible();
});

test('a wrong password shows the server error on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('not-the-password-1');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('登录失败');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown address shows the not-found page', async ({ page, login }) => {
  await login('admin', '/no/such/page');
  await expect(page.getByText('页面不存在', { exact: true })).toBeVisible();
});

test('the language switch changes the menu and is remembered', async ({ page, login }) => {
  await login('admin');
  const menu = sideMenu(page);
  await expect(menu.getByText('部门管理', { exact: true })).toBeVisible();

  await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
  await expect(menu.getByText('Departments', { exact: true })).toBeVisible();
  await expect(menu.getByText('Audit log', { exact: true })).toBeVisible();
  await expect(page.getByTestId('product-name')).toHaveText('Service Quality Supervision');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(menu.getByText('Departments', { exact: true })).toBeVisible();

  await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
  await expect(menu.getByText('部门管理', { exact: true })).toBeVisible();
  await expect(page.getByTestId('product-name')).toHaveText('服务质量监督考核系统');
});

test.describe('with an English browser', () => {
  test.use({ browserLocale: 'en-US' });

  test('the default language follows the browser', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Service Quality Supervision' })).toBeVisible();
  });
});

test.describe('with an English browser, as admin', () => {
  test.use({ browserLocale: 'en-US' });

  test('no side-menu label is cut', async ({ page, login }) => {
    await login('admin');
    const labels = sideMenu(page).locator('.ant-menu-item, .ant-menu-submenu-title');
    await expect(sideMenu(page).getByText('Complaint analysis', { exact: true })).toBeVisible();
    const cut = await labels.evaluateAll((nodes) =>
      nodes.filter((node) => node.scrollWidth > node.clientWidth).map((node) => node.textContent),
    );
    expect(cut).toEqual([]);
    expect(await labels.count()).toBeGreaterThan(12);
  });
});
