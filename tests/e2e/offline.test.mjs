// The single-file build: opened from file:// with no network it draws every
// state, and it draws inside a sandbox="allow-scripts" frame, where the page
// has no origin of its own and cannot fetch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, offline } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const single = path.resolve(here, '../../dist-single/treaty-map.html');
const facts = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/facts.json'), 'utf8'));
const expected = facts.states.filter((s) => s.drawn !== false).length + facts.context.length;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single file draws every state from file:// with no request made', async () => {
  const { context, requests } = await offline(browser);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  await page.goto(`${pathToFileURL(single).href}?demands=nato-6,us-6`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="us-6 nato-6"]', { timeout: 30000 });
  assert.equal(await page.locator('[data-iso]').count(), expected);
  // Distance zones too, with the far members' geometry inlined: the inset
  // shows Alaska within reach of Russia.
  await page.waitForSelector('[data-inset-iso="USA"][data-restricted-by="us-6"]', { timeout: 60000 });
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single file draws in a sandbox="allow-scripts" frame', async () => {
  const html = fs.readFileSync(single);
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/treaty-map.html')) { res.writeHead(200, { 'content-type': 'text/html' }); res.end(html); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><iframe sandbox="allow-scripts" src="/treaty-map.html" title="map" width="1000" height="700"></iframe>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-iso="POL"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('[data-iso]').count(), expected);
  await page.close();
  server.close();
});

test('the single file shows the table, downloads its CSV and GeoJSON, and reads the drafts, with no request made', async () => {
  const context = await browser.newContext({ acceptsDownloads: true });
  const requests = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('blob:')) return route.continue();
    requests.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${pathToFileURL(single).href}?demands=us-5a,nato-7a&view=table`);
  await page.waitForSelector('tr[data-row-iso="UKR"]', { timeout: 30000 });
  const table = (await page.$$eval('tr[data-row-iso]', (trs) => trs.map((t) => t.dataset.rowIso))).sort();
  const mapped = (await page.$$eval('svg.map [data-iso]', (els) => els.filter((e) => e.getAttribute('data-restricted-by')).map((e) => e.getAttribute('data-iso')))).sort();
  const drawnRows = (await page.$$eval('tr[data-row-iso][data-drawn="true"]', (trs) => trs.map((t) => t.dataset.rowIso))).sort();
  assert.deepEqual(drawnRows, mapped, 'a row for each state the map marks (and the far members, not drawn, besides)');
  const save = async (selector) => {
    // The downloads are items of the Share menu.
    if (!await page.locator(selector).isVisible()) await page.click('button[data-menu="share"]');
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return { name: d.suggestedFilename(), body: fs.readFileSync(await d.path()).toString('utf8') };
  };
  const csv = await save('button.export-csv');
  assert.equal(csv.name, 'treaty-map.csv');
  const lines = csv.body.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'iso,name,us-5a,nato-7a,area_km2,memberships,date');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]).sort(), table);
  const geojson = await save('button.export-geojson');
  assert.equal(geojson.name, 'treaty-map.geojson');
  const fc = JSON.parse(geojson.body);
  assert.equal(fc.type, 'FeatureCollection');
  const states = fc.features.filter((f) => f.properties.kind === 'state').map((f) => f.properties.iso).sort();
  assert.deepEqual(states, table);
  // The drafts' text, inlined in the file like the data.
  await page.goto(`${pathToFileURL(single).href}?read=us-4`);
  await page.waitForSelector('.reading [id="us-4"] .verbatim', { timeout: 30000 });
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});
