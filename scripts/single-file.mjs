// Makes dist-single/treaty-map.html from a build without the split (the
// directory given, dist/ by default): one self-contained file with
// the WebAssembly (base64), the script, the styles and the data inside, that
// opens by double-click with no network and no server.
// Run by scripts/build after its release build without the split.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(root, process.argv[2] ?? 'dist');
const out = path.join(root, 'dist-single');
const read = (f) => fs.readFileSync(path.join(dist, f));
const files = fs.readdirSync(dist);
const pick = (re) => {
  const f = files.find((x) => re.test(x));
  if (!f) throw new Error(`${dist} has no file matching ${re}: run scripts/build`);
  return f;
};
const html = read('index.html').toString();
const css = read(pick(/^style-.*\.css$/)).toString();
const js = read(pick(/^treaty-map-.*\.js$/)).toString();
if (js.includes('__wasm_split')) throw new Error(`${dist} holds a split build: one file cannot fetch its second module`);
const wasm = read(pick(/^treaty-map-.*_bg\.wasm$/)).toString('base64');
const icon = read('favicon.svg').toString('base64');
// JSON inside <script>: "</" must not close the element.
// Every locale but English (compiled in), so the file works offline in each.
const LOCALES = ['ru', 'uk', 'de', 'fr', 'pl'];
const data = (id, f) => `<script type="application/json" id="data-${id}">${read(f).toString().replace(/<\//g, '<\\/')}</script>`;

const loader = `
${js}
const wasmBytes = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
`;
let page = html
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`)
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`)
  .replace(/<script type="module" src="\.\/loader\.js"><\/script>/, () => `<script type="module">${loader}</script>`)
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*>/g, '')
  .replace('</body>', () => `${data('states', 'states.topo.json')}${data('far', 'far.topo.json')}${data('facts', 'facts.json')}${data('demands', 'demands.json')}${data('drafts', 'drafts.json')}${LOCALES.map((l) => data(`locales/${l}`, `locales/${l}.json`)).join('')}</body>`);
if (page.includes('loader.js')) throw new Error('the loader was not inlined');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'treaty-map.html'), page);
console.log(`dist-single/treaty-map.html: ${page.length} bytes`);
