// Dateline Studio as a journalist uses it: paste the article, draft, review
// Vostochny (a candidate, then on the map, then by dragging its marker),
// fix a title, undo and redo, reload, take the story away and check it in
// the reader's widget; open StoryMapJS and CSV files; see a bad edit's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openPage, screenshot, NOT_FOUND } from './harness.mjs';
import { freshStudio, draftSeed, projection, placeInForm, settle, markerCenter, wholeStory, formPosition, seedArticle } from './studio-helpers.mjs';

const ctx = useServerAndBrowser();

test('draft, review, edit, undo, reload and take the story away', async () => {
  const page = await openPage(ctx.browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await freshStudio(page, ctx.server.url);
  const ms = await draftSeed(page);
  console.log(`# drafting the seed article and showing the review: ${ms} ms`);
  const list = page.getByTestId('story-list');
  // The place to review comes first, with its reason and candidates.
  assert.equal(await list.locator('.st-place-name').first().textContent(), 'Vostochny Spaceport');
  const review = list.getByTestId('place-review');
  assert.match(await review.textContent(), /Check where it is/);
  await page.waitForTimeout(300);
  await screenshot(page, 'studio-review-1280.png');

  // A candidate moves it there and settles the review; undo brings the review back.
  const before = await placeInForm(page, 'Vostochny Spaceport');
  await review.getByRole('button', { name: 'Vostochny, RU (2,500 people)' }).click();
  assert.equal(await list.getByTestId('place-review').count(), 0);
  const chosen = await placeInForm(page, 'Vostochny Spaceport');
  assert.notDeepEqual([chosen.lon, chosen.lat], [before.lon, before.lat]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await list.getByTestId('place-review').waitFor();

  // Place on the map: the place goes where the map is clicked.
  await settle(page);
  const ashgabat = { name: 'Ashgabat', lon: 58.3833, lat: 37.95 };
  const vostochny = await placeInForm(page, 'Vostochny Spaceport');
  await wholeStory(page);
  const map = await projection(page, ashgabat, vostochny);
  assert.ok(Math.abs(map.scaleAgreement - 1) < 0.02, `the markers fit Web Mercator (${map.scaleAgreement})`);
  await page.getByTestId('place-form').getByRole('button', { name: 'Place on the map' }).click();
  const overlay = page.getByTestId('placing-overlay');
  const box = await overlay.boundingBox();
  const click = { x: box.x + box.width * 0.45, y: box.y + box.height * 0.4 };
  const expected = map.at(click);
  await page.mouse.click(click.x, click.y);
  await overlay.waitFor({ state: 'detached' });
  const placed = { name: 'Vostochny Spaceport', ...(await formPosition(page)) };
  assert.ok(Math.abs(placed.lon - expected.lon) < 0.05 && Math.abs(placed.lat - expected.lat) < 0.05,
    `placed at ${placed.lat},${placed.lon}; clicked ${expected.lat},${expected.lon}`);
  assert.equal(await list.getByTestId('place-review').count(), 0);

  // Dragging its marker moves it by as much.
  await settle(page);
  await wholeStory(page);
  const now = await projection(page, ashgabat, placed);
  const from = await markerCenter(page, 'Vostochny Spaceport');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 30, from.y + 20, { steps: 6 });
  await page.mouse.move(from.x - 60, from.y + 40, { steps: 6 });
  await page.mouse.up();
  const dropped = now.at({ x: from.x - 60, y: from.y + 40 });
  await settle(page);
  const dragged = await formPosition(page);
  assert.ok(Math.abs(dragged.lon - dropped.lon) < 0.05 && Math.abs(dragged.lat - dropped.lat) < 0.05,
    `dragged to ${dragged.lat},${dragged.lon}; dropped at ${dropped.lat},${dropped.lon}`);

  // Fix an event's title; the preview follows; undo and redo, by keys and buttons.
  await list.locator('.st-event-row').filter({ hasText: 'Kim Jong Un saw the limousine' }).click();
  const title = page.locator('#event-title');
  const drafted = await title.inputValue();
  await title.fill('Kim Jong Un sees the Aurus at Vostochny');
  await settle(page);
  await page.locator('[data-testid=preview] .dl-panel').getByText('Kim Jong Un sees the Aurus at Vostochny').waitFor();
  await page.keyboard.press('Control+z');
  assert.equal(await title.inputValue(), drafted);
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await title.inputValue(), 'Kim Jong Un sees the Aurus at Vostochny');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await title.inputValue(), drafted);
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.equal(await title.inputValue(), 'Kim Jong Un sees the Aurus at Vostochny');

  // An invalid edit: the widget's own message, next to its field.
  const url = page.locator('#event-source-url');
  await url.fill('tass.com/politics');
  const problems = page.locator('#event-source-url-problems');
  assert.match(await problems.textContent(), /"tass\.com\/politics".*http:\/\/ or https:\/\//);
  assert.equal(await url.getAttribute('aria-invalid'), 'true');
  assert.match(await url.getAttribute('aria-describedby'), /event-source-url-problems/);
  await screenshot(page, 'studio-event-error-1280.png');
  await page.keyboard.press('Control+z');
  assert.equal(await problems.textContent(), '');

  // Reload: the work is there, exactly.
  await page.waitForTimeout(100);
  await page.reload();
  await page.getByTestId('editor').waitFor();
  const titles = await page.getByTestId('story-list').locator('.st-event-row').allTextContents();
  assert.ok(titles.some((t) => t.includes('Kim Jong Un sees the Aurus at Vostochny')), titles.join(' | '));
  const after = await placeInForm(page, 'Vostochny Spaceport');
  assert.deepEqual([after.lon, after.lat], [dragged.lon, dragged.lat]);
  assert.equal(await page.getByTestId('story-list').getByTestId('place-review').count(), 0);

  // Closed and opened again in another tab: the same work.
  const reopened = await page.context().newPage();
  await reopened.goto(`${ctx.server.url}/studio.html`);
  const reopenedTitles = reopened.getByTestId('story-list').locator('.st-event-row');
  await reopenedTitles.first().waitFor();
  assert.ok((await reopenedTitles.allTextContents()).some((t) => t.includes('Kim Jong Un sees the Aurus at Vostochny')));
  await reopened.close();

  // Drafts left: a warning; confirm all, then download.
  assert.match(await page.getByTestId('drafts-warning').textContent(), /^8 events are still drafts: the file keeps them marked as drafts/);
  await page.getByRole('button', { name: 'Confirm all' }).click();
  assert.equal(await page.getByTestId('drafts-warning').count(), 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download story' }).click()]);
  assert.equal(download.suggestedFilename(), 'story.geojson');
  const file = await readFile(await download.path(), 'utf8');
  const story = JSON.parse(file);
  const events = story.features.flatMap((f) => f.properties.events);
  assert.equal(events.length, 8);
  assert.ok(events.every((e) => !('draft' in e) && !('review' in e)), 'confirmed events carry no draft or review');
  assert.ok(!('draft' in story.properties));

  // The embed code names the file.
  const code = await page.locator('#embed-code').inputValue();
  assert.match(code, /<script type="module" src="dist\/dateline-embed\.js"><\/script>/);
  assert.match(code, /data-story="story\.geojson"/);

  // The file in the reader's widget: valid, with the article's four places.
  const reader = await openPage(ctx.browser, { viewport: { width: 1000, height: 700 } });
  await reader.route('**/downloaded.geojson', (route) => route.fulfill({ body: file, contentType: 'application/geo+json' }));
  await reader.goto(`${ctx.server.url}/frame.html?story=downloaded.geojson`);
  await reader.locator('[data-testid=marker]').first().waitFor();
  const overview = await reader.locator('.dl-panel').textContent();
  for (const place of ['Moscow', 'Vostochny', 'Ashgabat', 'Zhukovsky']) assert.match(overview, new RegExp(place));
  assert.deepEqual(reader.errors, []);

  // Opened again in the Studio, it is the same story.
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Open a story file').setInputFiles({ name: 'story.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(file) });
  await page.getByTestId('editor').waitFor();
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download story' }).click()]);
  assert.deepEqual(JSON.parse(await readFile(await again.path(), 'utf8')), story);
  assert.deepEqual(page.errors, []);
});

test('StoryMapJS and CSV files open, by picker and by drop; a bad file says why', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  await page.getByLabel('Open a story file').setInputFiles('tests/fixtures/storymapjs/beagle.json');
  await page.getByTestId('editor').waitFor();
  const names = await page.locator('.st-place-name').allTextContents();
  assert.ok(names.length >= 3, names.join());
  assert.match(await page.getByTestId('notes').textContent(), /Opened beagle\.json/);
  await page.locator('[data-testid=preview] [data-testid=marker]').first().waitFor();

  await page.getByRole('button', { name: 'New story' }).click();
  const csv = await readFile('tests/fixtures/csv/timelinejs.csv', 'utf8');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'timeline.csv', { type: 'text/csv' }));
    const start = document.querySelector('[data-testid=start]');
    start.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    start.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, csv);
  await page.getByTestId('editor').waitFor();
  const rows = await page.getByTestId('story-list').locator('.st-event-row').allTextContents();
  assert.ok(rows.some((r) => r.includes('Putin arrives at his inauguration in an Aurus')), rows.join(' | '));

  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Open a story file').setInputFiles('tests/fixtures/unsupported-geometry.geojson');
  await page.getByTestId('open-problems').getByText(/cannot be opened as a story/).waitFor();
  const why = await page.getByTestId('open-problems').textContent();
  assert.match(why, /cannot be opened as a story/);
  assert.match(why, /Point/);
  assert.equal(await page.getByRole('button', { name: 'Back to the story' }).count(), 1, 'the open story is still there');
  assert.deepEqual(page.errors, []);
});

test('the start form says what is missing, next to each field', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  await page.getByRole('button', { name: 'Draft the story' }).click();
  assert.match(await page.locator('#article-text-problems').textContent(), /Paste the article's text/);
  assert.match(await page.locator('#published-problems').textContent(), /Give the date the article was published/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article-text');
  // The gazetteer is fetched only when a draft is asked for.
  assert.ok(!page.requests.some((u) => u.endsWith('gazetteer.tsv')));
  await page.getByLabel('Article text').fill('Nothing happened anywhere at all.');
  await page.getByLabel('Published').fill('2024-02-20');
  await page.getByRole('button', { name: 'Draft the story' }).click();
  await page.locator('#article-text-problems').getByText(/No place in this text/).waitFor();
  assert.ok(page.requests.some((u) => u.endsWith('gazetteer.tsv')));
  assert.deepEqual(page.errors, []);
});

test('a new empty story: name and place it by typing; a bad latitude says why', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  await page.getByRole('button', { name: 'New empty story' }).click();
  await page.getByTestId('editor').waitFor();
  await page.locator('#place-name').fill('Vostochny Cosmodrome');
  await page.locator('#place-lat').fill('51.884');
  await page.locator('#place-lon').fill('128.334');
  await settle(page);
  await page.locator('#place-lat').fill('951.884');
  assert.match(await page.locator('#place-lat-problems').textContent(), /^Latitude 951.884 is outside the allowed range -90 to 90/);
  await page.locator('#place-lat').fill('51.884');
  assert.equal(await page.locator('#place-lat-problems').textContent(), '');
  await settle(page);
  const marker = page.locator('[data-testid=preview] .dl-marker[data-kind=place]');
  assert.match(await marker.getAttribute('aria-label'), /Vostochny Cosmodrome/);
  assert.deepEqual(page.errors, []);
});

test('a panic while drafting: the Studio says what failed, keeps the article, and works again after a reload', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  await page.goto(`${ctx.server.url}/studio.html?test-panic=draft`);
  const article = 'MOSCOW, February 20. /TASS/. Putin met the head of';
  await page.getByLabel('Article text').fill(article);
  await page.getByLabel('Published').fill('2024-02-20');
  await page.getByRole('button', { name: 'Draft the story' }).click();
  const alert = page.getByTestId('studio-crash');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), /^Drafting failed on this text; your article and your work are kept in this browser\. Details: .*test panic at draft/s);
  // The broken instance takes no more clicks; the page says so instead of failing silently.
  assert.equal(await page.locator('#studio').getAttribute('inert'), '');
  assert.ok(page.errors.some((e) => /test panic at draft/.test(e)), page.errors.join('\n'));
  page.expectError(/test panic at draft/);
  page.expectError(/^unreachable$/); // the trap that ends the panicked call
  const reload = alert.getByRole('link', { name: 'Reload the Studio' });
  const box = await reload.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForURL((u) => !u.search.includes('test-panic'));
  await page.getByLabel('Article text').waitFor();
  assert.equal(await page.getByLabel('Article text').inputValue(), article);
  assert.equal(await page.getByTestId('studio-crash').count(), 0);
  const afterReload = page.errors.length;
  await page.getByRole('button', { name: 'Draft the story' }).click();
  await page.locator('[data-testid=preview] [data-testid=marker]').first().waitFor();
  assert.match(await page.locator('[data-testid=preview]').textContent(), /Moscow/);
  assert.deepEqual(page.errors.slice(afterReload), []);
});

test('when the place names or the Studio itself fail to load: a message, and the work kept', async () => {
  const page = await openPage(ctx.browser);
  await freshStudio(page, ctx.server.url);
  const article = await seedArticle();
  // The gazetteer is missing: the draft says why, next to the article, which stays.
  await page.route('**/gazetteer.tsv', (route) => route.fulfill({ status: 404, body: 'not here' }));
  page.expectError(NOT_FOUND);
  await page.getByLabel('Article text').fill(article);
  await page.getByLabel('Published').fill('2024-02-20');
  await page.getByRole('button', { name: 'Draft the story' }).click();
  await page.getByText(/The place names \(gazetteer\.tsv\) could not be loaded: the server answered 404\. Reload the page and try again/).waitFor();
  assert.equal(await page.getByLabel('Article text').inputValue(), article);
  assert.doesNotMatch(await page.locator('body').textContent(), /Drafting the story…/);
  // Served again, the same click drafts: nothing was lost.
  await page.unroute('**/gazetteer.tsv');
  await page.getByRole('button', { name: 'Draft the story' }).click();
  await page.getByTestId('place-review').first().waitFor();
  const work = await page.evaluate(() => localStorage.getItem('dateline-studio-work'));
  assert.ok(work && work.includes('Vostochny'), 'the draft is kept in the browser');

  // The Studio's own WebAssembly cannot be fetched: the page says so, and that the work is kept.
  await page.route('**/studio_bg.wasm', (route) => route.abort());
  page.expectError(/ERR_FAILED/);
  await page.reload();
  const message = page.getByRole('alert').filter({ hasText: 'Dateline Studio could not start' });
  await message.waitFor();
  assert.match(await message.textContent(), /studio_bg\.wasm.*Your work is kept in this browser and comes back when the Studio starts\./s);
  assert.equal(await page.evaluate(() => localStorage.getItem('dateline-studio-work')), work, 'the kept work is untouched');
  // Back, it comes back.
  await page.unroute('**/studio_bg.wasm');
  await page.reload();
  await page.getByTestId('place-review').first().waitFor();
  assert.match(await page.getByRole('navigation', { name: 'Places and events' }).textContent(), /Vostochny/);
});
