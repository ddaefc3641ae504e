// Dateline Studio's editing beyond the main journey: the article and the
// event follow each other, events and places are added, reordered, merged
// and removed, drafts are confirmed one by one, the journey line is set,
// and Copy embed code puts the snippet on the clipboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage } from './harness.mjs';
import { freshStudio, draftSeed, settle, markerCenter } from './studio-helpers.mjs';

const ctx = useServerAndBrowser();

const placeNames = (page) => page.locator('.st-place-name').allTextContents();
const eventsOf = (page, place) =>
  page.locator('.st-place').filter({ has: page.locator('.st-place-name', { hasText: place }) }).locator('.st-event-row').allTextContents();

test('choosing an event shows its sentence, and a sentence opens its event', async () => {
  const page = await openPage(ctx.browser, { viewport: { width: 1280, height: 900 } });
  await freshStudio(page, ctx.server.url);
  await draftSeed(page);
  await page.locator('.st-event-row').filter({ hasText: 'Zhukovsky' }).or(page.locator('.st-event-row').filter({ hasText: 'Erdogan' })).first().click();
  const current = page.locator('[data-testid=article] mark.st-current').first();
  await current.waitFor();
  assert.match(await current.textContent(), /Erdogan/);
  const [article, mark] = [await page.getByTestId('article').boundingBox(), await current.boundingBox()];
  assert.ok(mark.y >= article.y && mark.y + mark.height <= article.y + article.height + 1, 'the sentence is scrolled into view');
  await page.getByTestId('article').locator('mark', { hasText: 'Berdimuhamedov used it' }).first().click();
  assert.match(await page.locator('#event-title').inputValue(), /Berdimuhamedov/);
  assert.deepEqual(page.errors, []);
});

test('events and places: add, reorder, confirm, merge, remove; the journey line', async () => {
  const page = await openPage(ctx.browser, { viewport: { width: 1280, height: 900 } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshStudio(page, ctx.server.url);
  await draftSeed(page);

  // Confirm one draft from the list.
  const drafts = page.getByTestId('drafts-left');
  assert.match(await drafts.textContent(), /8 draft events/);
  await page.getByRole('button', { name: /^Confirm “Vladimir Putin and Recep Tayyip Erdogan/ }).click();
  assert.match(await drafts.textContent(), /7 draft events/);

  // A new event at Ashgabat, moved up, then deleted.
  await page.locator('.st-place-row').filter({ hasText: 'Ashgabat' }).click();
  await page.getByRole('button', { name: 'Add event here' }).click();
  await page.locator('#event-title').fill('Aurus cars on parade');
  assert.equal((await eventsOf(page, 'Ashgabat')).at(-1), 'Aurus cars on parade');
  await page.getByRole('button', { name: 'Move up' }).click();
  const moved = await eventsOf(page, 'Ashgabat');
  assert.equal(moved.at(-2), 'Aurus cars on parade');
  await page.getByRole('button', { name: 'Delete event' }).click();
  assert.ok(!(await eventsOf(page, 'Ashgabat')).includes('Aurus cars on parade'));

  // Merge Zhukovsky into Moscow, then remove Ashgabat; undo brings it back.
  await page.locator('.st-place-row').filter({ hasText: 'Zhukovsky' }).click();
  await page.getByLabel('Merge into').selectOption({ label: 'Moscow' });
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  assert.ok(!(await placeNames(page)).includes('Zhukovsky'));
  assert.ok((await eventsOf(page, 'Moscow')).some((e) => e.includes('Erdogan')));
  await page.locator('.st-place-row').filter({ hasText: 'Ashgabat' }).click();
  await page.getByRole('button', { name: 'Remove place' }).click();
  assert.ok(!(await placeNames(page)).includes('Ashgabat'));
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.ok((await placeNames(page)).includes('Ashgabat'));

  // The coordinates of a place, as its form gives them.
  const known = {};
  for (const name of ['Moscow']) {
    await page.locator('.st-place-row').filter({ hasText: name }).click();
    known[name] = { name, lat: Number(await page.locator('#place-lat').inputValue()), lon: Number(await page.locator('#place-lon').inputValue()) };
  }
  // A new place: placing waits with the crosshair focused; Escape cancels; by keys it is put down.
  await page.getByRole('button', { name: 'Add place' }).click();
  await page.getByTestId('placing-overlay').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'placing-overlay');
  await page.keyboard.press('Escape');
  await page.getByTestId('placing-overlay').waitFor({ state: 'detached' });
  // Where the crosshair will be, read off the preview's projection (its
  // zoom, and a place at its known coordinates) while the view holds still.
  await page.getByTestId('place-form').getByRole('button', { name: 'Place on the map' }).click();
  const overlay = page.getByTestId('placing-overlay');
  await overlay.waitFor();
  await page.waitForTimeout(800);
  const map = await viewProjection(page, known.Moscow);
  const box = await overlay.boundingBox();
  // Two steps east, one long step (five) south: 20 px right and 50 px down of the crosshair's start.
  const target = map.at({ x: box.x + box.width / 2 + 20, y: box.y + box.height / 2 + 50 });
  const centre = map.at({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  for (const key of ['ArrowRight', 'ArrowRight', 'Shift+ArrowDown', 'Enter']) await page.keyboard.press(key);
  await overlay.waitFor({ state: 'detached' });
  const placed = { lat: Number(await page.locator('#place-lat').inputValue()), lon: Number(await page.locator('#place-lon').inputValue()) };
  // Within 2 px of where the keys put the crosshair.
  const px = Math.abs(centre.lon - map.at({ x: box.x + box.width / 2 + 1, y: box.y + box.height / 2 }).lon);
  assert.ok(Math.abs(placed.lon - target.lon) < 2 * px && Math.abs(placed.lat - target.lat) < 2 * px,
    `placed at ${JSON.stringify(placed)}, the keys' point is ${JSON.stringify(target)} (1 px = ${px.toFixed(4)}°)`);
  assert.ok(placed.lon > centre.lon && placed.lat < centre.lat, 'east and south of the start');
  assert.equal(await page.getByTestId('place-form').getByTestId('place-review').count(), 0, 'placed by keys, the review is settled');
  await page.locator('#place-name').fill('Pyongyang');
  await page.locator('#place-lat').fill('39.0392');
  await page.locator('#place-lon').fill('125.7625');
  const before = await placeNames(page);
  await page.getByTestId('place-form').getByRole('button', { name: 'Move up' }).click();
  const after = await placeNames(page);
  assert.ok(after.indexOf('Pyongyang') === before.indexOf('Pyongyang') - 1, `${before} → ${after}`);

  // The journey line joins the places in the preview.
  await page.getByRole('button', { name: 'Story title, summary and line' }).click();
  await page.getByLabel('Join the places with a journey line, in reading order').check();
  await settle(page);
  await page.locator('[data-testid=preview] [data-testid=journey]').waitFor({ state: 'attached' });

  // Media: a bad address is refused in the widget's words, next to its field; a good one with its words is kept.
  await page.locator('.st-event-row').filter({ hasText: 'Berdimuhamedov used it' }).click();
  await page.locator('#event-media-url').fill('javascript:alert(1)');
  assert.match(await page.locator('#event-media-url-problems').textContent(), /"javascript:alert\(1\)" is not a media address/);
  await page.locator('#event-media-url').fill('fixtures/media/aurus.png');
  await page.locator('#event-media-alt').fill('An Aurus Senat in Ashgabat');
  await page.locator('#event-media-credit').fill('Photo: TASS');
  assert.equal(await page.locator('#event-media-url-problems').textContent(), '');
  await settle(page);
  await page.locator('[data-testid=preview] .dl-panel img[alt="An Aurus Senat in Ashgabat"]').waitFor();
  await page.locator('[data-testid=preview] .dl-panel').getByText('Photo: TASS').waitFor();

  // Copy embed code.
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await page.getByText('Embed code copied.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.locator('#embed-code').inputValue());
  assert.match(copied, /data-story="story\.geojson"/);
  assert.deepEqual(page.errors, []);
});

/** The preview's Web Mercator projection from its zoom and the marker of `place` ({name, lon, lat}): screen point → {lon, lat}. */
async function viewProjection(page, place) {
  const zoom = Number(await page.locator('[data-testid=preview] [data-testid=story-map]').getAttribute('data-zoom'));
  const world = 256 * 2 ** zoom; // px around the world at this zoom
  const from = await markerCenter(page, place.name);
  const merc = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return {
    at: ({ x, y }) => {
      const m = merc(place.lat) - ((y - from.y) / world) * 2 * Math.PI;
      return { lon: place.lon + ((x - from.x) / world) * 360, lat: (2 * Math.atan(Math.exp(m)) - Math.PI / 2) * (180 / Math.PI) };
    },
  };
}
