// Synthetic stories for the speed benchmark: N places on land, one event each,
// in the canonical shape of docs/story-format.md. Deterministic for a seed.
//
//   node bench/synth.mjs --places 10000 [--seed 1] [--out bench/out/synth-10000.geojson]
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { geoContains, geoInterpolate, geoDistance } from 'd3-geo';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
export const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out');

// Antarctica and the far north are left out: Web Mercator stretches them
// beyond use and clips them at ±85°, on both maps under test.
const LAT_MIN = -56;
const LAT_MAX = 84;
const CELL = 0.1; // degrees per land-mask cell
const COLS = 360 / CELL;
const ROWS = 180 / CELL;
const SEA = 0;
const LAND = 1;
const COAST = 2;

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cellOf = (lon, lat) => {
  const col = Math.min(COLS - 1, Math.floor((((lon + 180) % 360) + 360) % 360 / CELL));
  const row = Math.min(ROWS - 1, Math.floor((lat + 90) / CELL));
  return row * COLS + col;
};

let mask;

/**
 * The test "is [lon, lat] on land?", built once from a grid whose cells are
 * sea, land, or coast. Coast cells (any cell a coastline may touch) keep the
 * polygons that touch them, and only points in those cells pay for an exact
 * geoContains. Every other cell is wholly land or sea.
 */
function landTest() {
  if (mask) return mask;
  const topo = require('world-atlas/land-110m.json');
  const land = feature(topo, topo.objects.land).features[0].geometry;
  const polygons = land.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  const kind = new Uint8Array(COLS * ROWS);
  const touching = new Map(); // coast cell → indices of the polygons touching it

  const mark = (lon, lat, index) => {
    // Neighbours too: the coastline between two samples may clip a corner.
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const cell = cellOf(lon + dx * CELL, Math.max(-90, Math.min(89.999, lat + dy * CELL)));
        kind[cell] = COAST;
        const list = touching.get(cell);
        if (!list) touching.set(cell, [index]);
        else if (list.at(-1) !== index) list.push(index);
      }
    }
  };
  polygons.forEach((polygon, index) => {
    for (const ring of polygon.coordinates) {
      for (let i = 1; i < ring.length; i++) {
        // Follow the great-circle arc, as geoContains does.
        const steps = Math.ceil((geoDistance(ring[i - 1], ring[i]) * 180) / Math.PI / (CELL / 4));
        const along = geoInterpolate(ring[i - 1], ring[i]);
        for (let s = 0; s <= steps; s++) mark(...along(s / Math.max(1, steps)), index);
      }
    }
  });

  // A run of non-coast cells shares one kind, and so does any non-coast cell
  // above it: test a point only when the row above does not tell.
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; ) {
      if (kind[row * COLS + col] === COAST) {
        col++;
        continue;
      }
      let end = col;
      let known = null;
      for (; end < COLS && kind[row * COLS + end] !== COAST; end++) {
        if (row > 0 && kind[(row - 1) * COLS + end] !== COAST) known ??= kind[(row - 1) * COLS + end];
      }
      known ??= geoContains(land, [(col + 0.5) * CELL - 180, (row + 0.5) * CELL - 90]) ? LAND : SEA;
      kind.fill(known, row * COLS + col, row * COLS + end);
      col = end;
    }
  }
  mask = (lon, lat) => {
    const cell = cellOf(lon, lat);
    if (kind[cell] !== COAST) return kind[cell] === LAND;
    return touching.get(cell).some((i) => geoContains(polygons[i], [lon, lat]));
  };
  return mask;
}

const SYLLABLES = ['ka', 'ro', 'vi', 'ten', 'mar', 'lo', 'sha', 'bel', 'dun', 'io', 'ze', 'pra', 'gor', 'ul', 'nes', 'ta'];
const ACTORS = ['A delegation', 'The minister', 'A motorcade', 'The governor', 'Reporters', 'A trade mission'];
const ACTS = ['arrives in', 'leaves', 'is shown around', 'signs a deal in', 'is photographed in', 'opens a plant in'];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function generatePlace(random, index, lon, lat) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  const name = word[0].toUpperCase() + word.slice(1);
  const year = 1990 + Math.floor(random() * 35);
  const month = 1 + Math.floor(random() * 12);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const day = 1 + Math.floor(random() * (MONTH_DAYS[month - 1] + (month === 2 && leap ? 1 : 0)));
  const pad = (n) => String(n).padStart(2, '0');
  const precision = random();
  const date = precision < 0.2 ? `${year}` : precision < 0.5 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  const title = `${pick(ACTORS)} ${pick(ACTS)} ${name}`;
  return {
    type: 'Feature',
    id: `p${index}`,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      name,
      events: [
        {
          id: `e${index}`,
          date,
          title,
          summary: `${title}, event ${index + 1} of this synthetic story. Local papers report the visit; officials give no details.`,
        },
      ],
    },
  };
}

/** A story of `places` places spread over land, the same for the same seed. */
export function generate({ places, seed = 1 }) {
  const isLand = landTest();
  const random = mulberry32(seed);
  const seen = new Set(); // equal coordinates would merge into one place
  const features = [];
  const sinMin = Math.sin((LAT_MIN * Math.PI) / 180);
  const sinMax = Math.sin((LAT_MAX * Math.PI) / 180);
  while (features.length < places) {
    // Uniform over the sphere's area, not over degrees, so the north is not crowded.
    const lon = +(random() * 360 - 180).toFixed(4);
    const lat = +((Math.asin(sinMin + random() * (sinMax - sinMin)) * 180) / Math.PI).toFixed(4);
    const key = `${lon},${lat}`;
    if (seen.has(key) || !isLand(lon, lat)) continue;
    seen.add(key);
    features.push(generatePlace(random, features.length, lon, lat));
  }
  return {
    type: 'FeatureCollection',
    properties: {
      title: `Synthetic story: ${places} places`,
      summary: `${places} places on land with one event each, dated 1990–2024 (seed ${seed}), for benchmarks.`,
    },
    features,
  };
}

/** Writes a generated story to `out` (default bench/out/synth-<places>.geojson); returns the path. */
export async function writeStory({ places, seed = 1, out = join(outDir, `synth-${places}.geojson`) }) {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(generate({ places, seed })));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { places: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
  });
  const places = Number(values.places);
  if (!Number.isInteger(places) || places < 1) {
    console.error('usage: node bench/synth.mjs --places N [--seed S] [--out FILE]');
    process.exit(2);
  }
  const started = performance.now();
  const out = await writeStory({ places, seed: Number(values.seed), out: values.out });
  console.log(`${out}: ${places} places in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
