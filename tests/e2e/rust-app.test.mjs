// A Rust app that uses <StoryMap/> (examples/leptos-app, built by
// scripts/test.sh): the component brings its own root and styles, reports
// what the reader opens, obeys the app's buttons, and leaves the page's URL
// and any data-dateline element alone (deep links are off by default).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { useServerAndBrowser, openPage } from './harness.mjs';

const ctx = useServerAndBrowser();

test('the Leptos example app: styled map, on_select, control, and hands off the URL', async () => {
  await stat('examples/leptos-app/dist/index.html').catch(() => {
    throw new Error('examples/leptos-app/dist is missing: run `trunk build` in examples/leptos-app (scripts/test.sh does).');
  });
  const page = await openPage(ctx.browser, { viewport: { width: 1000, height: 900 } });
  // The link names an event: the component, with deep links off, ignores it.
  await page.goto(`${ctx.server.url}/app/#event=kim-sees-aurus`);
  const map = page.locator('[data-testid=dateline]');
  await map.locator('[data-testid=marker]').first().waitFor();
  assert.equal(await page.locator('[data-testid=dateline]').count(), 1);
  assert.equal(await map.locator('[data-testid=story-facts]').isVisible(), true, 'the overview shows');
  assert.equal(await page.locator('[data-testid=app-status]').textContent(), 'Open: the overview');
  // Its own styles: markers are placed on the map.
  assert.equal(await map.locator('[data-testid=marker]').first().evaluate((el) => getComputedStyle(el).position), 'absolute');
  // The data-dateline element on the page is not the component's business.
  assert.equal(await page.locator('#not-a-map').textContent(), 'Left alone by the component.');
  assert.equal(await page.locator('#not-a-map').getAttribute('data-dateline-mounted'), null);

  // on_select: a reader's click reaches the app.
  await map.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').click();
  await page.locator('[data-testid=app-status]', { hasText: 'Ashgabat' }).waitFor();
  assert.match(await page.locator('[data-testid=app-status]').textContent(), /^Open: Ashgabat — Medvedev shows/);
  // The app's own buttons drive the map.
  await page.locator('[data-testid=app-kim]').click();
  await map.locator('[data-testid=panel] [data-event-id=kim-gift][aria-current=true]').waitFor();
  assert.match(await page.locator('[data-testid=app-status]').textContent(), /^Open: Moscow — /);
  await page.locator('[data-testid=app-overview]').click();
  await page.locator('[data-testid=app-status]', { hasText: 'the overview' }).waitFor();
  // The page's URL is the app's: never written.
  assert.equal(new URL(page.url()).hash, '#event=kim-sees-aurus');
  assert.deepEqual(page.errors, []);
});
