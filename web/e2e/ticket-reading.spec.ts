// Reading tickets: sensible list columns at 1440 px that the user can change (remembered), a long
// description folded, times in the organisation's zone with the offset where the browser's
// differs, and the dashboard's department table saying its period.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { registerConsultation } from './desk-helpers';
import { unique } from './helpers';

async function headers(page: Page): Promise<string[]> {
  return page.locator('.ant-table-thead th').evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? '').filter(Boolean));
}

test.describe('at 1440 × 900', () => {
  test.use({ browserViewport: { width: 1440, height: 900 } });

  test('the ticket list fits without sideways scrolling; columns can be chosen and are remembered', async ({ page, login, baseURL }) => {
    test.slow();
    const title = unique('E2E 很长的标题 ') + '客户反映营业厅网站在夜间无法登录并且多次重置密码后仍然提示账号被锁定'.repeat(2);
    await registerConsultation(baseURL as string, title);
    await login('agent', '/desk/tickets');
    const table = page.locator('.ant-table-content');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await headers(page)).toEqual(['工单号', '标题', '类型', '优先级', '状态', 'SLA 状态', '客户', '处理人', '创建时间']);

    await page.getByTestId('columns-button').click();
    const picker = page.getByTestId('column-picker');
    await picker.getByLabel('处理部门').check();
    await picker.getByLabel('类型').uncheck();
    await expect.poll(() => headers(page)).toEqual(['工单号', '标题', '优先级', '状态', 'SLA 状态', '客户', '处理部门', '处理人', '创建时间']);
    await page.reload();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    expect(await headers(page)).toContain('处理部门');
    await page.getByTestId('columns-button').click();
    await page.getByTestId('column-picker').getByRole('button', { name: '恢复默认' }).click();
    await expect.poll(() => headers(page)).toContain('类型');
  });
});

test.describe('with a browser in UTC', () => {
  test.use({ browserTimezone: 'UTC' });

  test('a long description is folded; times show in Beijing time with +08:00', async ({ page, login, baseURL }) => {
    test.slow();
    const description = `${'第一段：客户来电说明情况。'.repeat(40)}\n${'第二段：详细经过。'.repeat(600)}`;
    expect(description.length).toBeGreaterThan(5000);
    const { id } = await registerConsultation(baseURL as string, unique('E2E 长描述 '), 'agent', { description });
    await login('agent', `/desk/tickets/${id}`);
    const text = page.getByTestId('ticket-description');
    await expect(text).toBeVisible();
    const folded = await text.evaluate((el) => el.getBoundingClientRect().height);
    expect(folded).toBeLessThan(200);
    await text.getByText('展开').click();
    await expect(text.getByText('收起')).toBeVisible();
    expect(await text.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(folded * 3);
    await text.getByText('收起').click();
    await expect(text.getByText('展开')).toBeVisible();

    const created = page.locator('.ant-descriptions-item', { hasText: '创建时间' }).locator('.ant-descriptions-item-content');
    await expect(created).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00$/);
  });
});

test.describe('with a browser in Beijing time', () => {
  test.use({ browserTimezone: 'Asia/Shanghai', browserLocale: 'en-US' });

  test('times carry no offset; the dashboard says the period of its department table', async ({ page, login, baseURL }) => {
    test.slow();
    const { id } = await registerConsultation(baseURL as string, unique('E2E 时区 '));
    await login('quality', `/desk/tickets/${id}`);
    const created = page.locator('.ant-descriptions-item', { hasText: 'Created' }).locator('.ant-descriptions-item-content');
    await expect(created).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await page.goto('/desk/dashboard');
    await expect(page.getByTestId('by-department-period')).toHaveText(/^Open and breached: now; attainment: this month \(\d{4}-\d{2}\)$/);
    await expect(page.getByRole('columnheader', { name: 'First-response attainment (this month)' })).toBeVisible();
  });
});
