// What a newsroom relies on before putting the map on its site: every
// download under the README's policy (which server.mjs serves to every
// test), a failed download told to the reader, an embed on another origin
// whose height follows its content (also as AMP's embed-size), theme=auto,
// static=1, the embed's notices, and data files that belong to their build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, serve } from './server.mjs';
import { fetches, launch, open } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
let server, browser;
const servers = [];
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); servers.forEach((s) => s.close()); });

async function download(page, selector) {
  // The downloads are items of the Share menu.
  if (!await page.locator(selector).isVisible()) await page.click('button[data-menu="share"]');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return fs.readFileSync(await d.path());
}

test('the README\'s policy is the one served, and it is strict', async () => {
  const res = await fetch(server.url);
  assert.equal(res.headers.get('content-security-policy'), CSP);
  const readme = fs.readFileSync(path.resolve(here, '../../README.md'), 'utf8');
  assert.ok(readme.includes(`\`Content-Security-Policy: ${CSP}\``));
  assert.match(CSP, /default-src 'self'/);
  assert.doesNotMatch(CSP, /unsafe-inline|data:|\*/);
});

test('under the policy, the PNG decodes at twice the SVG\'s size and shows the map', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=nato-6`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  const svg = (await download(page, 'button.export-svg')).toString('utf8');
  const size = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { w: Number(doc.documentElement.getAttribute('width')), h: Number(doc.documentElement.getAttribute('height')), err: !!doc.querySelector('parsererror') };
  }, svg);
  assert.equal(size.err, false);
  const png = await download(page, 'button.export-png');
  // Decoded by the browser, not only its header read.
  const decoded = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const cx = c.getContext('2d');
    cx.drawImage(bmp, 0, 0);
    const px = cx.getImageData(0, 0, bmp.width, bmp.height).data;
    // How many distinct colours a coarse sample holds: a blank image has one.
    const colours = new Set();
    for (let y = 0; y < bmp.height; y += 37) for (let x = 0; x < bmp.width; x += 37) {
      const i = (y * bmp.width + x) * 4;
      colours.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
    }
    return { w: bmp.width, h: bmp.height, colours: colours.size };
  }, png.toString('base64'));
  assert.equal(decoded.w, 2 * size.w);
  assert.equal(decoded.h, 2 * size.h);
  assert.ok(decoded.colours > 5, `${decoded.colours} colours`);
  assert.equal(await page.locator('.notice').count(), 0);
  assert.deepEqual(errors, []);
});

test('a download the browser refuses says so to the reader', async () => {
  // The policy without img-src blob: (as the README had it before): the PNG
  // cannot be made, and the reader is told.
  const strict = await serve(dist, { csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" });
  servers.push(strict);
  const { page } = await open(browser, `${strict.url}?demands=nato-6`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  await page.click('button[data-menu="share"]');
  await page.click('button.export-png');
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notices'), /The PNG download failed: the browser refused to load the picture/);
  // The SVG still downloads.
  const svg = (await download(page, 'button.export-svg')).toString('utf8');
  assert.match(svg, /^<\?xml/);
});

test('the presentation runs under the policy', async () => {
  const { page, errors } = await open(browser, `${server.url}?present=1`);
  await page.waitForSelector('.presentation .step-count');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('step') === '2');
  assert.deepEqual(errors, []);
});

/** An article on another origin (another port of 127.0.0.1) holding `frame`. */
async function article(frame) {
  const s = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><body><h1>An article</h1><p>Text before.</p>${frame}<p>Text after.</p>
<script>window.msgs = []; addEventListener("message", function (e) { window.msgs.push(e.data);
  if (e.data && e.data.type === "treaty-map:height") document.querySelector("iframe").style.height = e.data.height + "px"; });</script></body></html>`);
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  servers.push(s);
  return `http://127.0.0.1:${s.address().port}/`;
}

test('the embed\'s height follows its content when a distance demand is switched on, also as AMP\'s embed-size', async () => {
  const src = `${server.url}?demands=nato-4&embed=1`;
  const host = await open(browser, await article(`<iframe src="${src}" title="Map" width="100%" height="620" style="border:0;display:block" sandbox="allow-scripts allow-same-origin"></iframe>`));
  const frame = host.page.frameLocator('iframe');
  await frame.locator('[data-iso="POL"][data-restricted-by="nato-4"]').waitFor();
  const inner = () => frame.locator('html').evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
  // The frame settles at the document's height.
  const settled = async () => {
    for (let i = 0; i < 100; i++) {
      const [h, f] = [await inner(), await host.page.evaluate(() => parseFloat(document.querySelector('iframe').style.height))];
      if (h === f) return h;
      await host.page.waitForTimeout(100);
    }
    throw new Error('the frame never took the document\'s height');
  };
  const before = await settled();
  // Switch on us-6 in the embedded page (its toggles are hidden in an embed):
  // the zones' module, the zones' legend and the Bering Strait inset come later.
  await frame.locator('button[data-demand="us-6"]').evaluate((b) => b.click());
  await frame.locator('figure.inset path.zone[data-zone="us-6"]').first().waitFor({ timeout: 60000 });
  await frame.locator('.legend li[data-demand="us-6"] .zone-figures[data-ready="true"]').waitFor({ timeout: 60000 });
  const after = await settled();
  // The key's zone figures and its new line add to the height.
  assert.ok(after > before + 40, `height ${before} → ${after}`);
  const msgs = await host.page.evaluate(() => window.msgs);
  const amp = msgs.filter((m) => m && m.sentinel === 'amp' && m.type === 'embed-size');
  assert.ok(amp.length >= 2, JSON.stringify(msgs));
  assert.equal(amp.at(-1).height, after);
  assert.deepEqual(host.errors, []);
  assert.deepEqual(host.foreign, []);
});

test('in an embed, what the address got wrong goes to the console; a data file that failed stays visible', async () => {
  const { page, context } = await open(browser, 'about:blank');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${server.url}?demands=nato-4,bogus&embed=1&colour=red`);
  await page.waitForSelector('[data-iso="POL"][data-restricted-by="nato-4"]');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.notice').count(), 0);
  assert.ok(warnings.some((w) => /^treaty-map: Ignored in the address: .*bogus.*colour/.test(w)), JSON.stringify(warnings));
  // Not an embed: the reader is told on the page.
  await page.goto(`${server.url}?demands=nato-4,bogus`);
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notices'), /bogus/);
  // An embed whose demands file is broken: the reader sees the notice.
  await context.route(/\/demands(-[0-9a-f]+)?\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"treaties": "oops"' }));
  await page.goto(`${server.url}?demands=nato-4&embed=1`);
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notices'), /demands(-[0-9a-f]+)?\.json/);
  assert.equal(await page.locator('.notice').isVisible(), true);
});

test('static=1 draws the view and takes no pointer, keyboard or zoom', async () => {
  const { page, errors } = await open(browser, `${server.url}?demands=nato-6&static=1`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  for (const sel of ['.controls', '.share-bar', '.zoom-buttons']) assert.equal(await page.locator(sel).isVisible(), false, sel);
  assert.equal(await page.locator('svg.map').isVisible(), true);
  assert.equal(await page.locator('.legend li[data-demand="nato-6"]').isVisible(), true);
  const viewBox = () => page.getAttribute('svg.map', 'viewBox');
  const vb = await viewBox();
  // A click on Ukraine opens nothing; a drag, the wheel with Ctrl and the keys move nothing.
  const box = await page.locator('[data-iso="UKR"]').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.click(x, y);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 200, y + 100, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -500);
  await page.keyboard.up('Control');
  for (const k of ['Tab', 'Tab', '+', 'ArrowLeft', 'Enter']) await page.keyboard.press(k);
  await page.waitForTimeout(300);
  assert.equal(await viewBox(), vb);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  assert.equal(await page.locator('aside.details h3#details-heading').count(), 0);
  assert.equal(new URL(page.url()).searchParams.get('static'), '1');
  assert.deepEqual(errors, []);
});

test('theme=auto follows the system\'s scheme as it changes', async () => {
  const { page, errors } = await open(browser, `${server.url}?theme=auto`);
  await page.waitForSelector('[data-iso="POL"]');
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await bg(), 'rgb(20, 24, 29)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await bg(), 'rgb(251, 250, 247)');
  assert.equal(await page.locator('.notice').count(), 0, 'theme=auto is not ignored');
  assert.deepEqual(errors, []);
});

test('every data file is named after its content and preloaded, and fetched once', async () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = fs.readdirSync(dist);
  for (const [stem, ext, first] of [['states', 'topo.json', true], ['facts', 'json', true], ['demands', 'json', true], ['far', 'topo.json', false], ['drafts', 'json', false]]) {
    assert.ok(!files.includes(`${stem}.${ext}`), `${stem}.${ext} left under its plain name`);
    const named = files.find((f) => new RegExp(`^${stem}-[0-9a-f]{16}\\.${ext.replace('.', '\\.')}$`).test(f));
    assert.ok(named, `no ${stem}-<hash>.${ext}`);
    assert.ok(html.includes(`<meta name="treaty-map-data" data-file="${stem}.${ext}" content="${named}">`), named);
    assert.equal(html.includes(`<link rel="preload" href="${named}" as="fetch"`), first, `${named} preloaded: ${first}`);
  }
  const { page, errors } = await open(browser, 'about:blank');
  const { paths } = fetches(page);
  await page.goto(`${server.url}?demands=nato-6`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  for (const stem of ['states', 'facts', 'demands']) {
    assert.equal(paths.filter((p) => new RegExp(`^/${stem}-[0-9a-f]+\\.`).test(p)).length, 1, `${stem}: ${paths}`);
  }
  assert.deepEqual(paths.filter((p) => /^\/(states|facts|demands|far|drafts)\./.test(p)), [], 'no plain name is asked for');
  assert.deepEqual(errors, []);
});

test('a page from another build, whose data file is gone, says so clearly', async () => {
  const { page, context } = await open(browser, 'about:blank');
  await context.route(/\/demands-[0-9a-f]+\.json$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(server.url);
  await page.waitForSelector('.notice');
  const text = await page.textContent('.notices');
  assert.match(text, /demands-[0-9a-f]{16}\.json: the server answered 404 \(the page expects this build's data file: the page may be older than the site, and reloading it may help\)/);
  // The map still draws.
  await page.waitForSelector('[data-iso="POL"]');
});

test('a data file of another build (stale in a cache) is refused by name, the map kept', async () => {
  const { page, context } = await open(browser, 'about:blank');
  const stale = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/demands.json'), 'utf8'));
  stale.demands[0].scope_v0 = stale.demands[0].layer ?? {};
  await context.route(/\/demands-[0-9a-f]+\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stale) }));
  await page.goto(server.url);
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notices'), /demands\.json: .*scope_v0.*the demands cannot be shown/);
  await page.waitForSelector('[data-iso="POL"]');
});

test('without scripts the page shows the default view\'s picture and text', async () => {
  const { page, errors } = await open(browser, server.url, { javaScriptEnabled: false });
  const img = page.locator('img.fallback-picture');
  await img.waitFor();
  assert.equal(await img.evaluate((i) => i.complete && i.naturalWidth), 1200);
  const text = await page.textContent('body');
  assert.match(text, /What Russia's draft treaties of 17 December 2021 would restrict/);
  assert.match(text, /With scripts switched on, a reader switches each demand on/);
  const demands = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/demands.json'), 'utf8')).demands;
  const items = await page.locator('ul.fallback-demands li a').allTextContents();
  assert.ok(items.length >= 5 && items.length <= demands.length, items.join(' | '));
  assert.ok(items.some((t) => t.startsWith('nato-6 ')), items.join(' | '));
  assert.deepEqual(errors, []);
});

test('the link previews\' pictures exist, are referenced, and each demand has its page', async () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const image = html.match(/<meta property="og:image" content="([^"]+)">/)[1];
  assert.match(image, /og\/default\.png$/);
  assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
  const png = fs.readFileSync(path.join(dist, 'og', 'default.png'));
  assert.equal(png.readUInt32BE(16), 1200);
  assert.equal(png.readUInt32BE(20), 630);
  const oembedHref = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)[1];
  const oembed = JSON.parse(fs.readFileSync(path.join(dist, oembedHref.replace(/^.*\/(oembed\.json)$/, '$1')), 'utf8'));
  assert.equal(oembed.type, 'rich');
  assert.match(oembed.html, /<iframe [^>]*src="[^"]*embed=1"/);
  // One page per demand with a map layer, with that demand's picture.
  const page6 = fs.readFileSync(path.join(dist, 'd', 'nato-6.html'), 'utf8');
  assert.match(page6, /<meta property="og:image" content="[^"]*og\/nato-6\.png">/);
  assert.match(page6, /<meta property="og:title" content="nato-6 /);
  assert.match(page6, /<meta http-equiv="refresh" content="0; url=\.\.\/\?demands=nato-6">/);
  assert.ok(fs.existsSync(path.join(dist, 'og', 'nato-6.png')));
  // The pictures differ: the demand's states are coloured.
  assert.notDeepEqual(fs.readFileSync(path.join(dist, 'og', 'nato-6.png')), png);
  // A browser that opens the page lands on the map with the demand on, and
  // the Share link of such a view is that page.
  const { page, errors } = await open(browser, `${server.url}d/nato-6.html`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  assert.equal(new URL(page.url()).searchParams.get('demands'), 'nato-6');
  await page.click('button[data-menu="share"]');
  await page.click('.share-bar button.share');
  const link = await page.locator('textarea.share-text').inputValue();
  assert.equal(link, `${server.url}d/nato-6.html`);
  assert.deepEqual(errors, []);
});
