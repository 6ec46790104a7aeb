// The feedback settings page: the quality department changes the satisfaction mapping and the
// reminder, sees them kept after a reload, and a value out of range is named on its field.
import { expect, test } from './fixtures';
import { apiSession } from './desk-helpers';

test('change the satisfaction mapping and the reminder, and see them kept', async ({ page, login, baseURL }) => {
  await login('quality', '/feedback/settings');
  const form = page.getByTestId('settings-form');
  await expect(form.locator('#csat_satisfied_from')).toHaveValue('4');
  await form.locator('#csat_satisfied_from').fill('3');
  await form.locator('#reminder_days').fill('5');
  await form.locator('#basically_satisfied_counts').click();
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('调查设置已保存。')).toBeVisible();
  await page.reload();
  await expect(form.locator('#csat_satisfied_from')).toHaveValue('3');
  await expect(form.locator('#reminder_days')).toHaveValue('5');
  await expect(form.locator('#basically_satisfied_counts')).toHaveAttribute('aria-checked', 'false');

  // The server is the judge of every range: a value the page would clamp is sent through the API.
  const { api, csrf } = await apiSession(baseURL as string, 'quality');
  try {
    const bad = await api.put('/api/v1/survey-settings', { headers: { 'X-CSRF-Token': csrf }, data: { reminder_days: 31, follow_up_days: 0 } });
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as { error: { errors: { field: string }[] } };
    expect(body.error.errors.map((e) => e.field).sort()).toEqual(['follow_up_days', 'reminder_days']);
    // Back to the defaults for the other tests.
    const reset = await api.put('/api/v1/survey-settings', {
      headers: { 'X-CSRF-Token': csrf },
      data: { csat_satisfied_from: 4, reminder_days: 3, basically_satisfied_counts: true },
    });
    expect(reset.status(), await reset.text()).toBe(200);
  } finally {
    await api.dispose();
  }
});
