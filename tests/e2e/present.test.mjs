// The classroom presentation: steps from the URL or the default tour, keys
// and clicker move through them, the URL follows, Escape leaves; a teacher
// builds a sequence with "add this view as a step".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const restricted = (page, iso) => page.getAttribute(`[data-iso="${iso}"]`, 'data-restricted-by');

test('keys move through the steps and the URL follows', async () => {
  const { page, errors } = await open(browser, `${server.url}?present=1&steps=us-4a;nato-7a/ee.broad;nato-6/today`, { viewport: { width: 1920, height: 1080 } });
  await page.waitForSelector('[data-iso="POL"]');
  assert.match(await page.textContent('.step-count'), /Step 1 of 3/);
  assert.equal(await restricted(page, 'GEO'), 'us-4a');
  // Readable from the back of the room: body text of 24 px or more.
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.presentation blockquote')).fontSize));
  assert.ok(size >= 24, `caption ${size}px`);
  assert.match(await page.textContent('.presentation'), /deny accession to the Alliance/);
  assert.equal(await page.locator('.controls').isVisible(), false);
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('.step-count'), /Step 2 of 3/);
  assert.equal(await restricted(page, 'POL'), 'nato-7a');
  await page.waitForURL(/step=2/);
  await page.keyboard.press('PageDown');
  assert.equal(await restricted(page, 'FIN'), '');
  assert.equal(await restricted(page, 'UKR'), 'nato-6');
  await page.waitForURL(/step=3/);
  await page.keyboard.press('Space');
  assert.match(await page.textContent('.step-count'), /Step 3 of 3/);
  await page.keyboard.press('PageUp');
  assert.match(await page.textContent('.step-count'), /Step 2 of 3/);
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => !/present=1/.test(u.href));
  assert.equal(await page.locator('.controls').isVisible(), true);
  assert.deepEqual(errors, []);
});

test('without steps the default tour walks through both drafts', async () => {
  const { page } = await open(browser, `${server.url}?present=1`);
  await page.waitForSelector('[data-iso="POL"]');
  assert.match(await page.textContent('.step-count'), /Step 1 of 11/);
  await page.keyboard.press('End');
  assert.match(await page.textContent('.presentation'), /NATO agreement, Art\. 7 ¶2/);
});

test('a teacher adds views as steps and gets the link', async () => {
  const { page } = await open(browser, server.url);
  await page.waitForSelector('[data-iso="POL"]');
  // The presentation's items are in the Share menu.
  const menu = () => page.click('button[data-menu="share"]');
  await page.click('button[data-demand="us-4a"]');
  await menu();
  await page.click('button.add-step');
  await page.click('button[data-demand="us-4a"]');
  await page.click('button[data-demand="nato-7b"]');
  await page.check('input[name="term-ally"][value="csto"]');
  await menu();
  await page.click('button.add-step');
  const link = await page.inputValue('textarea.steps-link');
  assert.match(link, /steps=us-4a;nato-7b\/ally\.csto/);
  assert.match(link, /present=1/);
  await menu();
  await page.click('button.present');
  assert.match(await page.textContent('.step-count'), /Step 1 of 2/);
  assert.equal(await restricted(page, 'GEO'), 'us-4a');
});
