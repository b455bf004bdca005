// trunk post-build hook for the split release (scripts/split/wasm-bindgen):
// copies the split modules (and the code they share) and the loader that
// fetches them into dist/, and points the loader at trunk's hashed name for
// the main script.
// Does nothing for a build that is not split.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const src = process.env.TRUNK_SOURCE_DIR;
const profile = process.env.TRUNK_PROFILE;
if (!dir || !src || !profile) throw new Error('TRUNK_STAGING_DIR, TRUNK_SOURCE_DIR or TRUNK_PROFILE is not set: run through trunk');
const main = fs.readdirSync(dir).find((f) => /^treaty-map-[0-9a-f]+\.js$/.test(f));
if (!main) throw new Error('no treaty-map-<hash>.js in the staging directory');
const js = fs.readFileSync(path.join(dir, main), 'utf8');
const m = js.match(/"\.\/(__wasm_split-[0-9a-f]+\.js)"/);
if (!m) process.exit(0); // not a split build
// wasm-bindgen's output is under cargo's target directory (CARGO_TARGET_DIR
// when set, as trunk finds it).
const target = process.env.CARGO_TARGET_DIR ? path.resolve(src, process.env.CARGO_TARGET_DIR) : path.join(src, 'target');
const bindgen = path.join(target, 'wasm-bindgen', profile);
const loaderName = m[1];
const loader = fs.readFileSync(path.join(bindgen, loaderName), 'utf8');
if (!loader.includes('"./treaty-map.js"')) throw new Error(`${loaderName} does not import ./treaty-map.js`);
fs.writeFileSync(path.join(dir, loaderName), loader.replaceAll('"./treaty-map.js"', `"./${main}"`));
const chunks = [...loader.matchAll(/"\.\/((?:split|chunk)_[\w-]+\.wasm)"/g)].map((c) => c[1]);
if (chunks.length === 0) throw new Error(`${loaderName} fetches no module`);
for (const c of chunks) fs.copyFileSync(path.join(bindgen, c), path.join(dir, c));
