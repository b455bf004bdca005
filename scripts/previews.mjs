// What a reader without scripts, a link preview or an oEmbed consumer gets,
// made at build time (run by scripts/build on dist/):
//   - dist/og/<view>.png: the pictures src/bin/previews.rs drew as SVG
//     (the default view, one per demand with a map layer), rendered to
//     1200 × 630 PNG by Debian's Chromium, headless (the browser the tests
//     already use: no crate to compile, fonts as a browser draws them);
//   - dist/d/<demand>.html: one small page per demand, carrying that
//     demand's og:/twitter: meta and picture, which sends a browser on to
//     the map with that demand on (`<meta http-equiv="refresh">`: no script).
//     A static host serves one index.html whatever the query string, so
//     `?demands=x` cannot carry its own preview; the map's Share link points
//     at d/<x>.html when the view is one demand and nothing else;
//   - dist/oembed.json (and dist/oembed/<demand>.json): static oEmbed
//     responses ("rich", the embed's iframe), found through the
//     `<link rel="alternate" type="application/json+oembed">` of each page;
//   - in dist/index.html's <head>: the default view's og:/twitter: meta, the
//     oEmbed link and `<meta name="treaty-map-previews" content="d/">` (the
//     Share link's cue); in its <noscript>, the list of demands.
// Link previews want absolute addresses: TREATY_MAP_URL (the address the
// site is served from, ending in "/") makes every address absolute; without
// it they are relative to the page, which browsers and some consumers
// resolve, and the script says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(root, process.argv[2] ?? 'dist');
const work = path.join(root, 'target', 'previews');
const site = process.env.TREATY_MAP_URL ?? '';
if (site && !/^https?:\/\/.+\/$/.test(site)) throw new Error(`TREATY_MAP_URL must be an http(s) address ending in "/", not ${site}`);
if (!site) console.log('previews: TREATY_MAP_URL is not set: og:image and oEmbed addresses are relative to the page');
/** An address in the site, absolute when TREATY_MAP_URL is set; `up` for pages in d/. */
const at = (rel, up = '') => (site ? site + rel : up + rel);

execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'previews', '--', work], { cwd: root, stdio: 'inherit' });
const views = JSON.parse(fs.readFileSync(path.join(work, 'previews.json'), 'utf8'));

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NAME = "Russia's draft treaties of 17 December 2021";

fs.mkdirSync(path.join(dist, 'og'), { recursive: true });
fs.mkdirSync(path.join(dist, 'd'), { recursive: true });
fs.mkdirSync(path.join(dist, 'oembed'), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  for (const v of views) {
    const svg = fs.readFileSync(path.join(work, `${v.id}.svg`), 'utf8');
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.screenshot({ path: path.join(dist, 'og', `${v.id}.png`), clip: { x: 0, y: 0, width: 1200, height: 630 } });
  }
} finally {
  await browser.close();
}

/** The og:/twitter: meta of a view; `up` is the way back to the site's root. */
function meta(v, url, up) {
  const image = at(`og/${v.id}.png`, up);
  const alt = v.demand ? `Map of Europe: the states the text of ${v.demand} reaches, coloured` : 'Map of Europe, Russia and Central Asia, with no demand switched on';
  return [
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="${esc(NAME)}">`,
    `<meta property="og:title" content="${esc(v.title)}">`,
    `<meta property="og:description" content="${esc(v.text)}">`,
    url ? `<meta property="og:url" content="${esc(url)}">` : '',
    `<meta property="og:image" content="${esc(image)}">`,
    `<meta property="og:image:type" content="image/png">`,
    `<meta property="og:image:width" content="1200">`,
    `<meta property="og:image:height" content="630">`,
    `<meta property="og:image:alt" content="${esc(alt)}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
    `<meta name="twitter:title" content="${esc(v.title)}">`,
    `<meta name="twitter:description" content="${esc(v.text)}">`,
    `<meta name="twitter:image" content="${esc(image)}">`,
    `<meta name="twitter:image:alt" content="${esc(alt)}">`,
  ].filter(Boolean);
}

/** A static oEmbed response for the map with `query` (the embed's iframe). */
function oembed(v, query) {
  const src = at(`?${query ? `${query}&` : ''}embed=1`);
  return {
    version: '1.0',
    type: 'rich',
    provider_name: NAME,
    title: v.title,
    width: 800,
    height: 620,
    html: `<iframe src="${esc(src)}" title="Map: what Russia's draft treaties of 17 December 2021 would restrict" width="100%" height="620" style="border:0;display:block" loading="lazy" sandbox="allow-scripts allow-same-origin"></iframe>`,
    thumbnail_url: at(`og/${v.id}.png`),
    thumbnail_width: 1200,
    thumbnail_height: 630,
  };
}

const oembedLink = (href, title) => `<link rel="alternate" type="application/json+oembed" href="${esc(href)}" title="${esc(title)}">`;
// The map's stylesheet (trunk names it after its content), for the pages in d/.
const css = fs.readdirSync(dist).find((f) => /^style-[0-9a-f]+\.css$/.test(f));
if (!css) throw new Error(`${dist} has no style-<hash>.css`);
const byId = Object.fromEntries(views.map((v) => [v.id, v]));

fs.writeFileSync(path.join(dist, 'oembed.json'), JSON.stringify(oembed(byId.default, '')) + '\n');
for (const v of views.filter((x) => x.demand)) {
  const map = `../?demands=${encodeURIComponent(v.demand)}`;
  fs.writeFileSync(path.join(dist, 'oembed', `${v.demand}.json`), JSON.stringify(oembed(v, `demands=${v.demand}`)) + '\n');
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(v.title)} — ${esc(NAME)}</title>
<meta name="description" content="${esc(v.text)}">
${meta(v, site ? `${site}d/${v.demand}.html` : '', '../').join('\n')}
${oembedLink(at(`oembed/${v.demand}.json`, '../'), v.title)}
<meta http-equiv="refresh" content="0; url=${esc(map)}">
<link rel="stylesheet" href="../${css}">
</head>
<body>
<h1>${esc(v.title)}</h1>
<p>${esc(v.text)}</p>
<p><img class="fallback-picture" src="../og/${esc(v.id)}.png" width="1200" height="630" alt="${esc(meta(v, '', '../').find((m) => m.includes('og:image:alt')).match(/content="([^"]*)"/)[1])}"></p>
${v.states.length ? `<p>States reached on 17 December 2021: ${esc(v.states.join(', '))}.</p>` : ''}
<p><a href="${esc(map)}">Open the interactive map with ${esc(v.demand)} on</a>.</p>
</body>
</html>
`;
  fs.writeFileSync(path.join(dist, 'd', `${v.demand}.html`), page);
}

const index = path.join(dist, 'index.html');
let html = fs.readFileSync(index, 'utf8');
if (html.includes('property="og:image"')) throw new Error(`${index} already carries the previews: rebuild with trunk first`);
const head = [
  '<!-- Link previews, oEmbed and the Share link\'s preview pages: scripts/previews.mjs -->',
  ...meta(byId.default, site, ''),
  oembedLink(at('oembed.json'), byId.default.title),
  '<meta name="treaty-map-previews" content="d/">',
];
html = html.replace('</head>', () => `${head.join('\n')}\n</head>`);
const list = views.filter((v) => v.demand).map((v) => `<li><a href="d/${esc(v.demand)}.html">${esc(v.title)}</a></li>`).join('');
if (!html.includes('<ul class="fallback-demands"></ul>')) throw new Error(`${index} has no <ul class="fallback-demands"></ul> in its <noscript>`);
html = html.replace('<ul class="fallback-demands"></ul>', () => `<ul class="fallback-demands">${list}</ul>`);
fs.writeFileSync(index, html);
console.log(`previews: ${views.length} pictures in ${path.relative(root, dist)}/og, ${views.length - 1} pages in ${path.relative(root, dist)}/d`);
