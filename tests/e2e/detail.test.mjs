// The detail basemap and place names (crates/dateline-core/src/tiles/): a coastal story at the
// layout matrix sizes, the first view fetching nothing, a repeated view
// fetching nothing again, missing tiles, and a strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useServerAndBrowser, startServer, testMounts, openPage, screenshot, axeViolations, NOT_FOUND } from './harness.mjs';
import { SIZES, settled, openColumn, hitAt, openPlace, checkSurroundings, groundUnder } from './columns.mjs';

const ctx = useServerAndBrowser();
const COASTS = ['Venice, Louisiana', 'Üsküdar', 'Bergen', 'Valletta'];
const STORY = '/fixtures/coasts.geojson';
const tileRequests = (page) => page.requests.filter((u) => u.includes('/tiles/'));

for (const [w, h] of SIZES) {
  test(`${w}×${h}: every place of a coastal story opens on land, among names`, async () => {
    const page = await openColumn(ctx, w, h, STORY);
    for (const name of COASTS) {
      const marker = await openPlace(page, name);
      const hit = await hitAt(marker);
      assert.ok(hit.inside && hit.onTop, `${w}×${h} ${name}: ${JSON.stringify(hit)}`);
      const names = await checkSurroundings(page, marker, `${w}×${h} ${name}`);
      if (w === 1200 || w === 375) console.log(`coasts ${w}×${h} ${name}: ${names.join(', ')}`);
      if ((w === 1200 || w === 375) && (name === 'Venice, Louisiana' || name === 'Üsküdar')) {
        await screenshot(page, `coast-${w}x${h}-${name.replace(/\W+/g, '-').toLowerCase()}.png`);
      }
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the first view fetches no tile; a place fetches its own; a repeated view fetches nothing', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    const page = await openPage(ctx.browser, { viewport });
    await page.goto(`${ctx.server.url}/`);
    await page.locator('[data-testid=marker]').first().waitFor();
    await settled(page);
    await page.waitForTimeout(300);
    assert.deepEqual(tileRequests(page), [], `${viewport.width}×${viewport.height}: the world view needs no detail`);
    await page.context().close();
  }
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/`);
  await page.locator('[data-testid=marker]').first().waitFor();
  await settled(page);
  const moscow = page.locator('[data-testid=marker][data-kind=cluster][aria-label*="Moscow"] .dl-marker-dot');
  await moscow.click();
  await settled(page);
  const zhukovsky = page.locator('[data-testid=marker][data-kind=place][aria-label^="Zhukovsky"]');
  await zhukovsky.locator('.dl-marker-dot').click();
  await settled(page);
  await checkSurroundings(page, zhukovsky, 'Zhukovsky');
  const first = tileRequests(page).length;
  assert.ok(first > 0 && first <= 48, `${first} tiles for the first place`);
  // Opened again from the whole story (the names around it now known),
  // and a third time: the same view, drawn from the cache.
  const reopen = async () => {
    await page.locator('[data-testid=zoom-fit]').click();
    await settled(page);
    await moscow.click();
    await settled(page);
    await zhukovsky.locator('.dl-marker-dot').click();
    await settled(page);
    await page.waitForTimeout(300);
    return { zoom: await page.locator('[data-testid=story-map]').getAttribute('data-zoom'), tiles: tileRequests(page).length };
  };
  const second = await reopen();
  const third = await reopen();
  assert.deepEqual(third, second, 'the same view again fetches nothing');
  const names = await page.locator('.dl-label').allTextContents();
  assert.ok(!names.includes('Zhukovskiy'), `the story's Zhukovsky is not named twice: ${names}`);
  assert.ok(!names.some((n) => ["Mar'ino", 'Vykhino-Zhulebino', 'Troparëvo'].includes(n)), `no Moscow district: ${names}`);
  assert.deepEqual(await axeViolations(page, '[data-testid=story-map]'), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a flight fetches the tiles where it ends, none of the views it passes', async () => {
  // Bergen from the whole story: a long flight out and in, over the regional level.
  const page = await openColumn(ctx, 1264, 800, STORY);
  const map = page.locator('#story-map');
  await map.locator('[data-testid=zoom-fit]').click();
  await settled(page);
  const before = tileRequests(page).length;
  await map.locator('[data-testid=marker][aria-label*="Bergen"] .dl-marker-dot').first().click();
  await settled(page);
  await page.waitForTimeout(300);
  const zoom = Number(await map.locator('[data-testid=story-map]').getAttribute('data-zoom'));
  const fetched = tileRequests(page).slice(before).filter((u) => !u.endsWith('/index.bin'));
  const levels = new Set(fetched.map((u) => u.match(/\/tiles\/(\d+)\//)[1]));
  assert.ok(zoom >= 6.5 && zoom < 8.5, `Bergen opens at zoom ${zoom}, drawn by level 6`);
  assert.deepEqual([...levels], ['6'], `only level-6 tiles: ${fetched.join(' ')}`);
  assert.ok(fetched.length <= 12, `${fetched.length} tiles`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without tiles the world outlines stay, the widget shows no error and the console one warning', async () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const server = await startServer([['/tiles/', join(root, 'tests', 'e2e', 'no-such-dir')], ...testMounts]);
  try {
    const page = await openPage(ctx.browser);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid=marker]').first().waitFor();
    await page.locator('[data-testid=marker][data-kind=place][aria-label^="Ashgabat"] .dl-marker-dot').click();
    await page.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
    await settled(page);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-testid=detail] [data-tile]').count(), 0);
    assert.ok((await page.locator('.dl-land').getAttribute('d')).length > 1000, 'the world outlines are drawn');
    assert.equal(await page.locator('.dl-error, .dl-crash').count(), 0);
    const ours = warnings.filter((w) => w.includes('detail basemap'));
    assert.equal(ours.length, 1, warnings.join('\n'));
    // The 404 itself is the browser's line; nothing else went wrong.
    page.expectError(NOT_FOUND);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test('under a strict Content-Security-Policy the detail loads from the same origin', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/e2e/strict.csp.html`);
  const map = page.locator('#from-url');
  await map.locator('[data-testid=marker]').first().waitFor();
  const ashgabat = map.locator('[data-testid=marker][data-kind=place][aria-label^="Ashgabat"]');
  await ashgabat.locator('.dl-marker-dot').click();
  await map.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
  await settled(page);
  await checkSurroundings(page, ashgabat, 'under a strict CSP');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("data-tiles: the newsroom's raster tiles are drawn instead of the detail, credited, under a strict CSP", async () => {
  const { RASTER_LAND } = await import('./raster-tiles.mjs');
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/e2e/own-tiles.csp.html`);
  const map = page.locator('#own');
  await map.locator('[data-testid=marker]').first().waitFor();
  await settled(page);
  const images = map.locator('[data-testid=raster] image');
  await images.first().waitFor({ state: 'attached' });
  const hrefs = await images.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  assert.ok(hrefs.every((h) => /^\/raster\/\d+\/\d+\/\d+\.png$/.test(h)), hrefs.join());
  assert.match(await map.locator('.dl-attribution').textContent(), /Test tiles © Natural Earth/);
  // A place opens over the tiles: its ground is the raster's land colour.
  const ashgabat = map.locator('[data-testid=marker][data-kind=place][aria-label^="Ashgabat"]');
  await ashgabat.locator('.dl-marker-dot').click();
  await settled(page);
  await page.waitForTimeout(500);
  const ground = await groundUnder(page, ashgabat);
  const near = (p, q) => p.every((v, i) => Math.abs(v - q[i]) <= 6);
  assert.ok(near(ground.centre, RASTER_LAND), `the raster's land is drawn under Ashgabat: ${ground.centre}`);
  assert.deepEqual(page.requests.filter((u) => u.includes('/tiles/')), [], 'no self-hosted detail is fetched');
  assert.equal(await map.locator('.dl-label').count(), 0, 'the tiles carry their own names');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a bad data-tiles says what is wrong in the console and the map draws its own detail', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/e2e/api.html`);
  await page.waitForFunction(() => window.Dateline?.mount);
  const said = await page.evaluate(async () => {
    const host = document.createElement('div');
    host.style.width = '600px';
    host.style.height = '400px';
    host.setAttribute('data-tiles', 'https://tiles.example.org/{z}/{x}.png');
    host.setAttribute('data-tiles-attribution', 'Example');
    const errors = [];
    const error = console.error;
    console.error = (m) => errors.push(String(m));
    host.setAttribute('data-dateline', '');
    document.body.append(host);
    const until = Date.now() + 10_000;
    await new Promise((done) => {
      const wait = setInterval(() => (host.querySelector('[data-testid=marker]') || Date.now() > until) && (clearInterval(wait), done()), 50);
    });
    console.error = error;
    let thrown = '';
    try {
      await window.Dateline.mount(document.createElement('div'), { tiles: '/t/{z}/{x}/{y}.png' });
    } catch (e) {
      thrown = String(e.message || e);
    }
    return { errors, thrown, html: host.outerHTML.slice(0, 300), raster: host.querySelectorAll('[data-testid=raster]').length, detail: host.querySelectorAll('[data-testid=detail]').length };
  });
  assert.ok(said.errors.some((e) => e.includes('must contain {z}, {x} and {y}')), JSON.stringify(said));
  assert.equal(said.raster, 0);
  assert.equal(said.detail, 1);
  assert.match(said.thrown, /tilesAttribution/);
  page.expectError(/data-tiles/);
  await page.context().close();
});

test("the Studio's preview shows the same detail and names", async () => {
  const { freshStudio, draftSeed } = await import('./studio-helpers.mjs');
  const page = await openPage(ctx.browser, { viewport: { width: 1280, height: 900 } });
  await freshStudio(page, ctx.server.url);
  await draftSeed(page);
  const preview = page.locator('[data-testid=preview]');
  const vostochny = preview.locator('[data-testid=marker][data-kind=place]').filter({ hasText: 'Vostochny' });
  await vostochny.locator('.dl-marker-dot').click();
  await preview.locator('[data-testid=story-map]:not([data-moving])').waitFor();
  const names = await checkSurroundings(page, vostochny, 'the Studio preview');
  console.log(`studio preview, Vostochny: ${names.join(', ')}`);
  await screenshot(page, 'studio-preview-vostochny.png');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
