// The scheme editor: live validation naming the node, the AHP helper sharing a node's points among
// its children, saving a draft and its approval by an executive (not the author). Needs the
// scheme routes of helper "periods" and the demo's schemes.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sideMenu } from './helpers';

async function openDraft(page: Page): Promise<void> {
  await sideMenu(page).getByText('考核方案', { exact: true }).click();
  await expect(page).toHaveURL(/\/assessment\/schemes/);
  await expect(page.getByTestId('scheme-list').locator('.ant-list-item')).not.toHaveCount(0);
  await page.getByTestId('scheme-list').locator('.ant-list-item').first().click();
  await expect(page.getByTestId('scheme-editor')).toBeVisible();
  // The demo's versions are approved: editing starts a new draft from the one in force.
  if ((await page.getByTestId('version-status').textContent()) !== '草稿') {
    await page.getByTestId('new-version').click();
    await expect(page.getByTestId('version-status')).toHaveText('草稿');
  }
}

test('quality edits a draft: a wrong sum is named on its node, AHP shares the points, the draft saves', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await openDraft(page);
  await expect(page.getByTestId('scheme-check')).toContainText('校验通过');

  // One dimension's points changed: the root's children no longer add up to its points.
  const first = page.getByTestId('points-tree.children[0]');
  const before = await first.inputValue();
  await first.fill(String(Number(before) + 7));
  await expect(page.getByTestId('scheme-check')).toContainText('tree');
  await expect(page.getByTestId('node-problem').first()).toBeVisible();

  // AHP over the root's children with equal judgements shares the root's points equally again.
  await page.getByTestId('ahp-tree').click();
  await expect(page.getByTestId('ahp-verdict')).toContainText('CR = 0.0000 < 0.1');
  await page.getByTestId('ahp-apply').click();
  await expect(page.getByTestId('scheme-check')).toContainText('校验通过');
  await page.getByTestId('save-version').click();
  await expect(page.getByText('草稿已保存')).toBeVisible();
});

test('an executive approves the draft with the date it comes into force', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await openDraft(page);
  await login('executive', '/assessment/schemes');
  await page.getByTestId('scheme-list').locator('.ant-list-item').first().click();
  await page.getByTestId('version-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '草稿' }).last().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(page.getByTestId('version-status')).toHaveText('草稿');
  // Typed rather than picked: a calendar that opens while the page still re-renders can close again.
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const date = page.getByLabel('生效日期');
  await date.fill(today);
  await date.press('Enter');
  await expect(date).toHaveValue(today);
  await page.getByTestId('approve-version').click();
  await expect(page.getByText('版本已批准')).toBeVisible();
  await expect(page.getByTestId('version-status')).not.toHaveText('草稿');
});
