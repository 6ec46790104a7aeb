// Service desk flows against the real server: the ticket lifecycle across roles, a complaint from
// the portal to the complaint analysis, a refused action, and what each role may not see.
import { expect, test } from './fixtures';
import {
  actionButton,
  doAction,
  pickOption,
  registerTicket,
  ticketIdFromUrl,
  ticketStatus,
} from './desk-helpers';
import { chooseTreeOption, sideMenu, unique } from './helpers';

// Demo data (sqm seed-demo): a customer record linked to the `customer` login, and a category.
const PORTAL_CUSTOMER = '赵芳';
const CATEGORY = 'VPN';

test('register → respond → transfer → wait → resolve → callback → close', async ({ page, login }) => {
  test.slow(); // three people, nine steps
  const title = unique('E2E VPN 无法连接 ');

  // The agent registers an incident for a customer found by name.
  await login('agent');
  const id = await registerTicket(page, {
    customer: PORTAL_CUSTOMER,
    type: '故障',
    category: CATEGORY,
    title,
    description: '客户来电：VPN 客户端连接后立即断开。',
  });
  await expect(ticketStatus(page)).toHaveText('新建');
  await expect(page.getByTestId('sla-summary')).toBeVisible();

  // First response to the customer.
  await doAction(page, 'respond', async (modal) => {
    await modal.locator('#note').fill('您好，已收到您的报障，正在安排技术人员处理。');
  });
  await expect(ticketStatus(page)).toHaveText('已受理');

  // Transfer to 技术支持部 / 一线支持组 with a reason. Agents may not list the organisation, but
  // the directory lets them pick the department by name.
  await doAction(page, 'transfer', async (modal) => {
    await chooseTreeOption(page, 'department_id', '一线支持组');
    await expect(modal.getByTestId('department-picker')).toContainText('一线支持组');
    // The assignee picker then offers that department's people only.
    await modal.locator('#assignee_id').click();
    const people = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect(people.first()).toBeVisible();
    for (const label of await people.allInnerTexts()) expect(label).toContain('一线支持组');
    await page.keyboard.press('Escape');
    await modal.locator('#note').fill('需要一线支持组远程排查 VPN 配置');
  });
  await expect(page.getByTestId('ticket-department')).toHaveText('一线支持组');
  await expect(ticketStatus(page)).toHaveText('新建');

  // The engineer accepts, waits for the customer (timers pause), resumes and resolves.
  await login('engineer', `/desk/tickets/${id}`);
  await actionButton(page, 'accept').click();
  await expect(ticketStatus(page)).toHaveText('已受理');
  await expect(page.getByTestId('ticket-assignee')).toContainText('张伟');

  await doAction(page, 'wait', async (modal) => {
    await modal.locator('#note').fill('请客户提供 VPN 客户端日志');
  });
  await expect(ticketStatus(page)).toHaveText('等待客户');
  const resolution = page.locator('[data-testid="sla-timer"][data-kind="resolution"]');
  await expect(resolution).toHaveAttribute('data-state', 'paused');
  await expect(resolution.getByTestId('timer-paused')).toBeVisible();

  await actionButton(page, 'resume').click();
  await expect(ticketStatus(page)).toHaveText('处理中');
  await expect(resolution).toHaveAttribute('data-state', /running|breached/);

  await doAction(page, 'resolve', async (modal) => {
    await modal.locator('#note').fill('已重置 VPN 证书，客户确认可以连接。');
  });
  await expect(ticketStatus(page)).toHaveText('已解决');
  await expect(resolution).toHaveAttribute('data-state', /met|breached/);

  // The agent records the callback, then closes the ticket.
  await login('agent', `/desk/tickets/${id}`);
  await doAction(page, 'callback', async (modal) => {
    await modal.locator('#reached').getByText('已联系上', { exact: true }).click();
    await modal.locator('#resolved').getByText('已解决', { exact: true }).click();
    await modal.locator('#satisfaction').getByText('满意', { exact: true }).click();
    await modal.locator('#note').fill('客户表示问题已解决');
  });
  await expect(ticketStatus(page)).toHaveText('已回访');
  await expect(page.getByTestId('callback-table')).toContainText('满意');

  await actionButton(page, 'close').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(ticketStatus(page)).toHaveText('已关闭');
  await expect(page.getByTestId('ticket-actions').locator('button[data-action="reopen"]')).toBeVisible();

  // Every step is on the timeline, in order.
  const steps = page.getByTestId('timeline-item');
  const types = await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));
  const expected = ['created', 'respond', 'transfer', 'accept', 'wait', 'resume', 'resolve', 'callback', 'close'];
  expect(types.filter((type) => expected.includes(type ?? ''))).toEqual(expected);
  const timeline = page.getByTestId('ticket-timeline');
  await expect(timeline).toContainText('需要一线支持组远程排查 VPN 配置');
  await expect(timeline).toContainText('计时暂停');
  await expect(timeline).toContainText('计时恢复');
  await expect(timeline).toContainText('客户表示问题已解决');
});

test('a complaint from the portal reaches the complaint analysis', async ({ page, login }) => {
  test.slow(); // two people, three pages each
  const title = unique('E2E 投诉客服态度 ');

  // The summary before, to see the new complaint arrive.
  await login('quality', '/desk/complaints');
  const total = page.getByTestId('complaints-total').locator('.ant-statistic-content-value');
  await expect(total).toBeVisible();
  const before = Number((await total.innerText()).replace(/\D/g, ''));

  // The customer lands on the portal (no staff menu) and submits a complaint.
  await login('customer');
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
  await page.getByRole('button', { name: /提交请求/ }).first().click();
  await page.locator('#type').getByText('投诉', { exact: true }).click();
  await pickOption(page, page.locator('#complaint_category'), '服务态度');
  await page.locator('#title').fill(title);
  await page.locator('#description').fill('客服人员接听电话时态度冷淡，多次打断我。');
  await page.getByTestId('portal-submit').click();
  await expect(page).toHaveURL(/\/portal\/tickets\/\d+$/);
  const id = ticketIdFromUrl(page);
  await expect(page.getByRole('heading')).toContainText(title);

  await page.getByRole('menuitem', { name: /我的请求/ }).click();
  await expect(page.getByTestId('my-requests').locator('.ant-table-row', { hasText: title })).toBeVisible();

  // Quality opens it and records the findings.
  await login('quality', `/desk/tickets?q=${encodeURIComponent(title)}`);
  await page.locator('.ant-table-row', { hasText: title }).click();
  await expect(page).toHaveURL(new RegExp(`/desk/tickets/${id}$`));
  const panel = page.getByTestId('complaint-panel');
  await panel.locator('#findings').fill('调取录音核实，客服确有打断客户的情况。');
  await panel.locator('#substantiated').getByText('属实', { exact: true }).click();
  await panel.locator('#remedy').fill('对当事客服进行服务规范培训，并向客户致歉。');
  await panel.getByTestId('complaint-save').click();
  await expect(page.getByText('投诉处理记录已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('complaint-panel').locator('#findings')).toHaveValue('调取录音核实，客服确有打断客户的情况。');
  await expect(page.getByTestId('ticket-timeline')).toContainText('更新投诉处理');

  // The complaint analysis counts it, and its category is in the Pareto chart.
  await page.goto('/desk/complaints');
  await expect(total).toHaveText(String(before + 1));
  const pareto = page.getByTestId('pareto-chart');
  await expect(pareto).toHaveAttribute('data-rendered', 'true');
  await expect(pareto.locator('svg text', { hasText: '服务态度' }).first()).toBeVisible();
  await expect(page.getByTestId('complaints-substantiated')).toBeVisible();
});

test('an action the ticket no longer allows shows the server’s message, translated', async ({ page, context, login }) => {
  await login('agent');
  const id = await registerTicket(page, {
    customer: PORTAL_CUSTOMER,
    type: '咨询',
    title: unique('E2E 咨询 '),
  });
  await expect(actionButton(page, 'accept')).toBeVisible();

  // Someone else accepts it in another tab; this page still offers "accept".
  const other = await context.newPage();
  await other.goto(`/desk/tickets/${id}`);
  await actionButton(other, 'accept').click();
  await expect(ticketStatus(other)).toHaveText('已受理');
  await other.close();

  await actionButton(page, 'accept').click();
  const alert = page.getByTestId('action-error');
  await expect(alert).toBeVisible();
  // In the user's language, from the message's key and parts (the statuses and actions too).
  await expect(alert).toContainText('状态为“已受理”的工单不能执行“受理”');
  await expect(alert).toContainText('可执行：');
  await expect(alert).toContainText('首次响应');
  // The page refreshed to what is allowed now.
  await expect(ticketStatus(page)).toHaveText('已受理');
  await expect(actionButton(page, 'accept')).toHaveCount(0);
});

test('an agent may not manage SLA policies and a customer never sees internal notes', async ({ page, login }) => {
  test.slow(); // two people, a reply on the portal
  await login('agent');
  await expect(sideMenu(page).getByText('SLA 策略', { exact: true })).toHaveCount(0);
  await page.goto('/sla/policies');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();

  const secret = unique('内部备注-');
  const reply = unique('公开回复-');
  const id = await registerTicket(page, {
    customer: PORTAL_CUSTOMER,
    type: '咨询',
    title: unique('E2E 备注可见性 '),
  });
  await doAction(page, 'comment', async (modal) => {
    await modal.locator('#visibility').getByText('内部备注', { exact: true }).click();
    await modal.locator('#note').fill(secret);
  });
  await doAction(page, 'comment', async (modal) => {
    await modal.locator('#visibility').getByText('客户可见', { exact: true }).click();
    await modal.locator('#note').fill(reply);
  });
  await expect(page.getByTestId('ticket-timeline')).toContainText(secret);
  await actionButton(page, 'accept').click();
  await doAction(page, 'wait', async (modal) => {
    await modal.locator('#note').fill('请补充账号信息');
  });
  await expect(ticketStatus(page)).toHaveText('等待客户');

  await login('customer', `/portal/tickets/${id}`);
  await expect(page.getByText(reply)).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  // The request waits for the customer, who answers on the portal; that resumes it.
  await expect(page.getByTestId('portal-waiting')).toBeVisible();
  const answer = unique('客户补充-');
  await page.getByPlaceholder('补充信息或回复客服').fill(answer);
  await page.getByTestId('portal-reply').click();
  await expect(page.getByRole('heading').getByTestId('status-tag')).toHaveText('处理中');
  await expect(page.getByText(answer)).toBeVisible();
  await expect(page.getByTestId('portal-waiting')).toHaveCount(0);
  // Nor through the staff page.
  await page.goto(`/desk/tickets/${id}`);
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
});
