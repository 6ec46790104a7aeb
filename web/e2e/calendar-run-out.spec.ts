// A calendar that runs out of holidays says so (issue 14, item 6): the due-time preview warns when
// its answer counts days past the known holiday years, and the SLA policy page warns about targets
// whose calendar runs out within 60 days — in both languages. The browser's clock is fixed where
// "now" matters; the preview's answer does not depend on it.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function preview(page: Page, fromLabel: string, from: string, minutes: string) {
  await page.goto('/sla/calendars?code=cn-mainland');
  const card = page.getByTestId('due-preview');
  // The built-in calendar's page is long (two years of holidays): give it time to draw.
  await expect(card).toBeVisible({ timeout: 30_000 });
  const input = card.getByRole('textbox', { name: fromLabel });
  await input.click();
  await input.fill(from);
  await input.press('Enter');
  await card.getByRole('spinbutton').fill(minutes);
  return card;
}

test.describe('in Chinese', () => {
  test.use({ browserTimezone: 'Asia/Shanghai' });

  test('the preview warns past 2026, and not within it', async ({ page, login }) => {
    test.slow();
    await login('quality');
    const card = await preview(page, '从', '2026-12-31 17:30', '60');
    await expect(card.getByTestId('preview-due')).toHaveText('2027-01-01 09:30 +08:00');
    const warning = card.getByTestId('preview-warning');
    await expect(warning).toContainText('节假日未知');
    await expect(warning).toContainText('2025–2026 年以外的日期');
    await expect(warning).toContainText('cn-mainland');

    await card.getByRole('spinbutton').fill('30');
    await expect(card.getByTestId('preview-due')).toHaveText('2026-12-31 18:00 +08:00');
    await expect(card.getByTestId('preview-warning')).toHaveCount(0);
  });

  test('the policy page warns about targets on a calendar that runs out', async ({ page, login }) => {
    test.slow();
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+08:00'));
    await login('quality');
    await page.goto('/sla/policies');
    await expect(page.getByTestId('run-out-cn-mainland')).toContainText('日历 中国大陆工作日 (Mainland China working days)（cn-mainland）的法定节假日数据只到 2026-12-31');
    await expect(page.getByTestId('run-out-cn-mainland')).toContainText('2027 年的节假日安排');
    await expect(page.getByTestId('target-run-out').first()).toHaveText('节假日数据止于 2026-12-31');
  });

  test('the policy page says nothing before the notice day', async ({ page, login }) => {
    test.slow();
    await page.clock.setFixedTime(new Date('2026-11-01T23:00:00+08:00'));
    await login('quality');
    await page.goto('/sla/policies');
    await expect(page.getByTestId('policy-table')).toContainText('cn-mainland');
    await expect(page.getByTestId('run-out-cn-mainland')).toHaveCount(0);
    await expect(page.getByTestId('target-run-out')).toHaveCount(0);
  });
});

test.describe('in English', () => {
  test.use({ browserLocale: 'en-US', browserTimezone: 'Asia/Shanghai' });

  test('the preview warning and the policy warning are in English', async ({ page, login }) => {
    test.slow();
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+08:00'));
    await login('quality');
    const card = await preview(page, 'From', '2026-12-31 17:30', '60');
    await expect(card.getByTestId('preview-due')).toHaveText('2027-01-01 09:30 +08:00');
    await expect(card.getByTestId('preview-warning')).toContainText('Holidays not known');
    await expect(card.getByTestId('preview-warning')).toContainText('outside 2025–2026');

    await page.goto('/sla/policies');
    await expect(page.getByTestId('run-out-cn-mainland')).toContainText('knows public holidays only until 2026-12-31');
    await expect(page.getByTestId('run-out-cn-mainland')).toContainText('Add the holidays of 2027');
    await expect(page.getByTestId('target-run-out').first()).toHaveText('holidays end 2026-12-31');
  });
});
