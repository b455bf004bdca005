// The page in each of its six languages (issue 13): chosen by `lang=` and
// by the browser's language; `<html lang>`, the title, a state's name and a
// demand's title in the locale, no English UI text left on the first view
// (names that are the same in both languages aside), the switcher changing
// the language and the address, a broken locale file leaving the page in
// English with a notice, and the single file in each language with no
// request made. A screenshot per locale goes to tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from './server.mjs';
import { launch, open, offline } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.resolve(root, process.env.TREATY_MAP_DIST ?? 'dist');
const single = path.resolve(root, 'dist-single/treaty-map.html');
const artifacts = path.join(here, 'artifacts');
const json = (f) => JSON.parse(fs.readFileSync(path.join(root, 'geo', f), 'utf8'));
const LOCALES = ['en', 'ru', 'uk', 'de', 'fr', 'pl'];
const files = Object.fromEntries(LOCALES.map((l) => [l, json(`locales/${l}.json`)]));
const demands = json('demands.json');
const facts = json('facts.json');
const english = (key) => files.en.messages[key];
const nameOf = (l, iso) => (l === 'en' ? facts.states.find((s) => s.iso === iso).name : files[l].states[iso]);
const titleOf = (l, id) => (l === 'en' ? demands.demands.find((d) => d.id === id).title : files[l].demands[id].short);

let server, browser;
before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  server = await serve(dist);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

async function ready(page) {
  await page.waitForSelector('[data-iso="UKR"]', { timeout: 30000 });
  await page.waitForSelector('button[data-demand="nato-7a"]', { state: 'attached' });
}

/** The English texts a translated first view must not show. */
function englishLeft(l, visible) {
  if (l === 'en') return [];
  const m = files[l].messages;
  const texts = Object.entries(files.en.messages)
    .filter(([k, v]) => typeof v === 'string' && !v.includes('{') && v.length >= 8 && m[k] !== v)
    .map(([, v]) => v);
  for (const d of demands.demands) if (files[l].demands[d.id].short !== d.title && d.title.length >= 8) texts.push(d.title);
  return texts.filter((t) => visible.includes(t));
}

for (const l of LOCALES) {
  test(`${l}: lang=${l} shows the page in its language`, async () => {
    const { page, context, errors, foreign } = await open(browser, `${server.url}?lang=${l}&demands=nato-7a`);
    await ready(page);
    await page.waitForFunction((l) => document.documentElement.lang === l, l);
    assert.equal(await page.title(), files[l].messages['page.title']);
    assert.equal(await page.locator('meta[name="description"]').getAttribute('content'), files[l].messages['page.description']);
    assert.equal((await page.locator('h1').first().textContent()).trim(), files[l].messages['head.headline']);
    const label = await page.locator('[data-iso="UKR"]').getAttribute('aria-label');
    assert.ok(label.startsWith(nameOf(l, 'UKR')), `${l}: ${label}`);
    assert.ok(label.length > nameOf(l, 'UKR').length + 5, `reached, so its label says by how many: ${label}`);
    const title = (await page.locator('button[data-demand="nato-7a"] .title').textContent()).trim();
    assert.equal(title, titleOf(l, 'nato-7a'));
    // The headline names the states in the locale.
    const headline = await page.locator('.headline').textContent();
    assert.ok(headline.includes(nameOf(l, 'BLR')), headline);
    // The legend's count in the locale's plural ("11 государств", "11 państw").
    const count = files[l].messages['legend.count'];
    // 11 states: CLDR "many" in ru, uk and pl, "other" in en, de and fr.
    const word = count[['ru', 'uk', 'pl'].includes(l) ? 'many' : 'other'].replace('{count}', '').replace('· {area}', '').trim();
    assert.ok((await page.locator('.legend li[data-demand="nato-7a"] .count').textContent()).includes(word));
    const visible = await page.evaluate(() => document.body.innerText);
    assert.deepEqual(englishLeft(l, visible), [], `${l}: English left on the page`);
    await page.screenshot({ path: path.join(artifacts, `locale-${l}.png`) });
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await context.close();
  });

  test(`${l}: the browser's language picks it`, async () => {
    const { page, context, errors } = await open(browser, server.url, { locale: l === 'en' ? 'en-GB' : `${l}-${l.toUpperCase()}` });
    await ready(page);
    await page.waitForFunction((l) => document.documentElement.lang === l, l);
    const label = await page.locator('[data-iso="POL"]').getAttribute('aria-label');
    assert.equal(label, nameOf(l, 'POL'));
    assert.equal((await page.locator('button[data-demand="nato-4"] .title').textContent()).trim(), titleOf(l, 'nato-4'));
    // Chosen by the browser, not the address: the address stays as it was.
    assert.ok(!page.url().includes('lang='), page.url());
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the switcher changes the language and the address, and keeps the view', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?demands=nato-6`);
  await ready(page);
  await page.selectOption('select[name="lang"]', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await page.waitForFunction(() => location.search.includes('lang=de'));
  assert.ok(page.url().includes('demands=nato-6'), page.url());
  assert.equal((await page.locator('h1').first().textContent()).trim(), files.de.messages['head.headline']);
  await page.waitForSelector('[data-iso="UKR"][data-restricted-by="nato-6"]');
  assert.ok((await page.locator('[data-iso="UKR"]').getAttribute('aria-label')).startsWith('Ukraine:'));
  assert.equal(await page.locator('[data-iso="POL"]').getAttribute('aria-label'), 'Polen');
  // And back to English, written into the address as well.
  await page.selectOption('select[name="lang"]', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && location.search.includes('lang=en'));
  assert.equal(await page.locator('[data-iso="POL"]').getAttribute('aria-label'), 'Poland');
  // A shared link and the embed code keep the language.
  await page.selectOption('select[name="lang"]', 'uk');
  await page.waitForFunction(() => document.documentElement.lang === 'uk');
  await page.click('button[data-menu="share"]');
  await page.click('#share-menu button.embed');
  const snippet = await page.locator('textarea.share-text.embed').inputValue();
  assert.ok(snippet.includes('lang=uk') && snippet.includes('embed=1'), snippet);
  assert.ok(snippet.includes(files.uk.messages['share.iframe_title'].replace(/"/g, '&quot;')), snippet);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no switcher in an embed', async () => {
  const { page, context } = await open(browser, `${server.url}?embed=1&lang=fr`);
  await ready(page);
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.locator('select[name="lang"]').count(), 0);
  await context.close();
});

test('a broken locale file leaves the page in English, with a notice', async () => {
  const context = await browser.newContext();
  await context.route(/\/locales\/ru[-.]/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"locale": "ru", "name": "Русский"}' }));
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=ru`);
  await ready(page);
  const notice = page.locator('.notice', { hasText: 'the page is shown in English' });
  await notice.waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('[data-iso="POL"]').getAttribute('aria-label'), 'Poland');
  await context.close();
});

test('an English first visit fetches no locale file and no locale code; another language fetches both', async () => {
  const { page, context } = await open(browser, server.url, { locale: 'en-US' });
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  await page.reload();
  await ready(page);
  assert.deepEqual(paths.filter((p) => p.includes('/locales/') || p.includes('split_locale')), []);
  await page.goto(`${server.url}?lang=pl`);
  await ready(page);
  await page.waitForFunction(() => document.documentElement.lang === 'pl');
  assert.equal(paths.filter((p) => /\/locales\/pl-[0-9a-f]{16}\.json$/.test(p)).length, 1, paths.join(' '));
  await context.close();
});

test('the single file carries every locale and works offline in each', async () => {
  assert.ok(fs.existsSync(single), `${single}: made by scripts/build`);
  const { context, requests } = await offline(browser);
  const page = await context.newPage();
  for (const l of LOCALES) {
    await page.goto(`${pathToFileURL(single).href}?lang=${l}`);
    await ready(page);
    await page.waitForFunction((l) => document.documentElement.lang === l, l);
    assert.equal(await page.locator('[data-iso="POL"]').getAttribute('aria-label'), nameOf(l, 'POL'));
    assert.equal((await page.locator('button[data-demand="nato-4"] .title').textContent()).trim(), titleOf(l, 'nato-4'));
  }
  assert.deepEqual(requests, []);
  await context.close();
});
