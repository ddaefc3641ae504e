// Dateline embed loader: `<script type="module" src=".../dateline-embed.js"></script>`
// turns every `<div data-dateline>` on the page into a story map.
//
// Each widget gets its own WebAssembly instance (the module is fetched and
// compiled once), so an internal error in one widget cannot freeze the others.
const here = new URL('.', import.meta.url);
const glueUrl = new URL('dateline.js', here);
const wasmUrl = new URL('dateline_bg.wasm', here);

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

async function start() {
  const hosts = [...document.querySelectorAll('[data-dateline]:not([data-dateline-mounted])')];
  if (hosts.length === 0) return;
  let module;
  try {
    module = await compile();
  } catch (error) {
    hosts.forEach((host) => showFailure(host, error.message || String(error)));
    return;
  }
  for (const [index, host] of hosts.entries()) {
    try {
      // A distinct URL is a distinct module instance, with its own wasm memory.
      const { default: init } = await import(`${glueUrl}?widget=${index + 1}`);
      globalThis.__datelineTarget = host;
      await init({ module_or_path: module });
    } catch (error) {
      console.error('Dateline:', error);
      if (!host.hasAttribute('data-dateline-mounted')) showFailure(host, error.message || String(error));
    } finally {
      delete globalThis.__datelineTarget;
    }
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
