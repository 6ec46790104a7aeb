// The calendar's due-time preview shows only the answer to the question on screen: with the
// minutes set to 0 (or emptied) the earlier answer goes away and the page says what it needs. An
// answer that counts days past the calendar's known holiday years carries a warning (issue 14,
// item 6), in the reader's language.
import { expect, test } from './fixtures';

async function openPreview(page: import('@playwright/test').Page, fromLabel: string, start = '2026-10-08 17:00') {
  await page.goto('/sla/calendars?code=cn-mainland');
  const preview = page.getByTestId('due-preview');
  // The built-in calendar's page is long (two years of holidays): give it time to draw.
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const from = preview.getByRole('textbox', { name: fromLabel });
  await from.click();
  await from.fill(start);
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

  test('an answer past 2026 warns that the holidays are not known, one within it does not', async ({ page, login }) => {
    test.slow();
    await login('quality');
    const preview = await openPreview(page, '从', '2026-12-31 17:30');
    await preview.getByRole('spinbutton').fill('60');
    await expect(preview.getByTestId('preview-due')).toHaveText('2027-01-01 09:30 +08:00');
    const warning = preview.getByTestId('preview-warning');
    await expect(warning).toContainText('节假日未知');
    await expect(warning).toContainText('2025–2026 年以外的日期');
    await expect(warning).toContainText('cn-mainland');

    await preview.getByRole('spinbutton').fill('30');
    await expect(preview.getByTestId('preview-due')).toHaveText('2026-12-31 18:00 +08:00');
    await expect(preview.getByTestId('preview-warning')).toHaveCount(0);
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

  test('the warning past the known holiday years is in English', async ({ page, login }) => {
    test.slow();
    await login('quality');
    const preview = await openPreview(page, 'From', '2026-12-31 17:30');
    await preview.getByRole('spinbutton').fill('60');
    await expect(preview.getByTestId('preview-due')).toHaveText('2027-01-01 09:30 +08:00');
    await expect(preview.getByTestId('preview-warning')).toContainText('Holidays not known');
    await expect(preview.getByTestId('preview-warning')).toContainText('outside 2025–2026');
  });
});
