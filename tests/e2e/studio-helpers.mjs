// What the Studio tests share: drafting the seed article as a journalist
// does, and reading the preview map's projection off its markers, so a test
// can say where on Earth a screen point is without asking the page.
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The seed article (the TASS report on the Aurus), as the repository keeps it. */
export const seedArticle = () => readFile(join(root, 'tests', 'fixtures', 'article.txt'), 'utf8');

/** Opens the Studio with no saved work. */
export async function freshStudio(page, url) {
  await page.goto(`${url}/studio.html`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Article text').waitFor();
}

/** Pastes the seed article with its date and source, drafts it, and returns how long until the review showed (ms). */
export async function draftSeed(page) {
  await page.getByLabel('Article text').fill(await seedArticle());
  await page.getByLabel('Published').fill('2024-02-20');
  await page.getByLabel('Source name (optional)').fill('TASS');
  const started = Date.now();
  await page.getByRole('button', { name: 'Draft the story' }).click();
  await page.getByTestId('place-review').first().waitFor();
  await page.locator('[data-testid=preview] [data-testid=marker]').first().waitFor();
  return Date.now() - started;
}

/** The screen centre of the preview's single-place marker whose caption is `name`. */
export async function markerCenter(page, name) {
  const marker = page.locator('[data-testid=preview] .dl-marker[data-kind=place]').filter({ hasText: name });
  const box = await marker.locator('.dl-marker-dot').boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const rad = (d) => (d * Math.PI) / 180;
const merc = (lat) => Math.log(Math.tan(Math.PI / 4 + rad(lat) / 2));

/**
 * The preview's Web Mercator projection, solved from two markers at known
 * places ({name, lon, lat}); returns a function from screen point to {lon, lat}.
 */
export async function projection(page, a, b) {
  const [pa, pb] = [await markerCenter(page, a.name), await markerCenter(page, b.name)];
  const k = (pb.x - pa.x) / rad(b.lon - a.lon);
  const ky = (pb.y - pa.y) / -(merc(b.lat) - merc(a.lat));
  return {
    scaleAgreement: ky / k,
    at: ({ x, y }) => {
      const lon = a.lon + ((x - pa.x) / k) * (180 / Math.PI);
      const m = merc(a.lat) - (y - pa.y) / k;
      const lat = (2 * Math.atan(Math.exp(m)) - Math.PI / 2) * (180 / Math.PI);
      return { lon, lat };
    },
  };
}

/** Waits for the preview to follow the story (it settles a moment after an edit). */
export const settle = (page) => page.waitForTimeout(600);

/** Opens the place `name` in the form and returns {name, lon, lat} as the form shows them. */
export async function placeInForm(page, name) {
  await page.locator('.st-place-row').filter({ hasText: name }).click();
  await page.getByTestId('place-form').waitFor();
  const lat = Number(await page.locator('#place-lat').inputValue());
  const lon = Number(await page.locator('#place-lon').inputValue());
  return { name, lon, lat };
}

/** Shows the whole story in the preview (its Overview button) and waits until the map stops moving. */
export async function wholeStory(page) {
  await page.locator('[data-testid=preview]').getByRole('button', { name: 'Overview', exact: true }).first().click();
  let last = '';
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(150);
    const now = await page.locator('[data-testid=preview] .dl-marker').evaluateAll((ms) => ms.map((m) => JSON.stringify(m.getBoundingClientRect())).join());
    if (now === last) return;
    last = now;
  }
}

/** The place form's position now. */
export async function formPosition(page) {
  return { lat: Number(await page.locator('#place-lat').inputValue()), lon: Number(await page.locator('#place-lon').inputValue()) };
}
