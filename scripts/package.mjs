#!/usr/bin/env node
// `npm run package` (after the production build): packages the extension with vsce, then opens the
// .vsix and checks what it holds. Offline; no skip flags (no --skip-license, no --allow-missing-repository).
//
//   node scripts/package.mjs [--out FILE]      default: <name>-<version>.vsix at the repository root
//
// * The Marketplace README is README.marketplace.md (--readme-path); README.md stays the developer README.
// * package.json `repository.url` is the one place the repository URL is written: vsce derives the
//   Marketplace's repository, issues and homepage links and the README's image and link URLs from it
//   (relative `media/screenshots/*.png` become `<repository>/raw/HEAD/media/screenshots/*.png`), so the
//   screenshots are committed in the repository and not shipped in the .vsix.
// * dist/THIRD-PARTY-NOTICES.md (scripts/third-party-notices.mjs): the licenses of the npm packages bundled.
// * The checks: the file list against scripts/vsix-contents.cjs (required, allowed, forbidden), the icon
//   (a 128x128 or 256x256 PNG), the license and icon assets in extension.vsixmanifest, and every image of
//   the packaged README (HTTPS, under the repository's raw URL, a PNG committed here). Exit 1 on a problem.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { MARKETPLACE_README, REQUIRED_WHEN_PACKAGED, checkVsixPaths, readZipEntries, readZipEntry, pngSize, imagesBaseUrl } = require('./vsix-contents.cjs');

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out') >= 0 ? argv[argv.indexOf('--out') + 1] : undefined;
const out = path.resolve(REPO, outArg || `${manifest.name}-${manifest.version}.vsix`);

for (const f of ['dist/client.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(REPO, f))) { console.error(`package: ${f} missing: run node scripts/build.mjs --production first`); process.exit(1); }
}
if (fs.readdirSync(path.join(REPO, 'dist')).some((f) => f.endsWith('.map'))) {
  console.error('package: note: dist/ holds source maps of a development build; they are not packaged (.vscodeignore)');
}

// ------------------------------------------------------------------ third-party notices, vsce package
const notices = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'third-party-notices.mjs')], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
if (notices.status !== 0) { console.error('package: third-party-notices failed'); process.exit(1); }
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const args = [vsce, 'package', '--no-dependencies', '--readme-path', MARKETPLACE_README, '--out', out];
console.error(`package: vsce ${args.slice(1).join(' ')}`);
// stdin closed: a question from vsce (a missing LICENSE, say) is answered "no" instead of waiting
const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) { console.error(`package: vsce exited ${r.status ?? r.signal}`); process.exit(1); }

// ------------------------------------------------------------------ what the .vsix holds
const buf = fs.readFileSync(out);
const entries = readZipEntries(buf);
const byName = new Map(entries.map((e) => [e.name, e]));
const problems = checkVsixPaths(entries.map((e) => e.name));
for (const r of REQUIRED_WHEN_PACKAGED) if (!byName.has(r)) problems.push(`missing: ${r}`);
const text = (name) => (byName.has(name) ? readZipEntry(buf, byName.get(name)).toString('utf8') : '');

// icon: a square PNG of 128 or 256 pixels (the Marketplace refuses SVG icons)
const iconEntry = byName.get(`extension/${manifest.icon}`);
const icon = iconEntry ? pngSize(readZipEntry(buf, iconEntry)) : undefined;
if (!icon) problems.push(`icon ${manifest.icon}: not packaged or not a PNG`);
else if (icon.width !== icon.height || ![128, 256].includes(icon.width)) problems.push(`icon ${manifest.icon}: ${icon.width}x${icon.height}, want 128x128 or 256x256`);

// the manifest vsce wrote: license and icon assets, repository link
const vsixManifest = text('extension.vsixmanifest');
for (const asset of ['Microsoft.VisualStudio.Services.Content.License', 'Microsoft.VisualStudio.Services.Icons.Default', 'Microsoft.VisualStudio.Services.Content.Details', 'Microsoft.VisualStudio.Services.Content.Changelog']) {
  if (!vsixManifest.includes(`Type="${asset}"`)) problems.push(`extension.vsixmanifest: no ${asset} asset`);
}
const base = imagesBaseUrl(manifest);
if (!base) problems.push(`package.json repository.url is not a GitHub repository URL (${JSON.stringify(manifest.repository)}): README images would have no base URL`);

// the packaged README: every image from the repository's raw URL, and the file committed here
const readme = text('extension/readme.md');
const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g), ...readme.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/g)].map((m) => m[1]);
if (images.length === 0) problems.push('readme.md: no images (the Marketplace README shows screenshots)');
for (const src of images) {
  if (!base || !src.startsWith(base)) { problems.push(`readme.md: image ${src} is not under ${base}`); continue; }
  const local = path.join(REPO, decodeURI(src.slice(base.length)));
  if (!fs.existsSync(local)) problems.push(`readme.md: image ${src}: ${path.relative(REPO, local)} does not exist`);
  else if (!pngSize(fs.readFileSync(local))) problems.push(`readme.md: image ${path.relative(REPO, local)} is not a PNG`);
}

// ------------------------------------------------------------------ report
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const groups = new Map();
for (const e of entries) {
  const parts = e.name.split('/');
  const key = parts[0] === 'extension' && parts.length > 2 ? `extension/${parts[1]}/` : e.name;
  const g = groups.get(key) || { files: 0, size: 0, compressed: 0 };
  g.files++; g.size += e.size; g.compressed += e.compressedSize;
  groups.set(key, g);
}
console.error(`package: ${path.relative(process.cwd(), out) || out}: ${entries.length} files, ${kb(buf.length)} (${kb(entries.reduce((s, e) => s + e.size, 0))} uncompressed)`);
for (const [k, g] of [...groups].sort((a, b) => b[1].compressed - a[1].compressed)) {
  console.error(`  ${k.padEnd(34)} ${String(g.files).padStart(3)} file${g.files === 1 ? ' ' : 's'}  ${kb(g.size).padStart(10)}  (${kb(g.compressed)} compressed)`);
}
console.error(`package: README images from ${base} (${images.length}); icon ${icon ? `${icon.width}x${icon.height}` : '-'}`);
if (problems.length) {
  console.error(`package: ${problems.length} problem(s) in ${path.basename(out)}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.error('package: contents checked: OK');
