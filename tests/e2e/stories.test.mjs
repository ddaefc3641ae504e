// Stories from what newsrooms already have: a StoryMapJS file, a TimelineJS
// sheet, an inline spreadsheet, and events with photos, a video and a
// journey line (tests/e2e/pages/stories.html).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, axeViolations, NOT_FOUND } from './harness.mjs';

const ctx = useServerAndBrowser();
const settled = (map) => map.locator('[data-testid=story-map]:not([data-moving])').waitFor();

async function openStories() {
  const page = await openPage(ctx.browser, { viewport: { width: 900, height: 900 } });
  page.warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') page.warnings.push(msg.text());
  });
  await page.goto(`${ctx.server.url}/e2e/stories.html`);
  for (const id of ['#storymap', '#sheet', '#inline-sheet', '#media', '#media-ar']) {
    await page.locator(`${id} [data-testid=marker]`).first().waitFor();
  }
  return page;
}

/** Opens the place `name` of `map` through its marker (all its places are apart at the whole view). */
async function openPlace(map, name) {
  await map.locator('[data-testid=zoom-fit]').click();
  await settled(map);
  await map.locator(`[data-testid=marker][data-kind=place][aria-label^="${name}"] .dl-marker-dot`).click();
  await map.locator('[data-testid=panel-heading]', { hasText: name }).waitFor();
}

test('a StoryMapJS file shows as a story, its HTML kept for its meaning and never as markup', async () => {
  const page = await openStories();
  const map = page.locator('#storymap');
  // The overview slide is the story's title and summary.
  assert.equal(await map.locator('[data-testid=panel-heading]').textContent(), 'The Aurus, told in StoryMapJS');
  assert.match(await map.locator('.dl-story-summary').textContent(), /shown by Dateline/);
  assert.equal(await map.locator('.dl-story-summary strong').textContent(), 'shown by Dateline');
  // The slide without a location is left out, and the overview says so.
  const notices = await map.locator('[data-testid=import-notice]').allTextContents();
  assert.equal(notices.length, 1, notices.join('\n'));
  assert.match(notices[0], /^Slide 4, field "location": the slide has no location/);
  const names = await map.locator('[data-testid=marker]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(names.sort(), ['Ashgabat: 1 event', 'Moscow: 1 event', 'Vostochny: 1 event']);

  await openPlace(map, 'Moscow');
  const summary = map.locator('[data-testid=panel] .dl-event-summary');
  assert.equal(await map.locator('[data-testid=event-date]').textContent(), '7 May 2018');
  assert.equal(await summary.locator('strong').first().textContent(), 'Aurus Senat');
  assert.equal(await summary.locator('em').first().textContent(), 'new');
  assert.deepEqual(await map.locator('[data-testid=panel] .dl-rich-list li').allTextContents(), ['Made by NAMI', 'Armoured']);
  // The web link is a link; the javascript: one is its words only; nothing ran.
  const hrefs = await map.locator('[data-testid=panel] .dl-event-summary a').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://tass.com/politics/1749135']);
  assert.match(await summary.last().textContent(), /a trap/);
  assert.equal(await map.locator('[data-testid=panel] script, [data-testid=panel] [onerror]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Its photo, from a path relative to the story file, with its credit as text.
  await map.locator('[data-testid=event-image]').waitFor();
  assert.match(await map.locator('[data-testid=event-image]').getAttribute('src'), /\/fixtures\/media\/aurus\.png$/);
  assert.equal(await map.locator('[data-testid=event-media] .dl-media-credit').textContent(), 'Photo: test fixture');

  // A free-text date stays as written, and the event is undated on the timeline.
  await openPlace(map, 'Ashgabat');
  assert.equal(await map.locator('[data-testid=event-date]').textContent(), 'Spring 2022');
  await map.locator('[data-testid=timeline-toggle]').click();
  assert.match(await map.locator('[data-testid=timeline-undated]').textContent(), /^Spring 2022: Sold to Turkmenistan/);
  // A StoryMapJS story draws its line.
  assert.ok((await map.locator('[data-testid=journey]').getAttribute('d')).startsWith('M'));
  assert.deepEqual(page.errors, []);
});

test('a TimelineJS sheet and a spreadsheet in the page show as stories', async () => {
  const page = await openStories();
  const sheet = page.locator('#sheet');
  assert.equal(await sheet.locator('[data-testid=panel-heading]').textContent(), "Aurus, the Kremlin's limousine");
  assert.match(await sheet.locator('[data-testid=story-facts]').textContent(), /7 May 2018/);
  // The era row is left out, with a notice naming its row.
  const notices = await sheet.locator('[data-testid=import-notice]').allTextContents();
  assert.ok(notices.some((n) => /^Row \d+/.test(n)), notices.join('\n'));
  // Partial dates keep their precision on the timeline.
  const precisions = await sheet.locator('[data-testid=timeline-event]').evaluateAll((els) => els.map((e) => e.dataset.precision));
  assert.ok(precisions.includes('year') && precisions.includes('month') && precisions.includes('day'), precisions.join());

  const inline = page.locator('#inline-sheet');
  const names = await inline.locator('[data-testid=marker]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(names, ['Moscow and Zhukovsky: 2 places, 2 events']);
  assert.deepEqual(page.errors, []);
});

test('the importers are loaded once, only for a StoryMapJS file or a spreadsheet; if they cannot be, those maps say so and the rest show', async () => {
  const importer = (page) => page.requests.filter((u) => /\/dateline-import(_bg\.wasm|\.js)$/.test(u));
  // A GeoJSON story's page never asks for them.
  const plain = await openPage(ctx.browser);
  await plain.goto(`${ctx.server.url}/index.html`);
  await plain.locator('[data-testid=marker]').first().waitFor();
  await plain.waitForTimeout(300);
  assert.deepEqual(importer(plain), []);
  await plain.context().close();

  // Three imported stories on one page share one load.
  const page = await openStories();
  assert.equal(importer(page).filter((u) => u.endsWith('.wasm')).length, 1, importer(page).join('\n'));
  await page.context().close();

  // Blocked (a host that copied only part of dist/): the imported maps explain, the others work.
  const blocked = await openPage(ctx.browser, { viewport: { width: 900, height: 900 } });
  await blocked.route('**/dateline-import_bg.wasm', (route) => route.abort());
  blocked.expectError(/net::ERR_FAILED \(.*\/dateline-import_bg\.wasm\)/);
  await blocked.goto(`${ctx.server.url}/e2e/stories.html`);
  for (const id of ['#storymap', '#sheet', '#inline-sheet']) {
    const error = blocked.locator(`${id} [data-testid=story-error]`);
    await error.waitFor();
    assert.match(await error.textContent(), /dateline-import\.js\) could not be loaded: .+\. Check that it and dateline-import_bg\.wasm are next to dateline\.js/);
  }
  await blocked.locator('#media [data-testid=marker]').first().waitFor();
  assert.ok(await blocked.locator('#after').isVisible());
  await blocked.context().close();
});

test('photos load only when shown, with alt, caption and credit; a broken one keeps its words; a video is a link', async () => {
  const page = await openStories();
  const map = page.locator('#media');
  const photoRequests = () => page.requests.filter((u) => /\/fixtures\/media\//.test(u));
  // Nothing is fetched for pictures until their event is shown (the StoryMapJS widget has not opened Moscow either).
  assert.deepEqual(photoRequests(), []);
  await openPlace(map, 'Moscow');
  const img = map.locator('[data-testid=event-image]');
  await img.waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('#media [data-testid=event-image]')].every((i) => i.complete && i.naturalWidth > 0));
  assert.equal(await img.getAttribute('alt'), 'The Aurus Senat outside the Kremlin');
  assert.equal(await img.getAttribute('loading'), 'lazy');
  // The photo's `link` wraps it, opening in a new tab.
  const imageLink = map.locator('[data-testid=event-image-link]');
  assert.equal(await imageLink.getAttribute('href'), 'https://tass.com/politics/1749135');
  assert.equal(await imageLink.getAttribute('target'), '_blank');
  assert.match(await map.locator('[data-testid=event-media]').textContent(), /The Senat at the Kremlin.*Photo: test fixture/);
  assert.ok(photoRequests().some((u) => u.endsWith('/fixtures/media/aurus.png')));

  await openPlace(map, 'Vostochny');
  const media = map.locator('[data-testid=event-media]');
  await page.waitForFunction(() => document.querySelector('#media [data-testid=event-media][data-broken=true]'));
  const broken = map.locator('[data-testid=event-media][data-broken=true]');
  assert.equal(await broken.locator('img').count(), 0, 'no broken-image icon');
  assert.match(await broken.textContent(), /A picture that is not there.*Photo: nobody/);
  const card = map.locator('[data-testid=event-media-link]');
  assert.equal(await card.getAttribute('href'), 'https://www.youtube.com/watch?v=aurus');
  assert.match(await card.textContent(), /The visit on video.*www\.youtube\.com/);
  assert.equal(await media.count(), 2);
  // The missing alt was reported once.
  assert.equal(page.warnings.filter((w) => /has no "alt" text/.test(w)).length, 1, page.warnings.join('\n'));
  assert.deepEqual(await axeViolations(page, '#media'), []);
  // The only error is the missing picture's 404.
  page.expectError(NOT_FOUND);
});

test('a journey line joins the places in reading order, under the markers; the open leg stands out', async () => {
  const page = await openStories();
  const map = page.locator('#media');
  const whole = await map.locator('[data-testid=journey]').getAttribute('d');
  // Moscow → Ashgabat → Vostochny → Ashgabat: three legs.
  assert.equal(whole.match(/M/g).length >= 3, true, whole);
  assert.equal(await map.locator('[data-testid=journey-current]').getAttribute('d'), '');
  await openPlace(map, 'Vostochny');
  const leg = await map.locator('[data-testid=journey-current]').getAttribute('d');
  assert.ok(leg.startsWith('M') && whole.includes(leg), leg);
  // The line is drawn at the same pixel width at any zoom, and never takes a marker's tap.
  const style = await map.locator('[data-testid=journey]').evaluate((p) => getComputedStyle(p).vectorEffect);
  assert.equal(style, 'non-scaling-stroke');
  const onTop = await map.locator('[data-testid=marker][aria-label^="Vostochny"]').evaluate((el) => {
    const r = el.querySelector('.dl-marker-dot').getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('[data-testid=marker]') === el;
  });
  assert.ok(onTop);
  // The line starts at the first place's marker, in a left-to-right widget and
  // in a right-to-left one (whose map must not be mirrored or shifted).
  for (const id of ['#media', '#media-ar']) {
    const widget = page.locator(id);
    await widget.locator('[data-testid=zoom-fit]').click();
    await settled(widget);
    assert.ok((await lineStartToMarker(widget, 'Moscow')) < 3, `${id}: the line starts at Moscow's marker`);
    // Every leg, in reading order: Moscow (2018), Ashgabat (2022), Vostochny
    // (2023), then Ashgabat again for its undated event, which comes last.
    const legs = await journeyLegs(widget);
    assert.deepEqual(legs.map((l) => `${l.from} → ${l.to}`), ['Moscow → Ashgabat', 'Ashgabat → Vostochny', 'Vostochny → Ashgabat'], `${id}: ${JSON.stringify(legs)}`);
    assert.ok(legs.every((l) => l.off < 3), `${id}: every leg ends at its markers: ${JSON.stringify(legs)}`);
  }
  page.expectError(NOT_FOUND);
});

/** The journey line's legs (its subpaths) as the places nearest their ends, and how far off (px) the farthest end is. */
function journeyLegs(map) {
  return map.evaluate((root) => {
    const path = root.querySelector('[data-testid=journey]');
    const ctm = path.getScreenCTM();
    const dots = [...root.querySelectorAll('[data-testid=marker][data-kind=place]')].map((m) => {
      const r = m.querySelector('.dl-marker-dot').getBoundingClientRect();
      const label = m.getAttribute('aria-label');
      return { name: ['Moscow', 'Ashgabat', 'Vostochny'].find((n) => label.startsWith(n)) ?? label, x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const nearest = ([x, y]) => {
      const p = new DOMPoint(x, y).matrixTransform(ctm);
      return dots.map((d) => ({ name: d.name, off: Math.hypot(d.x - p.x, d.y - p.y) })).sort((a, b) => a.off - b.off)[0];
    };
    return path.getAttribute('d').split(/(?=M)/).map((sub) => {
      const n = sub.match(/-?\d+(\.\d+)?/g).map(Number);
      const from = nearest([n[0], n[1]]);
      const to = nearest([n.at(-2), n.at(-1)]);
      return { from: from.name, to: to.name, off: Math.max(from.off, to.off) };
    });
  });
}

/** How far, in pixels, the journey line's first point is from the centre of the dot of place `name`. */
function lineStartToMarker(map, name) {
  return map.evaluate((root, name) => {
    const path = root.querySelector('[data-testid=journey]');
    const start = path.getPointAtLength(0);
    const onScreen = new DOMPoint(start.x, start.y).matrixTransform(path.getScreenCTM());
    const dot = root.querySelector(`[data-testid=marker][aria-label^="${name}"] .dl-marker-dot`).getBoundingClientRect();
    return Math.hypot(onScreen.x - (dot.x + dot.width / 2), onScreen.y - (dot.y + dot.height / 2));
  }, name);
}

test('in a phone column with a place open, every marker above the sheet can be tapped (the credit does not take taps)', async () => {
  const page = await openPage(ctx.browser, { viewport: { width: 400, height: 900 } });
  await page.goto(`${ctx.server.url}/e2e/stories.html`);
  await page.addStyleTag({ content: '#media { width: 375px; height: 480px; }' });
  const map = page.locator('#media');
  await map.locator('[data-testid=marker]').first().waitFor();
  await map.scrollIntoViewIfNeeded();
  await openPlace(map, 'Moscow');
  await settled(map);
  const above = () => map.evaluate((root) => {
    const sheet = root.querySelector('[data-testid=panel]').getBoundingClientRect();
    const box = root.querySelector('[data-testid=story-map]').getBoundingClientRect();
    return [...root.querySelectorAll('[data-testid=marker]')].flatMap((marker) => {
      const r = marker.querySelector('.dl-marker-dot').getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      if (y >= sheet.top || x < box.left || x > box.right || y < box.top) return [];
      const top = document.elementFromPoint(x, y);
      return [{ label: marker.getAttribute('aria-label'), ok: top?.closest('[data-testid=marker]') === marker, top: top?.className }];
    });
  });
  // A place opens among the names around it; zoomed out, its neighbours join it.
  let hits = await above();
  for (let i = 0; i < 6 && hits.length < 2; i++) {
    await map.locator('[data-testid=zoom-out]').click();
    await settled(map);
    hits = await above();
  }
  assert.ok(hits.length >= 2, JSON.stringify(hits));
  for (const hit of hits) assert.ok(hit.ok, `${hit.label} is covered by ${hit.top}`);
});
