// Sharing, embedding, hosting: the embed snippet on another origin inside a
// sandboxed iframe, a strict Content-Security-Policy, a sub-path, themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); servers.forEach((s) => s.close()); });

async function site(opts) {
  const s = await serve(dist, opts);
  servers.push(s);
  return s;
}

test('the page runs under the README\'s CSP with no violation', async () => {
  const s = await site({ csp: CSP });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${s.url}?demands=nato-6`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  // The swatches' colours are set through the CSSOM, which the policy allows.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('.legend .swatch')).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the map works under a sub-path', async () => {
  const s = await site({ prefix: '/news/2021/treaty-map/' });
  const { page, errors, foreign } = await open(browser, `${s.url}?demands=us-4a`);
  await page.waitForSelector('[data-iso="GEO"][data-restricted-by="us-4a"]');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});

test('share gives a link to the current view', async () => {
  const s = await site();
  const { page } = await open(browser, `${s.url}?demands=nato-7a`);
  await page.waitForSelector('[data-iso="POL"]');
  await page.click('button[data-demand="us-4a"]');
  await page.click('button[data-menu="share"]');
  await page.click('.share-bar button.share');
  const link = await page.inputValue('textarea.share-text');
  assert.equal(link, `${s.url}?demands=us-4a,nato-7a`);
});

test('the embed snippet works in a sandboxed frame on another origin and fits its height', async () => {
  const s = await site();
  const { page } = await open(browser, `${s.url}?demands=nato-4`);
  await page.waitForSelector('[data-iso="POL"]');
  await page.click('button[data-menu="share"]');
  await page.click('.share-bar button.embed');
  const snippet = await page.inputValue('textarea.share-text');
  assert.match(snippet, /<iframe [^>]*title="[^"]+"/);
  assert.match(snippet, /sandbox="allow-scripts allow-same-origin"/);
  assert.match(snippet, /embed=1/);
  // An article on another origin (another port of 127.0.0.1).
  const article = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><body><h1>An article</h1><p>Text before.</p>${snippet}<p>Text after.</p></body></html>`);
  });
  await new Promise((r) => article.listen(0, '127.0.0.1', r));
  servers.push(article);
  const host = await open(browser, `http://127.0.0.1:${article.address().port}/`);
  const frameEl = host.page.locator('iframe');
  await host.page.waitForFunction(() => document.querySelector('iframe').style.height !== '', null, { timeout: 30000 });
  const height = await frameEl.evaluate((f) => parseFloat(f.style.height));
  assert.ok(height > 200, `resized to ${height}`);
  const frame = host.page.frameLocator('iframe');
  await frame.locator('[data-iso="POL"][data-restricted-by="nato-4"]').waitFor();
  // Chrome dropped: no controls, no masthead; the legend and attribution stay.
  assert.equal(await frame.locator('.controls').isVisible(), false);
  assert.equal(await frame.locator('.masthead').isVisible(), false);
  assert.equal(await frame.locator('.legend li[data-demand="nato-4"]').isVisible(), true);
  assert.equal(await frame.locator('.attribution').isVisible(), true);
  assert.deepEqual(host.errors, []);
  assert.deepEqual(host.foreign, []);
});

test('theme=dark applies, and the system theme is followed without it', async () => {
  const s = await site();
  const dark = await open(browser, `${s.url}?theme=dark`);
  await dark.page.waitForSelector('[data-iso="POL"]');
  const bg = await dark.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgb(20, 24, 29)');
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(s.url);
  await page.waitForSelector('[data-iso="POL"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(20, 24, 29)');
  await page.goto(`${s.url}?theme=light`);
  await page.waitForSelector('[data-iso="POL"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(251, 250, 247)');
  await context.close();
});

test('printing lays the view out without the controls', async () => {
  const s = await site();
  const { page } = await open(browser, `${s.url}?demands=nato-6`);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.controls').isVisible(), false);
  assert.equal(await page.locator('.share-bar').isVisible(), false);
  assert.equal(await page.locator('svg.map').isVisible(), true);
  assert.equal(await page.locator('.legend li[data-demand="nato-6"]').isVisible(), true);
  const pdf = await page.pdf({ landscape: true, format: 'A4' });
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  // One landscape page.
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `${pages} pages`);
});
