// A site check scored on a phone (390 × 844) with a bad connection: the form fits the screen,
// each item shows its guidance and N/A only where allowed, the answers and the position stay on
// the device while the connection is down, survive a reload, and are sent once it is back; a photo
// taken offline fails visibly and is sent by a retry, or after a reload from the device.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { assignToEvaluator } from './inspection-helpers';

const PHONE = { width: 390, height: 844 };
// A 1×1 PNG, as the camera would hand it over.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

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
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 31.2304, longitude: 121.4737, accuracy: 12 });
    await login('evaluator', `/inspection/inspections/${id}`);
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
    await expect(page.getByTestId('site-checked-at')).not.toHaveText('—');
    await page.getByTestId('record-location').click();
    await expect(page.getByTestId('site-location')).toContainText('31.23040, 121.47370');
    await page.getByTestId('photo-input-q1').setInputFiles({ name: 'counter.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByTestId('photo-failed')).toBeVisible();
    await page.getByTestId('submit-inspection').click();
    await expect(page.getByTestId('submit-error')).toBeVisible();
    await context.setOffline(false);

    // The failed photo is sent by a retry.
    await page.getByTestId('retry-photo').click();
    await expect(page.getByTestId('photo-failed')).toHaveCount(0);
    await expect(page.getByTestId('photos-q1').locator('img')).toHaveCount(1);

    // Another photo fails offline and the page is dropped before any retry: it waits on the device.
    await context.setOffline(true);
    await page.getByTestId('photo-input-q2').setInputFiles({ name: 'sign.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByTestId('photo-failed')).toBeVisible();
    await context.setOffline(false);

    // A reload (the phone's browser dropped the page) restores them from the device, and the kept
    // photo is sent.
    await page.reload();
    await expect(page.getByTestId('photos-q2').locator('img')).toHaveCount(1);
    await expect(page.getByTestId('photo-failed')).toHaveCount(0);
    await expect(page.getByTestId('unsent-draft')).toBeVisible();
    for (const chosen of ['answer-q1-0', 'answer-q2-2']) {
      await expect(page.locator('.ant-radio-button-wrapper-checked', { has: page.getByTestId(chosen) })).toBeVisible();
    }
    await expect(page.getByTestId('site-location')).toContainText('31.23040, 121.47370');
    await expect(page.getByTestId('photos-q1').locator('img')).toHaveCount(1);
    await expectNoSidewaysScroll(page);

    // Back online: submitted, and the device forgets the draft.
    await page.getByTestId('submit-inspection').click();
    await expect(page.getByTestId('inspection-state')).toHaveText('已提交');
    await expect(page.getByTestId('answered-q2')).toHaveText('2');
    await expect(page.getByTestId('inspection-location')).toContainText('31.23040, 121.47370 ±12 米');
    await expect(page.getByTestId('inspection-checked-at')).toBeVisible();
    await expect(page.getByTestId('photo-gallery').locator('img')).toHaveCount(2);
    expect(await page.evaluate((key) => window.localStorage.getItem(key), `sqm.inspection.draft.${id}`)).toBeNull();
  });
});
