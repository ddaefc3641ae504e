// Maps made from script: `mount(element, options)` and its handle, the
// events a map sends, elements added and removed after load, teardown that
// leaves nothing behind, and the iframe embed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, NOT_FOUND } from './harness.mjs';

const ctx = useServerAndBrowser();
const article = JSON.parse(await readFile(new URL('../../assets/story.geojson', import.meta.url), 'utf8'));
const geojsonIo = JSON.parse(await readFile(new URL('../fixtures/geojson-io.geojson', import.meta.url), 'utf8'));

async function openApiPage(query = '') {
  const page = await openPage(ctx.browser, { viewport: { width: 1000, height: 900 } });
  await page.goto(`${ctx.server.url}/e2e/api.html${query}`);
  await page.waitForFunction(() => window.Dateline?.mount);
  // Every event any map sends, in order.
  await page.evaluate(() => {
    window.events = [];
    for (const name of ['dateline:ready', 'dateline:select', 'dateline:error']) {
      document.addEventListener(name, (e) => window.events.push({ name, id: e.target.id, detail: e.detail }));
    }
    window.addMapElement = (id) => {
      const el = document.createElement('div');
      el.id = id;
      el.style.width = '720px';
      el.style.height = '480px';
      document.getElementById('slot').append(el);
      return el;
    };
  });
  return page;
}

/** The event `id` of `story` (a canonical story file) as the API gives it. */
function summaryOf(story, id) {
  for (const f of story.features) {
    const e = f.properties.events.find((e) => e.id === id);
    if (e) return { id, placeId: f.id, title: e.title, date: e.date_text ?? e.date ?? null, place: f.properties.name, lonLat: f.geometry.coordinates };
  }
  throw new Error(`no event ${id}`);
}

const eventsNamed = (page, name) => page.evaluate((n) => window.events.filter((e) => e.name === n), name);

test('mount() takes a story object, resolves with a handle, and the map tells the page what happens', async () => {
  const page = await openApiPage();
  const ready = await page.evaluate(async (story) => {
    window.map = await window.Dateline.mount(window.addMapElement('a'), { story, cooperative: false });
    return window.events.find((e) => e.name === 'dateline:ready').detail;
  }, article);
  assert.deepEqual(ready, { places: 4, events: 7 });
  const map = page.locator('#a');
  assert.equal(await map.locator('[data-testid=marker]').count() >= 3, true);
  // The module's export and the global are the same function.
  assert.ok(await page.evaluate(async () => (await import('/dateline-embed.js')).mount === window.Dateline.mount));

  // select(): resolves once the event shows.
  await page.evaluate(() => window.map.select('kim-sees-aurus'));
  assert.equal(await map.locator('[data-testid=panel-heading]').textContent(), 'Vostochny Cosmodrome');
  assert.equal(await map.locator('[data-testid=event][aria-current=true]').getAttribute('data-event-id'), 'kim-sees-aurus');
  // The page's keyboard focus stays where it was.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  let selects = await eventsNamed(page, 'dateline:select');
  const kim = summaryOf(article, 'kim-sees-aurus');
  assert.equal(kim.place, 'Vostochny Cosmodrome');
  assert.deepEqual(selects.at(-1), { name: 'dateline:select', id: 'a', detail: { eventId: 'kim-sees-aurus', placeId: 'vostochny', event: kim } });

  // The story and its events, as plain data: the canonical file reads back
  // to the same events, in the reading order the timeline shows.
  const { story, events } = await page.evaluate(() => ({ story: window.map.story(), events: window.map.events() }));
  assert.equal(story.type, 'FeatureCollection');
  assert.equal(story.properties.title, article.properties.title);
  assert.deepEqual(story.features.map((f) => f.id), article.features.map((f) => f.id));
  assert.equal(Object.getPrototypeOf(story.features[0].properties), Object.prototype, 'plain objects, not Maps');
  assert.equal(events.length, 7);
  const dated = events.filter((e) => e.date).map((e) => e.date);
  assert.deepEqual(dated, [...dated].sort(), 'by date');
  assert.equal(events[0].id, 'putin-inauguration');
  assert.equal(events.at(-1).date, null, 'undated last');
  for (const e of events) assert.deepEqual(e, summaryOf(article, e.id));
  assert.deepEqual(events.map((e) => e.id), events.map((e) => summaryOf(story, e.id).id));

  // An unknown id rejects, and changes nothing.
  const unknown = await page.evaluate(() => window.map.select('no-such-event').then(() => 'resolved', (e) => e.message));
  assert.match(unknown, /no event with the id “no-such-event”/);
  assert.equal(await map.locator('[data-testid=panel-heading]').textContent(), 'Vostochny Cosmodrome');

  // A reader's click is reported too (from the whole story: Vostochny opened among its own neighbours).
  await map.locator('[data-testid=zoom-fit]').click();
  await map.locator('[data-testid=story-map]:not([data-moving])').waitFor();
  await map.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').click();
  await map.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
  selects = await eventsNamed(page, 'dateline:select');
  assert.deepEqual(selects.at(-1).detail, { eventId: 'medvedev-shows-aurus', placeId: 'ashgabat', event: summaryOf(article, 'medvedev-shows-aurus') });

  // overview(): the story's start; the page hears `null`.
  await page.evaluate(() => window.map.overview());
  assert.equal(await map.locator('[data-testid=panel-heading]').textContent(), article.properties.title);
  selects = await eventsNamed(page, 'dateline:select');
  assert.equal(selects.at(-1).detail, null);

  // setStory(): another story, from an object; resolves once it shows.
  const second = await page.evaluate((story) => window.map.setStory(story), geojsonIo);
  assert.deepEqual(second, { places: 2, events: 4 });
  await map.locator('[data-testid=marker]').first().waitFor();
  const names = await map.locator('[data-testid=marker]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' | '));
  assert.doesNotMatch(names, /Vostochny/);

  // An invalid story rejects with every problem; the map shows them; the page hears them.
  const bad = await page.evaluate(() =>
    window.map
      .setStory({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [200, 95] }, properties: { name: 'Nowhere', date: '2019-13' } }] })
      .then(() => null, (e) => ({ message: e.message, problems: e.problems })),
  );
  assert.ok(bad, 'setStory rejected');
  assert.match(bad.message, /cannot be shown/);
  assert.ok(bad.problems.length >= 2, bad.problems.join('\n'));
  assert.ok(bad.problems.some((p) => /2019-13/.test(p)), bad.problems.join('\n'));
  assert.ok(bad.problems.every((p) => /^Feature 0, field/.test(p)), bad.problems.join('\n'));
  const shown = await map.locator('[data-testid=story-error-item]').allTextContents();
  assert.deepEqual(shown, bad.problems);
  const errors = await eventsNamed(page, 'dateline:error');
  assert.deepEqual(errors.at(-1).detail.problems, bad.problems);

  // And back to a good story, from a URL.
  await page.evaluate(() => window.map.setStory('/story.geojson'));
  await map.locator('[data-testid=marker][aria-label^="Vostochny"]').waitFor();

  // destroy(): the element is left empty; the handle refuses further work.
  await page.evaluate(() => window.map.destroy());
  assert.equal(await map.evaluate((el) => el.childElementCount), 0);
  assert.equal(await map.getAttribute('data-dateline-mounted'), null);
  const after = await page.evaluate(() => window.map.select('kim-gift').then(() => 'resolved', (e) => e.message));
  assert.match(after, /destroyed/);
  assert.ok(await page.locator('#after').isVisible());
  assert.deepEqual(page.errors, []);
});

test('mount() rejects a bad story with its problems, and bad options with a clear message', async () => {
  const page = await openApiPage();
  const invalid = await page.evaluate(() =>
    window.Dateline.mount(window.addMapElement('bad'), { story: { type: 'Topology', objects: {} } })
      .then(() => null, (e) => ({ message: e.message, problems: e.problems, handle: typeof e.handle?.destroy })),
  );
  assert.ok(invalid);
  assert.ok(Array.isArray(invalid.problems) && invalid.problems.length >= 1);
  assert.match(invalid.problems[0], /FeatureCollection/);
  assert.equal(invalid.handle, 'function');
  assert.equal(await page.locator('#bad [data-testid=story-error]').count(), 1);

  const notAStory = await page.evaluate(() =>
    window.Dateline.mount(window.addMapElement('number'), { story: 42 }).then(() => null, (e) => e.message),
  );
  assert.match(notAStory, /story must be a story object \(GeoJSON\) or the URL/);
  const badOption = await page.evaluate(() =>
    window.Dateline.mount(window.addMapElement('option'), { cooperativ: false }).then(() => null, (e) => e.message),
  );
  assert.match(badOption, /unknown option “cooperativ”; the options are story, cooperative, event, links/);
  const wrongType = await page.evaluate(() =>
    window.Dateline.mount(window.addMapElement('typed'), { cooperative: 'yes' }).then(() => null, (e) => e.message),
  );
  assert.match(wrongType, /the option cooperative must be true or false, not "yes"/);
  // Not plain data: said in the widget and by the rejection.
  const notData = await page.evaluate(() =>
    window.Dateline.mount(window.addMapElement('fn'), { story: { type: 'FeatureCollection', features: [], onClick: () => 1 } })
      .then(() => null, (e) => [e.message, ...(e.problems ?? [])].join(' ')),
  );
  assert.match(notData, /story object could not be read: .*no functions or cycles/);
  assert.match(await page.locator('#fn [data-testid=story-error]').textContent(), /story object could not be read/);
  // A cycle, or runaway nesting, is refused before it reaches the reader (whose stack it would exhaust).
  const cyclic = await page.evaluate(() => {
    const story = { type: 'FeatureCollection', features: [] };
    story.features.push({ type: 'Feature', parent: story });
    return window.Dateline.mount(window.addMapElement('cycle'), { story }).then(() => null, (e) => e.message);
  });
  assert.match(cyclic, /story object contains itself \(a cycle\)/);
  const deep = await page.evaluate(() => {
    let nested = {};
    for (let i = 0; i < 100000; i += 1) nested = { nested };
    return window.Dateline.mount(window.addMapElement('deep'), { story: { type: 'FeatureCollection', features: [nested] } })
      .then(() => null, (e) => e.message);
  });
  assert.match(deep, /nests deeper than 64 levels/);
  // Options: an object or list given where a word is wanted is named as such.
  const objectOption = await page.evaluate(() =>
    window.Dateline.mount(window.addMapElement('objopt'), { lang: { self: window } }).then(() => null, (e) => e.message),
  );
  assert.match(objectOption, /the option lang must be a language tag such as "en" or "ru", not an object/);
  const functionOption = await page.evaluate(() =>
    window.Dateline.mount(window.addMapElement('fnopt'), { event: () => 'kim-gift' }).then(() => null, (e) => e.message),
  );
  assert.match(functionOption, /the option event must be an event id, not a function/);
  const listOption = await page.evaluate(() => {
    const list = [];
    list.push(list);
    return window.Dateline.mount(window.addMapElement('listopt'), { links: list }).then(() => null, (e) => e.message);
  });
  assert.match(listOption, /the option links must be true or false, not a list/);
  const twice = await page.evaluate(async () => {
    const el = window.addMapElement('twice');
    await window.Dateline.mount(el);
    return window.Dateline.mount(el).then(() => null, (e) => e.message);
  });
  assert.match(twice, /already has a map/);
  const notAnElement = await page.evaluate(() => window.Dateline.mount('#twice').then(() => null, (e) => e.message));
  assert.match(notAnElement, /must be an element/);
  // The first event to open, by option.
  await page.evaluate(() => window.Dateline.mount(window.addMapElement('first'), { event: 'kim-gift' }));
  assert.equal(await page.locator('#first [data-testid=event][aria-current=true]').getAttribute('data-event-id'), 'kim-gift');
  // Only the failed fetch of nothing: no errors on the console.
  assert.deepEqual(page.errors, []);
});

test('elements added after load become maps; removed ones are destroyed', async () => {
  const page = await openApiPage();
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'late';
    el.dataset.dateline = '';
    el.dataset.story = '/story.geojson';
    el.dataset.event = 'kim-sees-aurus';
    el.style.height = '420px';
    document.getElementById('slot').append(el);
  });
  const late = page.locator('#late');
  // data-event opened that event first, framed among the names around it.
  await late.locator('[data-testid=marker][aria-label^="Vostochny"]').waitFor();
  assert.equal(await late.locator('[data-testid=event][aria-current=true]').getAttribute('data-event-id'), 'kim-sees-aurus');
  // Inside a container added later, too.
  await page.evaluate(() => {
    const box = document.createElement('section');
    box.innerHTML = '<div id="nested" data-dateline data-links="off" data-cooperative="off"></div>';
    box.firstElementChild.style.height = '400px';
    document.getElementById('slot').append(box);
  });
  await page.locator('#nested [data-testid=marker]').first().waitFor();
  // data-links="off": choosing an event leaves the page's URL alone.
  await page.locator('#nested [data-testid=story-start]').click();
  await page.locator('#nested [data-testid=event][aria-current=true]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).hash, '');
  const ready = await eventsNamed(page, 'dateline:ready');
  assert.deepEqual(ready.map((e) => e.id).sort(), ['late', 'nested']);

  // Moving a map keeps it; removing it destroys it.
  await page.evaluate(() => document.getElementById('slot').prepend(document.getElementById('nested').parentElement));
  await page.waitForTimeout(100);
  assert.ok(await page.locator('#nested [data-testid=marker]').count());
  const removed = await page.evaluate(async () => {
    const el = document.getElementById('late');
    window.lateEl = el;
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return { children: el.childElementCount, mounted: el.hasAttribute('data-dateline-mounted') };
  });
  assert.deepEqual(removed, { children: 0, mounted: false });
  // Put back, it is a map again.
  await page.evaluate(() => document.getElementById('slot').append(window.lateEl));
  await late.locator('[data-testid=marker][aria-label^="Vostochny"]').waitFor();
  assert.deepEqual(page.errors, []);
});

test('60 mounts and destroys leave nothing behind (listeners, nodes, JS heap)', async () => {
  const page = await openApiPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cycle = (n) =>
    page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) {
        const el = window.addMapElement(`cycle-${i}`);
        const map = await window.Dateline.mount(el, { story: '/story.geojson' });
        await map.select('kim-gift');
        map.destroy();
        el.remove();
      }
      window.events.length = 0;
    }, n);
  const measure = async () => {
    // Let the last widget's pending frames and timers run out, so what it
    // held can be collected before counting (else a count depends on timing).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(500);
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(100);
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name).value;
    return { listeners: get('JSEventListeners'), nodes: get('Nodes'), heap: get('JSHeapUsedSize') };
  };
  // Warm up: the module compiled, one instance made, its caches (view
  // templates, compiled code) filled.
  await cycle(5);
  const before = await measure();
  await cycle(60);
  const after = await measure();
  console.log(`teardown: before ${JSON.stringify(before)}, after 60 cycles ${JSON.stringify(after)}`);
  assert.equal(after.listeners, before.listeners, 'event listeners');
  assert.ok(after.nodes <= before.nodes + 5, `DOM nodes: ${before.nodes} → ${after.nodes}`);
  assert.ok(after.heap <= before.heap * 1.08, `JS heap: ${before.heap} → ${after.heap}`);
  // One instance served all 60 maps.
  const instances = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /dateline\.js\?widget=/.test(r.name)).length);
  assert.equal(instances, 1);
  assert.deepEqual(page.errors, []);
});

test('a panic inside one map: that map says so, the others and the page go on, and its instance is never reused', async () => {
  // A real panic, where the reader opens an event (the page's address asks for it).
  const page = await openApiPage('?test-panic=open:kim-gift');
  page.expectError(/test panic at open:kim-gift/);
  page.expectError(/unreachable|RuntimeError/);
  // The loader's own line when it clears up after a broken instance.
  page.expectError(/^Dateline: Error: recursive use of an object/);
  const instances = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /dateline\.js\?widget=/.test(r.name)).length);
  await page.evaluate(async () => {
    window.first = await window.Dateline.mount(window.addMapElement('first'));
    window.second = await window.Dateline.mount(window.addMapElement('second'));
  });
  assert.equal(await instances(), 2, 'an instance each');
  const thrown = await page.evaluate(() => window.first.select('kim-gift').then(() => null, (e) => String(e)));
  assert.ok(thrown, 'select() rejects when the map breaks under it');
  const crash = page.locator('#first [data-testid=crash]');
  await crash.waitFor();
  assert.equal(await crash.getAttribute('role'), 'alert');
  assert.match(await crash.textContent(), /This map stopped working because of an internal error; the rest of the page is not affected\..*test panic at open:kim-gift/s);
  // The other map, in its own instance, works on, by script and by click.
  const second = page.locator('#second');
  await page.evaluate(() => window.second.select('kim-sees-aurus'));
  assert.equal(await second.locator('[data-testid=panel-heading]').textContent(), 'Vostochny Cosmodrome');
  await second.locator('[data-testid=zoom-fit]').click();
  await second.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').click();
  await second.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
  assert.equal(await second.locator('[data-testid=crash]').count(), 0);
  // Destroying the broken map clears its element; the next map gets a new
  // instance, not the broken one, and works.
  await page.evaluate(() => window.first.destroy());
  assert.equal(await page.locator('#first').evaluate((el) => el.childElementCount), 0);
  await page.evaluate(async () => {
    window.third = await window.Dateline.mount(window.addMapElement('third'));
    await window.third.select('kim-sees-aurus');
  });
  assert.equal(await instances(), 3, 'a fresh instance for the next map');
  assert.equal(await page.locator('#third [data-testid=panel-heading]').textContent(), 'Vostochny Cosmodrome');
  assert.ok(await page.locator('#after').isVisible(), 'the page around the maps is untouched');
});

test('the iframe embed fills its frame, and #event= links work inside it', async () => {
  const page = await openPage(ctx.browser, { viewport: { width: 900, height: 800 } });
  await page.goto(`${ctx.server.url}/e2e/iframe.html`);
  const frame = page.frameLocator('#frame');
  await frame.locator('[data-testid=marker]').first().waitFor();
  const box = await page.locator('#frame').boundingBox();
  const widget = await frame.locator('[data-testid=dateline]').boundingBox();
  assert.ok(Math.abs(widget.width - box.width) < 1 && Math.abs(widget.height - box.height) < 1, `${JSON.stringify(widget)} in ${JSON.stringify(box)}`);
  // A click writes the link inside the frame…
  await frame.locator('[data-testid=marker][aria-label^="Ashgabat"] .dl-marker-dot').click();
  await frame.locator('[data-testid=panel-heading]', { hasText: 'Ashgabat' }).waitFor();
  const inner = page.frames().find((f) => new URL(f.url()).pathname === '/frame.html');
  await inner.waitForFunction(() => location.hash === '#event=medvedev-shows-aurus');
  // …and a link opens its event.
  await page.evaluate(() => {
    document.getElementById('frame').src = '/frame.html?story=story.geojson#event=kim-gift';
  });
  await frame.locator('[data-testid=panel] [data-event-id=kim-gift][aria-current=true]').waitFor();
  assert.equal(await frame.locator('[data-testid=panel-heading]').textContent(), 'Moscow');
  // A story that is not there: its problem shows inside the frame.
  page.expectError(NOT_FOUND);
  await page.evaluate(() => {
    document.getElementById('frame').src = '/frame.html?story=missing.geojson';
  });
  await frame.locator('[data-testid=story-error]').waitFor();
  assert.match(await frame.locator('[data-testid=story-error]').textContent(), /missing\.geojson.*404/);
});
