import { expect, test } from './fixtures';
import { chooseOption, chooseTreeOption, fieldError, unique } from './helpers';

const STAFF_PASSWORD = 'Welcome-2026-ok';

test('admin creates a department under the root and a staff member in it', async ({ page, login }) => {
  const department = unique('E2E部门');
  const username = unique('e2e_');
  await login('admin');

  await page.goto('/org/departments');
  const root = page.getByRole('treeitem').first();
  await root.locator('.ant-tree-node-content-wrapper').click();
  await page.getByRole('button', { name: '新建下级部门' }).click();
  const modal = page.locator('.ant-modal-content');
  await modal.locator('#name').fill(department);
  await modal.locator('#code').fill(department.toUpperCase().replace(/[^A-Z0-9]/g, ''));
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByRole('treeitem', { name: department })).toBeVisible();
  await expect(page.locator('.ant-card-head-title', { hasText: department })).toBeVisible();

  await page.goto('/org/staff');
  await page.getByRole('button', { name: /新\s*建/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.locator('#username').fill(username);
  await drawer.locator('#display_name').fill('端到端测试员');
  await chooseTreeOption(page, 'department_id', department);
  await drawer.locator('#title').fill('测试工程师');
  await chooseOption(page, 'roles', '客服');
  await drawer.locator('#password').fill(STAFF_PASSWORD);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer).toBeHidden();

  await page.getByPlaceholder('搜索用户名、姓名、邮箱或电话').fill(username);
  const row = page.locator('.ant-table-row', { hasText: username });
  await expect(row).toBeVisible();
  await expect(row).toContainText(department);
  await expect(row).toContainText('客服');
});

test('server validation errors appear on the staff form fields', async ({ page, login }) => {
  await login('admin', '/org/staff');
  await page.getByRole('button', { name: /新\s*建/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.locator('#username').fill('agent');
  await drawer.locator('#display_name').fill('重复的用户');
  await chooseTreeOption(page, 'department_id', '客服部');
  await chooseOption(page, 'roles', '客服');
  await drawer.locator('#password').fill(STAFF_PASSWORD);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(fieldError(page, 'username')).toBeVisible();
  await expect(fieldError(page, 'username')).not.toHaveText('');
  await expect(drawer).toBeVisible();

  await drawer.locator('#username').fill(unique('e2e_short_'));
  await drawer.locator('#password').fill('short1');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(fieldError(page, 'password')).toBeVisible();
  await expect(fieldError(page, 'password')).not.toHaveText('');
  await expect(fieldError(page, 'username')).toHaveCount(0);
});

test('admin renames, deactivates and reactivates a department', async ({ page, login }) => {
  const original = unique('E2E改名');
  const renamed = `${original}-新`;
  await login('admin', '/org/departments');
  await page.getByRole('treeitem').first().locator('.ant-tree-node-content-wrapper').click();
  await page.getByRole('button', { name: '新建下级部门' }).click();
  const modal = page.locator('.ant-modal-content');
  await modal.locator('#name').fill(original);
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(modal).toBeHidden();

  const detail = page.locator('.ant-card', { has: page.locator('.ant-descriptions') });
  await expect(detail.locator('.ant-card-head-title')).toHaveText(original);
  await detail.getByRole('button', { name: /编\s*辑/ }).click();
  await modal.locator('#name').fill(renamed);
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByRole('treeitem', { name: renamed })).toBeVisible();

  await detail.getByRole('button', { name: /停\s*用/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByRole('treeitem', { name: renamed })).toContainText('停用');
  await detail.getByRole('button', { name: /启\s*用/ }).click();
  await expect(page.getByRole('treeitem', { name: renamed })).not.toContainText('停用');
});
