// What the .vsix may and must hold, in one place, and a small reader for .vsix (zip) files.
// Used by scripts/package.mjs (checks the built .vsix after `vsce package`) and by
// test/unit/package.test.ts (checks `vsce ls`, i.e. what .vscodeignore lets through, without packaging).
//
// Paths are as stored in the .vsix: the extension's files under `extension/`, where vsce renames the
// README given with --readme-path to `readme.md`, CHANGELOG.md to `changelog.md` and LICENSE to
// `LICENSE.txt`.
'use strict';
const zlib = require('node:zlib');

/** The Marketplace README (packaged as extension/readme.md); the repository's README.md is the developer README. */
const MARKETPLACE_README = 'README.marketplace.md';

/** vsce's renames of repository files (as `vsce ls` names them) inside the .vsix. */
const RENAMES = {
  [MARKETPLACE_README]: 'extension/readme.md',
  'CHANGELOG.md': 'extension/changelog.md',
  LICENSE: 'extension/LICENSE.txt',
};

/** Files every .vsix must contain. */
const REQUIRED = [
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/tree-sitter.wasm',
  'extension/dist/tree-sitter-python.wasm',
  'extension/server/wasm/PROVENANCE.md',
  'extension/media/icon.png',
  'extension/media/aisec.svg',
  'extension/exercises/rules.json',
  'extension/practice/README.md',
  'extension/schemas/aisec-config.schema.json',
  'extension/snippets/python.code-snippets',
];

/** Written by `npm run package` (not by the build): required in the .vsix, not in `vsce ls` after a plain build. */
const REQUIRED_WHEN_PACKAGED = ['extension/dist/THIRD-PARTY-NOTICES.md'];

/** Every file must match one of these (what the extension reads at run time, and the package's own metadata). */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(client|server)\.js$/, // the extension host's bundle and the language server's
  /^extension\/dist\/tree-sitter(-python)?\.wasm$/,
  /^extension\/dist\/THIRD-PARTY-NOTICES\.md$/, // licenses of the bundled npm packages (scripts/third-party-notices.mjs)
  /^extension\/server\/wasm\/PROVENANCE\.md$/, // where the two wasm files come from, and their licenses
  /^extension\/media\/(icon\.png|aisec\.svg|walkthrough\/[\w-]+\.md)$/,
  /^extension\/schemas\/[\w-]+\.schema\.json$/, // contributes.jsonValidation
  /^extension\/snippets\/[\w-]+\.code-snippets$/, // contributes.snippets and the guide's snippet actions
  /^extension\/exercises\/[^\0]+$/, // the built-in exercises the server grades
  /^extension\/practice\/[^\0]+$/, // the walkthrough's practice project
];

/** Never shipped, even if a pattern above would let it through. */
const FORBIDDEN = [
  /\.map$/, // source maps of the development build
  /^extension\/(?!exercises\/|practice\/).*\.tsx?$/, // sources (the exercises and the practice project are examples to scan)
  /(^|\/)node_modules\//,
  /(^|\/)\.cache\//,
  /(^|\/)(test|tests|fixtures|out|bench|accuracy|\.e2e-out)\//,
  /^extension\/dist\/(cli|scanWorker)\.js$/, // the CLI and its scan workers: `npx aisec`, not the extension
  /^extension\/(README|CONTRIBUTING)\.md$/, // the developer README (the Marketplace one is readme.md)
  /^extension\/media\/screenshots\//, // README images are served from the repository (see scripts/package.mjs)
  /\.vsix$/,
];

/** The .vsix path of a file `vsce ls` lists (relative to the repository, forward slashes). */
function toVsixPath(file) {
  return RENAMES[file] || `extension/${file}`;
}

/** Problems with a list of .vsix paths: required files missing, files not allowed or forbidden. Empty when fine. */
function checkVsixPaths(paths) {
  const problems = [];
  const have = new Set(paths);
  for (const r of REQUIRED) if (!have.has(r)) problems.push(`missing: ${r}`);
  for (const p of paths) {
    const bad = FORBIDDEN.find((re) => re.test(p));
    if (bad) problems.push(`forbidden: ${p} (${bad})`);
    else if (!ALLOWED.some((re) => re.test(p))) problems.push(`not allowed: ${p} (add it to ALLOWED in scripts/vsix-contents.cjs if the extension needs it)`);
  }
  return problems;
}

/** The entries of a zip file (central directory): name, sizes, compression method and local header offset. */
function readZipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archives are not supported');
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const nameLen = buf.readUInt16LE(at + 28);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** The uncompressed bytes of one entry (stored or deflated). */
function readZipEntry(buf, entry) {
  const at = entry.offset;
  if (buf.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`unsupported compression method ${entry.method} for ${entry.name}`);
}

/** Width and height of a PNG, or undefined when the bytes are not a PNG. */
function pngSize(buf) {
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47 || buf.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * The base URL vsce gives relative README images when package.json's repository is on GitHub
 * (`<repo>/raw/HEAD/`): package.json `repository.url` is the one place the URL is written.
 */
function imagesBaseUrl(manifest) {
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository && manifest.repository.url;
  const m = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)(\.git)?\/?$/.exec(url || '');
  return m ? `https://github.com/${m[1]}/${m[2]}/raw/HEAD/` : undefined;
}

module.exports = { MARKETPLACE_README, RENAMES, REQUIRED, REQUIRED_WHEN_PACKAGED, ALLOWED, FORBIDDEN, toVsixPath, checkVsixPaths, readZipEntries, readZipEntry, pngSize, imagesBaseUrl };
