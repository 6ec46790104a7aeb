// Survey campaigns in the browser: the quality department sizes a campaign with the calculator,
// sees the strata it will draw, starts it from a recorded seed and follows its progress by stratum;
// in Chinese (the default) and in English.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession, registerConsultation } from './desk-helpers';
import { tableRows, unique } from './helpers';

// A template, and customers with tickets this year: the demo's and three more.
async function makeTemplate(baseURL: string, name: string): Promise<void> {
  const agent = await apiSession(baseURL, 'agent');
  let customers: { id: number }[];
  try {
    const r = await agent.api.get('/api/v1/customers?limit=3');
    expect(r.status(), await r.text()).toBe(200);
    customers = ((await r.json()) as { items: { id: number }[] }).items;
  } finally {
    await agent.api.dispose();
  }
  for (const c of customers) await registerConsultation(baseURL, unique('E2E 活动工单 '), 'agent', { customer_id: c.id });
  const { api, csrf } = await apiSession(baseURL, 'quality');
  try {
    const created = await api.post('/api/v1/survey-templates', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        name,
        title: { zh: '年度满意度调查', en: 'Yearly satisfaction survey' },
        intro: { zh: '感谢您的反馈。', en: 'Thank you.' },
        questions: [{ id: 'csat', kind: 'csat', text: { zh: '总体满意吗？', en: 'Satisfied overall?' }, required: true }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
  } finally {
    await api.dispose();
  }
}

async function startCampaign(page: Page, name: string, template: string): Promise<string> {
  await page.goto('/feedback/campaigns');
  await page.getByTestId('new-campaign').click();
  const form = page.getByTestId('campaign-form');
  await form.locator('#name').fill(name);
  // A single Select closes itself on choosing (Escape would close the dialog too).
  await form.locator('#template_id').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${template}"]`).click();
  await form.locator('#margin').fill('10');
  await form.locator('#seed').fill('20261204');
  await page.getByTestId('campaign-preview').click();
  await expect(page.getByTestId('campaign-plan')).toBeVisible();
  const population = Number(await page.getByTestId('plan-population').textContent());
  const n = Number(await page.getByTestId('plan-n').textContent());
  const drawn = (await page.getByTestId('plan-drawn').textContent()) ?? '';
  expect(population).toBeGreaterThanOrEqual(2);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(population);
  expect(await tableRows(page, 'plan-strata').count()).toBeGreaterThanOrEqual(1);
  await page.getByTestId('campaign-start').click();
  await expect(page).toHaveURL(/\/feedback\/campaigns\/\d+$/);
  await expect(page.getByTestId('campaign-seed-value')).toHaveText('20261204');
  await expect(page.getByTestId('progress-invited')).toContainText(drawn);
  return drawn;
}

test.describe('survey campaigns', () => {
  test('size, preview and start a stratified campaign, then follow it by stratum (中文)', async ({ page, login, baseURL }) => {
    const template = unique('E2E 年度调查 ');
    await makeTemplate(baseURL as string, template);
    await login('quality');
    const name = unique('E2E 活动 ');
    const drawn = await startCampaign(page, name, template);
    await expect(page.getByText('各层进度')).toBeVisible();
    const strata = tableRows(page, 'progress-strata');
    expect(await strata.count()).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('progress-rate')).toContainText(`n = ${drawn}`);
    // The list shows it; the invitations are ordinary survey invitations.
    await page.goto('/feedback/campaigns');
    await expect(page.getByTestId('campaign-table')).toContainText(name);
    await page.goto('/feedback/invitations');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
  });

  test.describe('in English', () => {
    test.use({ browserLocale: 'en' });
    test('the calculator and progress read in English', async ({ page, login, baseURL }) => {
      const template = unique('E2E yearly ');
      await makeTemplate(baseURL as string, template);
      await login('quality');
      await startCampaign(page, unique('E2E campaign '), template);
      await expect(page.getByText('Progress by stratum')).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Response rate' })).toBeVisible();
      await expect(page.getByTestId('campaign-design')).toContainText('95 % confidence, ±10 %, expected 50 %');
    });
  });
});
