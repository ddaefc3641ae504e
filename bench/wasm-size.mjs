// Where the reader's WebAssembly bytes are: its sections, its data (the
// basemap, the story, the CSS, strings), and its code by crate and by
// function, read from a name section, with the release file's totals beside it.
// A twiggy-like view without installing anything.
//
// By default the names come from the binary rustc wrote, before wasm-bindgen
// and wasm-opt: that counts code which never ships (wasm-bindgen's
// `__wbindgen_describe_*` functions, code wasm-opt removes or inlines).
// With --shipped, the same wasm-bindgen and `wasm-opt -Oz` as the release
// build are run again keeping the names (`--keep-debug`, `-g`), so each
// crate's figure is what the reader downloads; its gzip share is estimated
// from its share of the code section.
//
//   trunk build --release && node bench/wasm-size.mjs [--shipped] [--top 25] [--wasm path] [--crate core]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const top = Number(arg('--top', 25));
const rustcOutput = arg('--wasm', 'target/wasm32-unknown-unknown/release/dateline.wasm');
const shipped = arg('--dist', 'dist/dateline_bg.wasm');
const namedShipped = process.argv.includes('--shipped');
// The features rustc's wasm32 output uses; wasm-opt 108 needs them named.
const WASM_FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'multivalue', 'reference-types'];

/** The release build's wasm-bindgen and wasm-opt steps again, names kept. */
function shippedWithNames(wasm) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-size-'));
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--weak-refs', '--no-typescript', '--out-dir', dir, wasm]);
  const named = join(dir, 'named.wasm');
  const bound = join(dir, `${basename(wasm, '.wasm')}_bg.wasm`);
  run('wasm-opt', ['-Oz', '-g', ...WASM_FEATURES.map((f) => `--enable-${f}`), bound, '-o', named]);
  return named;
}
const source = namedShipped ? shippedWithNames(rustcOutput) : rustcOutput;
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
  // Dropping a value is code for the value's crate.
  const dropped = demangle(name).match(/^core(?:\[[0-9a-f]+\])?::ptr::drop_in_place<(.*)>/);
  if (dropped) return crateOf(dropped[1].replace(/^\(|^&/, ''));
  // `<T as tachys::…>::f` (a generic type): the trait's crate.
  const generic = demangle(name).match(/^<&?(?:mut )?[A-Z] as ([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (generic) return generic[1];
  const path = demangle(name).replace(/^(<|&|mut |\*const |\*mut |\(|\[)+/, '');
  const m = path.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
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
console.log(
  namedShipped
    ? `\nFrom ${rustcOutput} through wasm-bindgen and wasm-opt -Oz again, names kept (what ships):`
    : `\nFrom ${source} (rustc's output, with names; before wasm-bindgen and wasm-opt):`,
);
const code = bodySizes.reduce((a, b) => a + b, 0);
console.log(`  code ${kib(code)} KiB in ${bodySizes.length} functions`);
const shippedCode = final && sections(final).find((s) => s.name === 'code');
const codeGzip = shippedCode ? gz(final.subarray(shippedCode.start, shippedCode.start + shippedCode.size)) : 0;
if (namedShipped) console.log(`  the release file's code section: ${kib(codeGzip).trim()} KiB gzip -9`);

const byCrate = new Map();
const fns = bodySizes.map((size, i) => {
  const raw = names.get(i + imports) ?? `func${i + imports}`;
  return { size, raw, name: demangle(raw) };
});
for (const f of fns) byCrate.set(crateOf(f.raw), (byCrate.get(crateOf(f.raw)) ?? 0) + f.size);
console.log(namedShipped ? '\nCode by crate (KiB raw, share, ≈ KiB gzip by share)' : '\nCode by crate (KiB, before wasm-opt)');
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const share = size / code;
  const more = namedShipped ? `  ${(100 * share).toFixed(1).padStart(5)} %  ${kib(share * codeGzip)}` : '';
  console.log(`  ${crate.padEnd(28)} ${kib(size)}${more}`);
}

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
