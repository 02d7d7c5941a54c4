/**
 * The publishable extension (issue 11 item 5): what `vsce package` would put in the .vsix (`vsce ls` through
 * vsce's API, with the Marketplace README) against the contract in scripts/vsix-contents.cjs (required,
 * allowed, forbidden files), and the Marketplace metadata vsce and the Marketplace check: icon, categories,
 * keywords, repository, license, changelog, README images, the `package` script's flags. No packaging here
 * (npm run package checks the built .vsix with the same contract).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FORBIDDEN, MARKETPLACE_README, REQUIRED, REQUIRED_WHEN_PACKAGED, checkVsixPaths, imagesBaseUrl, pngSize, readZipEntries, readZipEntry, toVsixPath } from '../../scripts/vsix-contents.cjs';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The categories VS Code 1.100 accepts (src/vs/platform/extensions/common/extensions.ts, EXTENSION_CATEGORIES). */
const VSCODE_CATEGORIES = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Extension Packs', 'Education', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'Other'];

interface Vsce { listFiles(o: { cwd: string; packageManager: number; readmePath?: string }): Promise<string[]>; PackageManager: { None: number } }

describe('package: files in the .vsix (vsce ls)', function () {
  this.timeout(60000);
  let files: string[] = [];
  before(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vsce = require('@vscode/vsce') as Vsce;
    // readmePath reaches vsce's own listFiles (the API passes its options through), as `vsce ls --readme-path`
    files = await vsce.listFiles({ cwd: ROOT, packageManager: vsce.PackageManager.None, readmePath: MARKETPLACE_README });
  });

  it('holds every required file, only allowed ones, none forbidden', () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'server.js')), 'dist/ is not built (npm test builds it)');
    const paths = ['extension.vsixmanifest', '[Content_Types].xml', ...files.map(toVsixPath)];
    assert.deepStrictEqual(checkVsixPaths(paths), []);
    for (const r of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/tree-sitter.wasm', 'extension/dist/tree-sitter-python.wasm', 'extension/LICENSE.txt', 'extension/readme.md', 'extension/changelog.md', `extension/${pkg.icon}`]) {
      assert.ok(paths.includes(r), `required: ${r}`);
      assert.ok(REQUIRED.includes(r), `the contract requires ${r}`);
    }
  });

  it('leaves out tests, fixtures, sources, source maps, node_modules, caches, the CLI bundles and the developer README', () => {
    assert.deepStrictEqual(files.filter((f) => /(^|\/)(test|node_modules|\.cache|out|bench|accuracy|rules|server\/src|client\/src)\//.test(f)), []);
    assert.deepStrictEqual(files.filter((f) => /\.map$|^README\.md$|^dist\/(cli|scanWorker)\.js$|\.vsix$/.test(f)), []);
    // the development build's source maps exist next to the bundles, and stay out
    for (const f of fs.readdirSync(path.join(ROOT, 'dist')).filter((n) => n.endsWith('.map'))) assert.ok(!files.includes(`dist/${f}`), f);
  });

  it('the contract refuses what must never ship', () => {
    const bad = ['extension/dist/server.js.map', 'extension/test/unit/a.test.js', 'extension/node_modules/yaml/index.js', 'extension/.cache/x', 'extension/dist/cli.js', 'extension/server/src/main.ts', 'extension/README.md', 'extension/media/screenshots/finding.png', 'extension/rules/code/x/rule.ts'];
    for (const b of bad) assert.ok(checkVsixPaths([...REQUIRED, b]).some((p) => p.includes(b)), b);
    assert.ok(FORBIDDEN.some((re) => re.test('extension/dist/client.js.map')));
    // the exercises and the practice project are example code to scan: their .ts files ship
    assert.deepStrictEqual(checkVsixPaths([...REQUIRED, 'extension/practice/web/agent.ts']), []);
    // what npm run package adds (the third-party notices) is allowed
    assert.deepStrictEqual(checkVsixPaths([...REQUIRED, ...REQUIRED_WHEN_PACKAGED]), []);
  });

  it('the extension reads at run time only what ships: main, server, snippets, schemas, walkthrough media, view icon', () => {
    const shipped = new Set(files);
    assert.ok(shipped.has(pkg.main.replace(/^\.\//, '')), pkg.main);
    const refs: string[] = [];
    const c = pkg.contributes;
    for (const s of c.snippets ?? []) refs.push(s.path);
    for (const j of c.jsonValidation ?? []) if (!/^https?:/.test(j.url)) refs.push(j.url);
    for (const w of c.walkthroughs ?? []) for (const s of w.steps) if (s.media?.markdown) refs.push(s.media.markdown);
    for (const v of c.viewsContainers?.activitybar ?? []) refs.push(v.icon);
    assert.ok(refs.length > 10, `${refs.length} references`);
    for (const r of refs) assert.ok(shipped.has(path.posix.normalize(r.replace(/^\.\//, ''))), `package.json refers to ${r}, which is not packaged`);
  });
});

describe('package: Marketplace metadata', () => {
  it('icon: a 128x128 or 256x256 PNG rendered from media/aisec.svg', () => {
    assert.match(pkg.icon, /\.png$/);
    const size = pngSize(fs.readFileSync(path.join(ROOT, pkg.icon)));
    assert.ok(size && size.width === size.height && [128, 256].includes(size.width), JSON.stringify(size));
    assert.ok(fs.existsSync(path.join(ROOT, 'scripts', 'render-icon.mjs')));
  });

  it('categories VS Code knows, keywords within vsce\'s limit of 30, a gallery banner', () => {
    assert.ok(pkg.categories.includes('Linters') && pkg.categories.includes('Programming Languages'));
    for (const c of pkg.categories) assert.ok(VSCODE_CATEGORIES.includes(c), c);
    // "Chat" only with a chat participant to show for it
    if (pkg.categories.includes('Chat')) assert.ok((pkg.contributes.chatParticipants ?? []).length > 0, 'Chat category without a chat participant');
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30, `${pkg.keywords.length} keywords`);
    assert.strictEqual(new Set(pkg.keywords.map((k: string) => k.toLowerCase())).size, pkg.keywords.length, 'duplicate keyword');
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  });

  it('repository, license and changelog: packaged without skip flags', () => {
    assert.ok(imagesBaseUrl(pkg), `repository.url ${JSON.stringify(pkg.repository)} is not a GitHub repository URL`);
    assert.strictEqual(pkg.license, 'MIT');
    assert.match(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} /);
    // homepage and bugs come from the repository (vsce derives them): one place for the URL
    assert.strictEqual(pkg.homepage, undefined);
    assert.strictEqual(pkg.bugs, undefined);
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}\\b`, 'm'), `CHANGELOG.md has no section for ${pkg.version}`);
    assert.match(pkg.scripts.package, /scripts\/package\.mjs/);
    const script = fs.readFileSync(path.join(ROOT, 'scripts', 'package.mjs'), 'utf8');
    for (const flag of ['--skip-license', '--allow-missing-repository', '--allow-star-activation', '--no-rewrite-relative-links']) {
      assert.ok(!pkg.scripts.package.includes(flag) && !new RegExp(`'${flag}'`).test(script), flag);
    }
    assert.ok(!pkg.activationEvents.includes('*'));
  });

  it('the Marketplace README: every image a committed PNG under media/screenshots/, no SVG, no remote image', () => {
    const readme = fs.readFileSync(path.join(ROOT, MARKETPLACE_README), 'utf8');
    const images = [...readme.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1], src: m[2] }));
    assert.ok(images.length >= 4, `${images.length} images`);
    for (const { alt, src } of images) {
      assert.match(src, /^media\/screenshots\/[\w-]+\.png$/, src);
      assert.ok(alt.length > 20, `${src}: describe the picture in its alt text`);
      const size = pngSize(fs.readFileSync(path.join(ROOT, src)));
      assert.ok(size && size.width >= 800, `${src}: ${JSON.stringify(size)}`);
    }
    for (const shot of ['finding', 'hover', 'quickfix', 'lesson']) assert.ok(images.some((i) => i.src.endsWith(`/${shot}.png`)), shot);
    assert.ok(!/<img|<svg/i.test(readme));
    // every setting is documented
    for (const key of Object.keys(pkg.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), key);
  });
});

describe('package: .vsix reader', () => {
  it('lists and reads the entries of a zip (stored and deflated)', () => {
    // a zip with one stored and one deflated entry, built here by hand (local headers, central directory, end record)
    const zlib = require('zlib') as typeof import('zlib');
    const items = [{ name: 'a.txt', data: Buffer.from('stored text'), method: 0 }, { name: 'extension/readme.md', data: Buffer.from('# deflated\n'.repeat(20)), method: 8 }];
    const locals: Buffer[] = []; const centrals: Buffer[] = []; let offset = 0;
    for (const it of items) {
      const body = it.method === 8 ? zlib.deflateRawSync(it.data) : it.data;
      const name = Buffer.from(it.name);
      const lh = Buffer.alloc(30); lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(it.method, 8); lh.writeUInt32LE(body.length, 18); lh.writeUInt32LE(it.data.length, 22); lh.writeUInt16LE(name.length, 26);
      const ch = Buffer.alloc(46); ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(it.method, 10); ch.writeUInt32LE(body.length, 20); ch.writeUInt32LE(it.data.length, 24); ch.writeUInt16LE(name.length, 28); ch.writeUInt32LE(offset, 42);
      locals.push(lh, name, body); centrals.push(ch, name);
      offset += lh.length + name.length + body.length;
    }
    const cd = Buffer.concat(centrals);
    const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(items.length, 8); end.writeUInt16LE(items.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
    const zip = Buffer.concat([...locals, cd, end]);
    const entries = readZipEntries(zip);
    assert.deepStrictEqual(entries.map((e) => [e.name, e.method, e.size]), items.map((i) => [i.name, i.method, i.data.length]));
    assert.deepStrictEqual(entries.map((e) => readZipEntry(zip, e).toString()), items.map((i) => i.data.toString()));
    assert.throws(() => readZipEntries(Buffer.from('not a zip at all, just some bytes')), /not a zip/);
  });
});
