// Records every Content-Security-Policy violation on the page (a classic
// script, loaded first, so it sees the loader's too).
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
