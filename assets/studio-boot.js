// Starts Dateline Studio: its own WebAssembly bundle (studio_bg.wasm), so the
// reader's widget on other pages loads none of the editor.
import init from './studio.js';

/** Whether the browser holds work from an earlier visit (the Studio keeps it as it changes). */
function workKept() {
  try {
    return localStorage.getItem('dateline-studio-work') !== null;
  } catch {
    return false;
  }
}

init().catch((error) => {
  const root = document.getElementById('studio');
  if (root) {
    const kept = workKept() ? ' Your work is kept in this browser and comes back when the Studio starts.' : '';
    root.textContent = `Dateline Studio could not start: ${error}. Reload the page; if it persists, check that studio.js and studio_bg.wasm are served next to studio.html, and use a current browser with WebAssembly.${kept}`;
    root.setAttribute('role', 'alert');
  }
});
