// The service desk's other screens against the real server: registration details, the ticket list
// (filters, saved views, export), callbacks, notifications, import, calendars and SLA policies.
import { readFileSync } from 'node:fs';

import { expect, test } from './fixtures';
import {
  actionButton,
  doAction,
  pickTreeOption,
  registerTicket,
  ticketStatus,
} from './desk-helpers';
import { unique } from './helpers';

const CUSTOMER = '赵芳';
const CUSTOMER_PHONE = '13800000008';

test('registration: keyboard look-up, a customer created inline, and duplicates before and after', async ({ page, login }) => {
  test.slow();
  await login('agent');
  const first = unique('E2E 重复 ');
  await registerTicket(page, { customer: CUSTOMER, type: '故障', category: 'VPN', title: first, description: '第一次来电' });

  await page.goto('/desk/tickets/new');
  const customer = page.locator('#customer_id');
  await expect(customer).toBeFocused();
  // Look the customer up by phone and pick with the keyboard; Enter then moves on.
  await customer.pressSequentially(CUSTOMER_PHONE);
  await expect(page.getByTestId('customer-option').first()).toContainText(CUSTOMER);
  await customer.press('Enter');
  await expect(page.locator('.ant-select-selection-item', { hasText: CUSTOMER })).toBeVisible();
  await customer.press('Enter');
  await expect(customer).not.toBeFocused();

  await page.locator('#type').getByText('故障', { exact: true }).click();
  await pickTreeOption(page, page.locator('#category_id'), 'VPN');
  // The same customer and category are open already: a warning before registering ...
  const before = page.getByTestId('duplicate-warning');
  await expect(before).toContainText(first);

  // ... the fields an incident needs are marked ...
  await page.locator('#title').fill(unique('E2E 重复 '));
  await page.locator('#title').press('Control+Enter');
  await expect(page.locator('#description_help')).toContainText('故障必须填写此项');

  // ... and after registering.
  await page.locator('#description').fill('又来电了');
  await page.locator('#description').press('Control+Enter');
  await expect(page.getByText(/工单 T\d+ 已登记/).first()).toBeVisible();
  await expect(page.getByTestId('duplicate-warning')).toContainText(first);
  await page.getByRole('button', { name: '继续登记' }).click();

  // A caller who is not a customer yet is created inline and selected.
  const name = unique('新客户');
  await page.locator('#customer_id').fill(name);
  await page.getByTestId('new-customer-button').click();
  const card = page.getByTestId('new-customer');
  await expect(card.locator('#new_customer_name')).toHaveValue(name);
  await card.locator('#new_customer_phone').fill('13912345678');
  await card.locator('#new_customer_phone').press('Enter');
  await expect(card).toBeHidden();
  await expect(page.locator('.ant-select-selection-item', { hasText: name })).toBeVisible();
  await page.locator('#type').getByText('咨询', { exact: true }).click();
  await page.locator('#title').fill(unique('E2E 新客户咨询 '));
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  await expect(page.locator('.ant-descriptions').first()).toContainText(name);
});

test('ticket list: search, status filter, a saved view, and export links', async ({ page, login }) => {
  test.slow();
  await login('agent');
  const title = unique('E2E 列表 ');
  await registerTicket(page, { customer: CUSTOMER, type: '咨询', title });

  await page.goto('/desk/tickets');
  await page.getByPlaceholder('搜索工单号、标题、客户或电话').fill(title);
  const rows = page.locator('.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(title);
  await expect(rows.first().getByTestId('priority-tag')).toHaveText('P3 中');
  await expect(page).toHaveURL(/q=/);

  // Only closed tickets: this new one disappears.
  await page.getByTestId('filter-status').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已关闭' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('没有符合条件的工单')).toBeVisible();
  await expect(page).toHaveURL(/status=closed/);

  // Save the filters as a view, clear them, and bring them back with the view.
  const view = unique('视图');
  await page.getByRole('button', { name: '保存当前筛选为视图' }).click();
  await page.locator('.ant-modal-content #name').fill(view);
  await page.locator('.ant-modal-content .ant-btn-primary').click();
  await expect(page.getByText(`视图“${view}”已保存`)).toBeVisible();
  await page.getByRole('button', { name: /重\s*置/ }).click();
  await expect(rows.filter({ hasText: title })).toHaveCount(1);
  await page.getByTestId('saved-views').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: view }).click();
  await expect(page).toHaveURL(/status=closed/);
  await expect(page.getByText('没有符合条件的工单')).toBeVisible();

  // The export links carry the same filters and download a file.
  const csv = page.getByTestId('export-csv');
  await expect(csv).toHaveAttribute('href', /\/api\/v1\/tickets\/export\?.*status=closed.*format=csv.*lang=zh/);
  const href = (await csv.getAttribute('href')) as string;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toContain('attachment');

  await page.getByRole('button', { name: '删除视图' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('视图已删除')).toBeVisible();
});

test('callback queue and notifications: an assignment reaches the engineer, a callback is recorded inline', async ({
  page,
  login,
}) => {
  test.slow();
  await login('agent');
  const title = unique('E2E 回访 ');
  const id = await registerTicket(page, { customer: CUSTOMER, type: '咨询', title });
  // Agents may not list the organisation; the directory finds the engineer by name.
  await doAction(page, 'assign', async (modal) => {
    await modal.locator('#assignee_id').fill('张伟');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '张伟' }).first().click();
  });
  await expect(page.getByTestId('ticket-assignee')).toContainText('张伟');

  // The engineer is notified; the notification opens the ticket.
  await login('engineer');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('aria-label', /通知（[1-9]\d* 条未读）/);
  await bell.click();
  const item = page.getByTestId('notification-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/desk/tickets/${id}$`));
  await actionButton(page, 'accept').click();
  await expect(ticketStatus(page)).toHaveText('已受理');
  await actionButton(page, 'resolve').click();
  await page.locator('.ant-modal-content .ant-modal-footer .ant-btn-primary').click();
  await expect(ticketStatus(page)).toHaveText('已解决');

  // The agent finds it in the callback queue and records the callback there.
  await login('agent', '/desk/callbacks');
  const row = page.locator('.ant-table-row', { hasText: title });
  await row.getByRole('button', { name: '记录回访' }).click();
  const form = page.getByTestId('record-callback');
  await form.locator('#reached').getByText('已联系上', { exact: true }).click();
  await form.locator('#resolved').getByText('部分解决', { exact: true }).click();
  await form.locator('#satisfaction').getByText('基本满意', { exact: true }).click();
  await form.getByRole('button', { name: '记录回访' }).click();
  await expect(page.getByText(/的回访已记录/)).toBeVisible();
  await expect(page.locator('.ant-table-row', { hasText: title })).toHaveCount(0);
  await page.getByRole('tab', { name: '已完成' }).click();
  await expect(page.locator('.ant-table-row', { hasText: title })).toContainText('基本满意');
});

test('import: every rejected line is listed, a clean file is written', async ({ page, login }) => {
  test.slow();
  await login('agent', '/desk/import');
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const header = '类型,渠道,标题,描述,客户,分类,创建时间';
  const good = `咨询,电话,${unique('E2E 导入 ')},,${CUSTOMER_PHONE},,${yesterday} 09:30`;
  const bad = `故障,电话,${unique('E2E 导入 ')},无描述的故障,19900000000,网络与连接/VPN,${yesterday} 10:00`;
  const input = page.locator('input[type=file]');

  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n${bad}\n`) });
  await expect(page.getByTestId('import-status')).toHaveText('未导入');
  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('.ant-table-row').first()).toContainText('3');

  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n`) });
  await expect(page.getByTestId('import-status')).toHaveText('已完成');
  await expect(page.getByTestId('import-created')).toHaveText('1');
});

test('import: the guide opens in the app, and both templates download and import as they are', async ({ page, login }) => {
  test.slow();
  await login('agent', '/desk/import');
  await page.getByTestId('import-guide-open').click();
  const guide = page.getByTestId('import-guide-columns');
  await expect(guide).toContainText('created_at');
  await expect(guide).toContainText('创建时间');
  await expect(guide).toContainText('服务请求、故障必填');
  await page.keyboard.press('Escape');

  for (const format of ['csv', 'xlsx'] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`template-${format}`).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^ticket-import-template-zh-CN-\\d{8}\\.${format}$`));
    const path = await download.path();
    if (format === 'csv') {
      const text = readFileSync(path, 'utf8');
      expect(text.split('\r\n')[0]).toContain('类型,渠道,优先级,标题');
    }
    await page.locator('input[type=file]').setInputFiles({
      name: `template.${format}`,
      mimeType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync(path),
    });
    await expect(page.getByTestId('import-job')).toContainText(`template.${format}`);
    await expect(page.getByTestId('import-status')).toHaveText('已完成');
    await expect(page.getByTestId('import-created')).toHaveText('1');
  }
});

test.describe('in Beijing time', () => {
  test.use({ browserTimezone: 'Asia/Shanghai' });

  test('the dashboard, calendar due-time preview and SLA policy explanation', async ({ page, login }) => {
    test.slow();
    await login('quality', '/desk/dashboard');
    await expect(page.getByTestId('status-chart')).toHaveAttribute('data-rendered', 'true');
    await expect(page.getByTestId('attainment-table').locator('.ant-table-row')).toHaveCount(3);
    // The figures are the assessment's measures, and the page says so.
    await expect(page.getByTestId('attainment-definition')).toContainText('响应率');

    await page.goto('/sla/calendars');
    await page.getByTestId('calendar-list').getByText('中国大陆工作日', { exact: false }).click();
    await expect(page.getByTestId('week-editor')).toBeVisible();
    const preview = page.getByTestId('due-preview');
    // 17:00 on a working day plus two business hours: one hour that day, one the next morning.
    const from = preview.getByRole('textbox', { name: '从' });
    await from.click();
    await from.fill('2026-10-08 17:00');
    await from.press('Enter');
    await preview.getByRole('spinbutton', { name: '工作分钟' }).fill('120');
    await expect(preview.getByTestId('preview-due')).toHaveText('2026-10-09 10:00 +08:00');

    await page.goto('/sla/policies');
    await expect(page.getByTestId('policy-table').locator('.ant-table-row')).not.toHaveCount(0);
    const explain = page.getByTestId('explain');
    await explain.locator('#ticket_type').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '故障' }).click();
    await explain.locator('#priority').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'P1' }).click();
    await explain.getByTestId('explain-run').click();
    const result = explain.getByTestId('explain-result');
    await expect(result.locator('.ant-alert')).toContainText('故障 P1 Critical incident');
    const rows = result.locator('.ant-table-row');
    await expect(rows.filter({ hasText: '已采用' })).toHaveCount(1);
    await expect(rows.filter({ hasText: '已采用' })).toContainText('故障 P1 Critical incident');
    // Every other candidate says why, in Chinese, from the structured verdict.
    await expect(rows.filter({ hasText: '标准服务 Standard' }).getByTestId('explain-reason')).toHaveText(
      '匹配，但设置的条件（0 个）少于“故障 P1 Critical incident”（2 个）',
    );
    await expect(rows.filter({ hasText: '故障 P2 Major incident' }).getByTestId('explain-reason')).toContainText(
      '不匹配：优先级（策略要求 P2 高，工单为 P1 紧急）',
    );
  });
});

test('quality creates an SLA policy, saves a new version, and builds a calendar with an iCalendar import', async ({
  page,
  login,
}) => {
  test.slow();
  await login('quality');
  const name = unique('E2E 策略 ');
  await page.goto('/sla/policies');
  await page.getByRole('button', { name: /新建策略/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.locator('#name').fill(name);
  // A tier no customer has, so the policy never applies to other tests' tickets.
  await drawer.locator('#match_customer_tier').fill('e2e-tier');
  await drawer.locator('#targets_first_response_enabled').check();
  await drawer.locator('#targets_first_response_business_minutes').fill('45');
  await drawer.locator('#targets_first_response_calendar_code').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'cn-mainland' }).click();
  await drawer.getByTestId('policy-save').click();
  await expect(drawer).toBeHidden();
  const row = page.locator('.ant-table-row', { hasText: name });
  await expect(row).toContainText('v1');
  await expect(row).toContainText('首次响应: 45m');

  await row.getByRole('button', { name: /编\s*辑/ }).click();
  await drawer.locator('#targets_first_response_business_minutes').fill('50');
  await drawer.getByTestId('policy-save').click();
  await expect(drawer).toBeHidden();
  await expect(row).toContainText('v2');
  await expect(row).toContainText('首次响应: 50m');

  const code = unique('e2e-').toLowerCase();
  await page.goto('/sla/calendars');
  await page.getByRole('button', { name: /新建日历/ }).click();
  await page.locator('#code').fill(code);
  await page.locator('#name').fill(`E2E 日历 ${code}`);
  await page.getByTestId('calendar-save').click();
  await expect(page).toHaveURL(new RegExp(`code=${code}`));
  await expect(page.getByTestId('calendar-list')).toContainText(code);

  await page.getByTestId('calendar-import').click();
  await page.getByTestId('import-text').fill(
    ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦', 'END:VEVENT', 'END:VCALENDAR'].join('\n'),
  );
  await page.locator('.ant-modal-content .ant-modal-footer .ant-btn-primary').click();
  await expect(page.getByText('已导入：新增 1 天，替换 0 天')).toBeVisible();
  const table = page.getByTestId('exceptions-table');
  await expect(table.locator('input[value="2027-01-01"]')).toBeVisible();
  await expect(table.locator('input[value="元旦"]')).toBeVisible();
});
