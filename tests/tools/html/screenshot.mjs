// Takes PNG screenshots of an HTML report in headless Chromium: the page top (header block) and
// the start of the annex, for docs/screenshots/; with FULL=1 also the whole page (html-full.png).
// Usage: node tests/tools/html/screenshot.mjs FILE.html OUT_DIR [CHROMIUM]
import { createRequire } from 'node:module';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const [file, outDir, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!file || !outDir) {
  console.error('usage: screenshot.mjs FILE.html OUT_DIR [CHROMIUM]');
  process.exit(2);
}
const { chromium } = require('playwright-core');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
await page.screenshot({ path: join(outDir, 'html-header.png') });
if (process.env.FULL === '1') await page.screenshot({ path: join(outDir, 'html-full.png'), fullPage: true });
const annex = await page.locator('#annex').boundingBox();
await page.screenshot({ path: join(outDir, 'html-annex.png'), fullPage: true,
                        clip: { x: 0, y: annex.y - 16, width: 1280, height: 1100 } });
await browser.close();
