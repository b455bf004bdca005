// The states' names on the map, on the built page at a phone's, a tablet's,
// a laptop's and a large screen's size: every state an active demand reaches
// is named (or numbered, with its name in the map's key), Russia always;
// no two names overlap; the names are hidden from assistive technology and
// travel with the SVG download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const artifacts = path.resolve(here, 'artifacts');
const facts = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/facts.json'), 'utf8'));
const nameOf = Object.fromEntries(facts.states.map((s) => [s.iso, s.name]));
const SIZES = [[375, 740], [768, 1024], [1280, 800], [1920, 1080]];
let server, browser;

before(async () => {
  server = await serve(dist);
  browser = await launch();
  fs.mkdirSync(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); server?.close(); });

/** Waits until the names are drawn and have stopped moving (two frames alike). */
async function settled(page) {
  await page.waitForSelector('svg.map g.labels text[data-label="RUS"]', { timeout: 30000 });
  let last = '';
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() =>
      r([...document.querySelectorAll('svg.map g.labels text')].map((t) => `${t.dataset.label}:${t.getAttribute('font-size')}:${t.textContent}`).join('|'))))));
    if (now === last) return;
    last = now;
  }
}

/** What the map shows: reached states, the names and the key, with boxes on the screen. */
function read(page) {
  return page.evaluate(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; };
    const svg = document.querySelector('svg.map');
    const g = svg.querySelector('g.labels');
    const restricted = [...svg.querySelectorAll('[data-iso]')].filter((e) => (e.getAttribute('data-restricted-by') || '').trim() !== '').map((e) => e.getAttribute('data-iso'));
    const labels = [...g.querySelectorAll('text[data-label]')].map((t) => ({
      id: t.dataset.label, text: t.textContent, callout: t.classList.contains('callout'), region: t.classList.contains('region-label'), box: box(t),
    }));
    const key = [...g.querySelectorAll('text.key-name')].map((t) => ({
      id: t.dataset.key, text: t.textContent,
      number: svg.querySelector(`text.key-number[data-key-number="${t.dataset.key}"]`)?.textContent, box: box(t),
    }));
    const keyBox = g.querySelector('.label-key rect');
    const buttons = document.querySelector('.map-frame .zoom-buttons');
    return {
      restricted, labels, key, svg: box(svg), keyBox: keyBox ? box(keyBox) : null,
      buttons: buttons && buttons.getBoundingClientRect().width > 0 ? box(buttons) : null,
      hidden: g.getAttribute('aria-hidden'), pointer: getComputedStyle(g).pointerEvents,
      paintOrder: getComputedStyle(g.querySelector('text')).paintOrder,
    };
  });
}

const overlap = (a, b) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;

function check(m, what) {
  assert.equal(m.hidden, 'true', `${what}: the names are hidden from assistive technology`);
  assert.equal(m.pointer, 'none', `${what}: the names let the pointer through`);
  assert.match(m.paintOrder, /^stroke/, `${what}: a halo under each name`);
  const russia = m.labels.find((l) => l.id === 'RUS');
  assert.equal(russia?.text, 'Russia', `${what}: Russia named`);
  for (const iso of m.restricted) {
    const l = m.labels.find((x) => x.id === iso);
    assert.ok(l, `${what}: ${iso} has a label`);
    if (l.callout) {
      // A number on the map; the key in the map gives the name by it.
      const k = m.key.find((x) => x.id === iso);
      assert.ok(k, `${what}: ${iso}'s number ${l.text} is in the key`);
      assert.equal(k.number, l.text, `${what}: ${iso}'s key line has its number`);
      assert.equal(k.text, nameOf[iso], `${what}: ${iso}'s key line is its name`);
    } else {
      assert.ok(l.text === nameOf[iso] || l.text.startsWith(nameOf[iso]), `${what}: ${iso} reads "${l.text}"`);
    }
  }
  const texts = [...m.labels, ...m.key];
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    // Inside the map, clear of the zoom buttons, at least 12 px tall.
    assert.ok(a.box.x0 >= m.svg.x0 - 0.5 && a.box.x1 <= m.svg.x1 + 0.5 && a.box.y0 >= m.svg.y0 - 0.5 && a.box.y1 <= m.svg.y1 + 0.5, `${what}: ${a.id} "${a.text}" leaves the map`);
    if (m.buttons) assert.ok(!overlap(a.box, m.buttons), `${what}: ${a.id} under the zoom buttons`);
    if (!a.callout) assert.ok(a.box.y1 - a.box.y0 >= 12, `${what}: ${a.id} is ${a.box.y1 - a.box.y0} px tall`);
    for (const b of texts.slice(i + 1)) {
      assert.ok(!overlap(a.box, b.box), `${what}: "${a.text}" and "${b.text}" overlap ${JSON.stringify([a.box, b.box])}`);
    }
  }
  if (m.keyBox) for (const l of m.labels) assert.ok(!overlap(l.box, m.keyBox), `${what}: ${l.id} under the key`);
}

for (const [width, height] of SIZES) {
  for (const demands of ['us-4a', 'nato-4']) {
    test(`${demands} at ${width}×${height}: every state reached is named, none overlaps`, async () => {
      const { page, errors } = await open(browser, `${server.url}?demands=${demands}&theme=light`, { viewport: { width, height } });
      await settled(page);
      const m = await read(page);
      assert.ok(m.restricted.length >= 11, `${demands} ${width}: ${m.restricted}`);
      check(m, `${demands} ${width}`);
      if (demands === 'nato-4') await page.locator('.map-frame').screenshot({ path: path.join(artifacts, `labels-${width}.png`) });
      assert.deepEqual(errors, []);
    });
  }
  test(`dark theme at ${width}×${height}: light names over a dark halo`, async () => {
    const { page, errors } = await open(browser, `${server.url}?demands=us-4a,nato-7a&theme=dark`, { viewport: { width, height } });
    await settled(page);
    const colours = await page.evaluate(() => {
      const t = document.querySelector('svg.map g.labels text[data-label="RUS"]');
      const s = getComputedStyle(t);
      return { fill: s.fill, stroke: s.stroke };
    });
    const lum = (c) => c.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    assert.ok(lum(colours.fill) > 150 && lum(colours.stroke) < 80, JSON.stringify(colours));
    check(await read(page), `dark ${width}`);
    await page.locator('.map-frame').screenshot({ path: path.join(artifacts, `labels-${width}-dark.png`) });
    assert.deepEqual(errors, []);
  });
}

test('zooming keeps the names their size on the screen and names more in full', async () => {
  const { page } = await open(browser, `${server.url}?demands=nato-4`, { viewport: { width: 375, height: 740 } });
  await settled(page);
  const before = await read(page);
  const tall = (m) => m.labels.find((l) => l.id === 'UKR').box;
  const h0 = tall(before).y1 - tall(before).y0;
  await page.focus('.map-frame');
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await settled(page);
  const after = await read(page);
  const h1 = tall(after).y1 - tall(after).y0;
  assert.ok(Math.abs(h1 - h0) < 2, `Ukraine's name ${h0} px tall before, ${h1} px after`);
  const full = (m) => m.labels.filter((l) => !l.callout).length;
  assert.ok(full(after) > full(before), `${full(before)} names in full before, ${full(after)} after`);
  // Zoomed in, some states are out of view: every name still fits the map
  // and none overlaps.
  check({ ...after, restricted: after.restricted.filter((iso) => after.labels.some((l) => l.id === iso)) }, 'zoomed');
});

test('an outline that is on is named', async () => {
  const { page } = await open(browser, `${server.url}?demands=us-4a&regions=central-asia,south-caucasus`, { viewport: { width: 1280, height: 800 } });
  await settled(page);
  const m = await read(page);
  const regions = m.labels.filter((l) => l.region).map((l) => l.text).sort();
  assert.deepEqual(regions, ['Central Asia', 'South Caucasus (Transcaucasia)']);
  check(m, 'outlines');
});

test('the names on the map are in the page\'s language', async () => {
  const ru = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/locales/ru.json'), 'utf8'));
  const { page, errors } = await open(browser, `${server.url}?demands=us-4a&regions=central-asia&lang=ru`, { viewport: { width: 1280, height: 800 } });
  await page.waitForSelector('html[lang="ru"]', { timeout: 30000 });
  await settled(page);
  const m = await read(page);
  const russia = m.labels.find((l) => l.id === 'RUS');
  assert.equal(russia?.text, ru.states.RUS, 'Russia in Russian');
  for (const iso of m.restricted) {
    const l = m.labels.find((x) => x.id === iso);
    assert.ok(l, `${iso} has a label`);
    const shown = l.callout ? m.key.find((k) => k.id === iso)?.text : l.text;
    assert.ok(shown?.startsWith(ru.states[iso]), `${iso} reads "${shown}", not "${ru.states[iso]}"`);
  }
  const region = m.labels.find((l) => l.region);
  assert.ok(region && region.text !== 'Central Asia', `the outline's name in Russian: ${region?.text}`);
  assert.deepEqual(errors, []);
});

async function download(page, selector) {
  // The export buttons may sit in a menu: open it first.
  if (!(await page.locator(selector).isVisible())) {
    const menu = page.locator('button[data-menu="share"]');
    if (await menu.count()) await menu.click();
  }
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return fs.readFileSync(await d.path());
}

test('the SVG download carries the names, their halo and the key', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=us-4a`, { viewport: { width: 375, height: 740 } });
  await settled(page);
  const m = await read(page);
  const svg = (await download(page, 'button.export-svg')).toString('utf8');
  const got = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const labels = [...doc.querySelectorAll('text[data-label]')];
    const rus = doc.querySelector('text[data-label="RUS"]');
    return {
      ok: !doc.querySelector('parsererror'),
      labels: labels.map((t) => [t.getAttribute('data-label'), t.textContent]),
      key: [...doc.querySelectorAll('text[data-key]')].map((t) => [t.getAttribute('data-key'), t.textContent]),
      rus: { paint: rus.getAttribute('paint-order'), stroke: rus.getAttribute('stroke'), fill: rus.getAttribute('fill'), size: rus.getAttribute('font-size') },
    };
  }, svg);
  assert.ok(got.ok);
  assert.deepEqual(got.labels, m.labels.map((l) => [l.id, l.text]));
  assert.deepEqual(got.key, m.key.map((k) => [k.id, k.text]));
  assert.equal(got.rus.paint, 'stroke');
  assert.ok(got.rus.stroke && got.rus.stroke !== 'none' && got.rus.fill, JSON.stringify(got.rus));
  assert.deepEqual(errors, []);
});
