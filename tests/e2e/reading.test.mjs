// Reading the story: overview, stepping, timeline ↔ marker ↔ panel, deep
// links and history, namespaced widgets, phones, resizing, accessibility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, axeViolations, screenshot } from './harness.mjs';

const ctx = useServerAndBrowser();
const story = JSON.parse(await readFile(new URL('../../assets/story.geojson', import.meta.url), 'utf8'));
// Reading order: by date, undated last.
const READING = [
  'putin-inauguration',
  'medvedev-shows-aurus',
  'maks-ansat-helicopter',
  'turkmenistan-buys-aurus',
  'kim-sees-aurus',
  'kim-gift',
  'foreign-guests',
];
const events = story.features.flatMap((f) => f.properties.events.map((e) => ({ ...e, place: f.properties.name })));
const byId = (id) => events.find((e) => e.id === id);

async function openMap(path = '/', options) {
  const page = await openPage(ctx.browser, options);
  await page.goto(`${ctx.server.url}${path}`);
  await page.locator('[data-testid=marker]').first().waitFor();
  return page;
}
const settled = (page) => page.locator('[data-testid=story-map]:not([data-moving])').first().waitFor();
const heading = (page) => page.locator('[data-testid=panel-heading]').textContent();
const currentId = (page) =>
  page.locator('[data-testid=panel] [data-testid=event][aria-current=true]').getAttribute('data-event-id');
const timelineCurrent = (page) =>
  page.locator('[data-testid=timeline] [aria-current=true]').getAttribute('data-event-id');

test('the reading order is what the timeline and the overview list', async () => {
  const page = await openMap();
  assert.equal(await heading(page), story.properties.title);
  const listed = await page.locator('[data-testid=story-list-item]').evaluateAll((els) => els.map((e) => e.dataset.eventId));
  assert.deepEqual(listed, READING);
  const marks = await page
    .locator('[data-testid=timeline-event], [data-testid=timeline-undated]')
    .evaluateAll((els) => els.map((e) => e.dataset.eventId));
  assert.deepEqual(marks, READING);
  assert.match(await page.locator('[data-testid=story-facts]').textContent(), /7 events · 4 places · 7 May 2018 – 20 February 2024/);
});

test('stepping through all seven events with the buttons, then back to the overview', async () => {
  const page = await openMap();
  for (const id of READING) {
    await page.locator('[data-testid=timeline-next]').click();
    await page.locator(`[data-testid=panel] [data-event-id="${id}"][aria-current=true]`).waitFor();
    assert.equal(await heading(page), byId(id).place);
    assert.equal(await timelineCurrent(page), id);
    // The marker of the event's place is the selected one.
    const selected = page.locator('[data-testid=marker].dl-marker-selected');
    await selected.waitFor();
    assert.match(await selected.getAttribute('aria-label'), new RegExp(`^${byId(id).place}`));
  }
  // Next at the last event is disabled, and pressing it changes nothing.
  assert.equal(await page.locator('[data-testid=timeline-next]').getAttribute('aria-disabled'), 'true');
  await page.locator('[data-testid=timeline-next]').click({ force: true });
  assert.equal(await currentId(page), READING.at(-1));
  for (let i = READING.length - 2; i >= 0; i--) {
    await page.locator('[data-testid=timeline-prev]').click();
    await page.locator(`[data-testid=panel] [data-event-id="${READING[i]}"][aria-current=true]`).waitFor();
  }
  await page.locator('[data-testid=timeline-prev]').click();
  await page.locator('[data-testid=story-start]').waitFor();
  assert.deepEqual(page.errors, []);
});

test('the arrow keys step when the widget has focus outside the map', async () => {
  const page = await openMap();
  await page.locator('[data-testid=story-start]').focus();
  await page.keyboard.press('ArrowRight');
  await page.locator(`[data-testid=panel] [data-event-id="${READING[0]}"][aria-current=true]`).waitFor();
  await page.locator('[data-testid=timeline-next]').focus();
  await page.keyboard.press('ArrowRight');
  await page.locator(`[data-testid=panel] [data-event-id="${READING[1]}"][aria-current=true]`).waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator(`[data-testid=panel] [data-event-id="${READING[0]}"][aria-current=true]`).waitFor();
  // On the map the same keys pan instead.
  await page.locator('[data-testid=map-viewport]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await currentId(page), READING[0]);
});

test('timeline, marker and panel select the same event everywhere', async () => {
  const page = await openMap();
  // From the timeline.
  await page.locator('[data-testid=timeline] [data-event-id="turkmenistan-buys-aurus"]').click();
  await page.locator('[data-testid=panel] [data-event-id="turkmenistan-buys-aurus"][aria-current=true]').waitFor();
  assert.equal(await heading(page), 'Ashgabat');
  await page.locator('[data-testid=marker][aria-label^="Ashgabat"].dl-marker-selected').waitFor();
  assert.equal(await timelineCurrent(page), 'turkmenistan-buys-aurus');
  assert.match(await page.locator('[data-testid=announcer]').textContent(), /^Ashgabat, 10 June 2022: /);
  // From the panel's list.
  await page.locator('[data-testid=panel] [data-event-id="medvedev-shows-aurus"] button').click();
  await page.locator('[data-testid=timeline] [data-event-id="medvedev-shows-aurus"][aria-current=true]').waitFor();
  // From a marker: its place's first event in reading order.
  await settled(page);
  await page.locator('[data-testid=zoom-fit]').click();
  await settled(page);
  await page.locator('[data-testid=marker][aria-label^="Vostochny"]').click();
  await page.locator('[data-testid=timeline] [data-event-id="kim-sees-aurus"][aria-current=true]').waitFor();
});

test('a deep link opens its event; Back returns to the previous one; unknown ids get a notice', async () => {
  const page = await openMap('/#event=kim-gift');
  await page.locator('[data-testid=panel] [data-event-id="kim-gift"][aria-current=true]').waitFor();
  assert.equal(await heading(page), 'Moscow');
  await page.locator('[data-testid=marker][aria-label^="Moscow:"].dl-marker-selected').waitFor();
  // Deliberate selections push history entries.
  await page.locator('[data-testid=timeline] [data-event-id="maks-ansat-helicopter"]').click();
  await page.waitForFunction(() => location.hash === '#event=maks-ansat-helicopter');
  await page.goBack();
  await page.locator('[data-testid=panel] [data-event-id="kim-gift"][aria-current=true]').waitFor();
  assert.equal(new URL(page.url()).hash, '#event=kim-gift');

  const unknown = await openMap('/#event=no-such-event');
  await unknown.locator('[data-testid=notice]').waitFor();
  assert.match(await unknown.locator('[data-testid=notice]').textContent(), /no-such-event/);
  assert.equal(await heading(unknown), story.properties.title);
  assert.deepEqual(unknown.errors, []);
});

test('two widgets on one page keep their links apart', async () => {
  const page = await openMap('/examples/embed.html#dateline-1:event=unused');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline]').length === 2);
  const [first, second] = [page.locator('[data-testid=dateline]').nth(0), page.locator('[data-testid=dateline]').nth(1)];
  const firstId = await first.evaluate((e) => e.closest('[data-dateline]').id);
  const secondId = await second.evaluate((e) => e.closest('[data-dateline]').id);
  await first.locator('[data-testid=timeline] [data-event-id="turkmenistan-buys-aurus"]').click();
  await second.locator('[data-testid=timeline] [data-event-id="geneva"]').click();
  await page.waitForFunction(([a, b]) => location.hash.includes(`${a}:event=turkmenistan-buys-aurus`) && location.hash.includes(`${b}:event=geneva`), [firstId, secondId]);
  // Reloading opens both where they were.
  await page.reload();
  await first.locator('[data-testid=panel] [data-event-id="turkmenistan-buys-aurus"][aria-current=true]').waitFor();
  await second.locator('[data-testid=panel] [data-event-id="geneva"][aria-current=true]').waitFor();
});

test('on a phone the panel is a bottom sheet; resizing keeps the selection in view', async () => {
  const page = await openMap('/', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.locator('[data-testid=timeline] [data-event-id="turkmenistan-buys-aurus"]').click();
  await page.locator('[data-testid=panel] [data-event-id="turkmenistan-buys-aurus"][aria-current=true]').waitFor();
  await settled(page);
  const sheet = await page.locator('[data-testid=panel]').boundingBox();
  assert.ok(sheet.width >= 370 && sheet.y > 200, `bottom sheet: ${JSON.stringify(sheet)}`);
  // The selected place is shown above the sheet, not under it.
  const above = await page.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').boundingBox();
  assert.ok(above.y + above.height <= sheet.y && above.y >= 0, `marker ${JSON.stringify(above)} above sheet`);
  await screenshot(page, 'phone.png');
  // Tap targets are at least 44 px.
  for (const sel of ['[data-testid=panel-close]', '[data-testid=timeline-next]', '[data-testid=timeline-prev]', '[data-testid=zoom-in]']) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `${sel}: ${JSON.stringify(box)}`);
  }
  // Rotate: the selected marker stays visible.
  await page.setViewportSize({ width: 844, height: 390 });
  await settled(page);
  await page.waitForTimeout(100);
  const marker = await page.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').boundingBox();
  assert.ok(marker.x >= 0 && marker.x + marker.width <= 844 && marker.y >= 0, JSON.stringify(marker));
  assert.equal(await currentId(page), 'turkmenistan-buys-aurus');
  // The sheet can be dismissed.
  await page.locator('[data-testid=panel-close]').click();
  assert.equal(await page.locator('[data-testid=panel]').count(), 0);
});

test('dates follow the page language', async () => {
  const page = await openMap('/e2e/german.html');
  await page.locator('[data-testid=timeline-next]').click();
  await page.locator('[data-testid=panel] [aria-current=true]').waitFor();
  const dates = await page.locator('[data-testid=panel] [data-testid=event-date]').allTextContents();
  assert.deepEqual(dates.slice(0, 2), ['7. Mai 2018', '20. Februar 2024']);
  assert.match(await page.locator('[data-testid=timeline-event]').nth(2).getAttribute('aria-label'), /^August 2019, Zhukovsky/);
});

test('the bottom sheet is dismissed by a downward swipe on its handle', async () => {
  const page = await openMap('/', { viewport: { width: 390, height: 844 } });
  await page.locator('[data-testid=timeline-next]').click();
  await page.locator('[data-testid=panel] [aria-current=true]').waitFor();
  // hover() waits until the sheet has stopped moving, and puts the pointer on its handle.
  await page.locator('[data-testid=panel-handle]').hover({ position: { x: 40, y: 10 } });
  const handle = await page.locator('[data-testid=panel-handle]').boundingBox();
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(handle.x + 40, handle.y + 10 + i * 15);
  await page.mouse.up();
  await page.waitForFunction(() => !document.querySelector('[data-testid=panel]'));
});

test('a keyboard-only walk through all seven events', async () => {
  const page = await openMap();
  // Tab to the Start button in the overview and press Enter.
  let onStart = false;
  for (let i = 0; i < 30 && !onStart; i++) {
    await page.keyboard.press('Tab');
    onStart = await page.evaluate(() => document.activeElement?.dataset.testid === 'story-start');
  }
  assert.ok(onStart, 'Start reached by Tab');
  await page.keyboard.press('Enter');
  // Focus moves to the panel's heading; from there the arrows step.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'panel-heading');
  for (const [i, id] of READING.entries()) {
    await page.locator(`[data-testid=panel] [data-event-id="${id}"][aria-current=true]`).waitFor();
    if (i < READING.length - 1) await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid=panel]').count(), 0);
});

test('axe-core: no violations on the overview, an open event, the timeline, the phone layout and dark mode', async () => {
  const checks = [
    ['overview', {}, async () => {}],
    ['open event', {}, async (page) => {
      await page.locator('[data-testid=timeline-next]').click();
      await page.locator('[data-testid=panel] [aria-current=true]').waitFor();
    }],
    ['timeline focused', {}, async (page) => page.locator('[data-testid=timeline] [data-event-id]').first().focus()],
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async () => {}],
    ['dark mode', { colorScheme: 'dark' }, async (page) => {
      await page.locator('[data-testid=timeline-next]').click();
      await page.locator('[data-testid=panel] [aria-current=true]').waitFor();
    }],
  ];
  for (const [name, options, act] of checks) {
    const page = await openMap('/', options);
    await act(page);
    await settled(page);
    assert.deepEqual(await axeViolations(page), [], name);
    if (name === 'dark mode') await screenshot(page, 'dark.png');
    await page.close();
  }
});
