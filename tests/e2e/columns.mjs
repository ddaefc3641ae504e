// The story map in an article column, as the layout and detail tests open
// it: pages at the sizes readers meet, places opened where a person clicks,
// and what the map shows around an opened place.
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { openPage } from './harness.mjs';

/** The layout matrix: phone columns to desktops, [width, height] in px. */
export const SIZES = [
  [320, 480], [375, 480], [414, 560], [600, 400], [640, 400],
  [680, 480], [720, 480], [760, 480], [1000, 560], [1200, 700],
];

export const settled = (page) => page.locator('[data-testid=story-map]:not([data-moving])').first().waitFor();

/** The article page with the map `w` × `h` px in its column, showing `story` (the seed article's by default). */
export async function openColumn(ctx, w, h, story) {
  const page = await openPage(ctx.browser, { viewport: { width: Math.max(w + 16, 360), height: 900 } });
  const query = story ? `&story=${encodeURIComponent(story)}` : '';
  await page.goto(`${ctx.server.url}/e2e/column.html?w=${w}&h=${h}${query}`);
  await page.locator('#story-map [data-testid=marker]').first().waitFor();
  await page.locator('#story-map').scrollIntoViewIfNeeded();
  await settled(page);
  return page;
}

/** Where a marker's dot is, and what the page has on top at its centre. */
export async function hitAt(marker) {
  return marker.evaluate((el) => {
    const dot = el.querySelector('.dl-marker-dot').getBoundingClientRect();
    const map = el.closest('[data-testid=story-map]').getBoundingClientRect();
    const [x, y] = [dot.left + dot.width / 2, dot.top + dot.height / 2];
    const top = document.elementFromPoint(x, y)?.closest('[data-testid=marker]');
    return {
      onTop: top === el,
      covering: top === el ? null : document.elementFromPoint(x, y)?.className || null,
      inside: dot.left >= map.left && dot.right <= map.right && dot.top >= map.top && dot.bottom <= map.bottom,
      dot: { x: Math.round(x), y: Math.round(y) },
    };
  });
}

/** Opens `name` as a reader would: the whole story first, then its marker, or its group's and then its own. */
export async function openPlace(page, name) {
  const map = page.locator('#story-map');
  await map.locator('[data-testid=zoom-fit]').click();
  await settled(page);
  const own = map.locator(`[data-testid=marker][data-kind=place][aria-label^="${name}"]`);
  // Its group, and the group within that, until it has a marker of its own.
  for (let depth = 0; depth < 4 && !(await own.count()); depth++) {
    const group = map.locator(`[data-testid=marker][data-kind=cluster][aria-label*="${name}"]`);
    const hit = await hitAt(group);
    assert.ok(hit.onTop, `${name}'s group can be tapped (covered by ${hit.covering})`);
    // Its dot, where a finger goes; Playwright refuses if anything else would take the click.
    await group.locator('.dl-marker-dot').click();
    await settled(page);
  }
  await own.locator('.dl-marker-dot').click();
  await map.locator('[data-testid=panel-heading]', { hasText: name }).waitFor();
  await settled(page);
  await page.waitForTimeout(50);
  return own;
}

/** RGB rows of a PNG (8-bit RGB or RGBA, as Chromium's screenshots are). */
export function pngPixels(png) {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = png[25] === 6 ? 4 : 3;
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const pixels = [];
  for (let i = 0; i < out.length; i += channels) pixels.push([out[i], out[i + 1], out[i + 2]]);
  return { width, height, pixels };
}

const near = (p, [r, g, b], tolerance = 8) => Math.abs(p[0] - r) <= tolerance && Math.abs(p[1] - g) <= tolerance && Math.abs(p[2] - b) <= tolerance;
const LAND = [0xf4, 0xf1, 0xea];
const SEA = [0xd9, 0xe6, 0xf0];

/** The basemap's colours in the 5 × 5 px around a marker's centre, the markers hidden. */
export async function groundUnder(page, marker) {
  const { dot } = await hitAt(marker);
  // Through the CSSOM, which a strict Content-Security-Policy allows.
  const hide = (hidden) => page.evaluate((h) => document.querySelectorAll('.dl-markers').forEach((el) => { el.style.visibility = h ? 'hidden' : ''; }), hidden);
  await hide(true);
  const png = await page.screenshot({ clip: { x: dot.x - 2, y: dot.y - 2, width: 5, height: 5 } });
  await hide(false);
  const { pixels } = pngPixels(png);
  return { centre: pixels[12], land: pixels.filter((p) => near(p, LAND)).length, sea: pixels.filter((p) => near(p, SEA)).length };
}

/**
 * What a reader must see around an opened place: the detail drawn, the place
 * on land, two or more names in view, and no name over a dot, a shown
 * caption or another name.
 */
export async function checkSurroundings(page, marker, where) {
  const map = marker.locator('xpath=ancestor::*[@data-testid="story-map"]');
  await map.locator('[data-testid=detail] [data-tile]').first().waitFor({ state: 'attached' });
  const look = () => map.evaluate((root) => {
    const box = (el) => el.getBoundingClientRect();
    const frame = box(root);
    const inView = (r) => r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom;
    const labels = [...root.querySelectorAll('.dl-label')].map((t) => ({ text: t.textContent, r: box(t) })).filter((l) => inView(l.r));
    const marks = [
      ...[...root.querySelectorAll('[data-testid=marker] .dl-marker-dot')].map((d) => ({ what: 'dot', r: box(d) })),
      ...[...root.querySelectorAll('[data-testid=marker] .dl-marker-caption')]
        .filter((c) => getComputedStyle(c).visibility === 'visible' && c.getBoundingClientRect().width > 0)
        .map((c) => ({ what: `caption ${c.textContent}`, r: box(c) })),
    ];
    const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const clashes = [];
    labels.forEach((l, i) => {
      for (const m of marks) if (meet(l.r, m.r)) clashes.push(`${l.text} over ${m.what}`);
      labels.slice(i + 1).forEach((o) => meet(l.r, o.r) && clashes.push(`${l.text} over ${o.text}`));
    });
    return { labels: labels.map((l) => l.text), clashes };
  });
  // Names come with their tiles: give them a moment (the coarser level's show first).
  let found = await look();
  for (let tries = 0; found.labels.length < 2 && tries < 50; tries++) {
    await page.waitForTimeout(100);
    found = await look();
  }
  // Every tile of the view in (no new fetch for 300 ms), then the ground under the place.
  await page.evaluate(() => new Promise((done) => {
    let seen = -1;
    const until = Date.now() + 5000;
    const look = () => {
      const now = performance.getEntriesByType('resource').length;
      if ((now === seen && !document.querySelector('[data-moving]')) || Date.now() > until) done();
      else {
        seen = now;
        setTimeout(look, 300);
      }
    };
    look();
  }));
  const ground = await groundUnder(page, marker);
  // On land: its centre is not the sea (a small island far out may be all coastline).
  assert.ok(!near(ground.centre, SEA) && ground.sea < 25, `${where}: the place is drawn on land (${JSON.stringify(ground)})`);
  assert.ok(found.labels.length >= 2, `${where}: ${found.labels.length} names in view (${found.labels.join(', ')})`);
  assert.deepEqual(found.clashes, [], `${where}: names clear of markers, captions and each other`);
  return found.labels;
}

/**
 * Every marker in the map's view takes a click at the centre of its button's
 * box (where voice control, switch access and test tools click): the
 * element there is inside that button. Returns the failures, as text.
 */
export async function buttonCentresMiss(page, host = '#story-map') {
  return page.locator(`${host} [data-testid=story-map]`).evaluate((map) => {
    const area = map.getBoundingClientRect();
    const misses = [];
    for (const button of map.querySelectorAll('[data-testid=marker]')) {
      const r = button.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      if (x < area.left || x > area.right || y < area.top || y > area.bottom) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !button.contains(hit)) {
        const other = hit?.closest('[data-testid=marker]')?.getAttribute('aria-label');
        misses.push(`${button.getAttribute('aria-label')} at (${Math.round(x)}, ${Math.round(y)}) reaches ${other ?? hit?.getAttribute('class') ?? hit?.tagName ?? 'nothing'}`);
      }
    }
    return misses;
  });
}

/**
 * Visible markers that overlap: two captions, or a caption and another
 * marker's dot, by their rendered boxes (real widths: Cyrillic, Arabic, the
 * bold selected caption). Returns the pairs, as text.
 */
export async function markersOverlap(page, host = '#story-map') {
  return page.locator(`${host} [data-testid=story-map]`).evaluate((map) => {
    const area = map.getBoundingClientRect();
    const parts = [];
    for (const marker of map.querySelectorAll('[data-testid=marker]')) {
      const name = marker.getAttribute('aria-label');
      const dot = marker.querySelector('.dl-marker-dot')?.getBoundingClientRect();
      if (dot) parts.push({ name, what: 'dot', r: dot });
      const caption = marker.querySelector('.dl-marker-caption');
      const r = caption?.getBoundingClientRect();
      if (r && r.width > 0 && getComputedStyle(caption).visibility !== 'hidden') parts.push({ name, what: 'caption', r });
    }
    // The zoom buttons: no caption runs under them.
    for (const button of map.querySelectorAll('.dl-control')) {
      parts.push({ name: button.getAttribute('aria-label'), what: 'button', r: button.getBoundingClientRect() });
    }
    const inView = (r) => r.right > area.left && r.left < area.right && r.bottom > area.top && r.top < area.bottom;
    const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const clashes = [];
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const [a, b] = [parts[i], parts[j]];
        if (a.name === b.name || (a.what !== 'caption' && b.what !== 'caption')) continue;
        if (inView(a.r) && inView(b.r) && meet(a.r, b.r)) clashes.push(`${a.name} (${a.what}) meets ${b.name} (${b.what})`);
      }
    }
    return clashes;
  });
}

/**
 * How many of the story's places the visible markers in the map stand for:
 * a place marker for one, a group for the places on its dot. At the whole
 * story this is every place: none is left out, under the panel or the zoom
 * buttons, or outside the view.
 */
export async function placesShown(page, host = '#story-map') {
  return page.locator(`${host} [data-testid=story-map]`).evaluate((map) => {
    const area = map.getBoundingClientRect();
    let places = 0;
    for (const marker of map.querySelectorAll('[data-testid=marker]')) {
      const dot = marker.querySelector('.dl-marker-dot').getBoundingClientRect();
      const [x, y] = [dot.left + dot.width / 2, dot.top + dot.height / 2];
      if (x < area.left || x > area.right || y < area.top || y > area.bottom) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !marker.contains(hit)) continue;
      places += marker.dataset.kind === 'cluster' ? Number(marker.querySelector('.dl-marker-dot').dataset.count) : 1;
    }
    return places;
  });
}
