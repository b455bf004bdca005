// The D3 peer page for tests/bench/race.mjs: geo/states.topo.json drawn the
// common way, with d3-geo and topojson-client (bundled by the race with
// esbuild from node_modules, at the versions pinned in package.json), in the
// map's projection (src/geometry/projection.rs: Albers equal-area conic,
// standard parallels 40°N and 65°N, central meridian 40°E, origin on
// 52.5°N, kilometres on the authalic sphere) and its frame (src/geometry/
// projection.rs FRAME, edges sampled every degree as src/geometry/scene.rs
// does). One button switches one demand (us-4a: the former USSR's states
// outside NATO on 17 December 2021, Russia aside) on and off by setting
// data-restricted-by, as the map's markup contract says. The button is in
// the HTML, disabled until its handler is attached (a click before that
// would be lost; the race clicks as soon as it is enabled).
import { geoConicEqualArea, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const DEMAND = 'us-4a';
const REACHED = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'MDA', 'TJK', 'TKM', 'UKR', 'UZB'];
const FRAME = [-25, 34, 88, 72];
const NS = 'http://www.w3.org/2000/svg';

const projection = geoConicEqualArea().parallels([40, 65]).rotate([-40, 0]).center([0, 52.5])
  .scale(6371.007).translate([0, 0]);

function viewBox() {
  const [w, s, e, n] = FRAME;
  const pts = [];
  for (let i = 0; i <= 120; i++) {
    const t = i / 120;
    pts.push(projection([w + (e - w) * t, s]), projection([w + (e - w) * t, n]),
      projection([w, s + (n - s) * t]), projection([e, s + (n - s) * t]));
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs); const y0 = Math.min(...ys);
  return `${x0} ${y0} ${Math.max(...xs) - x0} ${Math.max(...ys) - y0}`;
}

const svg = document.getElementById('map');
svg.setAttribute('viewBox', viewBox());
const button = document.querySelector(`button[data-demand="${DEMAND}"]`);

const topology = await (await fetch('states.topo.json')).json();
const path = geoPath(projection);
const states = [];
for (const f of feature(topology, topology.objects.states).features) {
  // The pipeline writes rings as RFC 7946 does (exteriors anticlockwise);
  // d3-geo reads spherical polygons the other way round.
  if (f.geometry) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) ring.reverse();
  }
  const p = document.createElementNS(NS, 'path');
  p.setAttribute('d', path(f) ?? '');
  p.setAttribute('data-iso', f.properties.iso_a3);
  p.setAttribute('data-restricted-by', '');
  p.setAttribute('aria-label', f.properties.name);
  if (f.properties.role === 'context') p.setAttribute('class', 'context');
  states.push(p);
}
// Context first, so the demands' states draw on top.
states.sort((a, b) => (b.getAttribute('class') === 'context') - (a.getAttribute('class') === 'context'));
svg.append(...states);

button.addEventListener('click', () => {
  const on = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(on));
  for (const p of states) {
    p.setAttribute('data-restricted-by', on && REACHED.includes(p.getAttribute('data-iso')) ? DEMAND : '');
  }
});
button.disabled = false;
