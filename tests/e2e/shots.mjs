// Screenshots of the first view for looking at, not a test: the page, the
// embed and the presentation at 375, 768, 1280 and 1920 px, light and dark,
// into tests/e2e/artifacts/shots/. With --docs, also the small views the
// README and docs/design.md show (docs/*.png).
// Run: node tests/e2e/shots.mjs [dist directory] [--docs]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const docs = args.includes('--docs');
const distArg = args.find((a) => !a.startsWith('--'));
const dist = distArg ? path.resolve(distArg) : path.resolve(here, '../../dist');
const out = path.resolve(here, 'artifacts/shots');
fs.mkdirSync(out, { recursive: true });
const server = await serve(dist);
const browser = await launch();
const SIZES = [[375, 740], [768, 1024], [1280, 800], [1920, 1080]];
const VIEWS = [['page', '?demands=nato-7a,us-4a'], ['embed', '?demands=nato-4,nato-7a&embed=1'], ['present', '?present=1&step=2']];

async function shot(url, [width, height], scheme, file, { sheet = false, dpr = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: dpr });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-iso="POL"]', { timeout: 30000 });
  await page.waitForTimeout(400);
  if (sheet && await page.locator('.sheet-handle').isVisible()) await page.click('.sheet-handle');
  await page.screenshot({ path: file });
  await context.close();
}

for (const size of SIZES) {
  for (const scheme of ['light', 'dark']) {
    for (const [name, query] of VIEWS) {
      await shot(`${server.url}${query}`, size, scheme, path.join(out, `${name}-${size[0]}-${scheme}.png`));
    }
  }
}
await shot(`${server.url}?demands=nato-7a,us-4a`, [375, 740], 'light', path.join(out, 'page-375-sheet.png'), { sheet: true });

if (docs) {
  const d = path.resolve(here, '../../docs');
  await shot(`${server.url}?demands=nato-7a,us-4a`, [375, 740], 'light', path.join(d, 'phone.png'));
  await shot(`${server.url}?demands=nato-7a,us-4a`, [375, 740], 'light', path.join(d, 'phone-picker.png'), { sheet: true });
  await shot(`${server.url}?demands=nato-4,nato-7a,nato-7b`, [1280, 800], 'light', path.join(d, 'laptop.png'));
  await shot(`${server.url}?demands=nato-4,nato-7a&theme=dark`, [1280, 800], 'dark', path.join(d, 'laptop-dark.png'));
  await shot(`${server.url}?demands=nato-4,nato-7a&embed=1`, [640, 620], 'light', path.join(d, 'embed.png'));
}
await browser.close();
server.close();
