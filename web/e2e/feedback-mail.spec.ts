// The survey's whole path through e-mail: an agent resolves a customer's ticket in the browser, the
// survey mail arrives at the SMTP sink that e2e/global-setup.ts started (each mail a JSON file in
// SQM_E2E_MAIL_DIR), the customer follows the mailed link on a phone and answers, and the quality
// department sees the answer in the results.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { acceptAndResolve, apiSession, registerConsultation } from './desk-helpers';
import { chooseOption, unique } from './helpers';

interface Mail {
  to: string[];
  subject: string;
  body: string;
}

function mailsTo(address: string): Mail[] {
  const dir = process.env.SQM_E2E_MAIL_DIR;
  if (!dir) throw new Error('SQM_E2E_MAIL_DIR is not set: run the specs through e2e/global-setup.ts');
  return readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Mail)
    .filter((m) => m.to.includes(address));
}

test('a resolution mails the survey; the customer answers from the mail on a phone; quality sees it', async ({
  page,
  login,
  baseURL,
}) => {
  test.slow();
  const name = unique('E2E 邮件问卷 ');
  const title = unique('邮件满意度 ');
  const email = `${unique('kehu').replace(/\W/g, '').toLowerCase()}@example.org`;
  let customerId: number;
  const quality = await apiSession(baseURL as string, 'quality');
  try {
    const created = await quality.api.post('/api/v1/survey-templates', {
      headers: { 'X-CSRF-Token': quality.csrf },
      data: {
        name,
        title: { zh: title, en: `Mail survey ${title}` },
        intro: { zh: '感谢您的反馈。', en: 'Thank you.' },
        questions: [{ id: 'csat', kind: 'csat', text: { zh: '您对本次服务满意吗？', en: 'How satisfied are you?' }, required: true }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const templateId = ((await created.json()) as { id: number }).id;
    const rule = await quality.api.post('/api/v1/survey-rules', {
      headers: { 'X-CSRF-Token': quality.csrf },
      // By e-mail only: the first matching rule sends, and feedback.spec's rule takes phone tickets.
      data: { template_id: templateId, trigger: 'resolved', ticket_type: 'consultation', channel: 'email', quiet_days: 0 },
    });
    expect(rule.status(), await rule.text()).toBe(201);
  } finally {
    await quality.api.dispose();
  }
  const agent = await apiSession(baseURL as string, 'agent');
  try {
    const customer = await agent.api.post('/api/v1/customers', {
      headers: { 'X-CSRF-Token': agent.csrf },
      data: { name: unique('邮件客户 '), phone: '13800000098', email },
    });
    expect(customer.status(), await customer.text()).toBe(201);
    customerId = ((await customer.json()) as { id: number }).id;
  } finally {
    await agent.api.dispose();
  }

  // The agent resolves the customer's consultation on the ticket page.
  const ticket = await registerConsultation(baseURL as string, unique('E2E 邮件工单 '), 'agent', {
    customer_id: customerId,
    channel: 'email',
  });
  await login('agent');
  await acceptAndResolve(page, ticket.id);

  // The mail arrives (the mailer runs every second) with the template's title and the link.
  await expect.poll(() => mailsTo(email).length, { timeout: 30_000 }).toBe(1);
  const mail = mailsTo(email)[0];
  expect(mail.subject).toBe(`${title} / Mail survey ${title}`);
  const link = /https?:\/\/\S+\/answer\.html#t=[A-Za-z0-9_-]{32}/.exec(mail.body);
  expect(link, mail.body).not.toBeNull();
  const url = new URL((link as RegExpExecArray)[0]);

  // The customer, signed out, on a phone, follows the mailed link.
  await page.context().clearCookies();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url.pathname + url.hash);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.locator('fieldset[data-question="csat"] label', { hasText: '5' }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByTestId('survey-notice')).toContainText('感谢您的反馈');

  // Quality sees the one answer.
  await page.setViewportSize({ width: 1366, height: 900 });
  await login('quality', '/feedback/results');
  await chooseOption(page, 'results-template', name);
  await expect(page.getByTestId('kpi-csat')).toContainText('n = 1');
});
