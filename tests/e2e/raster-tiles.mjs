// XYZ raster tiles made from our own data for the `data-tiles` tests: the
// Natural Earth 1:110m land (world-atlas), green on blue, drawn by a small
// scanline filler and written as PNG. Served by the test server at /raster/.
import { deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const atlas = require('world-atlas/land-110m.json');
const land = feature(atlas, atlas.objects.land);

/** The raster's colours: a land and a sea no basemap of ours uses. */
export const RASTER_LAND = [0x8c, 0xc0, 0x6a];
export const RASTER_SEA = [0x5d, 0x8f, 0xc9];
const SIZE = 256;

/** The rings of the land in a tile's pixels. */
function rings(z, x, y) {
  const world = SIZE * 2 ** z;
  const projection = geoMercator().scale(world / (2 * Math.PI)).translate([world / 2 - x * SIZE, world / 2 - y * SIZE]).precision(0);
  const out = [];
  let ring;
  geoPath(projection, {
    moveTo(px, py) { ring = [[px, py]]; out.push(ring); },
    lineTo(px, py) { ring.push([px, py]); },
    closePath() {},
    arc() {},
  })(land);
  return out;
}

/** One tile as PNG bytes: even-odd scanline fill of the land at pixel centres. */
export function tilePng(z, x, y) {
  const polys = rings(z, x, y);
  const rgb = Buffer.alloc(SIZE * (SIZE * 3 + 1));
  for (let row = 0; row < SIZE; row++) {
    const cy = row + 0.5;
    const xs = [];
    for (const r of polys) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const [ax, ay] = r[i];
        const [bx, by] = r[j];
        if ((ay > cy) !== (by > cy)) xs.push(ax + ((cy - ay) * (bx - ax)) / (by - ay));
      }
    }
    xs.sort((a, b) => a - b);
    const line = row * (SIZE * 3 + 1);
    rgb[line] = 0;
    for (let col = 0; col < SIZE; col++) {
      const cx = col + 0.5;
      let inside = false;
      for (const v of xs) if (v < cx) inside = !inside;
      const [r, g, b] = inside ? RASTER_LAND : RASTER_SEA;
      rgb.set([r, g, b], line + 1 + col * 3);
    }
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rgb)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let table;
function crc32(bytes) {
  table ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
