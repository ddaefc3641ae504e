// Starts Dateline Studio: its own WebAssembly bundle (studio_bg.wasm), so the
// reader's widget on other pages loads none of the editor.
import init from './studio.js';

init().catch((error) => {
  const root = document.getElementById('studio');
  if (root) {
    root.textContent = `Dateline Studio could not start: ${error}. Reload the page; if it persists, use a current browser with WebAssembly.`;
  }
});
