// Surveys end to end: a rule sends a survey when an agent resolves a ticket, the agent copies the
// answer link, the customer answers on a phone (390 × 844) without signing in, a second visit is
// told politely that it is answered, the open text shows as text, and the results and the recovery
// queue show the answer.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { acceptAndResolve, apiSession, registerConsultation } from './desk-helpers';
import { chooseOption, tableRows, unique } from './helpers';

const PHONE = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
}

test('resolve a ticket, answer its survey on a phone, see it in the results', async ({ page, login, baseURL }) => {
  test.slow();
  const name = unique('E2E 满意度 ');
  const { api, csrf } = await apiSession(baseURL as string, 'quality');
  let templateId: number;
  try {
    const created = await api.post('/api/v1/survey-templates', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        name,
        title: { zh: '服务满意度调查', en: 'Service satisfaction survey' },
        intro: { zh: '感谢您抽空作答。', en: 'Thank you for your time.' },
        questions: [
          { id: 'csat', kind: 'csat', text: { zh: '您对本次服务满意吗？', en: 'How satisfied are you?' }, required: true },
          { id: 'nps', kind: 'nps', text: { zh: '您愿意向朋友推荐我们吗？', en: 'Would you recommend us?' } },
          { id: 'why', kind: 'text', text: { zh: '还有什么想告诉我们？', en: 'Anything else?' } },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    templateId = ((await created.json()) as { id: number }).id;
    const rule = await api.post('/api/v1/survey-rules', {
      headers: { 'X-CSRF-Token': csrf },
      // Phone tickets only: the first matching rule sends, and feedback-mail.spec's takes e-mail ones.
      data: { template_id: templateId, trigger: 'resolved', ticket_type: 'consultation', channel: 'phone', quiet_days: 0 },
    });
    expect(rule.status(), await rule.text()).toBe(201);
  } finally {
    await api.dispose();
  }

  // The agent resolves a consultation on the ticket page.
  const ticket = await registerConsultation(baseURL as string, unique('E2E 问卷工单 '));
  await login('agent');
  await acceptAndResolve(page, ticket.id);

  // The invitation is listed; the agent gets its link.
  await page.goto('/feedback/invitations');
  await page.getByTestId(`issue-link-${ticket.number}`).click();
  const linkText = (await page.getByTestId('survey-link').first().getAttribute('data-link')) ?? '';
  expect(linkText).toMatch(/\/answer\.html#t=[A-Za-z0-9_-]{32}$/);
  const link = new URL(linkText);

  // The customer, signed out, on a phone.
  await page.context().clearCookies();
  await page.setViewportSize(PHONE);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const started = Date.now();
  await page.goto(link.pathname + link.hash);
  await expect(page.getByRole('heading', { name: '服务满意度调查' })).toBeVisible();
  const loadMs = Date.now() - started;
  await expectNoSidewaysScroll(page);
  await page.locator('fieldset[data-question="csat"] label', { hasText: '2' }).click();
  await page.locator('fieldset[data-question="nps"] label', { hasText: /^9$/ }).click();
  const xss = '<img src=x onerror="alert(1)">服务<b>一般</b>';
  await page.locator('fieldset[data-question="why"] textarea').fill(xss);
  // The language switch keeps what was chosen.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('How satisfied are you?')).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('survey-notice')).toContainText('感谢您的反馈');

  // A second visit is told politely.
  await page.reload();
  await expect(page.getByTestId('survey-notice')).toContainText('此问卷已提交过');
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  console.log(`answer page: first load to questions shown in ${loadMs} ms`);

  // The quality department sees the answer, the text as text, and the follow-up of the low score.
  await page.setViewportSize({ width: 1366, height: 900 });
  await login('quality', '/feedback/results');
  await chooseOption(page, 'results-template', name);
  await expect(page.getByTestId('kpi-csat')).toContainText('n = 1');
  await expect(page.getByTestId('question-why')).toContainText(xss);
  expect(await page.getByTestId('question-why').locator('img').count()).toBe(0);
  await expect(page.getByTestId('distribution-csat')).toHaveAttribute('data-rendered', 'true');
  await page.goto('/feedback/follow-ups');
  await expect(page.getByRole('row', { name: new RegExp(ticket.number) })).toContainText('csat=2');
  expect(dialogs).toEqual([]);

  // The owner records that the customer withdrew the rating; the outcome supports a request to
  // leave the ticket out of assessment, which opens filled in with the follow-up as evidence.
  const quality = await apiSession(baseURL as string, 'quality');
  let followUpId: number;
  try {
    const open = await quality.api.get('/api/v1/survey-followups?state=open');
    const items = ((await open.json()) as { items: { id: number; ticket_id: number }[] }).items;
    followUpId = items.find((f) => f.ticket_id === ticket.id)?.id ?? 0;
    expect(followUpId).toBeGreaterThan(0);
    const closed = await quality.api.patch(`/api/v1/survey-followups/${followUpId}`, {
      headers: { 'X-CSRF-Token': quality.csrf },
      data: { outcome: 'rating_withdrawn', note: '客户来电撤回' },
    });
    expect(closed.status(), await closed.text()).toBe(200);
  } finally {
    await quality.api.dispose();
  }
  await page.goto('/feedback/follow-ups');
  await page.getByRole('tab', { name: '全部' }).click();
  await page.getByTestId(`request-exclusion-${followUpId}`).click();
  const modal = page.locator('.ant-modal-content');
  await expect(modal.locator('#ticket_id')).toHaveValue(String(ticket.id));
  await expect(modal.locator('#evidence')).toHaveValue(new RegExp(`差评跟进 #${followUpId}（csat=2）：客户撤回评价.*客户来电撤回`));
  await modal.locator('#reason_code').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('剔除申请已提交')).toBeVisible();
  await expect(tableRows(page, 'exclusion-table').filter({ hasText: ticket.number })).toHaveCount(1);
});
