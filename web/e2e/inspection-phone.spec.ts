// A site check scored on a phone (390 × 844) with a bad connection: the form fits the screen,
// each item shows its guidance and N/A only where allowed, and the answers stay on the device
// while the connection is down, survive a reload, and are sent once it is back.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { assignToEvaluator } from './inspection-helpers';

const PHONE = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
}

test.describe('on a phone', () => {
  test.use({ browserViewport: PHONE });

  test('the evaluator scores a site check offline; the answers wait on the phone until sent', async ({ page, login, baseURL, context }) => {
    test.slow();
    const id = await assignToEvaluator(baseURL as string);
    await login('evaluator');
    await page.goto(`/inspection/inspections/${id}`);
    await expect(page.getByTestId('scoring-form')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expect(page.getByTestId('guidance-q2')).toHaveText('营业时间和投诉电话已张贴');
    await expect(page.getByTestId('answer-q1-na')).toBeVisible();
    await expect(page.getByTestId('answer-q2-na')).toHaveCount(0);

    // The connection drops: the answers are kept, and sending them fails without losing them.
    await context.setOffline(true);
    await page.getByTestId('answer-q1-0').click();
    await page.getByTestId('answer-q2-2').click();
    await expect(page.getByTestId('unsent-draft')).toBeVisible();
    await page.getByTestId('submit-inspection').click();
    await expect(page.getByTestId('submit-error')).toBeVisible();
    await context.setOffline(false);

    // A reload (the phone's browser dropped the page) restores them from the device.
    await page.reload();
    await expect(page.getByTestId('unsent-draft')).toBeVisible();
    for (const chosen of ['answer-q1-0', 'answer-q2-2']) {
      await expect(page.locator('.ant-radio-button-wrapper-checked', { has: page.getByTestId(chosen) })).toBeVisible();
    }
    await expectNoSidewaysScroll(page);

    // Back online: submitted, and the device forgets the draft.
    await page.getByTestId('submit-inspection').click();
    await expect(page.getByTestId('inspection-state')).toHaveText('已提交');
    await expect(page.getByTestId('answered-q2')).toHaveText('2');
    expect(await page.evaluate((key) => window.localStorage.getItem(key), `sqm.inspection.draft.${id}`)).toBeNull();
  });
});
