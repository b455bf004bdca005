// Measures the distance zones on the release build in headless Chromium:
// - a slider step while dragging (input event → zone recomputed, path
//   data replaced, style and layout done), and the exact step when the
//   slider is let go (change event: every edge point placed on the
//   ellipsoid), for each kind of zone;
// - the one-off field computation after a toggle (click → exact zone drawn);
// - @turf/buffer on Russia's outline at the same distances, in the same
//   browser (tests/e2e/turf-bench.mjs), and the ratio to one step.
// Run: node tests/e2e/zone-bench.mjs [--no-turf]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';
import { serveRepo, openTurfPage, loadFeature, turfBufferTimes } from './turf-bench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const server = await serve(path.join(root, 'dist'));
const browser = await launch();

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};

/** Steps of one slider: `n` input events (dragging), then `m` change events. */
async function steps(query, demand, name, values) {
  const { page, errors } = await open(browser, `${server.url}?${query}`);
  const t0 = Date.now();
  await page.waitForSelector(`.map-frame path.zone[data-zone="${demand}"][data-exact="true"], figure.inset path.zone[data-zone="${demand}"][data-exact="true"]`, { timeout: 60000 });
  const ready = Date.now() - t0;
  const result = await page.evaluate(async ({ name, values, demand }) => {
    const input = document.querySelector(`input[name="${name}"]`);
    const probe = () => {
      document.querySelector('svg.map').getBoundingClientRect();
      const z = document.querySelector(`path.zone[data-zone="${demand}"]`);
      if (z) getComputedStyle(z).fill;
    };
    const run = async (kind) => {
      const out = [];
      for (const v of values) {
        const t = performance.now();
        input.value = String(v);
        input.dispatchEvent(new Event(kind, { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        probe();
        out.push(performance.now() - t);
        // Let the frame go by, as a pointer would.
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      return out;
    };
    return { drag: await run('input'), release: await run('change') };
  }, { name, values, demand });
  await page.context().close();
  return { query, ready, errors, ...result };
}

const range = Array.from({ length: 60 }, (_, i) => 500 + ((i * 83) % 5000));
const band = Array.from({ length: 60 }, (_, i) => 10 + ((i * 17) % 490));
const sea = Array.from({ length: 60 }, (_, i) => 100 + ((i * 83) % 5400));
const cases = [
  ['missile range, nato-5 (both sides)', 'demands=nato-5&date=today', 'nato-5', 'range', range],
  ['border band, nato-7b (both sides)', 'demands=nato-7b&date=today', 'nato-7b', 'band', band],
  ['sea, us-5b (both sides, with the inset)', 'demands=us-5b', 'us-5b', 'sea', sea],
];
const rows = [];
for (const [label, query, demand, name, values] of cases) {
  const r = await steps(query, demand, name, values);
  rows.push({ label, ready: r.ready, drag50: q(r.drag, 0.5), drag95: q(r.drag, 0.95), rel50: q(r.release, 0.5), rel95: q(r.release, 0.95), errors: r.errors });
}

let turf = null;
if (!process.argv.includes('--no-turf')) {
  const repo = await serveRepo();
  const { page } = await openTurfPage(browser, repo.url);
  turf = await turfBufferTimes(page, loadFeature('RUS'), [500, 1000, 2000, 5500], { runs: 3, warmup: 1 });
  repo.close();
}
const f = (x) => x.toFixed(1);
console.log('| zone | field after toggle (ms) | drag step median / p95 (ms) | exact step on release median / p95 (ms) |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.ready} | ${f(r.drag50)} / ${f(r.drag95)} | ${f(r.rel50)} / ${f(r.rel95)} |`);
if (turf) {
  const step = rows[0];
  console.log('\n| distance (km) | @turf/buffer of Russia, median (ms) | ratio to one drag step (p95) | ratio to one exact step (p95) |');
  console.log('|---:|---:|---:|---:|');
  for (const t of turf) {
    if (t.error) { console.log(`| ${t.distance_km} | error: ${t.error} | | |`); continue; }
    console.log(`| ${t.distance_km} | ${f(t.median_ms)} | ${f(t.median_ms / step.drag95)}× | ${f(t.median_ms / step.rel95)}× |`);
  }
}
fs.mkdirSync(path.join(root, 'target'), { recursive: true });
fs.writeFileSync(path.join(root, 'target/zone-bench.json'), JSON.stringify({ rows, turf }, null, 1));
for (const r of rows) if (r.errors.length) console.error(r.label, r.errors);
await browser.close();
server.close();
