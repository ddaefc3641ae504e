// Dateline embed loader: `<script type="module" src=".../dateline-embed.js"></script>`
// turns every `<div data-dateline>` on the page into a story map, now and
// whenever one is added later (and destroys the maps of those removed). It
// also exports `mount(element, options)`, available as `window.Dateline.mount`
// too, for pages that make maps from script.
//
// Each widget runs in a WebAssembly instance of its own (the module is
// fetched and compiled once), so an internal error in one cannot freeze the
// others. A destroyed widget's instance is reused by the next widget: a
// JavaScript module, once imported, can never be unloaded, so instances are
// pooled instead of piling up.
globalThis.__datelineLoader = true;

const here = new URL('.', import.meta.url);
const glueUrl = new URL('dateline.js', here);
const wasmUrl = new URL('dateline_bg.wasm', here);
const MOUNTED = 'data-dateline-mounted';

let compiled;
let made = 0;
/** Instances whose widgets were destroyed, ready for the next one. */
const spare = [];
/** Host element → its handle (or `null` while it is being mounted). */
const live = new Map();
/** Hosts whose maps a script destroyed: the observer leaves them alone. */
const released = new WeakSet();

function showFailure(host, reason) {
  host.textContent = '';
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'dl-root dl-error';
  box.textContent = `This story map could not start: ${reason}`;
  host.append(box);
}

async function compile() {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmUrl));
  } catch {
    // Servers that send the wrong MIME type defeat streaming compilation.
    const response = await fetch(wasmUrl);
    if (!response.ok) throw new Error(`${wasmUrl} answered ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** A WebAssembly instance with no widget: a spare one, or a new one. */
async function instance() {
  while (spare.length) {
    const glue = spare.pop();
    if (glue.healthy()) return glue;
  }
  compiled ??= compile();
  const module = await compiled;
  made += 1;
  // A distinct URL is a distinct module instance, with its own wasm memory.
  const glue = await import(`${glueUrl}?widget=${made}`);
  await glue.default({ module_or_path: module });
  return glue;
}

/** The next `dateline:ready` (resolves with its detail) or `dateline:error`
 * (rejects with an Error whose `problems` lists every problem) of `host`. */
function outcome(host) {
  const result = {};
  result.promise = new Promise((resolve, reject) => {
    const ready = (event) => {
      if (event.target !== host) return;
      result.stop();
      resolve(event.detail);
    };
    const failed = (event) => {
      if (event.target !== host) return;
      result.stop();
      const error = new Error(event.detail.message);
      error.problems = event.detail.problems;
      reject(error);
    };
    result.stop = () => {
      host.removeEventListener('dateline:ready', ready);
      host.removeEventListener('dateline:error', failed);
    };
    result.cancel = (reason) => {
      result.stop();
      reject(new Error(reason));
    };
    host.addEventListener('dateline:ready', ready);
    host.addEventListener('dateline:error', failed);
  });
  return result;
}

/** Deeper than any story file nests (about a dozen levels). */
const MAX_DEPTH = 64;

/** Throws unless `story` is data the reader's deserialiser can walk: a cycle,
 * or nesting past MAX_DEPTH, would exhaust its stack. */
function checkNesting(story) {
  const path = new Set();
  const walk = (value, depth) => {
    if (value === null || typeof value !== 'object') return;
    if (path.has(value)) throw new TypeError('Dateline: the story object contains itself (a cycle); pass plain data, as JSON.parse makes it.');
    if (depth > MAX_DEPTH) throw new TypeError(`Dateline: the story object nests deeper than ${MAX_DEPTH} levels; pass a story file's data.`);
    path.add(value);
    for (const key of Object.keys(value)) walk(value[key], depth + 1);
    path.delete(value);
  };
  walk(story, 0);
}

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The handle of the widget in `host`, run by `glue`; `begin(start)` mounts it. */
function controlFor(host, glue) {
  let widget = null;
  let gone = false;
  let waiting = null;
  const alive = () => {
    if (gone || !widget) throw new Error('Dateline: this map was destroyed; mount a new one.');
  };
  /** Runs `start` (which makes the widget load a story) and waits for the outcome. */
  const wait = (start) => {
    waiting?.cancel('Dateline: another story was asked for before this one was shown.');
    const mine = outcome(host);
    waiting = mine;
    try {
      start();
    } catch (error) {
      mine.stop();
      waiting = null;
      return Promise.reject(error);
    }
    return mine.promise.finally(() => {
      if (waiting === mine) waiting = null;
    });
  };
  const handle = {
    element: host,
    /** Opens the event with this id; resolves once it shows, rejects for an unknown id. */
    async select(eventId) {
      alive();
      widget.select(String(eventId));
      await frames();
    },
    /** The story shown, as a canonical Dateline GeoJSON object (places with
     * event lists, every id given). */
    story() {
      alive();
      return widget.story();
    },
    /** The story's events in reading order: `{ id, placeId, title, date, place, lonLat }`. */
    events() {
      alive();
      return widget.events();
    },
    /** Shows the story's overview. */
    async overview() {
      alive();
      widget.overview();
      await frames();
    },
    /** Shows another story (an object or a URL): resolves once it shows, or
     * rejects with its problems (which the widget shows). */
    async setStory(story) {
      alive();
      checkNesting(story);
      return wait(() => widget.setStory(story));
    },
    /** Removes the map and everything it holds; the element is left empty. */
    destroy() {
      if (gone || !widget) return;
      gone = true;
      waiting?.cancel('Dateline: the map was destroyed before its story was shown.');
      let reusable = false;
      try {
        widget.destroy();
        widget.free();
        reusable = glue.healthy();
      } catch (error) {
        // An instance broken by an internal error: clear up by hand, never reuse it.
        console.error('Dateline:', error);
        host.textContent = '';
        host.removeAttribute(MOUNTED);
      }
      widget = null;
      live.delete(host);
      if (host.isConnected) released.add(host);
      if (reusable) spare.push(glue);
    },
  };
  return {
    handle,
    mounted: () => widget !== null,
    begin: (start) => wait(() => {
      widget = start();
    }),
  };
}

/** Mounts a widget in `host`, made by `start(glue)`; resolves with its handle once it shows. */
async function mountWith(host, start) {
  if (live.has(host)) throw new Error('Dateline.mount: this element already has a map; destroy() it first.');
  live.set(host, null);
  released.delete(host);
  let glue;
  try {
    glue = await instance();
  } catch (error) {
    live.delete(host);
    console.error('Dateline:', error);
    showFailure(host, error.message || String(error));
    throw error;
  }
  const control = controlFor(host, glue);
  live.set(host, control.handle);
  try {
    await control.begin(() => start(glue));
  } catch (error) {
    if (!control.mounted()) {
      // Refused before anything was mounted (bad options): nothing to show.
      live.delete(host);
      if (glue.healthy()) spare.push(glue);
    } else {
      error.handle = control.handle;
    }
    throw error;
  }
  return control.handle;
}

/**
 * Makes `element` a story map. Options: `story` (a story object, or the URL
 * of a story file; default: the built-in article), `cooperative` (default
 * true), `event` (an event id to open first), `links` (default true: the
 * page's URL hash follows the open event). Resolves with a handle
 * `{ select(id), overview(), setStory(story), story(), events(), destroy() }` once the map
 * shows; rejects with an Error whose `problems` lists what is wrong with the
 * story (the map shows them too; `error.handle` is its handle).
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('Dateline.mount: the first argument must be an element.');
  const { story, ...rest } = options ?? {};
  checkNesting(story);
  return mountWith(element, (glue) => glue.mountWidget(element, story, rest));
}

/** The next `dateline-N` no element has. */
function freeId() {
  let n = document.querySelectorAll(`[${MOUNTED}]`).length + 1;
  while (document.getElementById(`dateline-${n}`)) n += 1;
  return `dateline-${n}`;
}

/** Mounts every `data-dateline` element not yet mounted, and destroys the maps of removed ones. */
function scan() {
  const hosts = [...document.querySelectorAll(`[data-dateline]:not([${MOUNTED}])`)].filter(
    (host) => !live.has(host) && !released.has(host),
  );
  // Ids in page order, before the instances (which start in any order) mount:
  // the same element gets the same id, and so the same #<id>:event= link, on every load.
  for (const host of hosts) host.id ||= freeId();
  for (const host of hosts) {
    // Its story and options come from its markup; failures show inside it.
    mountWith(host, (glue) => glue.mountHost(host)).catch(() => {});
  }
  for (const [host, handle] of live) {
    if (handle && !host.isConnected) handle.destroy();
  }
}

/** Whether a change happened inside a mounted widget (its own rendering). */
const insideWidget = (node) => node instanceof Element && node.closest(`[${MOUNTED}]`) !== null;

function start() {
  scan();
  new MutationObserver((records) => {
    if (records.some((record) => !insideWidget(record.target))) scan();
  }).observe(document.documentElement, { childList: true, subtree: true });
}

globalThis.Dateline = Object.freeze({ mount });

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
