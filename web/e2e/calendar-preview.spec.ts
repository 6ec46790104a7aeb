// The calendar's due-time preview shows only the answer to the question on screen: with the
// minutes set to 0 (or emptied) the earlier answer goes away and the page says what it needs.
import { expect, test } from './fixtures';

async function openPreview(page: import('@playwright/test').Page, fromLabel: string) {
  await page.goto('/sla/calendars?code=cn-mainland');
  const preview = page.getByTestId('due-preview');
  // The built-in calendar's page is long (two years of holidays): give it time to draw.
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const from = preview.getByRole('textbox', { name: fromLabel });
  await from.click();
  await from.fill('2026-10-08 17:00');
  await from.press('Enter');
  return preview;
}

test.describe('in Beijing time', () => {
  test.use({ browserTimezone: 'Asia/Shanghai' });

  test('setting the minutes to 0 clears the previous answer', async ({ page, login }) => {
    test.slow();
    await login('quality');
    const preview = await openPreview(page, '从');
    const minutes = preview.getByRole('spinbutton');
    await minutes.fill('120');
    await expect(preview.getByTestId('preview-due')).toHaveText('2026-10-09 10:00 +08:00');

    await minutes.fill('0');
    await expect(preview.getByTestId('preview-due')).toHaveCount(0);
    await expect(preview.getByTestId('preview-empty')).toHaveText('输入 1 到 5256000 之间的工作分钟数');

    await minutes.fill('60');
    await expect(preview.getByTestId('preview-due')).toHaveText('2026-10-08 18:00 +08:00');
    await minutes.fill('');
    await expect(preview.getByTestId('preview-due')).toHaveCount(0);
  });
});

test.describe('with an English browser', () => {
  test.use({ browserLocale: 'en-US', browserTimezone: 'Asia/Shanghai' });

  test('the hint is in English', async ({ page, login }) => {
    test.slow();
    await login('quality');
    const preview = await openPreview(page, 'From');
    const minutes = preview.getByRole('spinbutton');
    await minutes.fill('120');
    await expect(preview.getByTestId('preview-due')).toHaveText('2026-10-09 10:00 +08:00');
    await minutes.fill('0');
    await expect(preview.getByTestId('preview-empty')).toHaveText('Enter 1 to 5256000 business minutes');
  });
});
