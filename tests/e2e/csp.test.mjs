// A page with a strict Content-Security-Policy (tests/e2e/harness.mjs:
// STRICT_CSP, sent as a header): the maps are styled and work, and nothing
// they do is refused by the policy. Next to another widget with generic
// class names, none of whose rules reach the maps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, screenshot, STRICT_CSP } from './harness.mjs';

const ctx = useServerAndBrowser();

test('under a strict CSP the maps are styled and interactive, with no violation', async () => {
  const page = await openPage(ctx.browser, { viewport: { width: 1000, height: 900 } });
  const response = await page.goto(`${ctx.server.url}/e2e/strict.csp.html`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  const first = page.locator('#from-url');
  const second = page.locator('#inline');
  await first.locator('[data-testid=marker]').first().waitFor();
  await second.locator('[data-testid=marker]').first().waitFor();

  // Styled: markers are placed on the map, not in the page flow.
  const style = await first.locator('[data-testid=marker][data-kind=place]').first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { position: s.position, background: getComputedStyle(el.querySelector('.dl-marker-dot')).backgroundColor };
  });
  assert.deepEqual(style, { position: 'absolute', background: 'rgb(179, 38, 30)' });
  const map = await first.locator('[data-testid=story-map]').boundingBox();
  assert.ok(map.height > 300, `the map has its height: ${JSON.stringify(map)}`);
  // Markers sit where the map puts them: inside it, apart.
  const dots = await first.locator('.dl-marker-dot').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (const d of dots) assert.ok(d.left >= map.x && d.right <= map.x + map.width && d.top >= map.y, JSON.stringify(d));

  // Interactive: a marker opens its panel, in each widget.
  await first.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').click();
  await first.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
  await second.locator('[data-testid=marker][aria-label^="Geneva"] .dl-marker-dot').click();
  await second.locator('[data-testid=panel-heading]', { hasText: 'Geneva' }).waitFor();
  // A spreadsheet story: the importers' bundle is loaded (a dynamic import)
  // and runs under the policy too.
  const sheet = page.locator('#sheet');
  await sheet.locator('[data-testid=marker][aria-label^="Kazan"]').waitFor();
  assert.ok(page.requests.some((u) => u.endsWith('/dateline-import_bg.wasm')));
  // The other widget's generic class names (.panel, .marker, .title) reach nothing of ours.
  const panel = await first.locator('[data-testid=panel]').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(panel, 'rgb(255, 255, 255)');
  await screenshot(page, 'strict-csp.png');

  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
});
