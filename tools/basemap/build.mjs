// Builds assets/basemap.bin: Natural Earth 110m land and country borders
// (npm `world-atlas` 2.0.2), projected to Web Mercator world coordinates,
// quantized and delta/varint encoded. See tools/basemap/README.md for the
// format; crates/dateline-core/src/basemap/ decodes it.
//
// Run from the repo root: `node tools/basemap/build.mjs` (or `npm run basemap`).
// Output is deterministic: same inputs, same bytes.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { geoArea, geoCentroid, geoContains, geoMercator, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";

const OUT = "assets/basemap.bin";
const MAGIC = "DLBM";
const VERSION = 1;
/** Quantization: world coordinates [0, 1] become integers [0, 2^Q_BITS]. */
const Q_BITS = 13;
const Q = 2 ** Q_BITS;
const LAYER_LAND = 0; // closed rings, filled
const LAYER_BORDERS = 1; // open polylines, stroked
const LAYER_LABELS = 3; // place names: country names for the world view

const require = createRequire(import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(require.resolve(name), "utf8"));
const landTopo = readJson("world-atlas/land-110m.json");
const countriesTopo = readJson("world-atlas/countries-110m.json");

// World coordinates: the Web Mercator unit square, x east, y south.
// scale 1/(2π) maps longitude ±π to x ∈ ±0.5; d3 already flips y so north is
// up (y = 0 at ±85.0511°). The projection stream cuts at the antimeridian and
// closes Antarctica around the pole; clipExtent then cuts at the square.
// precision(0): no adaptive resampling, keep the source vertices only.
const projection = geoMercator()
  .scale(1 / (2 * Math.PI))
  .translate([0.5, 0.5])
  .clipExtent([
    [0, 0],
    [1, 1],
  ])
  .precision(0);

// Sanity check the convention before trusting anything else.
{
  const [x, y] = projection([37.6175, 55.752]); // Moscow
  const want = [(37.6175 + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + (55.752 * Math.PI) / 360)) / Math.PI) / 2];
  if (Math.abs(x - want[0]) > 1e-12 || Math.abs(y - want[1]) > 1e-12) {
    throw new Error(`projection convention mismatch: got ${[x, y]}, want ${want}`);
  }
}

/** A canvas-like context that records subpaths as arrays of [x, y]. */
class Recorder {
  constructor() {
    this.paths = [];
    this.current = null;
  }
  moveTo(x, y) {
    this.current = [[x, y]];
    this.paths.push(this.current);
  }
  lineTo(x, y) {
    this.current.push([x, y]);
  }
  closePath() {
    this.current.closed = true;
  }
  arc() {
    throw new Error("unexpected point geometry");
  }
}

function project(geojson) {
  const rec = new Recorder();
  geoPath(projection, rec)(geojson);
  return rec.paths;
}

const quantize = (v) => Math.min(Q, Math.max(0, Math.round(v * Q)));

/** Quantizes a path, dropping consecutive duplicates (and, for rings, the closing point). */
function quantizePath(path, closed) {
  const out = [];
  for (const [x, y] of path) {
    const p = [quantize(x), quantize(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (closed) {
    while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) {
      out.pop();
    }
  }
  return out;
}

/** Twice the signed area, in quantized units (exact for these magnitudes). */
function area2(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return a;
}

function landRings() {
  const rings = [];
  for (const path of project(feature(landTopo, landTopo.objects.land))) {
    const ring = quantizePath(path, true);
    if (ring.length >= 3 && area2(ring) !== 0) rings.push(ring);
  }
  return rings;
}

function borderLines() {
  // Interior borders only: arcs shared by two different countries. Coastlines
  // are the land rings' outlines (crates/dateline-core/src/basemap derives them), not stored twice.
  const borders = mesh(countriesTopo, countriesTopo.objects.countries, (a, b) => a !== b);
  const lines = [];
  for (const path of project(borders)) {
    const line = quantizePath(path, false);
    if (line.length >= 2) lines.push(line);
  }
  return lines;
}

class Writer {
  constructor() {
    this.bytes = [];
  }
  u8(v) {
    this.bytes.push(v & 0xff);
  }
  varint(v) {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`varint out of range: ${v}`);
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }
  zigzag(v) {
    this.varint(v >= 0 ? 2 * v : -2 * v - 1);
  }
  raw(arr) {
    for (const b of arr) this.bytes.push(b);
  }
}

/** Encodes one layer's payload: ring count, then per ring a point count and deltas. */
function encodeLayer(rings) {
  const w = new Writer();
  w.varint(rings.length);
  // The delta cursor runs on across rings so a ring's first point is cheap too.
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    w.varint(ring.length);
    for (const [x, y] of ring) {
      w.zigzag(x - cx);
      w.zigzag(y - cy);
      cx = x;
      cy = y;
    }
  }
  return w.bytes;
}

/**
 * Country names at an inland point of each country's largest piece (its
 * centroid when inside, else the middle of its box), weighted by that
 * piece's share of the sphere in millionths, so the reader places big ones first.
 */
function countryLabels() {
  const labels = [];
  for (const country of feature(countriesTopo, countriesTopo.objects.countries).features) {
    const name = (country.properties.name || "").trim();
    if (!name) continue;
    const polygons = country.geometry.type === "MultiPolygon" ? country.geometry.coordinates : [country.geometry.coordinates];
    const pieces = polygons.map((coordinates) => ({ type: "Polygon", coordinates }));
    const largest = pieces.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
    let point = geoCentroid(largest);
    if (!geoContains(largest, point)) {
      const xs = largest.coordinates[0].map((p) => p[0]);
      const ys = largest.coordinates[0].map((p) => p[1]);
      point = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
      if (!geoContains(largest, point)) continue;
    }
    const [x, y] = projection(point);
    const weight = Math.round((geoArea(largest) / (4 * Math.PI)) * 1e6);
    labels.push({ x: quantize(x), y: quantize(y), weight, name });
  }
  labels.sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  return labels;
}

/** The labels layer: count, then per label zigzag deltas, class (0: country), weight, UTF-8 name. */
function encodeLabels(labels) {
  const w = new Writer();
  w.varint(labels.length);
  let cx = 0;
  let cy = 0;
  for (const { x, y, weight, name } of labels) {
    w.zigzag(x - cx);
    w.zigzag(y - cy);
    cx = x;
    cy = y;
    w.u8(0);
    w.varint(weight);
    const bytes = Buffer.from(name, "utf8");
    w.varint(bytes.length);
    w.raw(bytes);
  }
  return w.bytes;
}

const land = landRings();
const borders = borderLines();
const labels = countryLabels();

const out = new Writer();
out.raw(Buffer.from(MAGIC, "ascii"));
out.u8(VERSION);
out.u8(Q_BITS);
const layers = [
  [LAYER_LAND, encodeLayer(land)],
  [LAYER_BORDERS, encodeLayer(borders)],
  [LAYER_LABELS, encodeLabels(labels)],
];
out.u8(layers.length);
for (const [kind, payload] of layers) {
  out.u8(kind);
  out.varint(payload.length);
  out.raw(payload);
}

const bin = Buffer.from(out.bytes);
writeFileSync(OUT, bin);

const points = (rs) => rs.reduce((n, r) => n + r.length, 0);
console.log(
  `${OUT}: ${bin.length} bytes raw, ${gzipSync(bin, { level: 9 }).length} bytes gzip -9; ` +
    `land ${land.length} rings / ${points(land)} points (${layers[0][1].length} B), ` +
    `borders ${borders.length} lines / ${points(borders)} points (${layers[1][1].length} B), ` +
    `${labels.length} country names (${layers[2][1].length} B)`,
);
