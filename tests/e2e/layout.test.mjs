// The widget in an article column at the sizes readers meet, from phones to
// desktops: every place of the article can be opened by clicking where a
// person would click, and then shows, on top, inside the map, beside or
// above the panel; the map keeps most of the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, screenshot, axeViolations, openPage } from './harness.mjs';
import { SIZES, settled, openColumn as openColumnOf, hitAt, openPlace, checkSurroundings, buttonCentresMiss, markersOverlap, placesShown } from './columns.mjs';

const ctx = useServerAndBrowser();

const PLACES = ['Moscow', 'Vostochny', 'Ashgabat', 'Zhukovsky'];
const openColumn = (w, h) => openColumnOf(ctx, w, h);

for (const [w, h] of SIZES) {
  test(`${w}×${h}: every place opens and stays in view, on top, beside or above the panel`, async () => {
    const page = await openColumn(w, h);
    const map = page.locator('#story-map');
    const widget = await map.boundingBox();
    const mapBox = await map.locator('[data-testid=story-map]').boundingBox();
    assert.ok(Math.abs(widget.width - w) < 1 && Math.abs(widget.height - h) < 1, JSON.stringify(widget));
    if (h >= 400) {
      assert.ok(mapBox.height >= 0.6 * h, `the map has ${mapBox.height} of ${h} px`);
    }
    // At load the overview leaves the map to the reader: beside it, or a bar.
    const panel = await map.locator('[data-testid=panel]').boundingBox();
    const free = panel.x > mapBox.x + mapBox.width / 3 ? panel.x - mapBox.x : (panel.y - mapBox.y);
    const freeShare = panel.x > mapBox.x + mapBox.width / 3 ? free / mapBox.width : free / mapBox.height;
    assert.ok(freeShare >= 0.5, `the overview leaves ${Math.round(freeShare * 100)}% of the map free`);
    if (w === 375 || w === 680) await screenshot(page, `column-${w}x${h}-overview.png`);
    const placement = await map.locator('.dl-story').evaluate((el) => (el.classList.contains('dl-panel-side') ? 'side panel' : 'bottom sheet'));
    assert.deepEqual(await buttonCentresMiss(page), [], `${w}×${h} at load`);
    assert.deepEqual(await markersOverlap(page), [], `${w}×${h} at load`);
    assert.equal(await placesShown(page), PLACES.length, `${w}×${h}: at load every place has a marker to tap`);
    console.log(`layout ${w}×${h}: ${placement}, map ${Math.round((100 * mapBox.height) / h)}% of the height, overview leaves ${Math.round(freeShare * 100)}% free`);

    for (const name of PLACES) {
      const marker = await openPlace(page, name);
      const hit = await hitAt(marker);
      assert.ok(hit.inside, `${w}×${h} ${name}: the dot ${JSON.stringify(hit.dot)} is inside the map`);
      assert.ok(hit.onTop, `${w}×${h} ${name}: the marker is on top at its dot (covered by ${hit.covering})`);
      assert.equal(await marker.getAttribute('aria-expanded'), 'true');
      // The panel shows the place, not the overview's list as well.
      assert.equal(await map.locator('[data-testid=story-list]').isVisible(), false);
      if (h >= 400) {
        const now = await map.locator('[data-testid=story-map]').boundingBox();
        assert.ok(now.height >= 0.6 * h, `${name}: the map has ${now.height} of ${h} px`);
      }
      assert.deepEqual(await buttonCentresMiss(page), [], `${w}×${h} with ${name} open`);
    assert.deepEqual(await markersOverlap(page), [], `${w}×${h} with ${name} open`);
      const names = await checkSurroundings(page, marker, `${w}×${h} ${name}`);
      if (w === 1200 || w === 375) console.log(`layout ${w}×${h} ${name}: ${names.join(', ')}`);
      if ((w === 375 || w === 680) && name === 'Ashgabat') await screenshot(page, `column-${w}x${h}-ashgabat.png`);
    }
    // Closed again, and then the whole story: every marker still takes its own clicks.
    await map.getByRole('button', { name: 'Close details' }).click();
    await settled(page);
    assert.deepEqual(await buttonCentresMiss(page), [], `${w}×${h} after closing`);
    assert.deepEqual(await markersOverlap(page), [], `${w}×${h} after closing`);
    await map.locator('[data-testid=zoom-fit]').click();
    await settled(page);
    assert.deepEqual(await buttonCentresMiss(page), [], `${w}×${h} at the whole story`);
    assert.deepEqual(await markersOverlap(page), [], `${w}×${h} at the whole story`);
    assert.equal(await placesShown(page), PLACES.length, `${w}×${h}: at the whole story every place has a marker to tap`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a hidden caption takes no tap: the group next to Vostochny opens at 375×480', async () => {
  const page = await openColumn(375, 480);
  const map = page.locator('#story-map');
  const group = map.locator('[data-testid=marker][data-kind=cluster]');
  const hit = await hitAt(group);
  assert.ok(hit.onTop, `the group is on top at its dot (covered by ${hit.covering})`);
  // A tap on the group's count opens the group (zooms in), not Vostochny.
  const box = await group.locator('.dl-marker-dot').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await settled(page);
  assert.equal(await map.locator('[data-testid=panel-heading]').textContent().then((t) => t.includes('Vostochny')), false);
  assert.ok(await map.locator('[data-kind=place][aria-label^="Moscow:"]').count());
  // Every marker's box takes pointer events only where it shows something.
  const boxes = await map.locator('[data-testid=marker]').evaluateAll((els) =>
    els.map((el) => getComputedStyle(el).pointerEvents),
  );
  assert.ok(boxes.every((p) => p === 'none'), boxes.join());
  await page.context().close();
});

test('the bottom sheet starts as a bar and opens and folds on request', async () => {
  const page = await openColumn(375, 480);
  const map = page.locator('#story-map');
  const panel = map.locator('[data-testid=panel]');
  const toggle = map.locator('[data-testid=panel-toggle]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  const bar = await panel.boundingBox();
  assert.ok(bar.height <= 64, `a bar: ${JSON.stringify(bar)}`);
  assert.equal(await map.locator('[data-testid=story-start]').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await map.locator('[data-testid=story-start]').waitFor();
  const open = await panel.boundingBox();
  assert.ok(open.height > 120, `open: ${JSON.stringify(open)}`);
  await toggle.click();
  assert.equal(await map.locator('[data-testid=story-start]').isVisible(), false);
  // A swipe up on the folded bar opens it too.
  const handle = await map.locator('[data-testid=panel-handle]').boundingBox();
  await page.mouse.move(handle.x + 40, handle.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(handle.x + 40, handle.y + 20 - i * 12);
  await page.mouse.up();
  await map.locator('[data-testid=story-start]').waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await toggle.click();
  // Opening a place opens the sheet.
  await map.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').click();
  await map.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.context().close();
});

test('resizing across layouts keeps the open place in view, beside or above the panel', async () => {
  const page = await openColumn(375, 480);
  const map = page.locator('#story-map');
  const marker = await openPlace(page, 'Vostochny');
  for (const [w, h] of [[680, 480], [1000, 560], [414, 560], [320, 480]]) {
    await page.setViewportSize({ width: Math.max(w + 16, 360), height: 900 });
    await page.evaluate(([w, h]) => {
      const el = document.getElementById('story-map');
      el.style.width = `${w}px`;
      el.style.height = `${h}px`;
    }, [w, h]);
    await page.waitForTimeout(150);
    await settled(page);
    const hit = await hitAt(marker);
    assert.ok(hit.inside && hit.onTop, `${w}×${h}: ${JSON.stringify(hit)}`);
  }
  await page.context().close();
});

test('axe-core: no violations with the sheet folded and open, and beside a column', async () => {
  const page = await openColumn(375, 480);
  const map = page.locator('#story-map');
  assert.deepEqual(await axeViolations(page, '#story-map'), [], 'folded sheet');
  await map.locator('[data-testid=panel-toggle]').click();
  await map.locator('[data-testid=story-start]').waitFor();
  assert.deepEqual(await axeViolations(page, '#story-map'), [], 'open sheet');
  await map.locator('[data-testid=timeline-toggle]').click();
  assert.deepEqual(await axeViolations(page, '#story-map'), [], 'expanded timeline');
  await page.context().close();
  const column = await openColumn(680, 480);
  await openPlace(column, 'Ashgabat');
  assert.deepEqual(await axeViolations(column, '#story-map'), [], 'side panel, open place');
  await column.context().close();
});

/** Mounts `story` in a `w`×`h` element of the API page; resolves once it shows. */
async function mountStory(w, h, story) {
  const page = await openPage(ctx.browser, { viewport: { width: Math.max(w + 40, 900), height: h + 200 } });
  await page.goto(`${ctx.server.url}/e2e/api.html`);
  await page.waitForFunction(() => window.Dateline?.mount);
  await page.evaluate(async ([w, h, story]) => {
    const el = document.createElement('div');
    el.id = 'mounted';
    el.style.width = `${w}px`;
    el.style.height = `${h}px`;
    document.getElementById('slot').append(el);
    window.map = await window.Dateline.mount(el, { story, cooperative: false });
  }, [w, h, story]);
  await settled(page.locator('#mounted'));
  return page;
}

/** A one-event place. */
const point = (id, name, lon, lat) => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { name, title: `Something happened at ${name}`, date: '2024-05-01' },
});

test('800×500, a space centre in Florida beside Houston: the centre of every marker reaches that marker', async () => {
  const page = await openColumnOf(ctx, 800, 500, '/fixtures/space-centres.geojson');
  await settled(page);
  assert.deepEqual(await buttonCentresMiss(page), [], 'at load');
  for (const name of ['Kennedy Space Center', 'Houston', 'Stennis Space Center', 'Huntsville']) {
    await openPlace(page, name);
    assert.deepEqual(await buttonCentresMiss(page), [], `with ${name} open`);
    assert.deepEqual(await markersOverlap(page), [], `with ${name} open`);
  }
  await page.locator('#story-map [data-testid=zoom-fit]').click();
  await settled(page);
  assert.deepEqual(await buttonCentresMiss(page), [], 'at the whole story');
  assert.deepEqual(await markersOverlap(page), [], 'at the whole story');
});

test('10,000 places: the centre of every marker in view reaches that marker, at the whole story and closer in', async () => {
  // A fixed scatter over the inhabited latitudes (a linear congruential sequence).
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const features = Array.from({ length: 10000 }, (_, i) => point(`p${i}`, `Place ${i}`, -170 + 340 * next(), -50 + 110 * next()));
  const page = await mountStory(1000, 700, { type: 'FeatureCollection', features });
  assert.deepEqual(await buttonCentresMiss(page, '#mounted'), [], 'the whole story');
  const box = await page.locator('#mounted [data-testid=story-map]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(120);
  }
  await settled(page.locator('#mounted'));
  const counted = await page.locator('#mounted [data-testid=marker]').count();
  assert.ok(counted >= 10, `${counted} markers in view`);
  assert.deepEqual(await buttonCentresMiss(page, '#mounted'), [], 'zoomed in');
});
