// The drafter on a trip preview, in Dateline Studio (issue 23): published the
// day before the trip, its weekdays ("On Wednesday … Osaka", "On Friday …
// Busan") are the coming ones, and a guessed one says what the other
// reading would be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage } from './harness.mjs';
import { freshStudio } from './studio-helpers.mjs';

const ctx = useServerAndBrowser();

test('a trip preview drafts its days ahead of the publication date', async () => {
  const page = await openPage(ctx.browser, { viewport: { width: 1280, height: 800 } });
  await freshStudio(page, ctx.server.url);
  await page.getByLabel('Article text').fill(await readFile('tests/fixtures/articles/trip-preview-weekdays.txt', 'utf8'));
  await page.getByLabel('Published').fill('2024-09-15');
  await page.getByRole('button', { name: 'Draft the story' }).click();
  await page.locator('[data-testid=preview] [data-testid=marker]').first().waitFor();
  const rows = async (place) =>
    page.locator('.st-place').filter({ has: page.locator('.st-place-name', { hasText: place }) }).locator('.st-event-row').allTextContents();
  const osaka = await rows('Osaka');
  const busan = await rows('Busan');
  assert.ok(osaka.some((r) => r.includes('2024-09-18')), osaka.join(' | '));
  assert.ok(busan.some((r) => r.includes('2024-09-20')), busan.join(' | '));
  // Nothing of the trip lands before publication.
  for (const row of [...osaka, ...busan]) assert.ok(!/2024-09-1[0-4]/.test(row), row);
  // The guessed weekday offers the other reading for review.
  await page.locator('.st-event-row').filter({ hasText: '2024-09-20' }).first().click();
  await page.locator('#event-title').waitFor();
  assert.match(await page.getByTestId('event-form').textContent(), /if it is the one before, the date is 2024-09-13/);
  assert.deepEqual(page.errors, []);
});
