// External agency results and open answers in the browser: an agency file with one bad row is
// refused with the row's line shown and nothing written; fixed, it imports; the open-answers page
// counts its topics, and a search finds the answer, shown as text (markup stays text).
import { expect, test } from './fixtures';
import { chooseOption, tableRows, unique } from './helpers';

test('import an agency file: a bad row is shown with its line, the fixed file imports, topics and search find it', async ({ page, login }) => {
  test.slow();
  await login('quality', '/feedback/agency-import');
  const agency = unique('测评公司');
  const marker = unique('e2e');
  const header = '测评机构,调查日期,部门,满意度评分,满意度,推荐度,意见';
  const good = `${agency},2026-03-02,DESK,5,满意,9,工作人员态度很好 ${marker} <img src=x onerror=alert(1)>`;
  const bad = `${agency},2026-03-02,DESK,9,,,`;
  const input = page.locator('input[type=file]');

  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n${bad}\n`) });
  const problems = page.getByTestId('agency-problems');
  await expect(problems).toContainText('发现 1 个问题');
  const rows = tableRows(page, 'agency-problems');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td').nth(0)).toHaveText('3');
  await expect(rows.first().locator('td').nth(1)).toHaveText('满意度评分');
  await expect(rows.first()).toContainText('1 到 5');

  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n`) });
  await expect(page.getByTestId('agency-done')).toContainText('导入 1 行');
  await expect(problems).toHaveCount(0);

  await page.goto('/feedback/open-answers');
  const counts = tableRows(page, 'topic-counts');
  const attitude = counts.filter({ hasText: '服务态度' });
  await expect(attitude).toHaveCount(1);
  await expect(attitude.locator('td').nth(1)).not.toHaveText('0');

  const search = page.getByPlaceholder('搜索意见');
  await search.fill(marker);
  await search.press('Enter');
  const found = page.getByTestId('open-text');
  await expect(found).toHaveCount(1);
  await expect(found.first()).toContainText(marker);
  await expect(found.first()).toContainText('<img src=x onerror=alert(1)>');
  await expect(found.first()).toContainText('第三方测评');
  await expect(found.first()).toContainText('服务态度');
  await expect(page.locator('[data-testid=open-text] img')).toHaveCount(0);
});

test('the results page filters by source and shows the trend with n per point', async ({ page, login }) => {
  await login('quality', '/feedback/results');
  await chooseOption(page, 'results-source', '第三方测评');
  await expect(page.getByTestId('agency-count')).toBeVisible();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  await expect(tableRows(page, 'trend-table').first()).toContainText('n=');
});
