// Dateline Studio's quality: storage full or missing (told, still working),
// keyboard use with visible focus, axe-core on every state the issue names,
// the phone layout, and the reader's bundle carrying none of the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, axeViolations, screenshot } from './harness.mjs';
import { freshStudio, draftSeed, settle } from './studio-helpers.mjs';

const ctx = useServerAndBrowser();

test('full storage: the person is told, and nothing else breaks', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await draftSeed(page);
  const problem = page.getByTestId('storage-problem');
  assert.match(await problem.textContent(), /storage is full\. Download the story to keep it/);
  assert.equal(await problem.getAttribute('role'), 'alert');
  await page.locator('.st-event-row').first().click();
  await page.locator('#event-title').fill('Still editable');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.notEqual(await page.locator('#event-title').inputValue(), 'Still editable');
  assert.deepEqual(page.errors, []);
});

test('no storage at all: the person is told, and the Studio works in memory', async () => {
  const page = await openPage(ctx.browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto(`${ctx.server.url}/studio.html`);
  const problem = page.getByTestId('storage-problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /does not let the page keep your work/);
  await draftSeed(page);
  assert.ok((await page.locator('.st-place-name').count()) === 4);
  assert.deepEqual(page.errors, []);
});

test('damaged saved work is set aside with a message, not lost', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  await page.evaluate(() => localStorage.setItem('dateline-studio-work', '{"version": 1, "session": 3}'));
  await page.reload();
  assert.match(await page.getByTestId('notes').textContent(), /The saved work could not be read.*dateline-studio-unreadable/);
  assert.equal(await page.evaluate(() => localStorage.getItem('dateline-studio-unreadable')), '{"version": 1, "session": 3}');
  assert.deepEqual(page.errors, []);
});

test('keyboard only: review by Tab and Enter, undo by keys, focus always visible', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  await draftSeed(page);
  await page.locator('body').focus();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor };
    });
    // A ring that shows: drawn, at least 2 px wide, and not transparent.
    assert.notEqual(focus.outline, 'none', `focus shows on “${focus.text}”`);
    assert.ok(focus.width >= 2, `the focus ring on “${focus.text}” is ${focus.width} px wide`);
    assert.doesNotMatch(focus.colour, /rgba\(\d+, \d+, \d+, 0\)|transparent/, `the focus ring on “${focus.text}” is ${focus.colour}`);
    reached = focus.text === 'Vostochny, RU (2,500 people)';
  }
  assert.ok(reached, 'the candidate is reached by Tab');
  await page.keyboard.press('Enter');
  await page.getByTestId('story-list').getByTestId('place-review').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await page.getByTestId('story-list').getByTestId('place-review').waitFor();
  assert.deepEqual(page.errors, []);
});

test('axe-core: the start page, a draft under review, the event form with an error, the phone layout', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
    const page = await openPage(ctx.browser, { viewport });
    await freshStudio(page, ctx.server.url);
    assert.deepEqual(await axeViolations(page), [], `start page at ${viewport.width}`);
    await draftSeed(page);
    await settle(page);
    assert.deepEqual(await axeViolations(page), [], `review at ${viewport.width}`);
    await page.locator('.st-event-row').first().click();
    await page.locator('#event-date').fill('2019-13');
    await page.locator('#event-date-problems').getByText(/month 13/).waitFor();
    await settle(page);
    assert.deepEqual(await axeViolations(page), [], `event form with an error at ${viewport.width}`);
    if (viewport.width === 360) {
      // The panes stack: nothing is wider than the phone.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `page is ${wide} px wide`);
      await screenshot(page, 'studio-phone-360.png');
    }
    assert.deepEqual(page.errors, []);
  }
});

test("the reader's bundle carries none of the Studio, and index.html links to it", async () => {
  const reader = await readFile('dist/dateline_bg.wasm');
  for (const words of ['Place on the map', 'Draft the story', 'dateline-studio-work', 'gazetteer.tsv']) {
    assert.equal(reader.indexOf(Buffer.from(words)), -1, `“${words}” is not in the reader's wasm`);
  }
  const studio = await readFile('dist/studio_bg.wasm');
  assert.notEqual(studio.indexOf(Buffer.from('Place on the map')), -1);
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/`);
  await page.locator('[data-testid=marker]').first().waitFor();
  assert.ok(!page.requests.some((u) => /studio|gazetteer/.test(u)), 'the reader loads nothing of the Studio');
  await page.getByRole('link', { name: /Dateline Studio/ }).click();
  await page.getByLabel('Article text').waitFor();
  assert.deepEqual(page.errors, []);
});
