// The iframe embed (frame.html): one map filling the frame, its story named
// by the page's query: ?story=URL (default: the built-in article),
// &event=<id> to open an event first, &cooperative=off to let a plain wheel
// move the map, &format=csv for a spreadsheet whose address does not end in
// .csv, &lang=ru for the interface's language (else the frame page's). Problems with the story show inside the map.
import { mount } from './dateline-embed.js';

const query = new URLSearchParams(location.search);
const off = (value) => ['off', 'false', 'no'].includes(value);
mount(document.getElementById('story'), {
  story: query.get('story') || undefined,
  event: query.get('event') || undefined,
  cooperative: !off(query.get('cooperative')),
  format: query.get('format') || undefined,
  lang: query.get('lang') || undefined,
}).catch(() => {
  // The widget shows what went wrong.
});
