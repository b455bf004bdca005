// "Show as table" and the CSV and GeoJSON downloads, against the map: the
// table's rows are the states the map marks as reached; view=table opens
// it; the CSV parses back into the table; the GeoJSON, drawn by d3-geo in
// the browser, holds the same states, wound as RFC 7946 asks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const modules = path.resolve(here, '../../node_modules');
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function download(page, selector) {
  // The downloads are items of the Share menu.
  if (!await page.locator(selector).isVisible()) await page.click('button[data-menu="share"]');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), body: fs.readFileSync(await d.path()).toString('utf8') };
}

/** The states the map marks as reached by an active demand. */
const mapped = (page) => page.$$eval('svg.map [data-iso]', (els) => els.filter((e) => e.getAttribute('data-restricted-by')).map((e) => e.getAttribute('data-iso')).sort());

/** The table's rows: [iso, drawn]. */
const rows = (page) => page.$$eval('tr[data-row-iso]', (trs) => trs.map((t) => [t.getAttribute('data-row-iso'), t.getAttribute('data-drawn') === 'true']));

/** RFC 4180, read here without the writer's code: quoted fields, doubled quotes, CRLF. */
function parseCsv(text) {
  const out = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); out.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'the last line ends with CRLF');
  return out;
}

test('view=table opens the table, one row per state the map reaches, sortable, from the keyboard too', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=us-4a,nato-4&view=table`);
  await page.waitForSelector('tr[data-row-iso="UKR"]');
  const map = await mapped(page);
  const table = await rows(page);
  assert.deepEqual(table.filter(([, drawn]) => drawn).map(([iso]) => iso).sort(), map);
  assert.ok(map.length > 30);
  assert.match(await page.textContent('table.reach-table caption'), /states reached by the active demands/);
  // A column per active demand; Ukraine is reached by both, Austria by nato-4 only.
  assert.deepEqual(await page.$$eval('tr[data-row-iso="AUT"] td[data-demand]', (tds) => tds.map((t) => [t.dataset.demand, t.dataset.reached])), [['us-4a', 'false'], ['nato-4', 'true']]);
  assert.match(await page.textContent('tr[data-row-iso="UKR"] td[data-demand="us-4a"]'), /United States/);
  // Sort by area, largest first: Kazakhstan tops it.
  const area = page.locator('th:has(button.sort:text("Area, km²")) button');
  await area.click();
  await area.click();
  assert.equal(await page.getAttribute('th:has(button.sort:text("Area, km²"))', 'aria-sort'), 'descending');
  assert.equal((await rows(page))[0][0], 'KAZ');
  // Hide it, and open it again from the keyboard.
  await page.click('button.show-table');
  await page.waitForSelector('tr[data-row-iso]', { state: 'detached' });
  await page.waitForFunction(() => !location.search.includes('view=table'));
  await page.focus('button.show-table');
  await page.keyboard.press('Enter');
  await page.waitForSelector('tr[data-row-iso="UKR"]');
  assert.equal(await page.getAttribute('button.show-table', 'aria-expanded'), 'true');
  await page.waitForFunction(() => location.search.includes('view=table'));
  assert.deepEqual(errors, []);
});

test('the table follows the map when a demand is switched on', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=us-7&view=table`);
  await page.waitForSelector('tr[data-row-iso="BEL"]');
  assert.deepEqual((await rows(page)).map(([iso]) => iso).sort(), await mapped(page));
  await page.click('button[data-demand="nato-6"]');
  await page.waitForSelector('tr[data-row-iso="AUT"]');
  assert.deepEqual((await rows(page)).map(([iso]) => iso).sort(), await mapped(page));
  assert.deepEqual(errors, []);
});

test('the CSV download parses and matches the table', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=us-5a,nato-7a&view=table`);
  await page.waitForSelector('tr[data-row-iso="UKR"]');
  const { name, body } = await download(page, 'button.export-csv');
  assert.equal(name, 'treaty-map.csv');
  const [header, ...records] = parseCsv(body);
  assert.deepEqual(header, ['iso', 'name', 'us-5a', 'nato-7a', 'area_km2', 'memberships', 'date']);
  const table = await page.$$eval('tr[data-row-iso]', (trs) => trs.map((t) => [t.dataset.rowIso, t.querySelector('th').textContent, ...[...t.querySelectorAll('td[data-demand]')].map((td) => (td.dataset.reached === 'true' ? td.textContent : ''))]));
  assert.deepEqual(records.map((r) => r.slice(0, 4)), table);
  assert.ok(records.every((r) => r[6] === '2021-12-17'));
  // UTF-8 names come through (Türkiye is "Turkey" in the facts; Åland is Finland's).
  assert.ok(records.some((r) => r[1] === 'Bosnia and Herzegovina'));
  assert.deepEqual(errors, []);
});

test('the GeoJSON download, drawn by d3-geo, holds the table\'s states and a zone', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=us-4b,nato-7b&view=table`);
  // d3-geo (npm, pinned in package.json), served from this origin.
  for (const [file, dir] of [['d3-array.js', 'd3-array/dist/d3-array.min.js'], ['d3-geo.js', 'd3-geo/dist/d3-geo.min.js']]) {
    await page.route(`**/__test/${file}`, (route) => route.fulfill({ path: path.join(modules, dir), contentType: 'text/javascript' }));
  }
  await page.waitForSelector('.legend li[data-demand="nato-7b"] .zone-figures[data-ready="true"]', { timeout: 60000 });
  await page.waitForSelector('tr[data-row-iso="POL"]');
  const { name, body } = await download(page, 'button.export-geojson');
  assert.equal(name, 'treaty-map.geojson');
  const table = (await rows(page)).map(([iso]) => iso).sort();
  await page.addScriptTag({ url: `${server.url}__test/d3-array.js` });
  await page.addScriptTag({ url: `${server.url}__test/d3-geo.js` });
  const drawn = await page.evaluate((text) => {
    const fc = JSON.parse(text);
    const projection = d3.geoConicEqualArea().parallels([40, 65]).rotate([-30, 0]).fitSize([960, 720], { type: 'Sphere' });
    const geoPath = d3.geoPath(projection);
    // d3-geo reads rings the other way round from RFC 7946 (clockwise outer
    // rings): as written, an RFC 7946 polygon is, for d3, the rest of the globe.
    const reversed = (f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => p.map((r) => [...r].reverse())) } });
    const out = { type: fc.type, states: [], zones: [], wound: true };
    for (const f of fc.features) {
      if (!f.geometry) { out.states.push(f.properties.iso); continue; }
      if (d3.geoArea(f) < 2 * Math.PI) out.wound = false;
      const g = reversed(f);
      const d = geoPath(g) || '';
      if (f.properties.kind === 'state') {
        if (d.length > 10 && d3.geoArea(g) < 0.5) out.states.push(f.properties.iso);
      } else {
        out.zones.push({ demand: f.properties.demand, km: f.properties.km, area: f.properties.area_km2, drawn: d.length > 10, poland: d3.geoContains(g, [23.2, 52.2]) });
      }
    }
    return out;
  }, body);
  assert.equal(drawn.type, 'FeatureCollection');
  assert.ok(drawn.wound, 'every ring wound as RFC 7946 asks');
  assert.deepEqual(drawn.states.sort(), table);
  assert.ok(drawn.zones.length >= 1);
  const band = drawn.zones.find((z) => z.demand === 'nato-7b');
  assert.equal(band.km, 100);
  assert.ok(band.drawn && band.area > 0);
  assert.ok(drawn.zones.some((z) => z.poland), 'the band holds ground inside Poland near Belarus');
  assert.deepEqual(errors, []);
});
