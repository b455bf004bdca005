// Minifies the split release's scripts in dist/ (wasm-bindgen's glue, the
// split modules' loader, trunk's loader) with terser, and brings the page's
// integrity hashes up to date. wasm-bindgen writes readable JavaScript and
// trunk 0.21's own minifier cannot parse it; this takes about 2 KB off a
// first visit (gzipped). Run by scripts/build on dist/ only: the one-file
// build calls the glue's internals by name.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const dist = path.resolve(process.argv[2] ?? 'dist');
const index = path.join(dist, 'index.html');
let html = fs.readFileSync(index, 'utf8');
const scripts = fs.readdirSync(dist).filter((f) => /^(treaty-map-[0-9a-f]+|__wasm_split-[0-9a-f]+|loader)\.js$/.test(f));
if (!scripts.some((f) => f.startsWith('treaty-map-'))) throw new Error(`${dist} has no treaty-map-<hash>.js: run scripts/build`);
for (const f of scripts) {
  const file = path.join(dist, f);
  const out = await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
  if (!out.code) throw new Error(`terser gave nothing for ${f}`);
  fs.writeFileSync(file, out.code);
  const sri = `sha384-${crypto.createHash('sha384').update(out.code).digest('base64')}`;
  // The tag that names this file, if it carries an integrity hash.
  html = html.replace(new RegExp(`(<link[^>]*href="\\./${f.replace(/\./g, '\\.')}"[^>]*integrity=")[^"]*(")`), `$1${sri}$2`);
}
fs.writeFileSync(index, html);
console.log(`minified ${scripts.join(', ')}`);
