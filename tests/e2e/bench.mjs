// Measures, on the release build in headless Chromium, the work a demand
// toggle costs: from the click until the reactive updates have run and the
// browser has recomputed style and layout (the part of a frame the page
// controls). Prints the median and the 95th percentile over 40 toggles.
// Run: node tests/e2e/bench.mjs [dist directory, dist/ by default]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const server = await serve(dist);
const browser = await launch();
const { page } = await open(browser, server.url);
await page.waitForSelector('[data-iso="POL"]');
const times = await page.evaluate(async () => {
  const ids = ['nato-6', 'nato-7a', 'us-4a', 'nato-4'];
  const out = [];
  for (let i = 0; i < 40; i++) {
    const b = document.querySelector(`button[data-demand="${ids[i % ids.length]}"]`);
    const t0 = performance.now();
    b.click();
    // Yield one task so Leptos's queued effects run. Not setTimeout(0):
    // chained timers are clamped to 4 ms after five, which the page does not
    // cost (earlier figures in BENCHMARKS.md include that clamp).
    await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    document.querySelector('svg.map').getBoundingClientRect();
    getComputedStyle(document.querySelector('[data-iso="UKR"]')).fill;
    out.push(performance.now() - t0);
  }
  return out;
});
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
console.log(`toggle → updates, style and layout done: median ${q(0.5)} ms, p95 ${q(0.95)} ms (n=${times.length})`);
await browser.close();
server.close();
