// Embedding: several independent widgets on a host page, and bad stories
// contained in their own widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, screenshot, NOT_FOUND } from './harness.mjs';

const ctx = useServerAndBrowser();

test('the embed example shows two working widgets in a page of text', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/examples/embed.html`);
  const widgets = page.locator('[data-testid=dateline]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=story-map]').length === 2);
  assert.equal(await widgets.count(), 2);
  const [first, second] = [widgets.nth(0), widgets.nth(1)];

  // The URL story: the article.
  await first.locator('[data-testid=marker][aria-label^="Ashgabat"]').click();
  await first.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();

  // The inline story: geojson.io-style points, one event each.
  await second.locator('[data-testid=marker][aria-label^="Geneva"]').click();
  await second.locator('[data-testid=panel-heading]', { hasText: 'Geneva' }).waitFor();
  assert.match(await second.locator('[data-testid=event-date]').textContent(), /March 2019/);

  // Independent: the first widget's panel is still open and unchanged.
  assert.equal(await first.locator('[data-testid=panel-heading]').textContent(), 'Ashgabat');
  // Escape in one widget closes only that widget's panel.
  await page.keyboard.press('Escape');
  assert.equal(await second.locator('[data-testid=panel]').count(), 0);
  assert.equal(await first.locator('[data-testid=panel]').count(), 1);

  const ids = await widgets.evaluateAll((els) => els.map((e) => e.closest('[data-dateline]').id));
  assert.equal(new Set(ids).size, 2, `unique widget ids: ${ids}`);
  // In page order, whichever instance starts first: links name the same widget on every load.
  assert.deepEqual(ids, ['dateline-1', 'dateline-2']);
  await screenshot(page, 'embed-example.png');
  assert.deepEqual(page.errors, []);
});

test('a broken or missing story shows its errors in its own widget; the others work', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/e2e/embed-broken.html`);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=story-map]').length === 2 &&
      document.querySelectorAll('[data-testid=story-error]').length === 2,
  );

  const broken = page.locator('#broken');
  const message = await broken.locator('[data-testid=story-error]').textContent();
  assert.match(message, /cannot be shown/);
  const items = await broken.locator('[data-testid=story-error-item]').allTextContents();
  assert.ok(items.length >= 2, `specific errors listed: ${items}`);
  assert.ok(items.every((i) => /Feature \d+/.test(i) || /Story/.test(i)), items.join('\n'));
  assert.ok(items.some((i) => /2019-13/.test(i)), items.join('\n'));
  assert.equal(await broken.locator('[role=alert]').count(), 1);

  const missing = page.locator('#missing [data-testid=story-error]');
  assert.match(await missing.textContent(), /no-such-story\.geojson.*404/);

  for (const id of ['#built-in', '#from-url']) {
    const widget = page.locator(id);
    await widget.locator('[data-testid=marker][aria-label^="Vostochny"]').click();
    await widget.locator('[data-testid=panel-heading]', { hasText: 'Vostochny' }).waitFor();
  }
  assert.ok(await page.locator('#after').isVisible());
  await screenshot(page, 'embed-broken.png');
  // Only the 404 of the missing story reaches the console, nothing crashed.
  page.expectError(NOT_FOUND);
});
