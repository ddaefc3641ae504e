// The Leaflet reference story map: the same Natural Earth basemap as Dateline
// (world-atlas 110m via topojson-client), one clustered L.marker per place,
// and a details panel listing the clicked place's events. It reads stories
// in the canonical shape (docs/story-format.md), as bench/synth.mjs writes.
//
// Timings go to window.__bench (ms since navigation start), and the panel
// carries data-testid="panel" as Dateline's does, so bench/compare.mjs
// measures both pages with the same code.
/* global L, topojson */

window.__bench = {};
const mark = (name) => {
  performance.mark(name);
  window.__bench[name] = performance.now();
};
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const getJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
};

// world-atlas is made for the sphere: rings that cross ±180° jump across the
// whole map. Unwrapping their longitudes keeps each ring in one piece, and
// the piece goes where most of its points are (Eurasia, not Chukotka).
function unwrap(ring) {
  let shift = 0;
  const out = ring.map(([lon, lat], i) => {
    if (i > 0) {
      const step = lon - ring[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    return [lon + shift, lat];
  });
  const west = out.filter(([lon]) => lon < -180).length;
  const east = out.filter(([lon]) => lon > 180).length;
  const back = west > out.length / 2 ? 360 : east > out.length / 2 ? -360 : 0;
  return back ? out.map(([lon, lat]) => [lon + back, lat]) : out;
}
const unwrapPolygons = ({ coordinates }) => ({
  type: 'MultiPolygon',
  coordinates: coordinates.map((polygon) => polygon.map(unwrap)),
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2018-05-07" → "7 May 2018", "2019-08" → "August 2019", as Dateline shows them. */
function formatDate(date) {
  const [year, month, day] = (date || '').split('-');
  if (!year) return '';
  if (!month) return year;
  return `${day ? `${Number(day)} ` : ''}${MONTHS[Number(month) - 1]} ${year}`;
}

const element = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text; // text, never HTML
  return node;
};

let panel = null;
function closePanel() {
  panel?.remove();
  panel = null;
}
function openPanel(place) {
  closePanel();
  panel = element('section', 'bench-panel');
  panel.dataset.testid = 'panel';
  const close = element('button', '', '×');
  close.setAttribute('aria-label', 'Close details');
  close.addEventListener('click', closePanel);
  const list = element('ol');
  // Date order, undated last; ISO dates sort as text.
  const events = [...place.events].sort((a, b) => (a.date || '\uffff').localeCompare(b.date || '\uffff'));
  for (const event of events) {
    const item = element('li');
    item.append(element('p', 'bench-date', formatDate(event.date)), element('h3', '', event.title));
    if (event.summary) item.append(element('p', '', event.summary));
    list.append(item);
  }
  panel.append(element('h2', '', place.name), close, list);
  document.body.append(panel);
}
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') closePanel();
});

async function main() {
  const storyUrl = new URLSearchParams(location.search).get('story');
  if (!storyUrl) throw new Error('add ?story=/path.geojson to the address');
  const [story, land, countries] = await Promise.all([
    getJson(storyUrl),
    getJson('/node_modules/world-atlas/land-110m.json'),
    getJson('/node_modules/world-atlas/countries-110m.json'),
  ]);
  mark('dataLoaded');

  // Dateline's zoom range; markers have no tiles to take it from.
  const map = L.map('map', { minZoom: 0, maxZoom: 10 });
  window.__bench.map = map; // the benchmark reads its zoom
  L.geoJSON(unwrapPolygons(topojson.feature(land, land.objects.land).features[0].geometry), {
    interactive: false,
    style: { color: '#7f97ab', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
  }).addTo(map);
  L.geoJSON(topojson.mesh(countries, countries.objects.countries, (a, b) => a !== b), {
    interactive: false,
    style: { color: '#a9a293', weight: 0.6, fill: false },
  }).addTo(map);

  const icon = L.divIcon({ className: 'bench-place', iconSize: [16, 16] });
  const markers = story.features.map((feature) => {
    const [lon, lat] = feature.geometry.coordinates;
    const { name, events } = feature.properties;
    const marker = L.marker([lat, lon], { icon, title: name, alt: name });
    marker.place = { name, events };
    return marker;
  });
  const cluster = L.markerClusterGroup();
  cluster.on('click', (e) => openPanel(e.layer.place));
  // One bulk addLayers, as markercluster advises for many markers; it
  // clusters them for every zoom level when the group joins the map.
  cluster.addLayers(markers);
  // As Dateline fits its first view: story bounds, 48 px padding, zoom ≤ 6.
  map.fitBounds(cluster.getBounds(), { padding: [48, 48], maxZoom: 6, animate: false });
  map.addLayer(cluster);
  await nextPaint();
  mark('markersPainted');
}

main().catch((error) => {
  window.__bench.error = error.message;
  document.body.append(element('p', 'bench-error', `The reference map could not start: ${error.message}`));
  throw error;
});
