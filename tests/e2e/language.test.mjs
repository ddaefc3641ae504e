// The reader's language: the article in Russian, and in Arabic laid out
// right to left (the map itself is not mirrored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, axeViolations, screenshot } from './harness.mjs';

const ctx = useServerAndBrowser();

async function openMap(path) {
  const page = await openPage(ctx.browser, { viewport: { width: 1100, height: 760 } });
  await page.goto(`${ctx.server.url}${path}`);
  await page.locator('[data-testid=marker]').first().waitFor();
  return page;
}

test('in Russian: words, counts with their plural forms, and dates', async () => {
  const page = await openMap('/e2e/russian.html');
  assert.equal(await page.locator('[data-testid=timeline-overview]').textContent(), 'Обзор');
  assert.equal(await page.locator('[data-testid=story-start]').textContent(), 'Начать историю');
  assert.match(await page.locator('[data-testid=story-facts]').textContent(), /^7 событий · 4 места · 7 мая 2018 г\. – 20 февраля 2024 г\./);
  const labels = await page.locator('[data-testid=marker]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(labels.includes('Ashgabat: 2 события'), labels.join(' | '));
  assert.ok(labels.includes('Moscow and Zhukovsky: 2 места, 4 события') || labels.some((l) => / и Zhukovsky: 2 места, 4 события/.test(l)), labels.join(' | '));
  await page.locator('[data-testid=timeline-next]').click();
  await page.locator('[data-testid=panel] [aria-current=true]').waitFor();
  assert.equal(await page.locator('[data-testid=panel] [data-testid=event-date]').first().textContent(), '7 мая 2018 г.');
  assert.equal(await page.locator('[data-testid=panel-close]').getAttribute('aria-label'), 'Закрыть подробности');
  assert.match(await page.locator('[data-testid=timeline-position]').textContent(), /^1 из 7$/);
  assert.deepEqual(page.errors, []);
});

test('in Arabic, right to left: panel on the left, controls on the right, time from the right; no axe violations', async () => {
  const page = await openMap('/e2e/arabic.html');
  const root = page.locator('[data-testid=dateline]');
  assert.equal(await root.getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('[data-testid=timeline-overview]').textContent(), 'نظرة عامة');
  const map = await page.locator('[data-testid=story-map]').boundingBox();
  const panel = await page.locator('[data-testid=panel]').boundingBox();
  const controls = await page.locator('.dl-controls').boundingBox();
  assert.ok(panel.x + panel.width / 2 < map.x + map.width / 2, `panel on the left: ${JSON.stringify(panel)}`);
  assert.ok(controls.x > map.x + map.width / 2, `controls on the right: ${JSON.stringify(controls)}`);
  // The story's first event is at the right end of the timeline.
  const marks = await page.locator('[data-testid=timeline-event]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  assert.ok(marks[0] > marks[marks.length - 1], marks.join());
  // The map is not mirrored: Vostochny is east of Moscow.
  const x = (name) => page.locator(`[data-testid=marker][aria-label^="${name}"]`).first().evaluate((e) => e.querySelector('.dl-marker-dot').getBoundingClientRect().x);
  assert.ok((await x('Vostochny')) > (await x('Ashgabat')));
  // Counts in Arabic.
  assert.match(await page.locator('[data-testid=story-facts]').textContent(), /^7 أحداث · 4 أماكن/);
  // Left steps forward.
  await page.locator('[data-testid=timeline-overview]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-testid=panel] [aria-current=true]').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'arabic.png');
  assert.deepEqual(page.errors, []);
});
