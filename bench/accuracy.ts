/**
 * npm run accuracy [-- paths...] [--examples N] [--rule ID] [--findings FILE.jsonl] [--all-builds]
 *
 * Precision on large real code nobody here wrote: every rule (opt-in ones too) runs over a clean corpus
 * (default .cache/corpus, filled by scripts/fetch-corpus.sh: Debian's Python packages and AI SDKs / MCP
 * servers from npm). Every finding there is either a true issue or a rule bug to fix, so the output is
 * made for triage: findings per 1,000 lines by rule, the first examples of each rule (path:line and the
 * source line), and the rules' own fixture pass rates (the same annotations test/rules/rules.test.ts reads).
 * Offline: nothing is fetched here. Files are read one at a time; only counts and examples are kept.
 */
import * as fs from 'fs';
import * as path from 'path';
import { docExamples, expectations as fixtureExpectations, fixtureFiles } from '../server/src/packs/fixtures';
import { initAnalyzers } from '../server/src/analyzers';
import { defaultConfig } from '../server/src/engine/config';
import type { EffectiveConfig } from '../server/src/engine/config';
import { analyze } from '../server/src/engine/engine';
import { detectFileKind } from '../server/src/engine/fileKind';
import type { Finding } from '../server/src/engine/model';
import { builtinRules } from '../server/src/engine/registry';
import type { RegisteredRule } from '../server/src/engine/rule';

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_CORPUS = path.join(ROOT, '.cache', 'corpus');
const MAX_BYTES = 2 * 1024 * 1024;
/** Test code (mocks, round trips of its own data): findings there are counted apart, they rarely matter. */
const TEST_PATH = /(^|\/)(tests?|__tests__|testing|spec|__mocks__)\/|(^|\/)test_[^/]*\.py$|_test\.py$|\.(test|spec)\.[cm]?[jt]sx?$/;
/** Directories that never hold code anyone wrote by hand for this package. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.downloads', '__pycache__', '.venv', 'venv', '.tox', '.mypy_cache']);

interface Options { paths: string[]; examples: number; rule?: string; findingsFile?: string; allBuilds: boolean; fixtures: boolean }

function parseArgs(argv: string[]): Options {
  const o: Options = { paths: [], examples: 8, allBuilds: false, fixtures: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--examples') o.examples = Number(argv[++i]);
    else if (a === '--rule') o.rule = argv[++i];
    else if (a === '--findings') o.findingsFile = argv[++i];
    else if (a === '--all-builds') o.allBuilds = true;
    else if (a === '--no-fixtures') o.fixtures = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run accuracy [-- paths...] [--examples N] [--rule ID] [--findings FILE.jsonl] [--all-builds] [--no-fixtures]');
      process.exit(0);
    } else o.paths.push(a);
  }
  return o;
}

/** Every rule on at its default severity, opt-in rules included (as the rules runner does). */
function allRulesConfig(): EffectiveConfig {
  const c = defaultConfig();
  for (const r of builtinRules) c.rules[r.meta.id] = { severity: r.meta.severity, options: {} };
  c.today = '2026-11-22';
  return c;
}

// ---------------------------------------------------------------------------------------------------
// Corpus walk

interface Skips { tooBig: number; minified: number; binary: number; duplicateBuild: number; other: number }

/**
 * npm packages often ship the same code two or three times (TypeScript src/, ESM .mjs, CommonJS .js).
 * Counting each copy would triple both lines and findings, so by default one copy is kept:
 * a package with .ts sources under src/ is scanned through them, and x.js / x.cjs are dropped next to x.mjs.
 */
function isDuplicateBuild(abs: string, packageRoots: Map<string, boolean>): boolean {
  const name = path.basename(abs);
  const dir = path.dirname(abs);
  const m = /^(.*)\.(js|cjs|mjs)$/.exec(name);
  if (!m) return false;
  for (const [pkg, hasTsSrc] of packageRoots) {
    if (hasTsSrc && abs.startsWith(pkg + path.sep) && !abs.startsWith(path.join(pkg, 'src') + path.sep)) return true;
  }
  // dist/cjs/x.js next to dist/esm/x.js (or commonjs/ next to esm/)
  const parts = abs.split(path.sep);
  const cjsAt = parts.findIndex((p) => p === 'cjs' || p === 'commonjs');
  if (cjsAt > 0) {
    for (const twin of ['esm', 'mjs', 'module']) {
      const alt = [...parts.slice(0, cjsAt), twin, ...parts.slice(cjsAt + 1)].join(path.sep);
      if (fs.existsSync(alt) || fs.existsSync(alt.replace(/\.c?js$/, '.mjs'))) return true;
    }
  }
  if (m[2] === 'js' && fs.existsSync(path.join(dir, `${m[1]}.mjs`))) return true;
  if (m[2] === 'cjs' && (fs.existsSync(path.join(dir, `${m[1]}.mjs`)) || fs.existsSync(path.join(dir, `${m[1]}.js`)))) return true;
  return false;
}

function hasTsSources(dir: string): boolean {
  const src = path.join(dir, 'src');
  if (!fs.existsSync(src)) return false;
  const stack = [src];
  let seen = 0;
  while (stack.length && seen < 2000) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      seen++;
      if (e.isDirectory()) stack.push(path.join(d, e.name));
      else if (/\.(ts|mts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) return true;
    }
  }
  return false;
}

function* walk(dir: string, packageRoots: Map<string, boolean>, allBuilds: boolean, skips: Skips): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    skips.other++;
    return;
  }
  // an npm package root (has package.json): remember whether it ships its TypeScript sources
  if (!allBuilds && entries.some((e) => e.name === 'package.json') && !packageRoots.has(dir)) packageRoots.set(dir, hasTsSources(dir));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* walk(abs, packageRoots, allBuilds, skips);
    } else if (e.isFile() && detectFileKind(abs)) {
      if (e.name.endsWith('.map') || e.name === 'MANIFEST.txt') continue;
      if (!allBuilds && isDuplicateBuild(abs, packageRoots)) {
        skips.duplicateBuild++;
        continue;
      }
      yield abs;
    }
  }
}

/** Bundled or minified code that slipped through the engine's own check (which starts at 100 KB). */
function looksMinified(text: string): boolean {
  if (text.length < 5000) return false;
  let lines = 1, longest = 0, start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines++;
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  longest = Math.max(longest, text.length - start);
  return longest > 5000 && text.length / lines > 300;
}

// ---------------------------------------------------------------------------------------------------
// Fixture pass rates: the annotation logic of test/rules/rules.test.ts (kept in step with it)


interface FixtureScore { id: string; hitFound: number; hitTotal: number; okClean: number; okTotal: number; unexpected: number; todo: number; docs: string }

function fixtureScore(rule: RegisteredRule, config: EffectiveConfig): FixtureScore {
  const id = rule.meta.id;
  const ruleDir = path.join(ROOT, 'rules', rule.pack, id);
  const s: FixtureScore = { id, hitFound: 0, hitTotal: 0, okClean: 0, okTotal: 0, unexpected: 0, todo: 0, docs: '-' };
  if (!fs.existsSync(ruleDir)) return s;
  for (const f of fixtureFiles(ruleDir, id)) {
    const text = fs.readFileSync(path.join(ruleDir, f), 'utf8');
    const own = (x: Finding) => x.ruleId === id && !x.suppression;
    let findings: Finding[];
    try {
      findings = analyze({ path: f, text }, config, builtinRules).findings;
    } catch {
      findings = [];
    }
    const exps = fixtureExpectations(ruleDir, f, text, id);
    for (const e of exps) {
      if (!e.ids.includes(id)) continue;
      const hit = findings.some((x) => own(x) && x.range.start.line === e.line);
      if (e.kind === 'ruleid') { s.hitTotal++; if (hit) s.hitFound++; }
      else if (e.kind === 'ok') { s.okTotal++; if (!hit) s.okClean++; }
      else s.todo++;
    }
    const annotated = new Set(exps.filter((e) => e.ids.includes(id)).map((e) => e.line));
    s.unexpected += findings.filter((x) => own(x) && !annotated.has(x.range.start.line)).length;
  }
  if (id !== 'invalid-suppression') {
    const ex = docExamples(rule.docs);
    const fires = (b?: { path: string; code: string }) => !!b && analyze({ path: b.path, text: b.code }, config, builtinRules).findings.some((x) => x.ruleId === id);
    s.docs = !ex.vulnerable || !ex.fixed ? 'missing' : fires(ex.vulnerable) && !fires(ex.fixed) ? 'pass' : 'FAIL';
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------

interface RuleStats { count: number; inTests: number; files: Set<string>; examples: { where: string; line: string; message: string }[]; errors: number }

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padStart(n) : t.padEnd(n);
}

function sourceLine(text: string, line: number): string {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  const s = text.slice(start, end < 0 ? undefined : end).trim();
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const roots = opts.paths.length ? opts.paths.map((p) => path.resolve(p)) : [DEFAULT_CORPUS];
  const missing = roots.filter((r) => !fs.existsSync(r) || (fs.statSync(r).isDirectory() && fs.readdirSync(r).length === 0));
  if (missing.length) {
    console.log(`accuracy: no corpus at ${missing.join(', ')}.`);
    console.log('Fetch it once (needs the npm registry and Debian apt; about 3 minutes, ~400 MB):');
    console.log('  bash scripts/fetch-corpus.sh');
    console.log('then run `npm run accuracy` again (offline from then on), or pass your own paths: npm run accuracy -- DIR...');
    process.exit(0);
  }
  await initAnalyzers();
  const config = allRulesConfig();
  const rules = opts.rule ? builtinRules.filter((r) => r.meta.id === opts.rule) : builtinRules;
  if (!rules.length) {
    console.error(`accuracy: unknown rule ${opts.rule}`);
    process.exit(2);
  }
  const stats = new Map<string, RuleStats>(rules.map((r) => [r.meta.id, { count: 0, inTests: 0, files: new Set(), examples: [], errors: 0 }]));
  const byKind = new Map<string, { files: number; lines: number; parseErrors: number; ms: number }>();
  const skips: Skips = { tooBig: 0, minified: 0, binary: 0, duplicateBuild: 0, other: 0 };
  const out = opts.findingsFile ? fs.openSync(opts.findingsFile, 'w') : undefined;
  /** Analyzer failures other than ordinary syntax errors, and rule crashes: bugs, shown with their first file. */
  const failures = new Map<string, { count: number; first: string }>();
  const slowest: { ms: number; where: string }[] = [];
  let files = 0, lines = 0, bytes = 0;
  const t0 = process.hrtime.bigint();
  const packageRoots = new Map<string, boolean>();
  for (const root of roots) {
    const base = fs.statSync(root).isDirectory() ? root : path.dirname(root);
    const iter = fs.statSync(root).isDirectory() ? walk(root, packageRoots, opts.allBuilds, skips) : [root][Symbol.iterator]();
    for (const abs of iter) {
      let size: number;
      try {
        size = fs.statSync(abs).size;
      } catch {
        skips.other++;
        continue;
      }
      if (size > MAX_BYTES) { skips.tooBig++; continue; }
      const text = fs.readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
      if (text.slice(0, 8192).includes('\u0000')) { skips.binary++; continue; }
      if (looksMinified(text)) { skips.minified++; continue; }
      const rel = path.relative(base, abs).split(path.sep).join('/');
      const kind = detectFileKind(abs) ?? 'other';
      const tf = process.hrtime.bigint();
      const result = analyze({ path: rel, text }, config, rules);
      const ms = Number(process.hrtime.bigint() - tf) / 1e6;
      if (result.errors.some((e) => e.kind === 'skipped')) { skips.minified++; continue; }
      let n = 1;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
      files++;
      lines += n;
      bytes += text.length;
      const k = byKind.get(kind) ?? { files: 0, lines: 0, parseErrors: 0, ms: 0 };
      k.files++;
      k.lines += n;
      k.ms += ms;
      if (result.errors.some((e) => e.kind === 'parse')) k.parseErrors++;
      byKind.set(kind, k);
      for (const e of result.errors) if (e.kind === 'rule' && e.ruleId && stats.has(e.ruleId)) stats.get(e.ruleId)!.errors++;
      for (const e of result.errors) {
        if (e.kind === 'parse' && /syntax error|analysing what parsed/i.test(e.message)) continue;
        if (e.kind !== 'parse' && e.kind !== 'rule') continue;
        const key = `${e.kind}${e.ruleId ? ` ${e.ruleId}` : ''}: ${e.message.replace(rel, '<file>').slice(0, 160)}`;
        const f = failures.get(key) ?? { count: 0, first: rel };
        f.count++;
        failures.set(key, f);
      }
      if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
        slowest.push({ ms, where: `${rel} (${n} lines)` });
        slowest.sort((a, b) => b.ms - a.ms);
        if (slowest.length > 5) slowest.pop();
      }
      for (const f of result.findings) {
        const s = stats.get(f.ruleId);
        if (!s || f.suppression) continue;
        s.count++;
        if (TEST_PATH.test(rel)) s.inTests++;
        s.files.add(rel);
        const line = sourceLine(text, f.range.start.line);
        // examples from different files first: a rule that fires 50 times in one file shows one of them
        if (s.examples.length < opts.examples && !s.examples.some((x) => x.where.startsWith(`${rel}:`))) s.examples.push({ where: `${rel}:${f.range.start.line + 1}`, line, message: f.message });
        if (out !== undefined) fs.writeSync(out, JSON.stringify({ rule: f.ruleId, path: rel, line: f.range.start.line + 1, col: f.range.start.character + 1, snippet: text.slice(f.start, Math.min(f.end, f.start + 200)), source: line, message: f.message }) + '\n');
      }
    }
  }
  if (out !== undefined) fs.closeSync(out);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  console.log(`AISec accuracy on ${roots.map((r) => path.relative(process.cwd(), r) || '.').join(', ')}: ${rules.length} rules (opt-in included)`);
  console.log(`scanned ${files.toLocaleString('en')} files, ${lines.toLocaleString('en')} lines (${(bytes / 1048576).toFixed(1)} MB) in ${seconds.toFixed(1)} s; max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`skipped: ${skips.tooBig} over 2 MB, ${skips.minified} minified/generated, ${skips.binary} binary, ${skips.duplicateBuild} duplicate builds (.js/.cjs next to .mjs, cjs/ next to esm/, or next to shipped src/*.ts; --all-builds keeps them)`);
  console.log('\nby file kind:');
  for (const [kind, k] of [...byKind].sort((a, b) => b[1].lines - a[1].lines)) {
    console.log(`  ${pad(kind, 11)} ${pad(k.files.toLocaleString('en'), 7, true)} files ${pad(k.lines.toLocaleString('en'), 11, true)} lines  ${pad((k.ms / 1000).toFixed(1), 6, true)} s analysis  ${k.parseErrors} with parse errors`);
  }

  console.log(`slowest files: ${slowest.map((x) => `${x.where} ${x.ms.toFixed(0)} ms`).join('; ')}`);
  if (failures.size) {
    console.log(`\nanalyzer and rule failures (bugs; syntax errors in the corpus are not counted):`);
    for (const [k, f] of [...failures].sort((a, b) => b[1].count - a[1].count).slice(0, 15)) console.log(`  ${f.count} x ${k}\n      first: ${f.first}`);
  }

  const perK = (n: number) => (lines ? (n * 1000) / lines : 0);
  const sorted = [...stats].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const total = sorted.reduce((n, [, s]) => n + s.count, 0);
  console.log(`\nfindings per 1,000 lines by rule (${total} findings, ${perK(total).toFixed(3)} per 1,000 lines):`);
  console.log(`  ${pad('rule', 42)} ${pad('findings', 8, true)} ${pad('in tests', 8, true)} ${pad('files', 6, true)} ${pad('per 1k lines', 12, true)}  rule errors`);
  for (const [id, s] of sorted) console.log(`  ${pad(id, 42)} ${pad(s.count, 8, true)} ${pad(s.inTests, 8, true)} ${pad(s.files.size, 6, true)} ${pad(perK(s.count).toFixed(4), 12, true)}  ${s.errors || ''}`);

  console.log(`\nexamples to triage (up to ${opts.examples} per rule, one per file):`);
  for (const [id, s] of sorted) {
    if (!s.count) continue;
    console.log(`\n  ${id} (${s.count}):`);
    for (const x of s.examples) console.log(`    ${x.where}\n      ${x.line}`);
  }

  if (opts.fixtures) {
    console.log('\nfixture pass rates (annotations of rules/**, as test/rules/rules.test.ts reads them):');
    console.log(`  ${pad('rule', 42)} ${pad('ruleid found', 13, true)} ${pad('ok clean', 10, true)} ${pad('unexpected', 10, true)} ${pad('todo', 5, true)}  docs`);
    let hf = 0, ht = 0, oc = 0, ot = 0, un = 0;
    for (const r of rules) {
      const s = fixtureScore(r, config);
      hf += s.hitFound; ht += s.hitTotal; oc += s.okClean; ot += s.okTotal; un += s.unexpected;
      console.log(`  ${pad(s.id, 42)} ${pad(`${s.hitFound}/${s.hitTotal}`, 13, true)} ${pad(`${s.okClean}/${s.okTotal}`, 10, true)} ${pad(s.unexpected, 10, true)} ${pad(s.todo, 5, true)}  ${s.docs}`);
    }
    const pct = (a: number, b: number) => (b ? `${((a * 100) / b).toFixed(1)}%` : '-');
    console.log(`  ${pad('total', 42)} ${pad(`${hf}/${ht}`, 13, true)} ${pad(`${oc}/${ot}`, 10, true)} ${pad(un, 10, true)}        recall on fixtures ${pct(hf, ht)}, ok cases clean ${pct(oc, ot)}`);
  }
  if (opts.findingsFile) console.log(`\nall findings written to ${opts.findingsFile} (JSON lines)`);
}

void main().catch((e: unknown) => {
  console.error(`accuracy: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
