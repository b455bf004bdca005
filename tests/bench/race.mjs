// Races the release build against a plain D3 page drawing the same
// geo/states.topo.json (tests/bench/d3/: d3-geo and topojson-client from
// node_modules at the versions package.json pins, bundled and minified here
// with esbuild), in headless Chromium, both served gzipped from 127.0.0.1
// (the map under a sub-path, /map/; the D3 page under /d3/). Every load is
// a fresh browser context (nothing cached), the pages alternate (the map first
// in the first, third… round, the D3 page first in the others), under two profiles set through CDP:
//   desktop: no throttling, 1280 × 900;
//   phone:   CPU × 4 (Emulation.setCPUThrottlingRate), 1.6 Mbps down,
//            750 kbps up, 150 ms round trip (Network.emulateNetworkConditions),
//            412 × 915.
// For each load, in ms from navigation start (the page's performance.now()),
// read once a frame in a requestAnimationFrame callback by a script the page
// runs before its own (the frame's paint follows that callback):
//   shape:  first frame with a visible SVG path in an SVG at least 200 px
//           wide (the map's shape);
//   drawn:  first frame with 40 or more `[data-iso]` elements, the 40th with
//           a non-empty box;
//   toggle: `button[data-demand="us-4a"]` is clicked in the first frame it
//           exists and is enabled; toggle is the first frame after that in
//           which an element's data-restricted-by names us-4a;
// and the bytes on the wire (CDP Network.loadingFinished encodedDataLength,
// headers included, summed until the page has
// reached every milestone, read every 50 ms). Prints medians and the ratios
// map / D3 as a Markdown table, and each run's figures.
//
// Then (in a run of every profile, or alone with --profile slow) a 400 kbps check: each page
// loaded on 400 kbps down and up, 150 ms round trip, CPU × 4, with a
// screenshot and a record of what is on screen (headline, map shape, states,
// a loading sign) at a few times, and when its code (the main .wasm for the
// map, main.js for the D3 page) finished arriving. Screenshots go to
// target/race/.
//
// Run: node tests/bench/race.mjs [DIST] [--runs N] [--once] [--profile desktop|phone|slow]
//                                [--timeout SECONDS]
//   DIST        the release build to race (default dist/);
//   --runs N    loads of each page per profile (default 3);
//   --once      smoke test: one run of one profile (desktop unless
//               --profile), prints, exits 0 when both pages reached every
//               milestone, non-zero naming the milestone one did not reach
//               within the timeout (default 60 s a load, 180 s on a throttled
//               profile);
//   --profile   only that profile.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launch } from '../e2e/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const valued = new Set(['--runs', '--profile', '--timeout']);
const opts = {};
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (valued.has(args[i])) opts[args[i]] = args[++i];
  else if (args[i].startsWith('--')) opts[args[i]] = true;
  else positional.push(args[i]);
}
const once = Boolean(opts['--once']);
const runs = once ? 1 : Number(opts['--runs'] ?? 3);
const dist = path.resolve(positional[0] ?? path.join(root, 'dist'));
const only = opts['--profile'] ?? (once ? 'desktop' : null);
const DEMAND = 'us-4a';

function fail(message) {
  console.error(`race: ${message}`);
  process.exit(1);
}
if (!fs.existsSync(path.join(dist, 'index.html'))) fail(`${dist} has no index.html: run scripts/build, or name a release build`);
if (!Number.isInteger(runs) || runs < 1) fail('--runs takes a whole number of 1 or more');

const PROFILES = {
  desktop: { cpu: 1, net: null, viewport: { width: 1280, height: 900 }, timeout: 60 },
  phone: { cpu: 4, net: { down: 1.6e6, up: 750e3, rtt: 150 }, viewport: { width: 412, height: 915 }, timeout: 180 },
  slow: { cpu: 4, net: { down: 400e3, up: 400e3, rtt: 150 }, viewport: { width: 412, height: 915 }, timeout: 180, check: true },
};
if (opts['--timeout'] !== undefined) {
  const t = Number(opts['--timeout']);
  if (!(t > 0)) fail('--timeout takes a number of seconds');
  for (const p of Object.values(PROFILES)) p.timeout = t;
}
if (only && !PROFILES[only]) fail(`no profile ${only}: desktop, phone or slow`);

// The D3 page's script, bundled and minified as a page made the common way
// would ship it.
const bundle = await build({
  entryPoints: [path.join(here, 'd3/main.js')], bundle: true, minify: true, format: 'esm', write: false,
  target: 'es2022', logLevel: 'error', absWorkingDir: root,
});
const d3Files = {
  'index.html': fs.readFileSync(path.join(here, 'd3/index.html')),
  'main.js': Buffer.from(bundle.outputFiles[0].contents),
  'states.topo.json': fs.readFileSync(path.join(root, 'geo/states.topo.json')),
};

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};
const gzipped = new Map();
const gz = (key, body) => {
  if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
  return gzipped.get(key);
};
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let key; let body;
  if (url.pathname.startsWith('/map/')) {
    const rel = decodeURIComponent(url.pathname.slice(5)) || 'index.html';
    const file = path.join(dist, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) { key = file; body = fs.readFileSync(file); }
  } else if (url.pathname.startsWith('/d3/')) {
    const rel = url.pathname.slice(4) || 'index.html';
    if (Object.hasOwn(d3Files, rel)) { key = `d3/${rel}`; body = d3Files[rel]; }
  }
  if (!body) { res.writeHead(404); res.end('not found'); return; }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(key)] || 'application/octet-stream',
    'content-encoding': 'gzip', 'cache-control': 'no-store',
  });
  res.end(gz(key, body));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const PAGES = { map: `${base}/map/`, d3: `${base}/d3/` };
const LABEL = { map: 'the map', d3: 'the D3 page' };

// Runs in the page before its own scripts: checks once a frame.
const probe = (click) => `(() => {
  const b = window.__bench = {};
  const CLICK = ${click};
  const DEMAND = ${JSON.stringify(DEMAND)};
  const seen = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  function frame() {
    const t = performance.now();
    if (b.headline === undefined) { const h = document.querySelector('h1'); if (h && seen(h)) b.headline = t; }
    if (b.shape === undefined) {
      for (const p of document.querySelectorAll('svg path')) {
        const svg = p.ownerSVGElement;
        if (p.getAttribute('d') && svg && svg.getBoundingClientRect().width >= 200 && seen(p)) { b.shape = t; break; }
      }
    }
    if (b.drawn === undefined) {
      const all = document.querySelectorAll('[data-iso]');
      if (all.length >= 40 && seen(all[39])) { b.drawn = t; b.states = all.length; }
    }
    if (!CLICK) {
      // The 400 kbps check looks, it does not click.
    } else if (b.clicked === undefined) {
      const button = document.querySelector('button[data-demand="' + DEMAND + '"]');
      if (button && !button.disabled) { b.clicked = t; button.click(); }
    } else if (b.toggle === undefined) {
      const on = document.querySelectorAll('[data-restricted-by~="' + DEMAND + '"]');
      if (on.length > 0) { b.toggle = t; b.reached = [...new Set([...on].map((e) => e.getAttribute('data-iso')))].sort(); }
    }
    if ((CLICK && b.toggle === undefined) || b.shape === undefined || b.drawn === undefined) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();`;

const MILESTONES = [
  ['shape', "a visible SVG path in an SVG 200 px wide or more (the map's shape)"],
  ['drawn', '40 `[data-iso]` elements drawn'],
  ['clicked', `an enabled button[data-demand="${DEMAND}"] to click`],
  ['toggle', `data-restricted-by naming ${DEMAND} after the click`],
];

const browser = await launch();

async function open(name, profile) {
  const context = await browser.newContext({ viewport: profile.viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(probe(!profile.check));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const wire = { bytes: 0, files: 0 };
  cdp.on('Network.loadingFinished', (e) => { wire.bytes += e.encodedDataLength; wire.files += 1; });
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.net) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: profile.net.rtt,
      downloadThroughput: profile.net.down / 8, uploadThroughput: profile.net.up / 8,
    });
  }
  await page.goto(PAGES[name], { waitUntil: 'commit', timeout: profile.timeout * 1000 });
  return { context, page, errors, wire };
}

async function load(name, profile) {
  const { context, page, errors, wire } = await open(name, profile);
  try {
    await page.waitForFunction(() => {
      const b = window.__bench;
      return b && b.toggle !== undefined && b.shape !== undefined && b.drawn !== undefined;
    }, null, { timeout: profile.timeout * 1000, polling: 50 });
  } catch (e) {
    if (e.name !== 'TimeoutError') throw e;
    const b = await page.evaluate(() => window.__bench || {}).catch(() => ({}));
    const missing = MILESTONES.filter(([k]) => b[k] === undefined).map(([, what]) => what);
    const reached = MILESTONES.filter(([k]) => b[k] !== undefined).map(([k]) => `${k} ${Math.round(b[k])} ms`);
    await context.close();
    fail(`${LABEL[name]} (${PAGES[name]}) did not reach, within ${profile.timeout} s: ${missing.join('; ')}`
      + ` (reached: ${reached.join(', ') || 'nothing'})${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
  }
  const b = await page.evaluate(() => window.__bench);
  await context.close();
  if (errors.length) fail(`${LABEL[name]}: page errors: ${errors.join('; ')}`);
  return { ...b, bytes: wire.bytes, files: wire.files };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} KB`;
const ROWS = [
  ['bytes on the wire', 'bytes', kb],
  ["first paint of the map's shape", 'shape', ms],
  ['40 states drawn', 'drawn', ms],
  ['first toggle taking effect', 'toggle', ms],
];

const results = {};
const raced = Object.keys(PROFILES).filter((p) => (only ? p === only : !PROFILES[p].check) && !PROFILES[p].check);
for (const profileName of raced) {
  const profile = PROFILES[profileName];
  const r = results[profileName] = { map: [], d3: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['map', 'd3'] : ['d3', 'map'];
    for (const name of order) r[name].push(await load(name, profile));
  }
}

if (raced.length) {
  console.log(`\nrace: ${path.relative(root, dist) || '.'} against tests/bench/d3/, ${runs} run${runs > 1 ? 's' : ''} of each page a profile, medians; ratio = this map / D3 page`);
  console.log('\n| profile | measure | this map | D3 page | ratio |');
  console.log('|---|---|---:|---:|---:|');
  for (const profileName of raced) {
    const r = results[profileName];
    for (const [label, key, fmt] of ROWS) {
      const m = median(r.map.map((x) => x[key]));
      const d = median(r.d3.map((x) => x[key]));
      console.log(`| ${profileName} | ${label} | ${fmt(m)} | ${fmt(d)} | ${(m / d).toFixed(2)} |`);
    }
  }
  console.log('\neach run (shape / 40 states / toggle, ms; bytes):');
  for (const profileName of raced) {
    for (const name of ['map', 'd3']) {
      const line = results[profileName][name].map((x) => `${Math.round(x.shape)} / ${Math.round(x.drawn)} / ${Math.round(x.toggle)}; ${x.bytes}`);
      console.log(`  ${profileName}, ${LABEL[name]}: ${line.join(' | ')}`);
    }
    const [m, d] = [results[profileName].map[0].reached, results[profileName].d3[0].reached];
    if (JSON.stringify(m) !== JSON.stringify(d)) {
      console.log(`  warning: the pages' ${DEMAND} reaches differ: map ${m.join(' ')}; D3 ${d.join(' ')}`);
    }
  }
}

// What a reader sees on a 400 kbps link before the code has arrived.
if (only === 'slow' || (!once && only === null)) {
  const profile = PROFILES.slow;
  const times = [500, 1000, 2000, 3000, 5000];
  const outDir = path.join(root, 'target', 'race');
  fs.mkdirSync(outDir, { recursive: true });
  console.log(`\n400 kbps down and up, 150 ms round trip, CPU × 4, ${profile.viewport.width} × ${profile.viewport.height}: what is on screen`);
  for (const name of ['map', 'd3']) {
    const { context, page, errors } = await open(name, profile);
    const code = name === 'map' ? '_bg\\.wasm$' : '/main\\.js$';
    const state = (re) => {
      const seen = (el) => { const r = el && el.getBoundingClientRect(); return Boolean(r && r.width > 0 && r.height > 0); };
      const shape = [...document.querySelectorAll('svg path')].some((p) => p.getAttribute('d') && p.ownerSVGElement
        && p.ownerSVGElement.getBoundingClientRect().width >= 200 && seen(p));
      const sign = [...document.querySelectorAll('[role="status"], [aria-busy="true"], .loading')]
        .find((el) => seen(el) && (el.getAttribute('aria-busy') === 'true' || /load/i.test(el.textContent)));
      const entry = performance.getEntriesByType('resource').find((e) => new RegExp(re).test(e.name));
      return {
        now: performance.now(), headline: seen(document.querySelector('h1')), shape,
        states: [...document.querySelectorAll('[data-iso]')].filter(seen).length,
        sign: sign ? sign.textContent.trim().slice(0, 60) : null,
        code: entry && entry.responseEnd > 0 ? entry.responseEnd : null,
        text: (document.body ? document.body.innerText.trim().length : 0),
      };
    };
    const rows = [];
    for (const t of [...times, 'drawn']) {
      if (t === 'drawn') {
        if (rows.at(-1).states >= 40) break;
        await page.waitForFunction(() => window.__bench && window.__bench.drawn !== undefined, null, { timeout: profile.timeout * 1000, polling: 50 })
          .catch(() => {});
      } else {
        await page.waitForFunction((t) => performance.now() >= t, t, { timeout: profile.timeout * 1000, polling: 20 });
      }
      const s = await page.evaluate(state, code);
      const file = path.join(outDir, `slow-${name}-${t === 'drawn' ? 'drawn' : `${t}ms`}.png`);
      fs.writeFileSync(file, await page.screenshot());
      rows.push({ ...s, file: path.relative(root, file) });
    }
    const arrived = rows.map((r) => r.code).find((c) => c !== null);
    console.log(`\n${LABEL[name]}: its code (${name === 'map' ? 'the main .wasm' : 'main.js'}) arrived at ${arrived ? ms(arrived) : 'no time seen'}`);
    console.log('| at | code in | headline | map shape | states | loading sign | screenshot |');
    console.log('|---:|---|---|---|---:|---|---|');
    for (const r of rows) {
      const codeIn = r.code !== null && r.code <= r.now ? 'yes' : 'no';
      console.log(`| ${ms(r.now)} | ${codeIn} | ${r.headline ? 'yes' : 'no'} | ${r.shape ? 'yes' : 'no'} | ${r.states} | ${r.sign ? `“${r.sign}”` : 'none'} | ${r.file} |`);
    }
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    await context.close();
  }
}

await browser.close();
server.close();
if (once) console.log(`\nrace --once: both pages reached every milestone (${only})`);
