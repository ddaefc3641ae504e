// Sizes the map from the page's query, e.g. column.html?w=375&h=480 (through
// the CSSOM, so the page needs no inline style).
const query = new URLSearchParams(location.search);
const map = document.getElementById('story-map');
map.style.width = `${Number(query.get('w') || 640)}px`;
map.style.height = `${Number(query.get('h') || 480)}px`;
// ?story=/fixtures/coasts.geojson shows another story than the seed article's.
if (query.get('story')) map.dataset.story = query.get('story');
