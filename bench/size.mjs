// Size benchmark: every file of the release build (dist/), raw and gzip -9,
// what the default page loads, and the same figures for the reference: a
// Leaflet 1.9 page carrying the same Natural Earth basemap (from npm).
//
//   trunk build --release && node bench/size.mjs
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

async function measure(paths, base) {
  const rows = [];
  for (const path of paths) {
    const body = await readFile(path);
    rows.push({ name: relative(base, path), raw: body.length, gzip: gz(body) });
  }
  return rows;
}

function print(title, rows) {
  console.log(`\n${title}`);
  console.log(`${'file'.padEnd(40)} ${'raw KiB'.padStart(8)} ${'gzip KiB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.name.padEnd(40)} ${kb(r.raw)} ${kb(r.gzip)}`);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log(`${'total'.padEnd(40)} ${kb(total.raw)} ${kb(total.gzip)}`);
  return total;
}

await stat('dist/index.html').catch(() => {
  console.error('dist/ is missing: run `trunk build --release` first.');
  process.exit(1);
});
const all = [];
for await (const path of walk('dist')) all.push(path);
all.sort();
print('Release build: every file in dist/', await measure(all, 'dist'));

// wasm-bindgen's JS snippets (dist/snippets/) are imported by dateline.js.
const snippets = all.filter((p) => relative('dist', p).startsWith('snippets'));
const page = ['index.html', 'dateline.js', 'dateline_bg.wasm'].map((f) => join('dist', f)).concat(snippets);
const ours = print('Dateline default page (HTML + JS + wasm; basemap and story embedded)', await measure(page, 'dist'));

const importers = ['dateline-import.js', 'dateline-import_bg.wasm'].map((f) => join('dist', f));
const importersTotal = print('The importers (loaded only for a StoryMapJS file or a spreadsheet)', await measure(importers, 'dist'));

// An embed: the host's page is its own; it loads the one script, the
// widget and its story file (here the article's, as examples/embed.html does).
const embed = ['dateline-embed.js', 'dateline.js', 'dateline_bg.wasm', 'story.geojson'].map((f) => join('dist', f)).concat(snippets);
const embedTotal = print('An embed with a story file (dateline-embed.js + widget + story.geojson)', await measure(embed, 'dist'));
const storyFile = (await measure([join('dist', 'story.geojson')], 'dist'))[0];

const studio = ['studio.html', 'studio.css', 'studio-boot.js', 'studio.js', 'studio_bg.wasm'].map((f) => join('dist', f));
const studioTotal = print('Dateline Studio page (a bundle of its own; gazetteer.tsv fetched when a draft is asked for)', await measure(studio, 'dist'));
const gazetteer = (await measure([join('dist', 'gazetteer.tsv')], 'dist'))[0];

const leafletFiles = [
  require.resolve('leaflet/dist/leaflet.js'),
  require.resolve('leaflet/dist/leaflet.css'),
];
const leaflet = print('Reference: Leaflet 1.9.4 alone (JS + CSS)', await measure(leafletFiles, 'node_modules'));
const withBasemap = [
  ...leafletFiles,
  require.resolve('topojson-client/dist/topojson-client.min.js'),
  require.resolve('world-atlas/land-110m.json'),
  require.resolve('world-atlas/countries-110m.json'),
];
const reference = print(
  'Reference: Leaflet 1.9.4 + the same Natural Earth 110m basemap (world-atlas + topojson-client)',
  await measure(withBasemap, 'node_modules'),
);

console.log('\nSummary (gzip -9)');
console.log(`Dateline page                 ${kb(ours.gzip)} KiB`);
console.log(`  + the importers              ${kb(importersTotal.gzip)} KiB  (only for a StoryMapJS file or a spreadsheet)`);
console.log(`Dateline Studio page          ${kb(studioTotal.gzip)} KiB  (+ gazetteer.tsv ${kb(gazetteer.gzip).trim()} KiB on its first draft)`);
console.log(`Leaflet alone                 ${kb(leaflet.gzip)} KiB  ratio ${(ours.gzip / leaflet.gzip).toFixed(2)}`);
console.log(`Leaflet + same basemap        ${kb(reference.gzip)} KiB  ratio ${(ours.gzip / reference.gzip).toFixed(2)}`);

// The budget of issue 13. A benchmark, not a test: it reports, never fails.
const BUDGET_KIB = 170;
const verdict = (kib, budget) =>
  kib <= budget ? `within it (${(budget - kib).toFixed(1)} KiB to spare)` : `over it by ${(kib - budget).toFixed(1)} KiB`;
const pageKib = ours.gzip / 1024;
const embedBudget = BUDGET_KIB + storyFile.gzip / 1024;
console.log(`\nBudget (gzip -9): default page at most ${BUDGET_KIB} KiB`);
console.log(`  default page                ${kb(ours.gzip)} KiB  ${verdict(pageKib, BUDGET_KIB)}`);
console.log(`  embed with its story file   ${kb(embedTotal.gzip)} KiB  budget ${embedBudget.toFixed(1)} (${BUDGET_KIB} + the story's ${(storyFile.gzip / 1024).toFixed(1)}): ${verdict(embedTotal.gzip / 1024, embedBudget)}`);
