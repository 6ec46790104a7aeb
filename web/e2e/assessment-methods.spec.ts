// The 考核方法 calculators: the AHP example entered cell by cell (geometric mean gives
// w = 0.1602, 0.4174, 0.2634, 0.0615, 0.0975, λmax ≈ 5.068, CI ≈ 0.0170, CR ≈ 0.0152), the refusal
// of an inconsistent matrix with its CR shown, and the entropy, TOPSIS and RSR tabs on pasted tables.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sideMenu, tableRows } from './helpers';

/** Chooses a judgement of the upper triangle, e.g. row 0 column 1 = "1/3". */
async function judge(page: Page, i: number, j: number, label: string): Promise<void> {
  const cell = page.getByTestId(`ahp-cell-${i}-${j}`);
  const open = page.locator('.ant-select-dropdown:visible');
  // The previous cell's list has finished closing, so the one that opens is this cell's.
  await expect(open).toHaveCount(0);
  await cell.locator('.ant-select').click();
  await expect(open).toHaveCount(1);
  await open.locator(`.ant-select-item-option[title="${label}"]`).click();
  await expect(cell.locator('.ant-select-selection-item')).toHaveText(label);
}

async function openMethods(page: Page): Promise<void> {
  await page.goto('/assessment/methods');
  await expect(page.getByTestId('ahp-panel')).toBeVisible();
}

test('a staff member derives AHP weights of the issue example with a live CR, and an inconsistent matrix is refused', async ({ page, login }) => {
  test.slow();
  await login('agent');
  // Every staff login finds the calculators in the menu (the 考核 area is open).
  await sideMenu(page).getByText('考核方法', { exact: true }).click();
  await expect(page).toHaveURL(/\/assessment\/methods$/);
  await expect(page.getByRole('heading', { name: '考核方法' })).toBeVisible();

  await page.getByTestId('ahp-criteria').fill('A, B, C, D, E');
  await expect(page.getByTestId('ahp-matrix').locator('tbody tr')).toHaveCount(5);
  await page.getByText('几何平均法').click();
  const upper: [number, number, string][] = [
    [0, 1, '1/3'], [0, 2, '1/2'], [0, 3, '3'], [0, 4, '2'],
    [1, 2, '2'], [1, 3, '5'], [1, 4, '4'],
    [2, 3, '4'], [2, 4, '3'],
    [3, 4, '1/2'],
  ];
  for (const [i, j, label] of upper) await judge(page, i, j, label);
  // The lower triangle holds the reciprocals.
  await expect(page.getByTestId('ahp-cell-1-0')).toHaveText('3');
  await expect(page.getByTestId('ahp-cell-4-3')).toHaveText('2');
  await expect(page.getByTestId('ahp-cell-3-1')).toHaveText('1/5');

  const weights = page.getByTestId('ahp-weights').locator('tbody tr td:last-child');
  await expect(weights).toHaveText(['0.1602', '0.4174', '0.2634', '0.0615', '0.0975']);
  await expect(page.getByTestId('ahp-lambda')).toHaveText(/^5\.06[78]\d$/);
  await expect(page.getByTestId('ahp-ci')).toHaveText('0.0170');
  await expect(page.getByTestId('ahp-ri')).toHaveText('1.12');
  await expect(page.getByTestId('ahp-cr')).toHaveText('0.0152');
  await expect(page.getByTestId('ahp-verdict')).toContainText('CR = 0.0152 < 0.1');

  // A contradictory judgement: A is far more important than C, C than E, yet E than A.
  await judge(page, 0, 2, '9');
  await judge(page, 2, 4, '9');
  await judge(page, 0, 4, '1/9');
  await expect(page.getByTestId('ahp-verdict')).toContainText('未通过一致性检验');
  // The CR is recomputed after each judgement: read it once the last answer is shown, when the
  // figure and the verdict agree (an earlier read could catch the second judgement's CR).
  await expect(async () => {
    const cr = Number(await page.getByTestId('ahp-cr').textContent());
    expect(cr).toBeGreaterThanOrEqual(0.1);
    await expect(page.getByTestId('ahp-verdict')).toContainText(`CR = ${cr.toFixed(4)} ≥ 0.1`, { timeout: 1000 });
  }).toPass();
});

test('entropy, TOPSIS and RSR on pasted tables, and a pasted table with a word in it', async ({ page, login }) => {
  test.slow();
  await login('quality');
  await openMethods(page);

  // Entropy: Xu (2004), the page's example table.
  await page.getByRole('tab', { name: '熵权法' }).click();
  await page.getByTestId('entropy-run').click();
  await expect(page.getByTestId('entropy-weights').locator('tbody tr td:last-child')).toHaveText(['0.4630', '0.3992', '0.1378', '0.0000']);
  // A word where a number belongs is shown with its place, and nothing is sent.
  await page.getByTestId('entropy-paste').fill('A\t1\t2\nB\t3\tx');
  await expect(page.getByTestId('entropy-paste-problem')).toContainText('第 2 行第 3 列“x”不是数字');
  await expect(page.getByTestId('entropy-run')).toBeDisabled();

  // TOPSIS: Papathanasiou & Ploskas (2018), weights 0.4/0.3/0.1/0.2, all benefit.
  await page.getByRole('tab', { name: 'TOPSIS' }).click();
  await page.getByTestId('topsis-run').click();
  const closeness = page.getByTestId('topsis-result').locator('tbody tr td:nth-child(4) span');
  await expect(closeness).toHaveCount(6);
  // The published figures have 3 decimals; the page shows 4 and the whole figure on hover.
  const published = await closeness.evaluateAll((spans) => spans.map((s) => Number(s.getAttribute('title')).toFixed(3)));
  expect(published).toEqual(['0.387', '0.327', '0.391', '0.615', '0.868', '0.493']);
  await expect(tableRows(page, 'topsis-result').nth(4).locator('td').last()).toHaveText('1');

  // RSR on the same table: every row gets a tier between 1 and 3, and the distribution table shows.
  await page.getByRole('tab', { name: '秩和比法（RSR）' }).click();
  await page.getByTestId('rsr-run').click();
  const tiers = page.getByTestId('rsr-result').locator('tbody tr td:last-child');
  await expect(tiers).toHaveCount(6);
  for (const text of await tiers.allTextContents()) expect(['1', '2', '3']).toContain(text);
  await expect(tableRows(page, 'rsr-distribution').first()).toBeVisible();
});

test.describe('in English', () => {
  test.use({ browserLocale: 'en' });

  test('the refusal names the CR in English', async ({ page, login }) => {
    await login('agent');
    await openMethods(page);
    await expect(page.getByRole('heading', { name: 'Assessment methods' })).toBeVisible();
    await judge(page, 0, 1, '9');
    await judge(page, 1, 2, '9');
    await judge(page, 0, 2, '1/9');
    await expect(page.getByTestId('ahp-verdict')).toContainText(/CR = \d+\.\d{4} ≥ 0\.1: the judgements are inconsistent/);
  });
});
