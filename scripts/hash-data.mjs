// Names the data files of a build after their content, as trunk names the
// code: dist/states.topo.json becomes dist/states-<hash>.topo.json, where
// <hash> is the first 16 hex digits of the file's SHA-256. The page learns
// the names from tags this script writes into index.html's <head>:
//   <meta name="treaty-map-data" data-file="states.topo.json" content="states-<hash>.topo.json">
// (read by src/view/platform.rs, `hashed_name`), and the files the first
// view needs are preloaded, so their fetches start with the page:
//   <link rel="preload" href="states-<hash>.topo.json" as="fetch" type="application/json" crossorigin>
// A page therefore never pairs its code with another build's data: an old
// page asks for its own build's files, or is told they are gone.
// Run by scripts/build on dist/ (not on the one-file build, which inlines
// the data under the plain names).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
/** Every data file the page loads, and whether the first view needs it. */
export const DATA = [
  ['states.topo.json', true],
  ['facts.json', true],
  ['demands.json', true],
  ['far.topo.json', false],
  ['drafts.json', false],
  // A locale's texts, fetched only when the page is shown in it (English
  // is compiled into the WebAssembly).
  ...['ru', 'uk', 'de', 'fr', 'pl'].map((l) => [`locales/${l}.json`, false]),
];
// Copied with geo/locales but never fetched: English is compiled in, and
// the translations' fingerprints are for tests/locales.rs.
for (const f of ['locales/en.json', 'locales/translated-from.json']) fs.rmSync(path.join(dist, f), { force: true });
const index = path.join(dist, 'index.html');
let html = fs.readFileSync(index, 'utf8');
if (html.includes('name="treaty-map-data"')) throw new Error(`${index} already names hashed data files: rebuild with trunk first`);
const tags = [];
for (const [file, first] of DATA) {
  const from = path.join(dist, file);
  if (!fs.existsSync(from)) throw new Error(`${from} is missing: index.html copies it (copy-file)`);
  // A locale's file without its indentation: each stays under 15 KB gzipped.
  if (file.startsWith('locales/')) fs.writeFileSync(from, JSON.stringify(JSON.parse(fs.readFileSync(from, 'utf8'))));
  const hash = crypto.createHash('sha256').update(fs.readFileSync(from)).digest('hex').slice(0, 16);
  const named = file.replace(/^([^.]+)\./, `$1-${hash}.`); // locales/ru.json → locales/ru-<hash>.json
  fs.renameSync(from, path.join(dist, named));
  tags.push(`<meta name="treaty-map-data" data-file="${file}" content="${named}">`);
  if (first) tags.push(`<link rel="preload" href="${named}" as="fetch" type="application/json" crossorigin>`);
  console.log(`${file} → ${named}`);
}
if (!html.includes('</head>')) throw new Error(`${index} has no </head>`);
html = html.replace('</head>', () => `${tags.join('\n')}\n</head>`);
fs.writeFileSync(index, html);
