// Debian's Chromium through playwright-core: no browser is downloaded.
import { chromium } from 'playwright-core';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A page that records console errors, Content-Security-Policy violations
 * (as errors) and every request leaving 127.0.0.1.
 */
export async function open(browser, url, { viewport = { width: 1280, height: 900 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  await watchPolicy(context);
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== '127.0.0.1') { foreign.push(u.href); return route.abort(); }
    return route.continue();
  });
  await page.goto(url);
  return { page, context, errors, foreign };
}

/**
 * Records the path of every request `page` makes from now on. `module(name)`
 * counts the fetches of the split module `split_<name>-<hash>.wasm`.
 */
export function fetches(page) {
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  const module = (name) => paths.filter((p) => new RegExp(`^/split_${name}-[0-9a-f]+\\.wasm$`).test(p)).length;
  return { paths, module };
}

/** Makes every page of `context` log a policy violation as a console error. */
export async function watchPolicy(context) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** A context in which every request but a file:// one is aborted and
 * recorded (`requests`): the single file offline. */
export async function offline(browser) {
  const context = await browser.newContext();
  const requests = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:')) return route.continue();
    requests.push(u);
    return route.abort();
  });
  return { context, requests };
}
