// A static file server for dist/ on 127.0.0.1, for the end-to-end tests.
// Every response carries the Content-Security-Policy that README.md
// documents, read from README.md itself, so the documented policy is the
// one every end-to-end test runs under.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const readme = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
const policy = readme.match(/^`Content-Security-Policy: ([^`]+)`$/m);
if (!policy) throw new Error('README.md states no `Content-Security-Policy: …` line');
/** The README's policy, exactly. */
export const CSP = policy[1];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json', '.png': 'image/png',
};

/**
 * Serves `root` under `prefix` (e.g. "/" or "/sub/path/") with the README's
 * policy (`csp` replaces it, `null` drops it); resolves to the base URL.
 */
export function serve(root, { prefix = '/', headers = {}, csp = CSP } = {}) {
  if (csp) headers = { 'content-security-policy': csp, ...headers };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() });
  }));
}
