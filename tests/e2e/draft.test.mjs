// A story drafted from the article by `dateline-draft` shows in the widget
// as it is: its places on the map, its events in the panel, marked as drafts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { useServerAndBrowser, openPage } from './harness.mjs';

const ctx = useServerAndBrowser();

/** The draft of the TASS article, from the CLI `cargo test` builds (or built here). */
function draftOfArticle() {
  let cli = ['target/debug/dateline-draft', 'target/release/dateline-draft'].find(existsSync);
  if (!cli) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'dateline-draft'], { stdio: 'inherit' });
    cli = 'target/debug/dateline-draft';
  }
  const args = ['--published', '2024-02-20', '--source-name', 'TASS', '--source-url', 'https://tass.com/politics/1749135', 'tests/fixtures/article.txt'];
  return execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

test('a drafted story shows in the widget as it is', async () => {
  const draft = draftOfArticle();
  const page = await openPage(ctx.browser, { viewport: { width: 1100, height: 760 } });
  await page.route('**/drafted.geojson', (route) => route.fulfill({ body: draft, contentType: 'application/geo+json' }));
  await page.goto(`${ctx.server.url}/e2e/drafted.html`);
  const map = page.locator('#drafted');
  await map.locator('[data-testid=marker]').first().waitFor();
  const labels = await map.locator('[data-testid=marker]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' | '));
  for (const name of ['Moscow', 'Zhukovsky', 'Ashgabat', 'Vostochny Spaceport']) assert.match(labels, new RegExp(name), labels);
  assert.equal(await map.locator('[data-testid=panel-heading]').textContent(), 'Kim Jong Un first leader to get Aurus car from Putin');
  await map.locator('[data-testid=story-start]').click();
  await map.locator('[data-testid=panel] [aria-current=true]').waitFor();
  assert.match(await map.locator('[data-testid=panel] [aria-current=true]').textContent(), /2018/);
  assert.deepEqual(page.errors, []);
});
