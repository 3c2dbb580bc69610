// Opens the page `itucollab serve` serves in headless Chromium and edits the corpus under it: the open page must
// follow every save by itself (the test never reloads it), show an unknown key's file:line, and recover.
// Usage: node tests/tools/serve/live-reload.mjs URL CORPUS_DIR [CHROMIUM]   (exit 0: passed, 1: failed)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const [url, corpus, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!url || !corpus) {
  console.error('usage: live-reload.mjs URL CORPUS_DIR [CHROMIUM]');
  process.exit(2);
}
const { chromium } = require('playwright-core');
const section = join(corpus, 'sections', '01-first.yaml');
const original = readFileSync(section, 'utf8');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await page.goto(url, { waitUntil: 'load' });
  if ((await page.title()) !== 'Mini report') throw new Error(`unexpected title ${await page.title()}`);

  const bodyHas = (text) => page.waitForFunction((t) => document.body && document.body.innerText.includes(t), text,
                                                 { timeout: 5000 });
  const timed = async (what, edit, text) => {
    const start = Date.now();
    edit();
    await bodyHas(text);
    console.log(`${what}: the open page shows it ${Date.now() - start} ms after the save`);
  };
  await timed('edit', () => writeFileSync(section, original.replace('The opening paragraph', 'The LIVE-EDITED opening')),
              'The LIVE-EDITED opening');
  await timed('unknown key', () => writeFileSync(section, original.replace('title: First section\n',
                                                                           'title: First section\nnot_a_key: 1\n')),
              'sections/01-first.yaml:3:1');
  const errorText = await page.locator('#diagnostics').innerText();
  if (!errorText.includes("unknown key 'not_a_key'") || !errorText.includes('not_a_key: 1')) {
    throw new Error(`the error page lacks the message or the source line:\n${errorText}`);
  }
  await timed('fix', () => writeFileSync(section, original), 'The opening paragraph');
  if ((await page.title()) !== 'Mini report') throw new Error('the report did not come back');
  if (loads < 4) throw new Error(`the page reloaded itself ${loads - 1} time(s), expected 3`);
  if (problems.length > 0) throw new Error(`console errors (a blocked script?):\n${problems.join('\n')}`);
  console.log(`passed: ${loads - 1} self-reloads, no console errors`);
} catch (e) {
  failed = true;
  console.log(`FAILED: ${e.message}`);
} finally {
  writeFileSync(section, original);
  await browser.close();
}
process.exit(failed ? 1 : 0);
