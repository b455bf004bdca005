// Exports: the SVG parses and carries the legend and attribution; the PNG
// decodes at twice the SVG's size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { fetches, launch, open } from './browser.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// The downloads and the presentation are items of the Share menu.
const menu = (page) => page.click('button[data-menu="share"]');

async function download(page, selector) {
  await menu(page);
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return fs.readFileSync(await d.path());
}

test('the SVG and PNG downloads hold the view, its legend and attribution', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=nato-6,nato-7a&ee=broad`, { viewport: { width: 1280, height: 900 } });
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6 nato-7a"]');
  const svg = (await download(page, 'button.export-svg')).toString('utf8');
  // It parses as XML, in the browser's own parser.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    return { ok: !err, states: doc.querySelectorAll('[data-iso]').length, width: doc.documentElement.getAttribute('width'), height: doc.documentElement.getAttribute('height'), ukr: doc.querySelector('[data-iso="UKR"]').getAttribute('fill') };
  }, svg);
  assert.ok(parsed.ok, 'SVG parses');
  assert.ok(parsed.states > 70);
  assert.equal(parsed.ukr, 'url(#mix-nato-6_nato-7a)');
  assert.match(svg, /nato-6 No further NATO enlargement: 26 states/);
  assert.match(svg, /Readings: Eastern Europe: The UN region/);
  assert.match(svg, /17 December 2021/);
  assert.match(svg, /Natural Earth/);
  const png = await download(page, 'button.export-png');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  const w = png.readUInt32BE(16), h = png.readUInt32BE(20);
  assert.equal(w, 2 * Number(parsed.width));
  assert.equal(h, 2 * Number(parsed.height));
  assert.deepEqual(errors, []);
});

test('an exported zone keeps its translucency, its distance and its area', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=nato-5&range=1000&date=today`);
  await page.waitForSelector('.legend li[data-demand="nato-5"] .zone-figures[data-ready="true"]', { timeout: 60000 });
  const svg = (await download(page, 'button.export-svg')).toString('utf8');
  const zone = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const z = doc.querySelector('path[data-zone="nato-5"][data-side="0"]');
    return { opacity: Number(z.getAttribute('fill-opacity')), km: z.getAttribute('data-km'), d: z.getAttribute('d').length };
  }, svg);
  assert.ok(zone.opacity > 0 && zone.opacity < 1, `fill-opacity ${zone.opacity}`);
  assert.equal(zone.km, '1000');
  assert.ok(zone.d > 100);
  assert.match(svg, /nato-5 No intermediate- and short-range missiles within reach; zone, NATO members: [\d,]+ km² within 1,000 km; zone, Russia: [\d,]+ km² within 1,000 km/);
  assert.deepEqual(errors, []);
});

test('the downloads\' and the presentation\'s code is fetched only when first used', async () => {
  const { page, errors, foreign } = await open(browser, `${server.url}?demands=us-4a`);
  const { paths: fetched, module } = fetches(page);
  await page.waitForSelector('[data-iso="GEO"][data-restricted-by="us-4a"]');
  await page.click('[data-iso="GEO"]');
  await page.waitForSelector('aside.details h3#details-heading');
  assert.deepEqual(fetched.filter((p) => /split_(zones|extras)/.test(p)), [], 'the details fetch neither the zones\' nor the extras\' code');
  await download(page, 'button.export-svg');
  await download(page, 'button.export-png');
  await menu(page);
  await page.click('button.present');
  await page.waitForSelector('.presentation .step-count');
  assert.equal(module('extras'), 1, `fetched: ${fetched}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});
