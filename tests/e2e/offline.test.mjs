// The single-file build: opened from file:// with no network it draws every
// state, and it draws inside a sandbox="allow-scripts" frame, where the page
// has no origin of its own and cannot fetch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const single = path.resolve(here, '../../dist-single/treaty-map.html');
const facts = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/facts.json'), 'utf8'));
const expected = facts.states.filter((s) => s.drawn !== false).length + facts.context.length;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single file draws every state from file:// with no request made', async () => {
  const context = await browser.newContext();
  const requests = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:')) return route.continue();
    requests.push(u);
    return route.abort();
  });
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
