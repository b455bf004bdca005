// The first view, as a reader meets it on four screens: the map fills at
// least half of the first screen with the headline and the key in it; no
// sideways scrolling down to 320 px; nothing under 12 px, no control under
// 24 px; axe-core finds no violation (target-size included). A screenshot
// per size, light and dark, goes to tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const artifacts = path.resolve(here, 'artifacts');
// axe-core (package.json's devDependencies, installed by scripts/setup).
let axeSource = null;
try { axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'); } catch { /* not installed */ }
// scripts/setup installs it: without it these tests fail, they do not skip.
const withAxe = {};
const SIZES = [[375, 740], [768, 1024], [1280, 800], [1920, 1080]];
let server, browser;

before(async () => {
  server = await serve(dist);
  browser = await launch();
  fs.mkdirSync(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); server?.close(); });

const ready = (page) => page.waitForSelector('[data-iso="POL"]', { timeout: 30000 });

/** The part of the viewport the map covers, less what the closed sheet covers. */
function mapShare() {
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const clip = (r) => ({ x0: Math.max(0, r.left), y0: Math.max(0, r.top), x1: Math.min(vw, r.right), y1: Math.min(vh, r.bottom) });
  const area = (c) => Math.max(0, c.x1 - c.x0) * Math.max(0, c.y1 - c.y0);
  const map = clip(document.querySelector('.map-frame svg.map').getBoundingClientRect());
  let covered = 0;
  const sheet = document.querySelector('.controls');
  if (getComputedStyle(sheet).position === 'fixed') {
    const s = clip(sheet.getBoundingClientRect());
    covered = area({ x0: Math.max(map.x0, s.x0), y0: Math.max(map.y0, s.y0), x1: Math.min(map.x1, s.x1), y1: Math.min(map.y1, s.y1) });
  }
  return (area(map) - covered) / (vw * vh);
}

/** Whether `selector`'s box lies inside the first screen, above the closed sheet. */
function inFirstScreen(selector) {
  const r = document.querySelector(selector).getBoundingClientRect();
  const sheet = document.querySelector('.controls');
  const floor = getComputedStyle(sheet).position === 'fixed' ? sheet.getBoundingClientRect().top : window.innerHeight;
  return r.width > 0 && r.top >= 0 && r.bottom <= floor && r.left >= 0 && r.right <= document.documentElement.clientWidth;
}

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} the map fills half the first screen, with the headline and the key`, async () => {
    const { page, errors } = await open(browser, `${server.url}?demands=nato-7a,us-4a`, { viewport: { width, height } });
    await ready(page);
    await page.waitForFunction(() => /states/.test(document.querySelector('.headline').textContent));
    const share = await page.evaluate(mapShare);
    assert.ok(share >= 0.5, `the map covers ${(share * 100).toFixed(1)} % of the first screen`);
    // The headline names the view in words, with its numbers and date.
    assert.equal((await page.textContent('.headline')).trim(),
      'Ukraine, Belarus, Moldova, the South Caucasus and Central Asia: 11 states, 5.0 million km², as of 17 December 2021');
    for (const sel of ['.headline', '.legend li[data-demand="nato-7a"]', '.legend li[data-demand="us-4a"]', '.legend li.overlap', 'button[data-menu="share"]']) {
      assert.ok(await page.evaluate(inFirstScreen, sel), `${sel} in the first screen`);
    }
    await page.screenshot({ path: path.join(artifacts, `first-view-${width}.png`) });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(artifacts, `first-view-${width}-dark.png`) });
    assert.deepEqual(errors, []);
  });
}

for (const [width, height] of [[320, 640], ...SIZES]) {
  test(`no sideways scrolling at ${width} px, with the picker open and closed`, async () => {
    const { page } = await open(browser, `${server.url}?demands=nato-4,nato-7a`, { viewport: { width, height } });
    await ready(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(await overflow() <= 0, `scrolls sideways by ${await overflow()} px`);
    if (await page.locator('.sheet-handle').isVisible()) {
      await page.click('.sheet-handle');
      assert.equal(await page.getAttribute('.sheet-handle', 'aria-expanded'), 'true');
      // The sheet leaves the top of the map in view.
      const top = await page.evaluate(() => document.querySelector('.controls').getBoundingClientRect().top);
      const map = await page.evaluate(() => document.querySelector('.map-frame').getBoundingClientRect());
      assert.ok(top - Math.max(map.top, 0) >= 0.3 * height, `the open sheet starts ${top} px down; the map ${map.top}`);
      await page.click('button[data-demand="us-4b"]');
      assert.ok(await overflow() <= 0, `scrolls sideways by ${await overflow()} px with the sheet open`);
    }
  });
}

/** The smallest text on screen (SVG text at its drawn size) and the smallest control. */
function smallest() {
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
  let text = { px: Infinity, what: '' };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || !e || !shown(e) || e.closest('title, style, script')) continue;
    let px = parseFloat(getComputedStyle(e).fontSize);
    if (e instanceof SVGElement) px *= e.getScreenCTM()?.a ?? 1;
    if (px < text.px) text = { px, what: `${e.tagName}.${e.className?.baseVal ?? e.className}: ${n.textContent.trim().slice(0, 30)}` };
  }
  let control = { px: Infinity, what: '' };
  for (const e of document.querySelectorAll('button, input, select, textarea, a[href], [role="button"]:not([data-iso]), [role="menuitem"], summary')) {
    if (!shown(e)) continue;
    // A radio button or a checkbox inside its label: the label is what a
    // reader presses.
    const r = (e.matches('input[type="radio"], input[type="checkbox"]') && e.closest('label') || e).getBoundingClientRect();
    const px = Math.min(r.width, r.height);
    if (px < control.px) control = { px, what: `${e.tagName}.${e.className}: ${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}` };
  }
  return { text, control };
}

for (const [width, height] of SIZES) {
  test(`at ${width} px nothing is under 12 px and no control under 24 px (44 px on touch)`, async () => {
    const touch = width < 800;
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    await page.goto(`${server.url}?demands=nato-6,nato-7a`);
    await ready(page);
    if (await page.locator('.sheet-handle').isVisible()) await page.click('.sheet-handle');
    await page.click('.demand .about >> nth=3');
    const s = await page.evaluate(smallest);
    assert.ok(s.text.px >= 12, `smallest text ${s.text.px} px: ${s.text.what}`);
    assert.ok(s.control.px >= (touch ? 44 : 24) - 0.5, `smallest control ${s.control.px} px: ${s.control.what}`);
    if (width === 375) {
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      assert.ok(body >= 16, `body text ${body} px on a phone`);
    }
    await context.close();
  });
}

/** Runs axe-core in the page (put there through the DevTools protocol, which the page's CSP does not govern). */
async function axe(page) {
  assert.ok(axeSource, 'axe-core is not installed: run scripts/setup');
  await page.evaluate(axeSource);
  assert.equal(await page.evaluate(() => typeof window.axe?.run), 'function', 'axe-core is in the page');
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return { rules: r.passes.length + r.violations.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`) };
  });
}

for (const [label, query, size] of [
  ['the page on a phone', '?demands=nato-7a,us-4a', [375, 740]],
  ['the page on a laptop', '?demands=nato-7a,us-4a', [1280, 800]],
  ['the page in the dark theme', '?demands=nato-4&theme=dark', [1280, 800]],
  ['the embed', '?demands=nato-4&embed=1', [768, 620]],
  ['the presentation', '?present=1', [1920, 1080]],
]) {
  test(`axe-core finds no violation in ${label}, target-size included`, withAxe, async () => {
    const { page } = await open(browser, `${server.url}${query}`, { viewport: { width: size[0], height: size[1] } });
    await ready(page);
    if (!/present|embed/.test(query) && await page.locator('.sheet-handle').isVisible()) await page.click('.sheet-handle');
    const r = await axe(page);
    assert.ok(r.rules > 20, `axe ran ${r.rules} rules`);
    assert.deepEqual(r.violations, []);
  });
}

test('axe-core is put in the page and reports a violation it is shown', withAxe, async () => {
  // The check can fail: a button without a name is a violation.
  const { page } = await open(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  await page.evaluate(() => document.querySelector('.masthead').append(Object.assign(document.createElement('button'), { className: 'nameless' })));
  const r = await axe(page);
  assert.ok(r.violations.some((v) => v.startsWith('button-name')), r.violations.join('\n'));
});

test('the Share menu works from the keyboard: arrows move, Escape closes and gives focus back', async () => {
  const { page } = await open(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  const button = page.locator('button[data-menu="share"]');
  assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
  await button.focus();
  await page.keyboard.press('Enter');
  // The items come with the extras' module, fetched on the first open.
  await page.waitForFunction(() => document.querySelector('button[data-menu="share"]').getAttribute('aria-expanded') === 'true');
  const focused = () => page.evaluate(() => document.activeElement.className);
  await page.waitForFunction(() => document.activeElement.getAttribute('role') === 'menuitem');
  assert.equal(await focused(), 'share');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'embed');
  await page.keyboard.press('End');
  assert.equal(await focused(), 'add-step');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'share', 'wraps round');
  await page.keyboard.press('Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#share-menu').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.menu), 'share');
  // Every output is in it.
  await button.click();
  for (const c of ['share', 'embed', 'export-svg', 'export-png', 'print', 'present', 'add-step']) {
    assert.equal(await page.locator(`#share-menu button.${c}[role="menuitem"]`).isVisible(), true, c);
  }
  // A click elsewhere closes it.
  await page.mouse.click(600, 500);
  assert.equal(await page.locator('#share-menu').isVisible(), false);
});

test('the method is one link away, in a dialog that Escape closes', async () => {
  const { page } = await open(browser, server.url, { viewport: { width: 375, height: 740 } });
  await ready(page);
  // Not above the map any more.
  assert.doesNotMatch(await page.textContent('.map-column'), /WGS84/);
  await page.click('.attribution .method-link');
  const dialog = page.locator('dialog.method');
  await page.waitForFunction(() => /WGS84/.test(document.querySelector('dialog.method').textContent));
  assert.equal(await dialog.isVisible(), true);
  assert.match(await dialog.textContent(), /0\.45° × 0\.3°/);
  assert.match(await dialog.textContent(), /Natural Earth/);
  await page.keyboard.press('Escape');
  assert.equal(await dialog.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'method-link');
});

test('a demand line opens its summary, who is bound, what is restricted and the quotation', async () => {
  const { page } = await open(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  // All twenty articles are in the panel, grouped by draft, one line each.
  const demands = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/demands.json'), 'utf8')).demands;
  assert.equal(await page.locator('.demand').count(), demands.length);
  assert.deepEqual(await page.locator('h3.treaty').allTextContents(), ['US treaty', 'NATO agreement']);
  const heights = await page.locator('.demand .line').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().height));
  assert.ok(Math.max(...heights) < 40, `one line each: ${Math.max(...heights)} px`);
  const about = page.locator('.demand:has([data-demand="us-4a"]) .about');
  assert.equal(await about.getAttribute('aria-expanded'), 'false');
  await about.click();
  assert.equal(await about.getAttribute('aria-expanded'), 'true');
  const body = page.locator('#about-us-4a');
  // The text comes with the panels' module, fetched on the first opening.
  await page.waitForFunction(() => /Binds/.test(document.querySelector('#about-us-4a').textContent));
  assert.match(await body.textContent(), /Binds/);
  assert.match(await body.textContent(), /Restricts/);
  assert.match(await body.textContent(), /“/);
  // The toggle is untouched by opening the text.
  assert.equal(await page.getAttribute('button[data-demand="us-4a"]', 'aria-pressed'), 'false');
});

test('the base map shows NATO\'s members on the chosen date and Russia', async () => {
  const { page } = await open(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  const fill = (iso) => page.evaluate((i) => getComputedStyle(document.querySelector(`[data-iso="${i}"] path`)).fill, iso);
  const [nato, russia, other] = [await fill('POL'), await fill('RUS'), await fill('SRB')];
  assert.notEqual(nato, other);
  assert.notEqual(russia, other);
  assert.notEqual(nato, russia);
  // Finland joined NATO on 4 April 2023: tinted today, not in December 2021.
  assert.equal(await fill('FIN'), other);
  await page.check('input[name="date"][value="today"]');
  assert.equal(await fill('FIN'), nato);
  assert.match(await page.textContent('.base-key'), /NATO members on \d+ \w+ 20\d\d/);
});
