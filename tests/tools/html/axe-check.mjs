// Runs axe-core on an HTML file in headless Chromium (playwright-core, no browser download) and
// prints every violation; exits 1 on any violation, 2 when the check itself cannot run.
// Usage: node tests/tools/html/axe-check.mjs FILE.html [CHROMIUM]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const file = process.argv[2];
const executablePath = process.argv[3] || '/usr/bin/chromium';
if (!file) {
  console.error('usage: axe-check.mjs FILE.html [CHROMIUM]');
  process.exit(2);
}

let browser;
try {
  const { chromium } = require('playwright-core');
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  for (const v of results.violations) {
    console.log(`violation ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s)`);
    for (const n of v.nodes.slice(0, 5)) console.log(`  ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`);
  }
  for (const url of requests) console.log(`external request: ${url}`);
  console.log(`axe-core ${results.testEngine.version}: ${results.violations.length} violation(s), ` +
              `${results.passes.length} rule(s) passed, ${requests.length} external request(s)`);
  await browser.close();
  process.exit(results.violations.length || requests.length ? 1 : 0);
} catch (err) {
  console.error(`axe-check could not run: ${err && err.message ? err.message : err}`);
  if (browser) await browser.close().catch(() => {});
  process.exit(2);
}
