// Moving the map with fingers: real touch input (CDP Input.dispatchTouchEvent,
// which Chromium turns into touch and pointer events as a touchscreen would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage } from './harness.mjs';

const ctx = useServerAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function openMap(path, options = PHONE) {
  const page = await openPage(ctx.browser, options);
  await page.goto(`${ctx.server.url}${path}`);
  await page.locator('[data-testid=marker]').first().waitFor();
  await frames(page);
  page.cdp = await page.context().newCDPSession(page);
  return page;
}
/** Two animation frames: the view commits once per frame. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const zoomOf = async (map) => Number(await map.getAttribute('data-zoom'));
const centreOf = (marker) =>
  marker.evaluate((e) => {
    const r = e.querySelector('.dl-marker-dot').getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });

/** Moves fingers from `from` to `to` (arrays of {x, y}, one per finger) in `steps` steps, a frame apart. */
async function touchGesture(page, from, to, steps = 8) {
  const points = (t) => from.map((p, id) => ({ id, x: p.x + (to[id].x - p.x) * t, y: p.y + (to[id].y - p.y) * t }));
  await page.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) });
  for (let i = 1; i <= steps; i++) {
    await page.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(i / steps) });
    await page.waitForTimeout(16);
  }
  await page.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page);
}

/** A point on bare map (no marker, control or panel) near (fx, fy) of the map's box. */
const bareSpot = (page, fx, fy) =>
  page.evaluate(([fx, fy]) => {
    const box = document.querySelector('[data-testid=story-map]').getBoundingClientRect();
    for (let r = 0; r < 200; r += 8) {
      for (let a = 0; a < 2 * Math.PI; a += Math.PI / 8) {
        const x = box.x + box.width * fx + r * Math.cos(a);
        const y = box.y + box.height * fy + r * Math.sin(a);
        if (document.elementFromPoint(x, y)?.closest('.dl-basemap')) return { x, y };
      }
    }
    throw new Error('no bare map near the point');
  }, [fx, fy]);

test('one finger drags the full-window map on a phone', async () => {
  const page = await openMap('/');
  // The bottom sheet covers the lower part: close it to reach the map.
  await page.locator('[data-testid=panel-close]').tap();
  await page.locator('[data-testid=panel]').waitFor({ state: 'detached' });
  const marker = page.locator('[data-testid=marker]').first();
  const before = await centreOf(marker);
  const start = await bareSpot(page, 0.5, 0.3);
  await touchGesture(page, [start], [{ x: start.x - 60, y: start.y + 40 }]);
  const after = await centreOf(marker);
  assert.ok(Math.abs(after.x - before.x + 60) < 2, `dx ${after.x - before.x}`);
  assert.ok(Math.abs(after.y - before.y - 40) < 2, `dy ${after.y - before.y}`);
  assert.deepEqual(page.errors, []);
});

test('two fingers pinch-zoom around their midpoint', async () => {
  const page = await openMap('/');
  await page.locator('[data-testid=panel-close]').tap();
  await page.locator('[data-testid=panel]').waitFor({ state: 'detached' });
  const map = page.locator('[data-testid=story-map]');
  const z0 = await zoomOf(map);
  const ashgabat = page.locator('[data-testid=marker][aria-label^="Ashgabat"]');
  const mid = await centreOf(ashgabat);
  // Fingers 60 px apart spread to 180 px: three times the size, log2(3) zoom levels.
  await touchGesture(
    page,
    [{ x: mid.x - 30, y: mid.y }, { x: mid.x + 30, y: mid.y }],
    [{ x: mid.x - 90, y: mid.y }, { x: mid.x + 90, y: mid.y }],
  );
  const z1 = await zoomOf(map);
  assert.ok(Math.abs(z1 - z0 - Math.log2(3)) < 0.05, `zoom ${z0} -> ${z1}`);
  // The place between the fingers stays between them.
  const still = await centreOf(ashgabat);
  assert.ok(Math.abs(still.x - mid.x) < 2 && Math.abs(still.y - mid.y) < 2, JSON.stringify({ mid, still }));
  // And back: fingers closing zoom out again.
  await touchGesture(
    page,
    [{ x: mid.x - 90, y: mid.y }, { x: mid.x + 90, y: mid.y }],
    [{ x: mid.x - 30, y: mid.y }, { x: mid.x + 30, y: mid.y }],
  );
  assert.ok(Math.abs((await zoomOf(map)) - z0) < 0.05, 'pinched back to the first zoom');
  assert.deepEqual(page.errors, []);
});

test('embedded map: one finger scrolls the page and hints, two fingers move the map', async () => {
  const page = await openMap('/examples/embed.html');
  const widget = page.locator('[data-testid=dateline]').first();
  const map = widget.locator('[data-testid=story-map]');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  const z0 = await zoomOf(map);
  const marker = widget.locator('[data-testid=marker]').first();
  // Where the marker is within the map, read at one instant (the page may
  // still be gliding): the page may scroll, the map may not move.
  const inMap = () =>
    marker.evaluate((e) => {
      const at = e.querySelector('.dl-marker-dot').getBoundingClientRect();
      const of = e.closest('[data-testid=story-map]').getBoundingClientRect();
      return { x: at.x - of.x, y: at.y - of.y };
    });
  const before = await inMap();
  const scroll0 = await page.evaluate(() => window.scrollY);
  // Up the page with one finger, starting on the map.
  const start = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.25 };
  await touchGesture(page, [start], [{ x: start.x, y: start.y - 120 }]);
  await page.waitForFunction((y) => window.scrollY > y + 50, scroll0);
  await widget.locator('.dl-hint-shown').waitFor();
  assert.equal(await widget.locator('[data-testid=gesture-hint]').textContent(), 'Use two fingers to move the map');
  assert.equal(await zoomOf(map), z0, 'one finger did not zoom the map');
  const after = await inMap();
  assert.ok(Math.abs(after.x - before.x) < 1 && Math.abs(after.y - before.y) < 1, JSON.stringify({ before, after }));

  const box2 = await map.boundingBox();
  const mid = { x: box2.x + box2.width * 0.3, y: box2.y + box2.height * 0.3 };
  await touchGesture(
    page,
    [{ x: mid.x - 30, y: mid.y }, { x: mid.x + 30, y: mid.y }],
    [{ x: mid.x - 60, y: mid.y }, { x: mid.x + 60, y: mid.y }],
  );
  assert.ok(Math.abs((await zoomOf(map)) - z0 - 1) < 0.05, `two fingers zoomed in one level: ${z0} -> ${await zoomOf(map)}`);
  assert.deepEqual(page.errors, []);
});
