// The SLA policy page warns about targets whose calendar runs out of holiday data within 60 days
// (issue 14, item 6), in both languages: above the list and on each target. The browser's clock is
// fixed, since "within 60 days" is about now. (The due preview's warning: calendar-preview.spec.ts.)
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function openPolicies(page: Page, now: string, login: (username: string, path?: string) => Promise<void>) {
  await page.clock.setFixedTime(new Date(now));
  await login('quality', '/sla/policies');
  await expect(page.getByTestId('policy-table')).toContainText('cn-mainland');
}

test.describe('in Chinese', () => {
  test('from 60 days before the data runs out, the targets on cn-mainland are marked', async ({ page, login }) => {
    test.slow();
    await openPolicies(page, '2026-12-01T10:00:00+08:00', login);
    const alert = page.getByTestId('run-out-cn-mainland');
    await expect(alert).toContainText('日历 中国大陆工作日 (Mainland China working days)（cn-mainland）的法定节假日数据只到 2026-12-31');
    await expect(alert).toContainText('2027 年的节假日安排');
    await expect(page.getByTestId('target-run-out').first()).toHaveText('节假日数据止于 2026-12-31');
  });

  test('before the notice day, nothing is marked', async ({ page, login }) => {
    test.slow();
    await openPolicies(page, '2026-11-01T23:00:00+08:00', login);
    await expect(page.getByTestId('run-out-cn-mainland')).toHaveCount(0);
    await expect(page.getByTestId('target-run-out')).toHaveCount(0);
  });
});

test.describe('in English', () => {
  test.use({ browserLocale: 'en-US' });

  test('the warning is in English', async ({ page, login }) => {
    test.slow();
    await openPolicies(page, '2026-12-01T10:00:00+08:00', login);
    const alert = page.getByTestId('run-out-cn-mainland');
    await expect(alert).toContainText('knows public holidays only until 2026-12-31');
    await expect(alert).toContainText('Add the holidays of 2027');
    await expect(page.getByTestId('target-run-out').first()).toHaveText('holidays end 2026-12-31');
  });
});
