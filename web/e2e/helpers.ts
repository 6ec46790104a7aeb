import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** A name nobody else has used, so tests can run against a database that earlier runs touched. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** The side navigation menu. */
export function sideMenu(page: Page): Locator {
  return page.locator('.ant-layout-sider .ant-menu');
}

/** Opens an antd TreeSelect by its input id, searches for `name` and picks the matching node. */
export async function chooseTreeOption(page: Page, inputId: string, name: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  await page.locator(`#${inputId}`).fill(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name })
    .first()
    .click();
}

/** Opens an antd Select by its input id and picks the option with exactly this label. */
/**
 * The option `label` in the dropdown of the Select whose input is `inputId` (its listbox is
 * `${inputId}_list`): not in another Select's dropdown that is still fading out after a choice,
 * which can list the same person.
 */
export function optionOf(page: Page, inputId: string, label: string): Locator {
  return page.locator(`.ant-select-dropdown:visible:has(#${inputId}_list) .ant-select-item-option[title="${label}"]`);
}

export async function chooseOption(page: Page, inputId: string, label: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  await optionOf(page, inputId, label).click();
  await page.keyboard.press('Escape');
}

/** Searches a staff picker and picks the person shown as `label` (once the search has answered). */
export async function pickStaff(page: Page, inputId: string, search: string, label: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  await page.locator(`#${inputId}`).fill(search);
  await optionOf(page, inputId, label).click();
  await expect(page.locator('.ant-select', { has: page.locator(`#${inputId}`) })).toContainText(label);
}

/** The validation message antd shows under a form field. */
export function fieldError(page: Page, fieldId: string): Locator {
  return page.locator(`#${fieldId}_help .ant-form-item-explain-error`);
}

/** The data rows of the antd table with this test id (a table that scrolls sideways puts a hidden
 *  measuring row first in its body, which `tbody tr` would count). */
export function tableRows(page: Page, testId: string): Locator {
  return page.getByTestId(testId).locator('tbody tr.ant-table-row');
}
