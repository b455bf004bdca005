// Reading the drafts: read=… and #… open both texts at an article; every
// demand of both drafts is there, verbatim where drafts.json has a passage
// and marked where not; "Show on the map" and "Read the article" go back
// and forth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../dist');
const demands = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/demands.json'), 'utf8')).demands;
const drafts = JSON.parse(fs.readFileSync(path.resolve(here, '../../geo/drafts.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('read=us-4 opens both drafts at US Art. 4, every demand listed, verbatim or marked', async () => {
  const { page, errors, foreign } = await open(browser, `${server.url}?read=us-4`);
  await page.waitForSelector('.reading [id="us-4"] .verbatim');
  // Each demand of both drafts, in the drafts' order.
  const listed = await page.$$eval('.reading .demand-text', (els) => els.map((e) => e.dataset.demand));
  assert.deepEqual(listed, demands.map((d) => d.id));
  // US Art. 4 ¶2 is verbatim, as drafts.json holds it.
  const para2 = drafts.treaties[0].sections.find((s) => s.article === 4).passages.find((p) => p.paragraph === 2).text;
  assert.equal((await page.textContent('[id="us-4b"] .verbatim p')).trim(), para2);
  // US Art. 8 and Art. 5 ¶3: no verified copy, marked.
  for (const id of ['us-8', 'us-5c', 'nato-8']) {
    assert.equal(await page.$$eval(`[data-demand="${id}"].demand-text .verbatim`, (e) => e.length), 0, id);
    assert.match(await page.textContent(`[data-demand="${id}"].demand-text .summary`), /No verified copy of the text was found/, id);
  }
  // The NATO preamble is there, with the archived copy of the ministry's page.
  assert.match(await page.textContent('[id="nato-preamble"]'), /have agreed as follows/);
  assert.ok(await page.$('[id="nato-preamble"] .copies a[href="https://archive.md/0OmVH"]'));
  // Scrolled to the article asked for.
  const top = await page.$eval('[id="us-4"]', (e) => e.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 200, `US Art. 4 at ${top}px`);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
});

test('#nato-7b opens it too; "Show on the map" switches the demand on; "Read the article" comes back', async () => {
  const { page, errors } = await open(browser, `${server.url}#nato-7b`);
  await page.waitForSelector('.reading [id="nato-7b"] .verbatim');
  await page.click('[id="nato-7b"] button.show-on-map');
  await page.waitForSelector('button[data-demand="nato-7b"][aria-pressed="true"]');
  await page.waitForSelector('.reading .demand-text', { state: 'detached' });
  await page.waitForFunction(() => location.search.includes('demands=nato-7b') && !location.search.includes('read='));
  // From the demand's description back to its text.
  await page.click('li.demand:has(button[data-demand="us-4a"]) button.about');
  await page.click('li.demand:has(button[data-demand="us-4a"]) button.read-article');
  await page.waitForSelector('.reading [id="us-4a"] .verbatim');
  await page.waitForFunction(() => location.search.includes('read=us-4a'));
  assert.deepEqual(errors, []);
});
