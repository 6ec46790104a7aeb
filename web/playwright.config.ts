import { defineConfig } from '@playwright/test';

// Browser tests against a real `sqm serve` started by e2e/global-setup.ts, using Debian's Chromium
// (no Playwright browser download). See e2e/fixtures.ts for how the browser is launched.
export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: './test-results',
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
