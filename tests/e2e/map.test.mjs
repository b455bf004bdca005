// The built page, driven as a reader would: against the release build in
// dist/, served on 127.0.0.1, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { fetches, launch, open } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const artifacts = path.resolve(here, 'artifacts');
const facts = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/facts.json'), 'utf8'));
let server, browser;

before(async () => {
  server = await serve(dist);
  browser = await launch();
  fs.mkdirSync(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); server?.close(); });

const ready = (page) => page.waitForSelector('[data-iso="POL"]', { timeout: 30000 });
const restricted = (page, iso) => page.getAttribute(`[data-iso="${iso}"]`, 'data-restricted-by');

test('the map fills its frame and draws every state', async () => {
  const { page, errors, foreign } = await open(browser, server.url);
  await ready(page);
  const box = await page.locator('svg.map').boundingBox();
  assert.ok(box.width > 600 && box.height > 300, `map is ${box.width}×${box.height}`);
  for (const s of facts.states.filter((s) => s.drawn !== false)) {
    const el = page.locator(`[data-iso="${s.iso}"]`);
    assert.equal(await el.count(), 1, s.iso);
    assert.equal(await el.getAttribute('aria-label'), s.name, s.iso);
  }
  for (const iso of facts.context) assert.equal(await page.locator(`[data-iso="${iso}"]`).count(), 1, iso);
  // The frame: Iceland, Portugal and Kazakhstan are in view.
  for (const iso of ['ISL', 'PRT', 'KAZ']) {
    const b = await page.locator(`[data-iso="${iso}"] path`).boundingBox();
    assert.ok(b.x >= box.x - 1 && b.x + b.width <= box.x + box.width + 1, `${iso} in frame`);
  }
  await page.screenshot({ path: path.join(artifacts, 'map.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});

test('hovering a state shows its name', async () => {
  const { page } = await open(browser, server.url);
  await ready(page);
  await page.locator('[data-iso="UKR"] path').hover();
  await page.waitForSelector('[role="tooltip"]');
  assert.equal((await page.textContent('[role="tooltip"]')).trim(), 'Ukraine');
});

test('a region outline switches on and off', async () => {
  const { page } = await open(browser, server.url);
  await ready(page);
  const outline = page.locator('path.region[data-region="central-asia"]');
  assert.equal(await outline.isVisible(), false);
  // One dissolved shape: a single path element.
  assert.equal(await outline.count(), 1);
  await page.check('input[data-region="central-asia"]');
  assert.equal(await outline.isVisible(), true);
  await page.waitForURL(/regions=central-asia/);
  await page.uncheck('input[data-region="central-asia"]');
  assert.equal(await outline.isVisible(), false);
});

test('the keyboard reaches a state and opens its details', async () => {
  const { page } = await open(browser, server.url);
  await ready(page);
  await page.focus('[data-iso="ALB"]');
  // Tab moves on to the next state in alphabetical order.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('data-iso'));
  assert.equal(focused, 'AND');
  await page.keyboard.press('Enter');
  assert.equal((await page.textContent('#details-heading')).trim(), 'Andorra');
  await page.click('.details .close');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-iso')), 'AND');
});

test('switching demands shows their scope, overlaps and counts', async () => {
  const { page, errors } = await open(browser, server.url);
  await ready(page);
  assert.equal(await restricted(page, 'UKR'), '');
  await page.click('button[data-demand="nato-6"]');
  assert.equal(await restricted(page, 'UKR'), 'nato-6');
  // The colour is what the reader sees, not only an attribute.
  const fill = (iso) => page.evaluate((i) => getComputedStyle(document.querySelector(`[data-iso="${i}"] path`)).fill, iso);
  assert.equal(await fill('UKR'), 'rgb(170, 68, 153)');
  // Poland, not reached, keeps the base map's tint of NATO's members.
  assert.equal(await fill('POL'), 'rgb(221, 228, 236)');
  assert.equal(await restricted(page, 'POL'), '');
  await page.focus('button[data-demand="nato-7a"]');
  await page.keyboard.press('Space');
  assert.equal(await restricted(page, 'UKR'), 'nato-6 nato-7a');
  assert.equal(await page.getAttribute('[data-iso="UKR"]', 'fill'), 'url(#mix-nato-6_nato-7a)');
  await page.waitForURL(/demands=nato-6,nato-7a/);
  // Legend counts: 26 states outside NATO in 2021 less Russia; 11 for nato-7a.
  assert.equal(await page.getAttribute('.legend li[data-demand="nato-6"] .count', 'data-count'), '26');
  assert.equal(await page.getAttribute('.legend li[data-demand="nato-7a"] .count', 'data-count'), '11');
  await page.click('button.none');
  assert.equal(await restricted(page, 'UKR'), '');
  assert.deepEqual(errors, []);
});

test('the URL restores a view, and garbage is named and ignored', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=nato-7b,bogus&date=today&ally=csto&ee=sideways`);
  await ready(page);
  // nato-7b is a band along the border: computed after the first paint.
  await page.waitForFunction(() => ['FIN', 'TUR', 'ARM'].every((iso) => document.querySelector(`[data-iso="${iso}"]`).dataset.restrictedBy === 'nato-7b'), null, { timeout: 60000 });
  const notice = await page.textContent('.notices');
  assert.match(notice, /bogus/);
  assert.match(notice, /sideways/);
  await page.click('.notice .dismiss');
  assert.equal(await page.locator('.notice').count(), 0);
  assert.deepEqual(errors, []);
});

test('wheel without Ctrl leaves the page scrolling; with Ctrl it zooms', async () => {
  const { page } = await open(browser, server.url);
  await ready(page);
  const before = await page.getAttribute('svg.map', 'viewBox');
  await page.mouse.move(700, 400);
  await page.locator('svg.map').hover();
  await page.mouse.wheel(0, -300);
  assert.equal(await page.getAttribute('svg.map', 'viewBox'), before);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  const after = await page.getAttribute('svg.map', 'viewBox');
  assert.notEqual(after, before);
  assert.ok(Number(after.split(' ')[2]) < Number(before.split(' ')[2]), 'zoomed in');
});

for (const width of [320, 1920]) {
  test(`the layout works at ${width} px`, async () => {
    const { page, errors } = await open(browser, server.url, { viewport: { width, height: width === 320 ? 640 : 1080 } });
    await ready(page);
    const box = await page.locator('svg.map').boundingBox();
    assert.ok(box.width > width * 0.5 && box.width <= width, `map ${box.width} px wide`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
    // On a phone the picker is a sheet along the bottom: opened first.
    if (await page.locator('.sheet-handle').isVisible()) await page.click('.sheet-handle');
    await page.click('button[data-demand="us-4a"]');
    assert.equal(await restricted(page, 'GEO'), 'us-4a');
    await page.screenshot({ path: path.join(artifacts, `map-${width}.png`) });
    assert.deepEqual(errors, []);
  });
}

test('the date and reading controls change what a demand reaches', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=nato-6,nato-7a`);
  await ready(page);
  // Finland is outside NATO on 17 December 2021 and a member today.
  assert.equal(await restricted(page, 'FIN'), 'nato-6');
  await page.check('input[name="date"][value="today"]');
  assert.equal(await restricted(page, 'FIN'), '');
  await page.waitForURL(/date=today/);
  // The broad reading of "Eastern Europe" reaches NATO's own Poland.
  assert.equal(await restricted(page, 'POL'), '');
  await page.check('input[name="term-ee"][value="broad"]');
  assert.equal(await restricted(page, 'POL'), 'nato-7a');
  assert.match(await page.textContent('fieldset[data-term="ee"] .effect'), /Poland/);
  await page.waitForURL(/ee=broad/);
  assert.deepEqual(errors, []);
});

test('the details panel lists memberships and the demands that reach a state', async () => {
  const { page } = await open(browser, `${server.url}?demands=us-4a,nato-7b&date=today`);
  await ready(page);
  await page.waitForFunction(() => /nato-7b/.test(document.querySelector('[data-iso="POL"]').dataset.restrictedBy), null, { timeout: 60000 });
  await page.locator('[data-iso="POL"] path').click();
  const panel = page.locator('aside.details');
  assert.equal((await panel.locator('#details-heading').textContent()).trim(), 'Poland');
  const text = await panel.textContent();
  assert.match(text, /NATO member since 12 March 1999/);
  assert.equal(await panel.locator('li[data-demand="nato-7b"]').count(), 1);
  assert.equal(await panel.locator('li[data-demand="us-4a"]').count(), 0);
  assert.match(text, /Binds: NATO members/);
  assert.match(text, /“In order to exclude incidents/);
  await page.keyboard.press('Escape');
  assert.equal(await panel.isVisible(), false);
});

test('a broken data file gives a clear message and a working map', async () => {
  const { page, context } = await open(browser, 'about:blank');
  await context.route(/\/demands(-[0-9a-f]+)?\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"treaties": "oops"' }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await ready(page);
  assert.match(await page.textContent('.notices'), /demands\.json/);
  assert.equal(await page.locator('[data-iso]').count(), facts.states.filter((s) => s.drawn !== false).length + facts.context.length);
  assert.deepEqual(errors, []);
});

test('a missing geometry file says so instead of breaking', async () => {
  const { page, context } = await open(browser, 'about:blank');
  await context.route(/\/states(-[0-9a-f]+)?\.topo\.json$/, (route) => route.fulfill({ status: 404, body: 'no' }));
  await page.goto(server.url);
  await page.waitForSelector('.fatal');
  assert.match(await page.textContent('.fatal'), /states-[0-9a-f]{16}\.topo\.json: the server answered 404/);
});

test('a pinch zooms, a drag pans, and the keyboard does both', async () => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  const width = async () => Number((await page.getAttribute('svg.map', 'viewBox')).split(' ')[2]);
  const origin = async () => (await page.getAttribute('svg.map', 'viewBox')).split(' ').slice(0, 2).map(Number);
  const box = await page.locator('svg.map').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const before = await width();
  await touch('touchStart', [[cx - 40, cy], [cx + 40, cy]]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [[cx - 40 - i * 15, cy], [cx + 40 + i * 15, cy]]);
  await touch('touchEnd', []);
  const pinched = await width();
  assert.ok(pinched < before * 0.8, `pinch: ${before} → ${pinched}`);
  // One finger on the activated map drags it.
  const [x0] = await origin();
  await touch('touchStart', [[cx, cy]]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [[cx + i * 20, cy]]);
  await touch('touchEnd', []);
  const [x1] = await origin();
  assert.ok(x1 < x0, `drag right moves the view west: ${x0} → ${x1}`);
  // Keyboard: 0 resets, + zooms, arrows pan.
  await page.focus('.map-frame');
  await page.keyboard.press('0');
  assert.equal(await width(), before);
  await page.keyboard.press('+');
  assert.ok(await width() < before);
  const [k0] = await origin();
  await page.keyboard.press('ArrowRight');
  const [k1] = await origin();
  assert.ok(k1 > k0);
  await context.close();
});

test('the details\' and the share box\'s code is fetched once, when first opened', async () => {
  const { page, errors, foreign } = await open(browser, `${server.url}?demands=us-4a`);
  const { paths: fetched, module } = fetches(page);
  await ready(page);
  const panels = () => module('panels');
  await page.waitForTimeout(300);
  assert.equal(panels(), 0, `a first visit fetches no panel code: ${fetched}`);
  await page.click('[data-iso="GEO"]');
  await page.waitForSelector('aside.details h3#details-heading');
  assert.equal((await page.textContent('#details-heading')).trim(), 'Georgia');
  await page.click('[data-iso="UKR"]');
  await page.waitForFunction(() => document.querySelector('#details-heading')?.textContent.trim() === 'Ukraine');
  await page.click('button[data-menu="share"]');
  await page.click('button.share');
  const link = await page.locator('textarea.share-text.share').inputValue();
  // A view of one demand is shared through its preview page (d/us-4a.html,
  // which carries its link preview and leads to ?demands=us-4a).
  assert.match(link, /\/d\/us-4a\.html$/);
  assert.equal(panels(), 1, `fetched: ${fetched}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});

test('if the details\' code cannot be fetched, a notice says so and the map still works', async () => {
  const context = await browser.newContext();
  await context.route('**/split_panels-*.wasm', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${server.url}?demands=us-4a`);
  await ready(page);
  await page.click('[data-iso="GEO"]');
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notices').textContent(), /The details' and the sharing code could not be loaded — a state's details cannot be shown/);
  await page.click('button[data-demand="nato-6"]');
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by~="nato-6"]');
  await context.close();
});
