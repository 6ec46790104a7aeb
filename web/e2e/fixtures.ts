// Test fixtures: each test gets a fresh browser context in Debian's /usr/bin/chromium (no Playwright
// download) pointed at the server from global-setup, plus a `login` helper.
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './global-setup';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Fixtures {
  /** The browser's preferred language, which decides the UI's first language. */
  browserLocale: string;
  /** The browser's time zone (IANA); the host's unless a test sets it. */
  browserTimezone: string | undefined;
  /** The window size: a laptop unless a test says otherwise (a phone is 390 × 844). */
  browserViewport: { width: number; height: number };
  /**
   * Signs in as `username` through the API (the sign-in form itself is tested in shell.spec and
   * permissions.spec) and opens `path`, home unless given, once the shell shows the user.
   */
  login: (username: string, path?: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  browserLocale: ['zh-CN', { option: true }],
  browserTimezone: [undefined, { option: true }],
  browserViewport: [{ width: 1366, height: 900 }, { option: true }],
  baseURL: async ({}, use) => {
    const url = process.env.SQM_E2E_BASE_URL;
    if (!url) throw new Error('SQM_E2E_BASE_URL is not set: global setup did not run');
    await use(url);
  },
  // One Chromium per worker, a fresh context (cookies, storage, locale, zone, size) per test:
  // a context costs well under a second where launching a browser profile cost about two.
  browser: [
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ browser, baseURL, browserLocale, browserTimezone, browserViewport }, use) => {
    const context: BrowserContext = await browser.newContext({
      baseURL,
      locale: browserLocale,
      timezoneId: browserTimezone,
      viewport: browserViewport,
      isMobile: browserViewport.width < 768,
      hasTouch: browserViewport.width < 768,
    });
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    const page: Page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
  login: async ({ page }, use) => {
    await use(async (username: string, path = '/') => {
      // Signing in again switches the user: the old session cookie goes first.
      await page.context().clearCookies();
      const response = await page.request.post('/api/v1/auth/login', {
        data: { username, password: DEMO_PASSWORD },
      });
      expect(response.status(), `sign-in as ${username}`).toBe(200);
      await page.goto(path);
      // The first page of a context loads the whole application: give it the navigation's time.
      await expect(page.getByTestId('user-menu')).toBeVisible({ timeout: 20_000 });
    });
  },
});

export { expect };
