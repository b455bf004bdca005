// trunk post-build hook: moves trunk's inline module loader into a file, so
// the page runs under a Content-Security-Policy without 'unsafe-inline'
// (script-src 'self' 'wasm-unsafe-eval').
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const index = path.join(dir, 'index.html');
const html = fs.readFileSync(index, 'utf8');
const re = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(re);
if (!m) throw new Error('no inline module script in index.html');
fs.writeFileSync(path.join(dir, 'loader.js'), m[1].trim() + '\n');
fs.writeFileSync(index, html.replace(re, '<script type="module" src="./loader.js"></script>'));
