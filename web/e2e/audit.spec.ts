// The audit log in words: event and object types translated, objects linked (a ticket as T000123),
// and filters chosen from pickers instead of typed codes.
import { expect, test } from './fixtures';
import { registerConsultation } from './desk-helpers';
import { unique } from './helpers';

test('the audit log lists events newest first, translated, and shows data and hash', async ({ page, login }) => {
  test.slow();
  await login('quality', '/audit');
  const rows = page.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const firstSeq = Number(await rows.nth(0).locator('td').nth(1).innerText());
  const secondSeq = Number(await rows.nth(1).locator('td').nth(1).innerText());
  expect(firstSeq).toBeGreaterThan(secondSeq);

  // The object type is picked by name, not typed as a code.
  await page.getByTestId('filter-entity').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '部门' }).click();
  await expect(page).toHaveURL(/entity=department/);
  await expect(rows.first()).toContainText('部门');
  await expect(rows.first().getByTestId('event-type')).toHaveText(/新建部门|修改部门/);
  await expect(page.locator('.ant-table-row', { hasText: '新建人员' })).toHaveCount(0);
  await expect(page.locator('.ant-table-row', { hasText: 'department.created' })).toHaveCount(0);

  await rows.first().locator('.ant-table-row-expand-icon').click();
  const detail = page.locator('.ant-table-expanded-row').first();
  await expect(detail.locator('pre')).toContainText('{');
  await expect(detail.getByText(/^department\.(created|updated)$/)).toBeVisible();
  await expect(detail.locator('.ant-typography code').last()).toHaveText(/^[0-9a-f]{16,}$/);

  // A department links to its place in the tree.
  await rows.first().getByTestId('event-object').click();
  await expect(page).toHaveURL(/\/org\/departments\?id=\d+/);
  await expect(page.getByTestId('department-detail')).toBeVisible();
});

test('tickets show as T-numbers linking to the ticket; type and actor pickers; one object only', async ({
  page,
  login,
  baseURL,
}) => {
  test.slow();
  await registerConsultation(baseURL as string, unique('E2E 审计 '));
  await login('quality', '/audit');
  const rows = page.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible();

  await page.getByTestId('filter-type').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '登录成功' }).click();
  await expect(page).toHaveURL(/type=auth\.login_succeeded/);
  await page.getByTestId('filter-actor').click();
  await page.getByTestId('filter-actor').locator('input').fill('quality');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '(quality)' }).click();
  await expect(page).toHaveURL(/actor=quality/);
  await expect(rows.first()).toContainText('登录成功');
  await expect(rows.first()).toContainText('quality');
  await expect(rows.filter({ hasNotText: '登录成功' })).toHaveCount(0);

  // Every event of the tickets, then one ticket's: its number links to the ticket page.
  await page.getByRole('button', { name: /重\s*置/ }).click();
  await page.getByTestId('filter-type').click();
  await page.getByTestId('filter-type').locator('input').fill('工单：全部');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '工单：全部事件' }).click();
  await expect(page).toHaveURL(/type=ticket\./);
  const object = rows.first().getByTestId('event-object');
  await expect(object).toHaveText(/^T\d{6}$/);
  const number = await object.innerText();
  await rows.first().getByRole('button', { name: '只看此对象的事件' }).click();
  await expect(page.getByTestId('object-filter')).toHaveText(`对象：工单 ${number}`);
  await expect(rows.filter({ hasNotText: number })).toHaveCount(0);
  await rows.first().getByTestId('event-object').click();
  await expect(page).toHaveURL(new RegExp(`/desk/tickets/${Number(number.slice(1))}$`));
  await expect(page.getByTestId('ticket-number')).toHaveText(number);
});

test.describe('with an English browser', () => {
  test.use({ browserLocale: 'en-US' });

  test('event and object types are in English', async ({ page, login, baseURL }) => {
    test.slow();
    const { number } = await registerConsultation(baseURL as string, unique('E2E 审计 '));
    await login('quality', '/audit?type=auth.');
    const rows = page.locator('.ant-table-row');
    await expect(rows.first().getByTestId('event-type')).toHaveText(/^(Signed in|Sign-in failed|Signed out)$/);
    await expect(rows.first()).toContainText('Staff member');
    await page.goto('/audit?entity=ticket');
    await expect(rows.first().getByTestId('event-object')).toHaveText(number);
    await expect(page.getByTestId('filter-entity')).toContainText('Ticket');
  });
});
