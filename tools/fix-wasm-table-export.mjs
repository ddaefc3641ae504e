// Works around a wasm-opt 108 (Debian's binaryen) bug: when it rewrites a
// module with two tables, every table export comes out pointing at table 0.
// wasm-bindgen exports its externref table (`__wbindgen_externrefs`, table 1),
// and with the export on the funcref table the page fails at start-up with
// "WebAssembly.Table.set(): Argument 1 is invalid for table".
// This re-points each table export whose name says externref at the module's
// externref table, in place. Run by Trunk as a post_build hook (Trunk.toml).
//
//   node tools/fix-wasm-table-export.mjs path/to/x_bg.wasm
import { readFileSync, writeFileSync } from 'node:fs';

const FUNCREF = 0x70;
const EXTERNREF = 0x6f;

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

export function fixTableExports(bytes) {
  const tables = []; // reference type of each table, imported ones first
  const fixes = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    let p = body;
    if (id === 2) {
      // Imports: only table imports matter for table numbering.
      let count;
      [count, p] = leb(bytes, p);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) {
          let len;
          [len, p] = leb(bytes, p);
          p += len;
        }
        const kind = bytes[p++];
        if (kind === 0) [, p] = leb(bytes, p);
        else if (kind === 1) {
          tables.push(bytes[p++]);
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 3) p += 2;
        else if (kind === 4) [, p] = leb(bytes, p + 1);
      }
    } else if (id === 4) {
      let count;
      [count, p] = leb(bytes, p);
      for (let i = 0; i < count; i++) {
        tables.push(bytes[p++]);
        const flags = bytes[p++];
        [, p] = leb(bytes, p);
        if (flags & 1) [, p] = leb(bytes, p);
      }
    } else if (id === 7) {
      let count;
      [count, p] = leb(bytes, p);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(bytes, p);
        const name = new TextDecoder().decode(bytes.subarray(p, p + len));
        p += len;
        const kind = bytes[p++];
        const indexAt = p;
        let index;
        [index, p] = leb(bytes, p);
        if (kind === 1 && /externref/.test(name) && tables[index] === FUNCREF) {
          const target = tables.indexOf(EXTERNREF);
          // Same LEB length keeps every offset valid; table indices here are < 128.
          if (target >= 0 && target < 128 && p - indexAt === 1) {
            bytes[indexAt] = target;
            fixes.push(`${name}: table ${index} -> ${target}`);
          }
        }
      }
    }
    at = body + size;
  }
  return fixes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  const bytes = readFileSync(path);
  const fixes = fixTableExports(bytes);
  if (fixes.length) {
    writeFileSync(path, bytes);
    console.log(`fix-wasm-table-export: ${path}: ${fixes.join(', ')}`);
  }
}
