// The pages a customer and a field engineer use, on a phone (390 × 844): the portal's menu and the
// user stay on screen, nothing scrolls sideways, the request list says status, title and time,
// and the new-request page has a way back.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { registerConsultation, ticketIdFromUrl } from './desk-helpers';
import { unique } from './helpers';

const PHONE = { width: 390, height: 844 };

/** The page is no wider than the screen: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
}

test.describe('on a phone', () => {
  test.use({ browserViewport: PHONE });

  test('a customer finds the menu, submits a request, goes back, and sees it listed', async ({ page, login }) => {
    test.slow();
    const title = unique('E2E 手机报修 ');
    await login('customer');
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByTestId('product-name')).toBeInViewport();
    await expect(page.getByTestId('user-menu')).toBeInViewport();
    await expectNoSidewaysScroll(page);

    // The user's name is behind the avatar; the menu behind its button.
    await page.getByTestId('user-menu').click();
    await expect(page.locator('.ant-dropdown-menu-item-disabled')).toHaveText('客户 赵芳');
    await page.keyboard.press('Escape');
    await page.getByTestId('portal-menu-button').click();
    await page.getByTestId('portal-menu').getByRole('menuitem', { name: /提交请求/ }).click();
    await expect(page).toHaveURL(/\/portal\/new$/);
    await expectNoSidewaysScroll(page);

    // A way back, at the top.
    await page.getByTestId('portal-back').click();
    await expect(page).toHaveURL(/\/portal$/);
    await page.getByRole('button', { name: /提交请求/ }).first().click();

    await page.locator('#type').getByText('咨询', { exact: true }).click();
    await page.locator('#title').fill(title);
    await page.locator('#description').fill('手机上提交的咨询');
    await page.getByTestId('portal-submit').click();
    await expect(page).toHaveURL(/\/portal\/tickets\/\d+$/);
    const id = ticketIdFromUrl(page);
    await expectNoSidewaysScroll(page);

    // The list: number, status, title and when, as a card.
    await page.getByRole('button', { name: /我的请求/ }).click();
    const card = page.getByTestId('my-request').filter({ hasText: title });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('status-tag')).toBeVisible();
    await expect(card).toContainText(/提交于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expectNoSidewaysScroll(page);
    await card.click();
    await expect(page).toHaveURL(new RegExp(`/portal/tickets/${id}$`));
  });

  test('a field engineer works a ticket without sideways scrolling', async ({ page, login, baseURL }) => {
    test.slow();
    const { id } = await registerConsultation(baseURL as string, unique('E2E 手机工单 '), 'engineer');
    await login('engineer', '/desk/tickets');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    // The side menu is folded away and opens from its tab.
    await expect(page.locator('.ant-layout-sider')).toHaveCSS('width', '0px');
    await page.locator('.ant-layout-sider-zero-width-trigger').click();
    const menu = page.getByRole('menu', { name: '导航菜单' });
    await expect(menu).toBeInViewport();
    await menu.getByText('回访队列', { exact: true }).click();
    await expect(page).toHaveURL(/\/desk\/callbacks$/);
    await expect(page.locator('.ant-layout-sider')).toHaveCSS('width', '0px');

    await page.goto(`/desk/tickets/${id}`);
    await expect(page.getByTestId('ticket-number')).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

test.describe('on a phone, in English', () => {
  test.use({ browserViewport: PHONE, browserLocale: 'en-US' });

  test('the portal menu and the way back speak English', async ({ page, login }) => {
    await login('customer');
    await page.getByTestId('portal-menu-button').click();
    const menu = page.getByTestId('portal-menu');
    await expect(menu.getByRole('menuitem', { name: /My requests/ })).toBeVisible();
    await menu.getByRole('menuitem', { name: /New request/ }).click();
    await expect(page.getByTestId('portal-back')).toHaveText(/My requests/);
    await expectNoSidewaysScroll(page);
  });
});
