// A smoke test of any build directory (TREATY_MAP_DIST, dist/ by default):
// scripts/test runs it on the build without the size-built standard library
// (TREATY_MAP_PLAIN_STD=1), so that fallback cannot rot unseen. Under the
// README's policy: the map draws, a demand colours its states, a distance
// demand fetches the zones' module and draws its zone, a download works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { fetches, launch, open } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.resolve(root, process.env.TREATY_MAP_DIST ?? 'dist');
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test(`the build in ${path.relative(root, dist)} draws, colours, loads its zones and downloads`, async () => {
  const { page, errors, foreign } = await open(browser, server.url);
  const { module } = fetches(page);
  await page.waitForSelector('[data-iso="POL"]', { timeout: 30000 });
  await page.click('button[data-demand="nato-6"]');
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  await page.click('button[data-demand="nato-5"]');
  await page.waitForSelector('.legend li[data-demand="nato-5"] .zone-figures[data-ready="true"]', { timeout: 60000 });
  assert.equal(module('zones'), 1);
  await page.click('button[data-menu="share"]');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('button.export-png')]);
  assert.equal(d.suggestedFilename(), 'treaty-map.png');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});
