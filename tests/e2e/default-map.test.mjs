// The article's map on the default page (dist/index.html): what a reader sees and does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, axeViolations, screenshot } from './harness.mjs';

const story = JSON.parse(await readFile(new URL('../../assets/story.geojson', import.meta.url), 'utf8'));
const place = (id) => story.features.find((f) => f.id === id).properties;
// The dates as the article gives them, at their precision, in date order per place.
const expected = {
  moscow: ['7 May 2018', '20 February 2024', 'undated'],
  vostochny: ['September 2023'],
  ashgabat: ['2019', '10 June 2022'],
  zhukovsky: ['August 2019'],
};

/** Waits until no flight is under way. */
const settled = (page) => page.locator('[data-testid=story-map]:not([data-moving])').first().waitFor();

const ctx = useServerAndBrowser();

async function openMap(options) {
  const page = await openPage(ctx.browser, options);
  await page.goto(`${ctx.server.url}/`);
  await page.locator('[data-testid=marker]').first().waitFor();
  return page;
}

const panelDates = (page) =>
  page.locator('[data-testid=panel] [data-testid=event-date]').evaluateAll((els) => els.map((e) => e.textContent.trim()));
const panelTitles = (page) =>
  page.locator('[data-testid=panel] [data-testid=event-title]').evaluateAll((els) => els.map((e) => e.textContent.trim()));
const titlesOf = (id) => {
  const events = place(id).events;
  return expected[id].map((d) => events.find((e) => formatDate(e.date) === d).title);
};
function formatDate(iso) {
  if (!iso) return 'undated';
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = iso.split('-');
  if (d) return `${Number(d)} ${months[m - 1]} ${y}`;
  if (m) return `${months[m - 1]} ${y}`;
  return y;
}

/** Opens a place: directly, or by first opening the cluster it is in (two clicks at most). */
async function openPlace(page, name) {
  await settled(page);
  const direct = page.locator(`[data-testid=marker][data-kind=place][aria-label^="${name}:"]`);
  const cluster = page.locator(`[data-testid=marker][data-kind=cluster][aria-label*="${name}"]`);
  // From the whole story (an earlier fly-to may have taken it out of view).
  await page.locator('[data-testid=zoom-fit]').click();
  await settled(page);
  if (!(await direct.count())) {
    await cluster.click();
    await settled(page);
  }
  await direct.click();
  await page.locator('[data-testid=panel-heading]', { hasText: name }).waitFor();
}

test('the four places are on the map, none hiding another, all inside the view', async () => {
  const page = await openMap();
  const markers = page.locator('[data-testid=marker]');
  const labels = await markers.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  for (const name of ['Moscow', 'Vostochny', 'Ashgabat', 'Zhukovsky']) {
    assert.ok(labels.some((l) => l.includes(name)), `${name} in ${labels}`);
  }
  // Moscow and Zhukovsky (40 km apart) share one cluster marker instead of covering each other.
  assert.ok(labels.some((l) => /Moscow and Zhukovsky: 2 places, 4 events/.test(l)), labels.join(' | '));
  const boxes = await markers.evaluateAll((els) =>
    els.map((e) => e.querySelector('.dl-marker-dot').getBoundingClientRect().toJSON()),
  );
  for (const b of boxes) {
    assert.ok(b.left >= 0 && b.top >= 0 && b.right <= 1280 && b.bottom <= 800, `inside view: ${JSON.stringify(b)}`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      assert.ok(!overlap, `markers ${i} and ${j} overlap`);
    }
  }
  assert.match(await page.locator('.dl-attribution').textContent(), /Natural Earth/);
  await screenshot(page, 'article-map.png');
  assert.deepEqual(page.errors, []);
});

test('clicking each place shows its events with dates at their precision, in date order', async () => {
  const page = await openMap();
  for (const [id, dates] of Object.entries(expected)) {
    const name = place(id).name;
    await openPlace(page, name);
    assert.deepEqual(await panelDates(page), dates, name);
    assert.deepEqual(await panelTitles(page), titlesOf(id), name);
  }
  // The last opened place's quote and people are shown as text with their source.
  const panel = page.locator('[data-testid=panel]');
  assert.match(await panel.textContent(), /People: .*Vladimir Putin/);
  assert.match(await panel.locator('figcaption').first().textContent(), /TASS, 20 February 2024/);
  assert.equal(await panel.locator('blockquote').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('the selected marker is marked, another marker switches the panel, close button closes', async () => {
  const page = await openMap();
  const ashgabat = page.locator('[data-testid=marker][aria-label^="Ashgabat:"]');
  const vostochny = page.locator('[data-testid=marker][aria-label^="Vostochny"]');
  await openPlace(page, 'Ashgabat');
  assert.equal(await ashgabat.getAttribute('aria-expanded'), 'true');
  assert.match(await ashgabat.getAttribute('class'), /dl-marker-selected/);
  // The map flew to Ashgabat; Vostochny is reached through "whole story".
  await openPlace(page, 'Vostochny Cosmodrome');
  assert.equal(await ashgabat.getAttribute('aria-expanded'), 'false');
  assert.equal(await vostochny.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('[data-testid=panel]').count(), 1);
  await page.locator('[data-testid=panel-close]').click();
  assert.equal(await page.locator('[data-testid=panel]').count(), 0);
  assert.equal(await vostochny.getAttribute('aria-expanded'), 'false');
});

test('keyboard: Tab to a marker, Enter opens, Escape closes and returns focus', async () => {
  const page = await openMap();
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  let label;
  for (let i = 0; i < 10 && !(label && label.startsWith('Ashgabat')); i++) {
    await page.keyboard.press('Tab');
    label = await focusedLabel();
  }
  assert.ok(label?.startsWith('Ashgabat'), `reached Ashgabat by Tab (last focus: ${label})`);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'panel-heading');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid=panel]').count(), 0);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Ashgabat'));

  // Space works too: the cluster zooms in and hands focus to its main place.
  await page.locator('[data-testid=marker][data-kind=cluster]').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Moscow:'));
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=panel-heading]', { hasText: 'Moscow' }).waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Moscow:'));
});

test('text is text: story strings are never parsed as HTML', async () => {
  // Every string a reader sees, written as markup that would run if parsed.
  const evil = (what) => `<img src=x onerror="window.hacked='${what}'"><script>window.hacked='${what}'</script>${what}`;
  const marked = {
    type: 'FeatureCollection',
    properties: { title: evil('Story'), summary: evil('Summary') },
    features: [
      {
        type: 'Feature', id: 'm', geometry: { type: 'Point', coordinates: [37.6175, 55.752] },
        properties: {
          name: evil('Moscow'),
          events: [{
            id: 'e', title: evil('Title'), date: '2018-05-07', summary: evil('Text'), people: [evil('Person')],
            source: { name: evil('Source'), url: 'https://tass.com/', quote: evil('Quote') },
          }],
        },
      },
      { type: 'Feature', id: 'z', geometry: { type: 'Point', coordinates: [38.12, 55.6] }, properties: { name: 'Zhukovsky', title: 'Another', date: '2019' } },
    ],
  };
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.url}/e2e/api.html`);
  await page.waitForFunction(() => window.Dateline?.mount);
  await page.evaluate(async (story) => {
    const el = document.createElement('div');
    el.id = 'marked';
    el.style.height = '600px';
    document.getElementById('slot').append(el);
    window.map = await window.Dateline.mount(el, { story });
    await window.map.select('e');
  }, marked);
  const widget = page.locator('#marked');
  const text = await widget.textContent();
  for (const what of ['Moscow', 'Title', 'Text', 'Person', 'Source', 'Quote']) {
    assert.ok(text.includes(`<script>window.hacked='${what}'</script>${what}`), `${what} shown as text`);
  }
  assert.ok((await widget.locator('[data-testid=panel-heading]').textContent()).includes('<img src=x'), 'the heading shows the markup as text');
  const label = await widget.locator('[data-testid=marker]').first().getAttribute('aria-label');
  assert.ok(label.includes('<img'), label);
  assert.equal(await widget.locator('script, img[src=x], [onerror]').count(), 0, 'no element made from story text');
  assert.equal(await page.evaluate(() => window.hacked), undefined, 'nothing ran');
  // And in the built-in article, every link in the panel is http(s).
  const article = await openMap();
  await openPlace(article, 'Moscow');
  const hrefs = await article.locator('[data-testid=panel] a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => /^https?:\/\//.test(h)), hrefs.join());
});

test('no request leaves the page origin (the basemap is embedded)', async () => {
  const page = await openMap();
  await openPlace(page, 'Zhukovsky');
  const foreign = page.requests.filter((u) => !u.startsWith(ctx.server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
});

test('the view fits the places at any container size, and re-fits on resize', async () => {
  const page = await openMap({ viewport: { width: 390, height: 700 } });
  const inside = async (w, h) => {
    const boxes = await page.locator('.dl-marker-dot').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    return boxes.every((b) => b.left >= 0 && b.top >= 0 && b.right <= w && b.bottom <= h);
  };
  assert.ok(await inside(390, 700));
  await page.setViewportSize({ width: 1600, height: 500 });
  await page.waitForFunction(() => {
    const xs = [...document.querySelectorAll('.dl-marker-dot')].map((e) => e.getBoundingClientRect().right);
    return Math.max(...xs) > 800;
  });
  assert.ok(await inside(1600, 500));
});

test('axe-core finds no violations on the default page with a panel open', async () => {
  const page = await openMap();
  await openPlace(page, 'Moscow');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, []);
  await screenshot(page, 'article-map-panel.png');
});
