// Speed benchmark, side by side: Dateline's release build against the Leaflet
// reference page (bench/leaflet/), on the article's story and synthetic ones,
// in the same headless Chromium, measured with the same in-page probe.
//
//   trunk build --release && node bench/compare.mjs [--sizes article,10000,100000] [--runs 3]
//
// Prints a table (lower is better) and writes bench/out/compare.json. Timings
// never fail the run; it exits non-zero only if a page fails to load.
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fileFor, launchBrowser, openPage, startServer } from '../tests/e2e/harness.mjs';
import { outDir, writeStory } from './synth.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // the harness looks for dist/ relative to the working directory

const PAGE_TIMEOUT_MS = 120_000;
const CLICKS = 20;
const WHEEL_GAP_MS = 50; // between wheel notches: a quick, continuous spin
const MOVE_GAP_MS = 16; // between drag moves: one per frame
const SETTLE_MS = 500; // after a gesture: zoom animations and inertia finish

const { values: args } = parseArgs({
  options: { sizes: { type: 'string', default: 'article,10000,100000' }, runs: { type: 'string', default: '3' } },
});
const runs = Math.max(1, Number(args.runs) || 1);
const sizes = args.sizes.split(',').map((s) => s.trim()).filter(Boolean);

if (!(await stat(join(root, 'dist', 'index.html')).catch(() => null))) {
  console.error('dist/index.html is missing: build Dateline first with `trunk build --release`.');
  process.exit(1);
}

// What each page calls its markers and its panel. Both panels close on
// Escape and have a close button labelled "Close details".
const SIDES = {
  dateline: {
    marker: '[data-testid=marker]',
    single: '[data-testid=marker][data-kind=place]',
    group: '[data-testid=marker]:not([data-kind=place])', // a cluster of places
    panel: '[data-testid=panel]',
    failure: '.dl-error, [data-testid=crash]', // a story error, or the loader's or panic hook's message
  },
  leaflet: {
    marker: '.leaflet-marker-icon',
    single: '.leaflet-marker-icon.bench-place',
    group: '.leaflet-marker-icon.marker-cluster',
    panel: '[data-testid=panel]',
    failure: '.bench-error',
  },
};

// ---- the static server: dist/ at the root, plus node_modules/ and bench/ ----

const benchMounts = [
  ['/node_modules/', join(root, 'node_modules')],
  ['/bench/', join(root, 'bench')],
  ['/', join(root, 'dist')],
];
// ---- the stories and the pages that show them ----

/** Paths (on the server) of each side's page for a story: 'article' or a place count. */
async function pagesFor(size) {
  if (size === 'article') {
    return { dateline: '/index.html', leaflet: '/bench/leaflet/index.html?story=/story.geojson' };
  }
  const places = Number(size);
  if (!Number.isInteger(places) || places < 1) throw new Error(`--sizes: "${size}" is neither "article" nor a place count`);
  const story = `synth-${places}.geojson`;
  if (!(await stat(join(outDir, story)).catch(() => null))) {
    console.log(`generating ${story}…`);
    await writeStory({ places });
  }
  const html = `dateline-synth-${places}.html`;
  await writeFile(
    join(outDir, html),
    `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Dateline: ${places} synthetic places</title>
<script type="module" src="/dateline-embed.js"></script></head>
<body style="margin:0">
<div data-dateline data-story="/bench/out/${story}" data-cooperative="off" style="height:100vh"></div>
</body>
</html>
`,
  );
  return { dateline: `/bench/out/${html}`, leaflet: `/bench/leaflet/index.html?story=/bench/out/${story}` };
}

// ---- the in-page probe, installed before any page script runs ----

/** Runs in the page: records paint and click timings and frame intervals in window.__probe / __frames. */
function probe({ marker, panel }) {
  const state = (window.__probe = { painted: null });
  const afterPaint = (done) => requestAnimationFrame(() => requestAnimationFrame(done));
  const firstMarkers = new MutationObserver(() => {
    if (!document.querySelector(marker)) return;
    firstMarkers.disconnect();
    afterPaint(() => {
      state.painted = performance.now();
      state.markerCount = document.querySelectorAll(marker).length;
    });
  });
  firstMarkers.observe(document, { childList: true, subtree: true });

  // Armed before each click: resolves to ms from the click to the first
  // frame after the panel appears (rAF, then a task: roughly its paint).
  state.armPanel = () => {
    let clicked = null;
    addEventListener('click', () => (clicked = performance.now()), { capture: true, once: true });
    state.panelTime = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        if (clicked === null || !document.querySelector(panel)) return;
        watch.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clicked), 0));
      });
      watch.observe(document, { childList: true, subtree: true });
      setTimeout(() => {
        watch.disconnect();
        resolve(null);
      }, 5000);
    });
  };

  state.startFrames = () => {
    const frames = (window.__frames = []);
    let last = null;
    state.recording = true;
    const tick = (t) => {
      if (last !== null) frames.push(t - last);
      last = t;
      if (state.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  state.stopFrames = () => {
    state.recording = false;
    return window.__frames;
  };

  // Where the markers and the basemap's first shape are on screen, to tell
  // whether a gesture moved the map (zoomed in, no marker may be in view).
  state.layout = () =>
    [...document.querySelectorAll(marker), document.querySelector('svg path')]
      .map((el) => {
        const r = el?.getBoundingClientRect() ?? {};
        return `${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)}`;
      })
      .join(' ');

  // Centres of the markers matching `selector` that are on screen and not covered.
  state.targets = (selector) =>
    [...document.querySelectorAll(selector)]
      .map((el) => {
        // The marker's own box: its dot (a hidden caption takes no room), what a click at its centre reaches.
        const r = el.getBoundingClientRect();
        return { el, x: r.left + r.width / 2, y: r.top + r.height / 2 };
      })
      .filter(({ el, x, y }) => x > 0 && y > 0 && x < innerWidth && y < innerHeight && el.contains(document.elementFromPoint(x, y)))
      .map(({ x, y }) => ({ x, y }));

  // A point near the centre with bare map under it, to start a drag from.
  state.bareSpot = () => {
    const busy = `${marker}, ${panel}, button, a, .leaflet-control`;
    for (let r = 0; r < 300; r += 12) {
      for (let a = 0; a < 2 * Math.PI; a += Math.PI / 8) {
        const x = innerWidth / 2 + r * Math.cos(a);
        const y = innerHeight / 2 + r * Math.sin(a);
        if (!document.elementFromPoint(x, y)?.closest(busy)) return { x, y };
      }
    }
    return { x: innerWidth / 2, y: innerHeight / 2 };
  };
}

// ---- measuring one page ----

async function recordFrames(page, gesture) {
  const before = await page.evaluate(() => window.__probe.layout());
  await page.evaluate(() => window.__probe.startFrames());
  await gesture();
  await page.waitForTimeout(SETTLE_MS);
  const frames = await page.evaluate(() => window.__probe.stopFrames());
  const moved = before !== (await page.evaluate(() => window.__probe.layout()));
  return { frames, moved };
}

async function closePanel(page, side) {
  await page.keyboard.press('Escape');
  const closed = await page.waitForSelector(side.panel, { state: 'detached', timeout: 2000 }).then(() => true, () => false);
  if (!closed) {
    await page.click(`${side.panel} button[aria-label="Close details"]`);
    await page.waitForSelector(side.panel, { state: 'detached', timeout: 5000 });
  }
}

/** Waits (up to 5 s) until no marker has moved for 400 ms: zoom and cluster animations are over. */
async function settle(page) {
  let before = await page.evaluate(() => window.__probe.layout());
  let still = 0;
  for (let waited = 0; waited < 5000 && still < 2; waited += 200) {
    await page.waitForTimeout(200);
    const now = await page.evaluate(() => window.__probe.layout());
    still = now === before ? still + 1 : 0;
    before = now;
  }
}

/** Clicks CLICKS markers in turn (zooming in first if none is a single place); ms per click. */
async function measureClicks(page, side) {
  const targets = (selector) => page.evaluate((s) => window.__probe.targets(s), selector);
  let selector = side.single;
  await settle(page);
  for (let zooms = 0; (await targets(selector)).length === 0; zooms++) {
    const [group] = await targets(side.group);
    if (zooms === 10 || !group) {
      selector = side.group; // no single place within reach: time a group's panel instead
      break;
    }
    await page.mouse.move(group.x, group.y);
    await page.mouse.wheel(0, -100);
    await settle(page);
  }
  const times = [];
  let missed = 0;
  for (let i = 0; times.length < CLICKS && i < 2 * CLICKS; i++) {
    await settle(page); // a map may fly to the place it opens, and back when it closes
    const onScreen = await targets(selector);
    if (onScreen.length === 0) break;
    const { x, y } = onScreen[i % onScreen.length];
    await page.evaluate(() => window.__probe.armPanel());
    await page.mouse.click(x, y);
    const ms = await page.evaluate(() => window.__probe.panelTime);
    if (ms === null) {
      missed++; // no panel within 5 s: usually its marker had just moved away; not a timing
      continue;
    }
    times.push(ms);
    await closePanel(page, side);
  }
  return { times, missed, clicked: selector === side.single ? 'place' : 'group' };
}

/** Loads one page and measures it. Throws only if it fails to show its markers. */
async function measurePage(browser, baseUrl, sideName, path) {
  const side = SIDES[sideName];
  const page = await openPage(browser);
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.addInitScript(probe, side);
  const result = { errors: page.errors };

  // A file the page cannot get, or an uncaught error while it starts, fails it at once.
  const broken = new Promise((_, reject) => {
    page.on('pageerror', (error) => reject(new Error(`uncaught error: ${error.message}`)));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) reject(new Error(`${r.url()} answered ${r.status()}`));
    });
  });
  broken.catch(() => {});

  const run = async () => {
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    const shown = page.waitForFunction(
      (failure) => {
        if (window.__probe.painted !== null) return 'ok';
        const error = document.querySelector(failure);
        return error ? `the page shows an error: ${error.textContent.trim().slice(0, 300)}` : false;
      },
      side.failure,
      { timeout: PAGE_TIMEOUT_MS, polling: 50 },
    );
    const verdict = await (await Promise.race([shown, broken])).jsonValue();
    if (verdict !== 'ok') throw new Error(verdict);
    Object.assign(result, await page.evaluate(() => ({
      painted: window.__probe.painted,
      markerCount: window.__probe.markerCount,
      selfReported: window.__bench?.markersPainted ?? null,
    })));

    await page.waitForLoadState('networkidle');
    result.loaded = responses.filter((r) => r.status() === 200).map((r) => r.url());

    // Zoom in two notches first (not timed): at a whole-world view Dateline
    // keeps the world in frame and hardly pans, which would time an idle map.
    const { width, height } = page.viewportSize();
    await page.mouse.move(width / 2, height / 2);
    for (let i = 0; i < 2; i++) {
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(WHEEL_GAP_MS);
    }
    await settle(page);
    const spot = await page.evaluate(() => window.__probe.bareSpot());
    result.drag = await recordFrames(page, async () => {
      await page.mouse.move(spot.x, spot.y);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) {
        await page.mouse.move(spot.x + 10 * i, spot.y);
        await page.waitForTimeout(MOVE_GAP_MS);
      }
      await page.mouse.up();
    });
    result.wheel = await recordFrames(page, async () => {
      await page.mouse.move(width / 2, height / 2);
      for (const deltaY of [-100, 100]) {
        for (let i = 0; i < 20; i++) {
          await page.mouse.wheel(0, deltaY);
          await page.waitForTimeout(WHEEL_GAP_MS);
        }
      }
    });
    // Clicks at this view, where the story's places are apart and in view.
    result.clicks = await measureClicks(page, side);
    // Zoomed in on a marker (a reader zooms to the story's places, not to
    // the empty middle between them), where Dateline draws its detail tiles
    // and place names and Leaflet its markers over the same outlines.
    const [anchor] = await page.evaluate(
      (s) => [...window.__probe.targets(s.single), ...window.__probe.targets(s.group)],
      { single: side.single, group: side.group },
    );
    await page.mouse.move(anchor?.x ?? width / 2, anchor?.y ?? height / 2);
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(WHEEL_GAP_MS);
    }
    await settle(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    result.near = await page.evaluate(() => ({
      zoom: Number(document.querySelector('[data-testid=story-map]')?.dataset.zoom ?? window.__bench?.map?.getZoom?.() ?? NaN),
      tiles: document.querySelectorAll('[data-tile]').length,
      labels: document.querySelectorAll('.dl-label').length,
    }));
    const near = await page.evaluate(() => window.__probe.bareSpot());
    result.dragNear = await recordFrames(page, async () => {
      await page.mouse.move(near.x, near.y);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) {
        await page.mouse.move(near.x + 10 * i, near.y + 4 * i);
        await page.waitForTimeout(MOVE_GAP_MS);
      }
      await page.mouse.up();
    });
    result.wheelNear = await recordFrames(page, async () => {
      await page.mouse.move(width / 2, height / 2);
      for (const deltaY of [100, -100]) {
        for (let i = 0; i < 8; i++) {
          await page.mouse.wheel(0, deltaY);
          await page.waitForTimeout(WHEEL_GAP_MS);
        }
      }
    });
  };

  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS);
  });
  const running = run();
  running.catch(() => {}); // once timed out, its rejection is of no interest
  try {
    await Promise.race([running, timeout]);
  } catch (error) {
    if (result.painted === undefined) throw error;
    result.incomplete = error.message.split('\n')[0]; // loaded, but a later step failed: keep what was measured
  } finally {
    clearTimeout(timer);
    await page.context().close();
  }
  result.files = await transfer(result.loaded ?? []);
  delete result.loaded;
  return result;
}

const gzipCache = new Map();
/**
 * Raw and gzip -9 bytes of each loaded URL. The body is the file the server
 * sent, read from disk: Chromium keeps no copy of a body as large as the
 * 100,000-place story for response.body(), and copying them out of the
 * browser while it works would slow it. Run after the page is gone, so gzip
 * does not compete with it for the CPU.
 */
async function transfer(urls) {
  const files = [];
  for (const url of urls) {
    const file = await fileFor(decodeURIComponent(new URL(url).pathname), benchMounts).catch(() => null);
    if (!file) continue;
    if (!gzipCache.has(file)) {
      const body = await readFile(file);
      gzipCache.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    files.push({ url, ...gzipCache.get(file) });
  }
  return files;
}

// ---- statistics and the report ----

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (values) => percentile(values, 50);

const frames = (kind) => (results) => results.flatMap((r) => r[kind]?.frames ?? []);
const clickTimes = (results) => results.flatMap((r) => r.clicks?.times ?? []);
/** The table's rows: a name and how to reduce one side's runs of one story to a number. */
const FIGURES = [
  ['transfer, gzip -9 (KiB)', (rs) => median(rs.map((r) => r.files.reduce((t, f) => t + f.gzip, 0) / 1024))],
  ['load → markers painted (ms)', (rs) => median(rs.map((r) => r.painted))],
  ['click → panel p50 (ms)', (rs) => percentile(clickTimes(rs), 50)],
  ['click → panel p95 (ms)', (rs) => percentile(clickTimes(rs), 95)],
  ['wheel zoom frame p50 (ms)', (rs) => percentile(frames('wheel')(rs), 50)],
  ['wheel zoom frame p95 (ms)', (rs) => percentile(frames('wheel')(rs), 95)],
  ['wheel zoom frame max (ms)', (rs) => percentile(frames('wheel')(rs), 100)],
  ['drag frame p50 (ms)', (rs) => percentile(frames('drag')(rs), 50)],
  ['drag frame p95 (ms)', (rs) => percentile(frames('drag')(rs), 95)],
  ['drag frame max (ms)', (rs) => percentile(frames('drag')(rs), 100)],
  ['zoom reached close in', (rs) => median(rs.map((r) => r.near?.zoom ?? NaN).filter(Number.isFinite))],
  ['close in: names drawn', (rs) => median(rs.map((r) => r.near?.labels ?? 0))],
  ['close in: wheel frame p95 (ms)', (rs) => percentile(frames('wheelNear')(rs), 95)],
  ['close in: drag frame p95 (ms)', (rs) => percentile(frames('dragNear')(rs), 95)],
];
const summarize = (results) => (results.length ? Object.fromEntries(FIGURES.map(([name, reduce]) => [name, reduce(results)])) : null);

/** Caveats a reader needs beside the numbers: a map that did not move, a group clicked instead of a place. */
function notes(sideName, results) {
  const out = [];
  if (results.some((r) => r.wheel && !r.wheel.moved)) out.push(`${sideName}: the wheel did not move the map`);
  if (results.some((r) => r.drag && !r.drag.moved)) out.push(`${sideName}: the drag did not move the map`);
  if (results.some((r) => r.clicks?.clicked === 'group')) out.push(`${sideName}: no single place in reach, clicked groups`);
  if (results.some((r) => r.clicks && r.clicks.times.length < CLICKS)) out.push(`${sideName}: fewer than ${CLICKS} clicks opened a panel`);
  const missed = results.reduce((n, r) => n + (r.clicks?.missed ?? 0), 0);
  if (missed) out.push(`${sideName}: ${missed} clicks opened no panel within 5 s and were retried`);
  for (const r of results) if (r.incomplete) out.push(`${sideName}: measured only in part: ${r.incomplete}`);
  return out;
}

function printTable(report) {
  const fmt = (v) => (v === null || v === undefined ? '—' : v.toFixed(1));
  const rows = [['figure', 'story', 'Dateline', 'Leaflet', 'Dateline/Leaflet']];
  for (const [figure] of FIGURES) {
    for (const [story, { dateline, leaflet }] of Object.entries(report.stories)) {
      const d = dateline.summary?.[figure] ?? null;
      const l = leaflet.summary?.[figure] ?? null;
      rows.push([figure, story, fmt(d), fmt(l), d !== null && l ? (d / l).toFixed(2) : '—']);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows.slice(1)) console.log(line(r));
  for (const [story, sides] of Object.entries(report.stories)) {
    for (const { notes: n, failures } of Object.values(sides)) {
      for (const text of [...n, ...failures]) console.log(`note (${story}) ${text}`);
    }
  }
}

// ---- main ----

const server = await startServer(benchMounts);
const browser = await launchBrowser();
const report = {
  date: new Date().toISOString(),
  chromium: browser.version(),
  viewport: { width: 1280, height: 800 },
  runs,
  stories: {},
};
let failed = false;
try {
  for (const size of sizes) {
    const paths = await pagesFor(size);
    const story = size === 'article' ? 'article' : `synth-${size}`;
    const results = { dateline: [], leaflet: [] };
    const failures = { dateline: [], leaflet: [] };
    for (let r = 0; r < runs; r++) {
      // Alternate which side goes first, so neither always gets a cold machine.
      const order = r % 2 === 0 ? ['dateline', 'leaflet'] : ['leaflet', 'dateline'];
      for (const side of order) {
        process.stdout.write(`${story} run ${r + 1}/${runs} ${side}… `);
        try {
          const result = await measurePage(browser, server.url, side, paths[side]);
          results[side].push(result);
          console.log(`markers painted at ${result.painted.toFixed(0)} ms`);
        } catch (error) {
          failed = true;
          failures[side].push(`${side} run ${r + 1} failed: ${error.message.split('\n')[0]}`);
          console.log(`FAILED: ${error.message.split('\n')[0]}`);
        }
      }
    }
    report.stories[story] = Object.fromEntries(
      ['dateline', 'leaflet'].map((side) => [
        side,
        {
          page: paths[side],
          summary: summarize(results[side]),
          notes: notes(side, results[side]),
          failures: failures[side],
          runs: results[side],
        },
      ]),
    );
  }
} finally {
  await browser.close();
  await server.close();
}

printTable(report);
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'compare.json'), JSON.stringify(report, null, 2));
console.log(`\nwrote ${join('bench', 'out', 'compare.json')}`);
if (failed) {
  console.error('some pages failed to load (see the notes above)');
  process.exit(1);
}
