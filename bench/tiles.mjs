// Detail tiles benchmark (crates/dateline-core/src/tiles/): what the reader fetches at 1280 × 800
// for the world view, for opening each place of the seed and a coastal
// story, for a pan and a zoom from there, and for the same view again;
// bytes raw and gzip -9 (as a static host that compresses would send them).
//
//   trunk build --release && node bench/tiles.mjs
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, openPage, startServer } from '../tests/e2e/harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const STORIES = {
  seed: ['/', ['Moscow', 'Vostochny', 'Ashgabat', 'Zhukovsky']],
  coasts: ['/e2e/column.html?w=1264&h=800&story=/fixtures/coasts.geojson', ['Venice, Louisiana', 'Üsküdar', 'Bergen', 'Valletta']],
};
const BUDGET_KIB = 120;

const server = await startServer();
const browser = await launchBrowser();
const sizes = new Map();
const bytes = async (urls) => {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const path = join(root, 'dist', new URL(url).pathname);
    if (!sizes.has(path)) {
      const body = await readFile(path);
      sizes.set(path, [body.length, gzipSync(body, { level: 9 }).length]);
    }
    raw += sizes.get(path)[0];
    gzip += sizes.get(path)[1];
  }
  return { files: urls.length, raw, gzip };
};
const kib = (n) => (n / 1024).toFixed(1);
const settled = (page) => page.locator('[data-testid=story-map]:not([data-moving])').first().waitFor();
const rows = [];
const record = async (story, step, page, since) => {
  await settled(page);
  // A landing fetches the tiles where it ends a task later: wait for them.
  await page.waitForTimeout(250);
  while (page.tilesInFlight > 0) await page.waitForTimeout(25);
  const urls = page.requests.slice(since).filter((u) => u.includes('/tiles/'));
  const b = await bytes(urls);
  const zoom = await page.locator('[data-testid=story-map]').first().getAttribute('data-zoom');
  rows.push({ story, step, zoom, ...b });
  return page.requests.length;
};

for (const [story, [path, places]] of Object.entries(STORIES)) {
  for (const place of places) {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    page.tilesInFlight = 0;
    const tile = (r) => r.url().includes('/tiles/');
    page.on('request', (r) => { if (tile(r)) page.tilesInFlight += 1; });
    for (const done of ['requestfinished', 'requestfailed']) page.on(done, (r) => { if (tile(r)) page.tilesInFlight -= 1; });
    await page.goto(server.url + path);
    await page.locator('[data-testid=marker]').first().waitFor();
    let at = await record(story, 'world view', page, 0);
    const own = page.locator(`[data-testid=marker][data-kind=place][aria-label^="${place}"]`);
    for (let i = 0; i < 4 && !(await own.count()); i++) {
      await page.locator(`[data-testid=marker][data-kind=cluster][aria-label*="${place}"] .dl-marker-dot`).first().click();
      await settled(page);
    }
    at = await record(story, `${place}: its group opened`, page, at);
    await own.locator('.dl-marker-dot').click();
    at = await record(story, `${place}: opened`, page, at);
    // A drag of half the map to the west, then the zoom buttons.
    const box = await page.locator('[data-testid=story-map]').first().boundingBox();
    const [x, y] = [box.x + box.width * 0.3, box.y + box.height * 0.75];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x - (box.width / 2) * (i / 10), y);
    await page.mouse.up();
    at = await record(story, `${place}: dragged half a map`, page, at);
    await page.locator('[data-testid=zoom-in]').first().click();
    at = await record(story, `${place}: zoomed in (+)`, page, at);
    await page.locator('[data-testid=zoom-out]').first().click();
    await settled(page);
    await page.locator('[data-testid=zoom-out]').first().click();
    at = await record(story, `${place}: zoomed out (− −)`, page, at);
    await page.locator('[data-testid=zoom-fit]').first().click();
    at = await record(story, `${place}: whole story`, page, at);
    for (let i = 0; i < 4 && !(await own.count()); i++) {
      await page.locator(`[data-testid=marker][data-kind=cluster][aria-label*="${place}"] .dl-marker-dot`).first().click();
      await settled(page);
    }
    await own.locator('.dl-marker-dot').click();
    at = await record(story, `${place}: opened again`, page, at);
    await page.context().close();
  }
}
await browser.close();
await server.close();

console.log(`${'story'.padEnd(7)} ${'step'.padEnd(36)} ${'zoom'.padStart(5)} ${'files'.padStart(5)} ${'raw KiB'.padStart(8)} ${'gzip KiB'.padStart(8)}`);
for (const r of rows) {
  console.log(`${r.story.padEnd(7)} ${r.step.padEnd(36)} ${String(r.zoom).padStart(5)} ${String(r.files).padStart(5)} ${kib(r.raw).padStart(8)} ${kib(r.gzip).padStart(8)}`);
}
const worst = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
const again = rows.filter((r) => r.step.endsWith('opened again'));
console.log(`\nlargest view change: ${kib(worst.gzip)} KiB gzip (${worst.story}, ${worst.step}); budget ${BUDGET_KIB} KiB`);
console.log(`world views fetching tiles: ${rows.filter((r) => r.step === 'world view' && r.files).length} of ${rows.filter((r) => r.step === 'world view').length}`);
console.log(`repeated views fetching tiles: ${again.filter((r) => r.files).length} of ${again.length}`);

// The build's output, for the note.
let count = 0;
let total = 0;
async function walk(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p);
    else {
      count += 1;
      total += (await stat(p)).size;
    }
  }
}
await walk(join(root, 'dist', 'tiles'));
console.log(`tiles in dist/: ${count} files, ${(total / 1e6).toFixed(1)} MB`);
