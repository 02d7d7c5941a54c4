#!/usr/bin/env node
// Builds the client, server and CLI bundles with esbuild; with --tests also bundles test/**/*.test.ts.
// Rules are discovered from rules/<pack>/<id>/rule.ts (+ <id>.md) through the virtual module 'aisec:rules'.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const argv = process.argv.slice(2);
const outDir = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : 'out';

function listRules() {
  const rulesDir = path.join(root, 'rules');
  const out = [];
  for (const pack of fs.readdirSync(rulesDir, { withFileTypes: true })) {
    if (!pack.isDirectory()) continue;
    for (const rule of fs.readdirSync(path.join(rulesDir, pack.name), { withFileTypes: true })) {
      if (!rule.isDirectory()) continue;
      const dir = path.join(rulesDir, pack.name, rule.name);
      if (!fs.existsSync(path.join(dir, 'rule.ts'))) continue;
      out.push({ pack: pack.name, id: rule.name, dir });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const rulesPlugin = {
  name: 'aisec-rules',
  setup(build) {
    build.onResolve({ filter: /^aisec:rules$/ }, () => ({ path: 'aisec:rules', namespace: 'aisec-rules' }));
    build.onLoad({ filter: /.*/, namespace: 'aisec-rules' }, () => {
      const rules = listRules();
      const lines = [];
      rules.forEach((r, i) => {
        const rel = (f) => JSON.stringify(path.join(r.dir, f).split(path.sep).join('/'));
        lines.push(`import rule${i} from ${rel('rule.ts')};`);
        const md = fs.existsSync(path.join(r.dir, `${r.id}.md`)) ? rel(`${r.id}.md`) : undefined;
        lines.push(md ? `import docs${i} from ${md};` : `const docs${i} = '';`);
      });
      lines.push(`export const rules = [${rules.map((r, i) => `{ ...rule${i}, docs: docs${i}, pack: ${JSON.stringify(r.pack)} }`).join(', ')}];`);
      return { contents: lines.join('\n'), loader: 'ts', resolveDir: root, watchFiles: rules.map((r) => path.join(r.dir, 'rule.ts')), watchDirs: [path.join(root, 'rules')] };
    });
  },
};

/** In the CLI bundle, `@modelcontextprotocol/sdk/*` and `zod` are dist/mcpSdk.js (server/src/mcp/sdk.ts re-exports what is used). */
const mcpSdkPlugin = {
  name: 'aisec-mcp-sdk',
  setup(build) {
    build.onResolve({ filter: /^(@modelcontextprotocol\/sdk\/|zod$)/ }, () => ({ path: './mcpSdk.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: production ? false : 'linked',
  // the bundles in dist/ are minified in every build (a development build keeps its source map: node
  // --enable-source-maps; tests, bench and accuracy harnesses are not minified): V8 keeps a
  // bundle's whole source for the run, and the unminified CLI's 14 MB source took 70 MB more peak memory in a
  // corpus scan (500-560 MB against 437-453 MB) and 19 MB more at start-up
  minify: true,
  logLevel: 'warning',
  loader: { '.md': 'text' },
  mainFields: ['module', 'main'],
  plugins: [rulesPlugin],
  // web-tree-sitter probes for these Node builtins conditionally; they exist in Node
  external: ['vscode'],
  // web-tree-sitter's ESM build reads import.meta.url; give it the bundle's own URL in CommonJS
  banner: { js: 'const __aisecImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__aisecImportMetaUrl', AISEC_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) },
};

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular-expression literals and comments; one
 * such character makes V8 keep the whole bundle's source as a two-byte string (28 MB instead of 14 MB for the CLI,
 * for the whole run). Outside strings (already escaped), \\uXXXX means the same code unit in a regex literal (with
 * or without the u flag: a surrogate pair written as two escapes is one code point) and nothing in a comment.
 */
function asciiOnly(files) {
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    if (!/[^\x00-\x7f]/.test(text)) continue;
    fs.writeFileSync(f, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  }
}

function copyWasm() {
  const dist = path.join(root, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  fs.copyFileSync(path.join(root, 'node_modules/web-tree-sitter/tree-sitter.wasm'), path.join(dist, 'tree-sitter.wasm'));
  fs.copyFileSync(path.join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'), path.join(dist, 'tree-sitter-python.wasm'));
}

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTests(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const t0 = Date.now();
if (!args.has('--tests-only')) await Promise.all([
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', absWorkingDir: root }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/main.ts', scanWorker: 'server/src/workspace/scanWorker.ts' }, outdir: 'dist', absWorkingDir: root }),
  // the MCP SDK and zod in their own bundle, required by the CLI only for `aisec mcp` (the other commands start without parsing them)
  esbuild.build({ ...common, plugins: [...common.plugins, mcpSdkPlugin], entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', absWorkingDir: root }),
  esbuild.build({ ...common, entryPoints: { mcpSdk: 'server/src/mcp/sdk.ts' }, outdir: 'dist', absWorkingDir: root }),
]).then(() => {
  asciiOnly(['client', 'server', 'cli', 'scanWorker', 'mcpSdk'].map((n) => path.join(root, 'dist', `${n}.js`)));
  copyWasm();
});
if (withTests || args.has('--tests-only')) {
  const entries = listTests(path.join(root, 'test')).filter((p) => !p.includes(`${path.sep}e2e${path.sep}`));
  fs.rmSync(path.join(root, outDir, 'test'), { recursive: true, force: true });
  // installed packages stay outside the test bundles (required from node_modules, loaded once for all test files):
  // a bundle per test file holding TypeScript and every parser, with its inline source map, grew the suite past 4 GB of heap
  await esbuild.build({ ...common, minify: false, sourcemap: 'inline', entryPoints: entries, outdir: `${outDir}/test`, outbase: 'test', absWorkingDir: root, packages: 'external', external: ['vscode', 'mocha'] });
}
if (args.has('--golden')) {
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: { golden: 'scripts/golden.ts' }, outdir: 'out', absWorkingDir: root });
}
if (args.has('--bench')) {
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: { bench: 'bench/bench.ts' }, outdir: 'out/bench', absWorkingDir: root });
}
if (args.has('--accuracy')) {
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: { accuracy: 'bench/accuracy.ts' }, outdir: `${outDir}/accuracy`, absWorkingDir: root });
}
if (!args.has('--quiet')) console.error(`build: ${Date.now() - t0} ms${withTests ? ' (with tests)' : ''}`);
