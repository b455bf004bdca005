// Distance zones in the built page: each slider dragged with the mouse and
// moved with the keyboard; the zone changes, its area grows with the
// distance, the URL follows, and the markup names the states in a zone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { fetches, launch, open } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
let server, browser;

before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const zone = (id, side = 0) => `.map-frame path.zone[data-zone="${id}"][data-side="${side}"]`;
const insetZone = (id, side = 0) => `figure.inset path.zone[data-zone="${id}"][data-side="${side}"]`;
const restricted = (page, iso) => page.getAttribute(`[data-iso="${iso}"]`, 'data-restricted-by');
const area = async (page, id, side = 0) => Number(await page.getAttribute(zone(id, side), 'data-area-km2'));
const km = async (page, id, side = 0) => Number(await page.getAttribute(zone(id, side), 'data-km'));
/** Waits until the zone is drawn at `value` km, on the ellipsoid. */
const drawnAt = async (page, id, value, where = zone) => {
  await page.waitForSelector(`.legend li[data-demand="${id}"] .zone-figures[data-ready="true"]`, { timeout: 60000 });
  await page.waitForSelector(`${where(id)}[data-km="${value}"][data-exact="true"]`, { timeout: 30000 });
};
/** Drags a slider's thumb with the mouse from its start to `fraction` of its length. */
async function drag(page, name, fraction) {
  const slider = page.locator(`input[name="${name}"]`);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  const { min, max, value } = await slider.evaluate((el) => ({ min: +el.min, max: +el.max, value: +el.value }));
  const x0 = box.x + 8 + ((value - min) / (max - min)) * (box.width - 16);
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(x0 + ((box.x + 8 + fraction * (box.width - 16) - x0) * i) / 12, y);
  await page.mouse.up();
  return slider.inputValue();
}
const param = (page, name) => new URL(page.url()).searchParams.get(name);
const waitParam = (page, name, value) => page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value]);

test('missile range: dragging the slider with the mouse grows both sides\' zones and the URL follows', async () => {
  const { page, errors, foreign } = await open(browser, `${server.url}?demands=nato-5&date=today`);
  await drawnAt(page, 'nato-5', '500');
  assert.equal(await page.locator(zone('nato-5', 1)).count(), 1, 'Russia\'s side is drawn too');
  const small = [await area(page, 'nato-5', 0), await area(page, 'nato-5', 1)];
  const d0 = await page.getAttribute(zone('nato-5'), 'd');
  assert.ok(small[0] > 100000 && small[1] > 100000, `areas ${small}`);
  // At 500 km: Poland (Kaliningrad) and Estonia, not Spain.
  assert.match(await restricted(page, 'POL'), /nato-5/);
  assert.match(await restricted(page, 'EST'), /nato-5/);
  assert.doesNotMatch(await restricted(page, 'ESP'), /nato-5/);

  const slider = page.locator('input[name="range"]');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 4 + (box.width * 0.5 * i) / 12, y);
  await page.mouse.up();
  const value = await slider.inputValue();
  assert.ok(Number(value) >= 2000 && Number(value) <= 4000, `slider at ${value}`);
  await drawnAt(page, 'nato-5', value);
  assert.notEqual(await page.getAttribute(zone('nato-5'), 'd'), d0);
  const big = [await area(page, 'nato-5', 0), await area(page, 'nato-5', 1)];
  assert.ok(big[0] > small[0] * 2 && big[1] > small[1] * 2, `areas ${small} → ${big}`);
  assert.match(await restricted(page, 'ESP'), /nato-5/);
  await waitParam(page, 'range', value);
  assert.match(await page.locator('output.km').first().textContent(), new RegExp(`${Number(value).toLocaleString('en')} km`));
  // The legend gives each side's area.
  assert.match(await page.locator('.legend li[data-demand="nato-5"] .zone-figures').textContent(), /NATO members: [\d,]+ km² of land at [\d,]+ km · Russia: [\d,]+ km²/);
  // The keyboard: one step down, then Home for the shortest range.
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  const less = String(Number(value) - 50);
  assert.equal(await slider.inputValue(), less);
  await drawnAt(page, 'nato-5', less);
  await page.keyboard.press('Home');
  await drawnAt(page, 'nato-5', '500');
  assert.equal(await area(page, 'nato-5', 0), small[0]);
  await waitParam(page, 'range', null);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});

test('the border band follows the keyboard, from the narrowest to the widest', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=nato-7b&date=today`);
  await drawnAt(page, 'nato-7b', '100');
  const at100 = await area(page, 'nato-7b');
  for (const iso of ['FIN', 'NOR', 'EST', 'LVA', 'LTU', 'POL', 'RUS', 'BLR']) assert.match(await restricted(page, iso), /nato-7b/, iso);
  assert.doesNotMatch(await restricted(page, 'DEU'), /nato-7b/);
  assert.doesNotMatch(await restricted(page, 'SWE'), /nato-7b/);
  const slider = page.locator('input[name="band"]');
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '150');
  await drawnAt(page, 'nato-7b', '150');
  const at150 = await area(page, 'nato-7b');
  assert.ok(at150 > at100, `${at100} → ${at150}`);
  await waitParam(page, 'band', '150');
  await page.keyboard.press('Home');
  await drawnAt(page, 'nato-7b', '10');
  const at10 = await area(page, 'nato-7b');
  await page.keyboard.press('End');
  await drawnAt(page, 'nato-7b', '500');
  const at500 = await area(page, 'nato-7b');
  assert.ok(at10 > 0 && at10 < at100 && at500 > at150, `${at10} < ${at100} < ${at150} < ${at500}`);
  // The mouse: back to about a quarter of the way.
  const dragged = await drag(page, 'band', 0.25);
  assert.ok(Number(dragged) > 50 && Number(dragged) < 250, `band at ${dragged}`);
  await drawnAt(page, 'nato-7b', dragged);
  assert.ok(await area(page, 'nato-7b') < at500);
  await waitParam(page, 'band', dragged);
  await page.keyboard.press('End');
  await drawnAt(page, 'nato-7b', '500');
  await waitParam(page, 'band', '500');
  // At 500 km the band crosses Finland into Sweden, a member since 2024.
  assert.match(await restricted(page, 'SWE'), /nato-7b/);
  // Under the CSTO reading the band reaches Turkey's border with Armenia.
  await page.click('input[name="term-ally"][value="csto"]');
  await page.waitForFunction(() => ['TUR', 'ARM'].every((iso) => /nato-7b/.test(document.querySelector(`[data-iso="${iso}"]`).dataset.restrictedBy)));
  assert.deepEqual(errors, []);
});

test('bombers and warships: the sea zone reaches the Baltic, the Black Sea and the Barents Sea', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=us-5b&sea=300`);
  await drawnAt(page, 'us-5b', '300');
  for (const iso of ['FIN', 'EST', 'TUR', 'NOR', 'RUS']) assert.match(await restricted(page, iso), /us-5b/, iso);
  assert.doesNotMatch(await restricted(page, 'PRT'), /us-5b/);
  const a300 = await area(page, 'us-5b');
  const slider = page.locator('input[name="sea"]');
  await slider.focus();
  await page.keyboard.press('PageUp');
  const v = await slider.inputValue();
  assert.ok(Number(v) > 300, v);
  await drawnAt(page, 'us-5b', v);
  assert.ok(await area(page, 'us-5b') > a300);
  await waitParam(page, 'sea', v);
  // The mouse: most of the way up, and the zone grows again.
  const before = await area(page, 'us-5b');
  const far = await drag(page, 'sea', 0.8);
  assert.ok(Number(far) > 4000, `sea at ${far}`);
  await drawnAt(page, 'us-5b', far);
  assert.ok(await area(page, 'us-5b') > before);
  await waitParam(page, 'sea', far);
  // The inset shows the Bering Strait, with Alaska's waters in the zone.
  assert.ok(await page.locator('figure.inset').isVisible());
  assert.match(await page.getAttribute('[data-inset-iso="USA"]', 'data-restricted-by'), /us-5b/);
  assert.deepEqual(errors, []);
});

test('us-6: the inset shows Alaska within reach of Russia and Chukotka within reach of Alaska', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=us-6&range=1000`);
  await drawnAt(page, 'us-6', '1000', insetZone);
  assert.ok(await page.locator('figure.inset').isVisible());
  assert.equal(await page.locator(insetZone('us-6', 0)).count(), 1);
  assert.equal(await page.locator(insetZone('us-6', 1)).count(), 1);
  assert.match(await page.getAttribute('[data-inset-iso="USA"]', 'data-restricted-by'), /us-6/);
  // Outside both territories the ban is whole-state: Germany is coloured.
  assert.match(await restricted(page, 'DEU'), /us-6/);
  assert.deepEqual(errors, []);
});

test('a bad distance in the URL is named and the default kept', async () => {
  const { page } = await open(browser, `${server.url}?demands=nato-5&range=99999&band=wide`);
  await drawnAt(page, 'nato-5', '500');
  const notice = await page.locator('.notice').first().textContent();
  assert.match(notice, /range="99999" \(use 500 to 5,500 km\)/);
  assert.match(notice, /band="wide"/);
  assert.equal(await page.locator('input[name="range"]').inputValue(), '500');
});

test('a presentation step carries its distance', async () => {
  const { page } = await open(browser, `${server.url}?present=1&steps=${encodeURIComponent('nato-5/today/range.2500;nato-7b/band.300')}`);
  await drawnAt(page, 'nato-5', '2500');
  await page.keyboard.press('ArrowRight');
  await drawnAt(page, 'nato-7b', '300');
  assert.equal(param(page, 'step') ?? '2', '2');
});

test('the zones\' code is fetched only when a distance demand is first switched on', async () => {
  const { page, errors, foreign } = await open(browser, server.url);
  const { paths: fetched, module } = fetches(page);
  await page.waitForSelector('[data-iso="POL"]');
  await page.click('button[data-demand="us-4a"]');
  await page.waitForTimeout(500);
  assert.deepEqual(fetched.filter((p) => /split_|chunk_|far\.topo/.test(p)), [], 'a first visit and a state demand fetch neither');
  await page.click('button[data-demand="nato-7b"]');
  await drawnAt(page, 'nato-7b', '100');
  assert.equal(module('zones'), 1, `fetched: ${fetched}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});

test('if the zones\' code cannot be fetched, a notice says so and the map still works', async () => {
  const context = await browser.newContext();
  await context.route('**/split_*.wasm', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${server.url}?demands=nato-7b,us-4a&date=today`);
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notices').textContent(), /The distance zones' code could not be loaded — the zones are not drawn/);
  // The state demand is drawn all the same, and the page still answers.
  assert.equal(await restricted(page, 'GEO'), 'us-4a');
  await page.click('button[data-demand="nato-7b"]');
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('demands')?.includes('nato-7b'));
  assert.equal(await page.locator('path.zone').count(), 0);
  await context.close();
});
