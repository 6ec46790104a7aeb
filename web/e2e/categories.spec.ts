// The service catalogue page: build a branch, rename and deactivate in it, and a move the server
// refuses (the tree in the browser was out of date) with the reason on the form field.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession } from './desk-helpers';
import { chooseTreeOption, fieldError, sideMenu, unique } from './helpers';

/** Creates a category with the page's modal: at the top level, or under the selected one. */
async function addCategory(page: Page, name: string, under?: string): Promise<void> {
  if (under) {
    await selectCategory(page, under);
    await page.getByTestId('category-detail').getByRole('button', { name: '新建下级目录' }).click();
  } else {
    await page.getByRole('button', { name: '新建顶级目录' }).click();
  }
  const modal = page.locator('.ant-modal-content');
  await modal.locator('#name').fill(name);
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByText(`目录“${name}”已创建`)).toBeVisible();
  await expect(treeItem(page, name)).toBeVisible();
}

/** The category's title in the tree (its name, and a tag when inactive). */
function treeItem(page: Page, name: string) {
  return page.getByTestId('category-tree').getByTestId('category-node').filter({ has: page.getByText(name, { exact: true }) });
}

async function selectCategory(page: Page, name: string): Promise<void> {
  await treeItem(page, name).click();
  await expect(page.getByTestId('category-detail').locator('.ant-card-head-title')).toHaveText(name);
}

test('quality builds a branch of the catalogue: add a child, rename it, deactivate it', async ({ page, login }) => {
  test.slow();
  const parent = unique('E2E目录');
  const child = unique('E2E子目录');
  const renamed = `${child}-新`;
  await login('quality');
  await sideMenu(page).getByText('服务目录', { exact: true }).click();
  await expect(page).toHaveURL(/\/sla\/categories$/);
  await expect(page.getByRole('heading', { name: '服务目录' })).toBeVisible();

  await addCategory(page, parent);
  await addCategory(page, child, parent);
  await expect(page.getByTestId('category-path')).toHaveText(`${parent} / ${child}`);

  // Rename the child.
  const detail = page.getByTestId('category-detail');
  await detail.getByRole('button', { name: /改\s*名/ }).click();
  const modal = page.locator('.ant-modal-content');
  await expect(modal.locator('#name')).toHaveValue(child);
  await modal.locator('#name').fill(renamed);
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(modal).toBeHidden();
  await expect(treeItem(page, renamed)).toBeVisible();
  await expect(treeItem(page, child)).toHaveCount(0);

  // The parent cannot be switched off while its child is active: the server says why, in Chinese.
  await selectCategory(page, parent);
  await detail.getByRole('button', { name: /停\s*用/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.locator('.ant-message-error')).toContainText('请先停用其下级分类');
  await expect(detail.getByRole('button', { name: /停\s*用/ })).toBeVisible();

  // The child can: it leaves the tree, and comes back greyed with the "show inactive" switch.
  await selectCategory(page, renamed);
  await detail.getByRole('button', { name: /停\s*用/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('目录已停用')).toBeVisible();
  await expect(treeItem(page, renamed)).toHaveCount(0);
  await expect(detail.getByRole('button', { name: /启\s*用/ })).toBeVisible();
  await page.getByTestId('show-inactive').click();
  await expect(treeItem(page, renamed)).toContainText('停用');
  await expect(treeItem(page, renamed)).toHaveAttribute('data-active', 'false');

  // A ticket can no longer be registered in it.
  await page.goto('/desk/tickets/new');
  await page.locator('#category_id').click();
  await page.locator('#category_id').fill(parent);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper');
  await expect(options.filter({ hasText: parent })).toBeVisible();
  await expect(options.filter({ hasText: renamed })).toHaveCount(0);
});

test('a move the server refuses shows its reason on the parent field', async ({ page, login, baseURL }) => {
  test.slow();
  const top = unique('E2E移动');
  const below = unique('E2E下级');
  const other = unique('E2E其他');
  await login('quality', '/sla/categories');
  await addCategory(page, top);
  await addCategory(page, below, top);
  await addCategory(page, other);

  // Open the move form of `top` while this page still shows `other` at the top level ...
  await selectCategory(page, top);
  await page.getByTestId('category-detail').getByRole('button', { name: /移\s*动/ }).click();
  const modal = page.locator('.ant-modal-content');
  await expect(modal).toBeVisible();

  // ... meanwhile someone else moves `other` under `below`, i.e. into top's subtree.
  const { api, csrf } = await apiSession(baseURL as string, 'quality');
  try {
    const list = (await (await api.get('/api/v1/categories')).json()) as { items: { id: number; name: string }[] };
    const id = (name: string) => list.items.find((c) => c.name === name)?.id;
    const moved = await api.patch(`/api/v1/categories/${id(other)}`, {
      data: { parent_id: id(below) },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(moved.status(), await moved.text()).toBe(200);
  } finally {
    await api.dispose();
  }

  // Moving `top` under `other` would make a loop: refused, and said on the field.
  await chooseTreeOption(page, 'parent_id', other);
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  // In the user's language (the server's message carries a key).
  await expect(fieldError(page, 'parent_id')).toContainText('不能移动到自身或其下级');
  await expect(modal).toBeVisible();

  // Cancelled, the page shows the tree as it is now.
  await modal.getByRole('button', { name: /取\s*消/ }).click();
  await page.getByRole('button', { name: /刷\s*新/ }).click();
  await selectCategory(page, other);
  await expect(page.getByTestId('category-path')).toHaveText(`${top} / ${below} / ${other}`);
});
