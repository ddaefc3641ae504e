// Where the reader's WebAssembly bytes are: its sections, its data (the
// basemap, the story, the CSS, strings), and its code by crate and by
// function, read from the name section of the binary rustc wrote (before
// wasm-bindgen and wasm-opt), with the release file's totals beside it.
// A twiggy-like view without installing anything.
//
//   trunk build --release && node bench/wasm-size.mjs [--top 25] [--wasm path] [--crate core]
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const top = Number(arg('--top', 25));
const source = arg('--wasm', 'target/wasm32-unknown-unknown/release/dateline.wasm');
const shipped = arg('--dist', 'dist/dateline_bg.wasm');
const kib = (n) => (n / 1024).toFixed(1).padStart(8);
const gz = (b) => gzipSync(b, { level: 9 }).length;

function reader(bytes, at = 0) {
  return {
    at,
    u8() { return bytes[this.at++]; },
    leb() {
      let result = 0, shift = 0, byte;
      do { byte = bytes[this.at++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      return result;
    },
    name() { const n = this.leb(); const s = new TextDecoder().decode(bytes.subarray(this.at, this.at + n)); this.at += n; return s; },
  };
}

function sections(bytes) {
  const out = [];
  const r = reader(bytes, 8);
  while (r.at < bytes.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.at;
    const name = id === 0 ? reader(bytes, start).name() : ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id];
    out.push({ id, name, start, size });
    r.at = start + size;
  }
  return out;
}

function importedFunctions(bytes, section) {
  const r = reader(bytes, section.start);
  let count = 0;
  for (let n = r.leb(), i = 0; i < n; i++) {
    r.name(); r.name();
    const kind = r.u8();
    if (kind === 0) { r.leb(); count++; }
    else if (kind === 1) { r.u8(); const f = r.u8(); r.leb(); if (f & 1) r.leb(); }
    else if (kind === 2) { const f = r.u8(); r.leb(); if (f & 1) r.leb(); }
    else if (kind === 3) { r.u8(); r.u8(); }
  }
  return count;
}

function functionNames(bytes, section) {
  const names = new Map();
  const end = section.start + section.size;
  const r = reader(bytes, section.start);
  r.name();
  while (r.at < end) {
    const sub = r.u8();
    const size = r.leb();
    const next = r.at + size;
    if (sub === 1) for (let n = r.leb(), i = 0; i < n; i++) names.set(r.leb(), r.name());
    r.at = next;
  }
  return names;
}

function bodies(bytes, section) {
  const r = reader(bytes, section.start);
  const out = [];
  for (let n = r.leb(), i = 0; i < n; i++) {
    const size = r.leb();
    out.push(size);
    r.at += size;
  }
  return out;
}

function dataSegments(bytes, section) {
  const r = reader(bytes, section.start);
  const out = [];
  for (let n = r.leb(), i = 0; i < n; i++) {
    const flags = r.leb();
    if (flags === 0 || flags === 2) {
      if (flags === 2) r.leb();
      while (bytes[r.at] !== 0x0b) r.at++;
      r.at++;
    }
    const size = r.leb();
    out.push(bytes.subarray(r.at, r.at + size));
    r.at += size;
  }
  return out;
}

/** Rust's legacy mangling (`_ZN8dateline2ui...E`) as a path, `$LT$` and friends unescaped. */
function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let at = 3;
  while (at < name.length && name[at] !== 'E') {
    const digits = name.slice(at).match(/^\d+/);
    if (!digits) break;
    at += digits[0].length;
    parts.push(name.slice(at, at + Number(digits[0])));
    at += Number(digits[0]);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  const escapes = { '$LT$': '<', '$GT$': '>', '$u20$': ' ', '$C$': ',', '$RF$': '&', '$BP$': '*', '$LP$': '(', '$RP$': ')', '$u7b$': '{', '$u7d$': '}', '$u27$': "'", '$u5b$': '[', '$u5d$': ']', '$u3b$': ';', '$u2b$': '+', '$u22$': '"' };
  return parts
    .join('::')
    .replace(/\$[A-Za-z0-9]+\$/g, (e) => escapes[e] ?? e)
    .replace(/\.\./g, '::')
    .replace(/^_/, '');
}

/** The crate a function's code belongs to: its path's first name; an impl, by the type it is for. */
function crateOf(name) {
  const v0 = name.startsWith('_R') && name.match(/C(?:s[0-9a-zA-Z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  const path = demangle(name).replace(/^(<|&|mut |\*const |\*mut |\(|\[)+/, '');
  const m = path.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  if (m) return m[1];
  if (/^(__|memcpy|memset|memmove|memcmp|dl|rust_)/.test(name)) return 'std (runtime)';
  return '(other)';
}

const bytes = await readFile(source);
const all = sections(bytes);
const bodySizes = bodies(bytes, all.find((s) => s.name === 'code'));
const imports = importedFunctions(bytes, all.find((s) => s.name === 'import'));
const nameSection = all.find((s) => s.name === 'name');
const names = nameSection ? functionNames(bytes, nameSection) : new Map();
const final = await readFile(shipped).catch(() => null);

console.log(`Shipped ${shipped}: ${kib(final?.length ?? 0).trim()} KiB raw, ${kib(final ? gz(final) : 0).trim()} KiB gzip -9`);
for (const s of final ? sections(final) : []) if (s.size > 1024) console.log(`  section ${s.name.padEnd(12)} ${kib(s.size)} KiB`);
console.log(`\nFrom ${source} (rustc's output, with names; before wasm-bindgen and wasm-opt):`);
const code = bodySizes.reduce((a, b) => a + b, 0);
console.log(`  code ${kib(code)} KiB in ${bodySizes.length} functions`);

const byCrate = new Map();
const fns = bodySizes.map((size, i) => {
  const raw = names.get(i + imports) ?? `func${i + imports}`;
  return { size, raw, name: demangle(raw) };
});
for (const f of fns) byCrate.set(crateOf(f.raw), (byCrate.get(crateOf(f.raw)) ?? 0) + f.size);
console.log('\nCode by crate (KiB, before wasm-opt)');
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${crate.padEnd(28)} ${kib(size)}`);

const byModule = new Map();
for (const f of fns.filter((f) => f.name.startsWith('dateline::') || f.name.startsWith('<dateline::'))) {
  const mod = f.name.replace(/^<+/, '').split('::').slice(0, 3).join('::').replace(/[<{(].*$/, '');
  byModule.set(mod, (byModule.get(mod) ?? 0) + f.size);
}
console.log('\nDateline code by module (KiB)');
for (const [mod, size] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${mod.padEnd(40)} ${kib(size)}`);

const only = arg('--crate', null);
console.log(`\nTop ${top} functions${only ? ` of ${only}` : ''} (KiB)`);
for (const f of [...fns].filter((f) => !only || crateOf(f.raw) === only).sort((a, b) => b.size - a.size).slice(0, top))
  console.log(`  ${kib(f.size)}  ${f.name.slice(0, 110)}`);

const data = dataSegments(bytes, all.find((s) => s.name === 'data'));
const blob = Buffer.concat(data);
const find = async (file, label) => {
  const body = await readFile(file).catch(() => null);
  if (body && blob.indexOf(body.subarray(0, 64)) >= 0) console.log(`  ${label.padEnd(28)} ${kib(body.length)} raw ${kib(gz(body))} gzip`);
};
console.log(`\nData ${kib(blob.length).trim()} KiB raw (${kib(gz(blob)).trim()} KiB gzip), of which`);
await find('assets/basemap.bin', 'basemap.bin');
await find('assets/story.geojson', 'story.geojson (built-in)');
await find('assets/dateline.css', 'dateline.css');
await find('assets/timeline.css', 'timeline.css');
