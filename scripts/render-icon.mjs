#!/usr/bin/env node
// Renders the Marketplace icon media/icon.png (256x256 PNG; the Marketplace and `vsce` refuse SVG icons)
// from media/aisec.svg, the activity-bar glyph: the glyph in white on a rounded dark-blue tile.
// Offline: Debian's chromium (scripts/setup-e2e.sh installs it), driven headless by playwright-core.
//
//   node scripts/render-icon.mjs [--chromium /usr/bin/chromium] [--out media/icon.png]
//
// The PNG is committed; re-run this after changing media/aisec.svg.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const out = path.resolve(REPO, opt('out', 'media/icon.png'));
const SIZE = 256;

// the glyph's own markup, stroke width and colour set here (the SVG draws with currentColor)
const svg = fs.readFileSync(path.join(REPO, 'media', 'aisec.svg'), 'utf8')
  .replace(/\swidth="24"\s+height="24"/, ` width="${SIZE * 0.7}" height="${SIZE * 0.7}"`);
const html = `<!doctype html><html><head><style>
  html, body { margin: 0; padding: 0; background: transparent; }
  .tile { width: ${SIZE}px; height: ${SIZE}px; border-radius: ${SIZE * 0.18}px; display: flex; align-items: center; justify-content: center;
          background: linear-gradient(145deg, #2b5d9c 0%, #16325a 100%); color: #ffffff; }
  .tile svg { display: block; }
</style></head><body><div class="tile">${svg}</div></body></html>`;

const browser = await chromium.launch({
  executablePath: opt('chromium', process.env.CHROMIUM || '/usr/bin/chromium'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.locator('.tile').screenshot({ path: out, omitBackground: true });
} finally {
  await browser.close();
}
const png = fs.readFileSync(out);
process.stdout.write(`render-icon: ${path.relative(REPO, out)} ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}, ${png.length} bytes\n`);
