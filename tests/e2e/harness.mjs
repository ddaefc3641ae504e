// Shared setup for the end-to-end tests: a static server for the release
// build (dist/), the e2e pages and the story fixtures; headless Debian
// Chromium driven by playwright-core; axe-core injected from node_modules.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'tests', 'e2e', 'artifacts');

/** Where the e2e tests' server finds each path: the e2e pages, the example Leptos app's build, the fixtures, the release build. */
export const testMounts = [
  ['/e2e/', join(root, 'tests', 'e2e', 'pages')],
  ['/app/', join(root, 'examples', 'leptos-app', 'dist')],
  ['/fixtures/', join(root, 'tests', 'fixtures')],
  ['/', join(root, 'dist')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.css': 'text/css',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

/** The policy of the strict-CSP pages (`*.csp.html`): what a careful newsroom serves. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

/** The file a server path names under `mounts` ([prefix, dir], first match wins), or null outside them. */
export async function fileFor(path, mounts = testMounts) {
  const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
  const file = normalize(join(dir, path.slice(prefix.length)));
  if (!file.startsWith(dir)) return null;
  return (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
}

/** Raster tiles made from our own data (raster-tiles.mjs): /raster/{z}/{x}/{y}.png. */
async function rasterTile(path) {
  const m = /^\/raster\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(path);
  if (!m) return null;
  const { tilePng } = await import('./raster-tiles.mjs');
  return tilePng(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Serves `mounts` on a free loopback port (files streamed); returns { url, close }. */
export async function startServer(mounts = testMounts) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const png = await rasterTile(path);
      if (png) {
        res.writeHead(200, { 'content-type': 'image/png' }).end(png);
        return;
      }
      const file = await fileFor(path, mounts);
      if (!file) {
        res.writeHead(403).end();
        return;
      }
      await stat(file);
      const headers = { 'content-type': types[extname(file)] || 'application/octet-stream' };
      if (file.endsWith('.csp.html')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Debian's Chromium headless, with no network beyond loopback. */
export async function launchBrowser() {
  await stat('dist/index.html').catch(() => {
    throw new Error('dist/ is missing: run `trunk build --release` first (scripts/test.sh does).');
  });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The console's line for a file the server does not have. */
export const NOT_FOUND = /Failed to load resource: the server responded with a status of 404/;

/** Every page opened, with how many of its errors have been checked. */
const opened = new Map();

/**
 * A new page whose uncaught errors and console errors fail the test that
 * opened it (checked after each test, by `useServerAndBrowser`), unless the
 * test expects them by name: `page.expectError(/pattern/)`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.expected = [];
  page.expectError = (pattern) => page.expected.push(pattern);
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (msg) => {
    // Where it came from: for a failed load, the file's address.
    if (msg.type() === 'error') page.errors.push(`${msg.text()} (${msg.location()?.url ?? ''})`);
  });
  opened.set(page, 0);
  page.requests = [];
  page.on('request', (request) => page.requests.push(request.url()));
  return page;
}

const require = createRequire(import.meta.url);
let axeSource;

/** Runs axe-core (WCAG 2.x A/AA rules) on the page and returns its violations. */
export async function axeViolations(page, context) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx || document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, context);
}

/** Saves a screenshot under tests/e2e/artifacts/. */
export async function screenshot(target, name) {
  await mkdir(artifacts, { recursive: true });
  const path = join(artifacts, name);
  await target.screenshot({ path });
  return path;
}

/**
 * Starts the server and the browser before the file's tests and stops them
 * after; returns `{ server, browser }`, filled in once `before` has run.
 */
export function useServerAndBrowser() {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
  });
  afterEach(() => {
    const unexpected = [];
    for (const [page, checked] of opened) {
      const fresh = page.errors.slice(checked);
      opened.set(page, page.errors.length);
      unexpected.push(...fresh.filter((e) => !page.expected.some((p) => p.test(e))));
    }
    assert.deepEqual(unexpected, [], `errors on the page the test did not expect:\n${unexpected.join('\n')}`);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}
