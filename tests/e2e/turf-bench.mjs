// Times @turf/buffer (7.4.0, pinned in package.json) on Russia's outline in
// headless Chromium, as the yardstick for the map's WebAssembly distance zone.
// Run: node tests/e2e/turf-bench.mjs [--steps N] [--runs N] [--no-check] [--per-polygon]
// (--per-polygon also times one Feature per polygon, the fallback used anyway
// if turf throws on the whole MultiPolygon.)
//
// What @turf/buffer does (read from node_modules/@turf/buffer/dist/esm/index.js):
// - for a Feature it takes center() of the geometry, which is the centre of its
//   lon/lat bbox (@turf/center → @turf/bbox), and builds d3-geo's
//   geoAzimuthalEquidistant() rotated to that centre, scaled by turf's
//   earthRadius (6371008.8 m) so the plane is in metres;
// - projects every vertex into that plane, reads it into JSTS (@turf/jsts, a
//   cut-down jsts 2.7.1) and runs BufferOp.bufferOp(geom, radius in metres,
//   steps), steps = quadrant segments, 8 by default: a planar buffer in that
//   projection (exact distances only along lines through the centre);
// - inverts the projection vertex by vertex back to lon/lat. It does not cut
//   output at the antimeridian or handle poles.
// A FeatureCollection or GeometryCollection is buffered member by member, each
// with its own projection, and the results are not unioned.
// Russia's bbox is [-180, 41.2, 180, 81.8] (Chukotka is cut at 180°), so the
// projection is centred at (0°, 61.5°) in the Norwegian Sea; far-east Russia
// lies ~6,000–8,000 km from that centre, where the plane is badly stretched
// across the radial direction. The --no-check flag skips the report of how far
// the output boundary really is from Russia (great-circle, spherical R).
//
// Exports turfBufferTimes(page, feature, distances) for a page that has
// @turf/buffer on globalThis.turfBuffer (openTurfPage gives one), plus the
// helpers serveRepo, openTurfPage, topoFeature and loadFeature.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, open } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.map': 'application/json', '.geojson': 'application/geo+json',
};

/** Serves files under the repository root on 127.0.0.1 (random port). */
export function serveRepo(root = ROOT) {
  const base = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file;
    try {
      file = fs.realpathSync(path.join(base, decodeURIComponent(url.pathname)));
    } catch { res.writeHead(404); res.end('not found'); return; }
    if (!file.startsWith(base + path.sep) || !fs.statSync(file).isFile()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
  }));
}

/** Opens the turf page (tests/e2e/turf-page/) in `browser`; aborts any request off 127.0.0.1. */
export async function openTurfPage(browser, baseUrl) {
  const opened = await open(browser, new URL('tests/e2e/turf-page/index.html', baseUrl).href);
  try {
    await opened.page.waitForSelector('body[data-ready=turf]', { timeout: 10000 });
  } catch (e) {
    throw new Error(`turf page did not load: ${opened.errors.join('; ') || e.message}`);
  }
  return opened;
}

/**
 * The geometry of a TopoJSON topology (geo/states.topo.json, quantized and
 * delta-encoded) with properties.iso_a3 == iso, as a GeoJSON Feature. As in
 * src/geometry/atlas.rs, a scale of 10^-n is applied by dividing by 10^n, so
 * the coordinates are the pipeline's rounded ones exactly.
 */
export function topoFeature(topology, iso) {
  const t = topology.transform;
  const axis = (q, i) => {
    if (!t) return q;
    const k = 1 / t.scale[i];
    return (Math.abs(k - Math.round(k)) < 1e-9 ? q / Math.round(k) : q * t.scale[i]) + t.translate[i];
  };
  const arcs = topology.arcs.map((arc) => {
    let x = 0; let y = 0;
    return arc.map(([dx, dy]) => (t ? (x += dx, y += dy, [axis(x, 0), axis(y, 1)]) : [dx, dy]));
  });
  // `~i` is arc i reversed; arcs after the first drop their shared point.
  const ring = (refs) => refs.reduce((out, r) => {
    const a = r < 0 ? arcs[~r].slice().reverse() : arcs[r];
    return out.concat(out.length ? a.slice(1) : a);
  }, []);
  const polygon = (rings) => rings.map(ring);
  for (const object of Object.values(topology.objects)) {
    const g = object.geometries.find((x) => x.properties && x.properties.iso_a3 === iso);
    if (!g) continue;
    const coordinates = g.type === 'Polygon' ? polygon(g.arcs) : g.arcs.map(polygon);
    return { type: 'Feature', properties: g.properties, geometry: { type: g.type, coordinates } };
  }
  return null;
}

/** The state of geo/states.topo.json with properties.iso_a3 == iso, as a GeoJSON Feature. */
export function loadFeature(iso = 'RUS', file = path.join(ROOT, 'geo/states.topo.json')) {
  const f = topoFeature(JSON.parse(fs.readFileSync(file, 'utf8')), iso);
  if (!f) throw new Error(`no feature with iso_a3 ${iso} in ${file}`);
  return f;
}

/**
 * Times globalThis.turfBuffer(feature, d, { units: 'kilometers', steps }) in the
 * page for each d (km): `warmup` untimed calls, then `runs` timed calls, each
 * timed alone with performance.now(). p95 is nearest-rank (with 10 runs, the
 * slowest). Returns one row per distance; a row has `error` instead of timings
 * if turf threw. With keepOutput the buffered GeoJSON comes back as `output`.
 */
export async function turfBufferTimes(page, feature, distances,
  { runs = 10, warmup = 1, steps = 8, keepOutput = false } = {}) {
  return page.evaluate(({ feature, distances, runs, warmup, steps, keepOutput }) => {
    const buffer = globalThis.turfBuffer;
    if (typeof buffer !== 'function') throw new Error('globalThis.turfBuffer is missing: open the turf page');
    const count = (g) => {
      if (!g) return { vertices: 0, parts: 0, type: null };
      if (g.type === 'FeatureCollection') {
        return g.features.reduce((a, f) => {
          const c = count(f);
          return { vertices: a.vertices + c.vertices, parts: a.parts + c.parts, type: 'FeatureCollection' };
        }, { vertices: 0, parts: 0, type: 'FeatureCollection' });
      }
      const geom = g.type === 'Feature' ? g.geometry : g;
      const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
      return {
        vertices: polys.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0),
        parts: polys.length, type: geom.type,
      };
    };
    const rows = [];
    for (const d of distances) {
      try {
        let out;
        for (let i = 0; i < warmup; i++) out = buffer(feature, d, { units: 'kilometers', steps });
        const t = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          out = buffer(feature, d, { units: 'kilometers', steps });
          t.push(performance.now() - t0);
        }
        t.sort((a, b) => a - b);
        const median = t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
        const p95 = t[Math.min(t.length - 1, Math.ceil(0.95 * t.length) - 1)];
        const c = count(out);
        rows.push({
          distance_km: d, runs, median_ms: median, p95_ms: p95, min_ms: t[0], max_ms: t[t.length - 1],
          output_vertices: c.vertices, output_polygons: c.parts, output_type: c.type,
          ...(keepOutput ? { output: out } : {}),
        });
      } catch (e) {
        rows.push({ distance_km: d, error: String(e && e.stack || e) });
      }
    }
    return rows;
  }, { feature, distances, runs, warmup, steps, keepOutput });
}

// --- accuracy check (Node side, not timed): great-circle distance from each
// output vertex to Russia's boundary, on a sphere of turf's earthRadius.
const R_KM = 6371.0088;
const toVec = ([lon, lat]) => {
  const l = lon * Math.PI / 180, p = lat * Math.PI / 180;
  return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
};
const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const ang = (a, b) => Math.atan2(Math.hypot(...cross(a, b)), dot(a, b));

function segments(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const segs = [];
  for (const poly of polys) for (const ring of poly) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = toVec(ring[i]), b = toVec(ring[i + 1]);
      const n = cross(a, b), len = Math.hypot(...n);
      segs.push({ a, b, n: len > 1e-15 ? n.map((x) => x / len) : null });
    }
  }
  return segs;
}

function distToSegs(p, segs) {
  let best = Infinity;
  for (const { a, b, n } of segs) {
    let d = Math.min(ang(p, a), ang(p, b));
    if (n) {
      const s = dot(p, n);
      const f = [p[0] - s * n[0], p[1] - s * n[1], p[2] - s * n[2]];
      if (dot(cross(a, f), n) >= 0 && dot(cross(f, b), n) >= 0) d = Math.min(d, Math.asin(Math.min(1, Math.abs(s))));
    }
    if (d < best) best = d;
  }
  return best * R_KM;
}

/** min / median / max great-circle distance (km) from the output's vertices to `feature`. */
export function boundaryDistances(output, feature) {
  const segs = segments(feature.geometry);
  const pts = [];
  const walk = (g) => {
    if (g.type === 'FeatureCollection') return g.features.forEach(walk);
    const geom = g.type === 'Feature' ? g.geometry : g;
    const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
    for (const poly of polys) for (const ring of poly) for (const c of ring) pts.push(c);
  };
  walk(output);
  const d = pts.map((c) => distToSegs(toVec(c), segs)).sort((a, b) => a - b);
  return { n: d.length, min: d[0], median: d[Math.floor(d.length / 2)], max: d[d.length - 1] };
}

const vertexCount = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
  .reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
  const steps = opt('--steps', 8), runs = opt('--runs', 10);
  const check = !args.includes('--no-check');
  const forcePerPolygon = args.includes('--per-polygon');
  const distances = [500, 1000, 2000, 5500];

  const feature = loadFeature('RUS');
  const server = await serveRepo();
  const browser = await launch();
  try {
    const { page, errors, foreign } = await openTurfPage(browser, server.url);
    const rows = await turfBufferTimes(page, feature, distances, { runs, steps, keepOutput: check });

    // If turf fails on the whole MultiPolygon, fall back to one Feature per
    // polygon (each with its own projection; outputs not unioned).
    let perPolygon = null;
    if (forcePerPolygon || rows.some((r) => r.error)) {
      const fc = {
        type: 'FeatureCollection',
        features: feature.geometry.coordinates.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: c } })),
      };
      perPolygon = await turfBufferTimes(page, fc, rows.filter((r) => forcePerPolygon || r.error).map((r) => r.distance_km), { runs, steps, keepOutput: check });
    }
    for (const r of rows) {
      if (check && r.output) r.boundary_km = boundaryDistances(r.output, feature);
      delete r.output;
    }
    // Per polygon, each output is checked against its own polygon (the outputs
    // overlap, so checking against all of Russia would mean nothing).
    for (const r of perPolygon || []) {
      const out = r.output;
      delete r.output;
      if (!check || !out || out.features.length !== feature.geometry.coordinates.length) continue;
      const all = out.features.flatMap((f, i) => {
        const own = { geometry: { type: 'Polygon', coordinates: feature.geometry.coordinates[i] } };
        const b = boundaryDistances(f, own);
        return [b.min, b.median, b.max];
      });
      r.boundary_km = { n: r.output_vertices, min: Math.min(...all), median: null, max: Math.max(...all) };
    }
    const browserVersion = browser.version();
    const result = {
      turf_buffer: JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@turf/buffer/package.json'), 'utf8')).version,
      chromium: browserVersion,
      machine: { cpus: os.cpus().length, loadavg_1_5_15: os.loadavg().map((x) => +x.toFixed(2)) },
      input: {
        iso_a3: 'RUS', type: feature.geometry.type,
        polygons: feature.geometry.coordinates.length, vertices: vertexCount(feature.geometry),
      },
      options: { units: 'kilometers', steps, warmup: 1, runs },
      rows,
      ...(perPolygon ? { per_polygon: perPolygon } : {}),
      page_errors: errors,
      foreign_requests: foreign,
    };
    console.log(JSON.stringify(result, null, 2));
    console.log();
    console.log(`@turf/buffer ${result.turf_buffer}, Chromium ${browserVersion}, Russia `
      + `(${result.input.type}, ${result.input.polygons} polygons, ${result.input.vertices} vertices), steps ${steps}, ${runs} runs after 1 warm-up`);
    console.log();
    const fmt = (x) => (x == null ? '' : x.toFixed(1));
    console.log('| distance km | median ms | p95 ms | output vertices | output polygons |'
      + (check ? ' boundary→Russia km min / median / max (per polygon: to its own polygon) |' : ''));
    console.log('|---:|---:|---:|---:|---:|' + (check ? '---|' : ''));
    for (const r of [...rows, ...(perPolygon || []).map((r) => ({ ...r, distance_km: `${r.distance_km} (per polygon)` }))]) {
      if (r.error) { console.log(`| ${r.distance_km} | error: ${r.error.split('\n')[0]} | | | |`); continue; }
      const b = r.boundary_km;
      console.log(`| ${r.distance_km} | ${fmt(r.median_ms)} | ${fmt(r.p95_ms)} | ${r.output_vertices} | ${r.output_polygons} |`
        + (check ? (b ? ` ${b.min.toFixed(0)} / ${b.median == null ? '–' : b.median.toFixed(0)} / ${b.max.toFixed(0)} |` : ' |') : ''));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
