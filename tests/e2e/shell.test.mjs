// The shell prerendered into index.html (geo/shell.html, src/build/shell.rs):
// before the WebAssembly has run the reader sees the title, the headline, the
// base map in its tints and a loading sign; the app then takes its place
// without a trace (one h1, no duplicate ids, no shell left) and without a
// jump (the headline and the map's box where they were), at 375 and 1280 px,
// under the README's policy and a sub-path. Without scripts the <noscript>
// block stands in for it. TREATY_MAP_DIST names the build (dist/ by default).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, watchPolicy } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.resolve(root, process.env.TREATY_MAP_DIST ?? 'dist');
let server, browser;

before(async () => {
  server = await serve(dist, { prefix: '/sub/path/' });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/** A page under the README's policy that records errors; `hold` routes run before it loads. */
async function page(viewport, { hold, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  await watchPolicy(context);
  const p = await context.newPage();
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  p.on('pageerror', (e) => errors.push(String(e)));
  if (hold) await hold(context);
  return { page: p, context, errors };
}

const box = async (locator) => {
  const b = await locator.boundingBox();
  assert.ok(b, 'the element is laid out');
  return b;
};

for (const width of [375, 1280]) {
  test(`at ${width} px without its WebAssembly the page shows the title, the headline, the base map and a loading sign`, async () => {
    const { page: p, context, errors } = await page({ width, height: 800 }, {
      hold: (c) => c.route(/\.wasm$/, (route) => route.abort()),
    });
    await p.goto(server.url);
    assert.equal(await p.locator('h1').count(), 1);
    assert.match(await p.locator('h1').textContent(), /draft treaties of 17 December 2021/);
    assert.ok(await p.locator('#shell h2.headline').isVisible());
    assert.match(await p.locator('#shell h2.headline').textContent(), /as of 17 December 2021/);
    const map = await box(p.locator('#shell svg.map'));
    assert.ok(map.width > 300 && map.height > 150, `base map ${map.width}×${map.height}`);
    // The land is painted in the default view's tints: Russia's, NATO's members', the others'.
    for (const [cls, variable] of [['shell-russia', '--land-russia'], ['shell-nato', '--land-nato'], ['shell-other', '--land']]) {
      const { fill, want } = await p.evaluate(([c, v]) => {
        const probe = document.createElement('div');
        probe.style.color = `var(${v})`;
        document.body.append(probe);
        const want = getComputedStyle(probe).color;
        probe.remove();
        return { fill: getComputedStyle(document.querySelector(`.${c}`)).fill, want };
      }, [cls, variable]);
      assert.equal(fill, want, `${cls} is painted with ${variable}`);
    }
    const russia = await box(p.locator('#shell path.shell-russia'));
    assert.ok(russia.width > map.width * 0.3, `Russia ${russia.width} of ${map.width}`);
    assert.ok(await p.locator('.shell-loading').isVisible());
    assert.match(await p.locator('.shell-loading').textContent(), /Loading the map/);
    assert.equal(await p.locator('[data-iso]').count(), 0);
    assert.equal(await p.locator('button[data-demand]').count(), 0);
    // No policy violation from the shell (the aborted module is the only error).
    assert.deepEqual(errors.filter((e) => /CSP violation/.test(e)), []);
    await context.close();
  });

  test(`at ${width} px the app takes the shell's place: one h1, no duplicate ids, the headline and the map where they were`, async () => {
    // Hold the geometry back until the shell has been measured.
    let release;
    const held = new Promise((r) => { release = r; });
    const { page: p, context, errors } = await page({ width, height: 900 }, {
      hold: (c) => c.route(/states(-[0-9a-f]+)?\.topo\.json$/, async (route) => { await held; await route.continue(); }),
    });
    await p.goto(server.url);
    await p.waitForSelector('#shell svg.map');
    const before = {
      h1: await box(p.locator('#shell h1')),
      headline: await box(p.locator('#shell h2.headline')),
      map: await box(p.locator('#shell .map-frame')),
      texts: await p.evaluate(() => ({
        h1: document.querySelector('#shell h1').textContent,
        headline: document.querySelector('#shell h2.headline').textContent,
        dek: document.querySelector('#shell .dek').textContent,
        key: [...document.querySelectorAll('#shell .base-key li')].map((li) => li.textContent),
        hint: document.querySelector('#shell .legend .hint').textContent,
      })),
    };
    release();
    await p.waitForSelector('[data-iso="POL"]', { timeout: 30000 });
    assert.equal(await p.locator('#shell').count(), 0);
    assert.equal(await p.locator('.shell-loading').count(), 0);
    assert.equal(await p.locator('h1').count(), 1);
    const ids = await p.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
    // The shell said what the app says.
    const after = await p.evaluate(() => ({
      h1: document.querySelector('h1').textContent,
      headline: document.querySelector('h2.headline').textContent,
      dek: document.querySelector('.headline-block .dek').textContent,
      key: [...document.querySelectorAll('.base-key li')].map((li) => li.textContent),
      hint: document.querySelector('.legend .hint').textContent,
    }));
    assert.deepEqual(after, before.texts);
    const near = (a, b, what) => {
      for (const k of ['x', 'y', 'width', 'height']) {
        assert.ok(Math.abs(a[k] - b[k]) <= 3, `${what} moved: ${JSON.stringify(b)} → ${JSON.stringify(a)}`);
      }
    };
    near(await box(p.locator('h1')), before.h1, 'the title');
    near(await box(p.locator('h2.headline')), before.headline, 'the headline');
    near(await box(p.locator('.map-frame')), before.map, "the map's box");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('without scripts the <noscript> block shows and the shell does not', async () => {
  const { page: p, context } = await page({ width: 1280, height: 900 }, { javaScriptEnabled: false });
  await p.goto(server.url);
  assert.ok(await p.locator('.fallback-picture').isVisible());
  assert.equal(await p.locator('#shell').isVisible(), false);
  assert.equal(await p.locator('.shell-loading').isVisible(), false);
  await context.close();
});
