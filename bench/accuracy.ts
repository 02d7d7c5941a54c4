/**
 * npm run accuracy [-- options] [extra trees...]
 *
 * Measures AISec both ways, offline, as a user sees it (default configuration: aisec:recommended, opt-in
 * rules off; each tree scanned from its own root through workspace/scan.ts, file roles applied):
 *
 *  Precision: the committed trees under accuracy/repos (written after real AI repositories' layouts, with
 *  tests, examples, fixtures and recorded responses) plus the downloaded corpus (.cache/corpus, filled by
 *  scripts/fetch-corpus.sh: npm packages that ship sources/tests/examples at pinned versions, AI SDK and
 *  MCP bundles, Debian Python packages, Python AI wheels from the local mirror). Findings are matched to the labels in accuracy/labels/*.jsonl
 *  (path + rule + hash of the source line + occurrence): precision by rule, errors-only, by role, findings
 *  per 1,000 lines in product code and overall; unlabelled findings and vanished labels are listed.
 *
 *  Recall: accuracy/vulnerable/<case>/case.yaml, fixtures written from published advisories (and npm
 *  packages at advisory versions) with their expected findings and a safe neighbour that must stay quiet:
 *  recall by OWASP category, by kind (code, prompt template, tool definition) and by the ten patterns of
 *  issue 8, and precision on that corpus.
 *
 * Options:
 *   --corpus DIR        downloaded corpus (default .cache/corpus; absent: committed trees only)
 *   --all-rules         every rule on, opt-in ones too (extends aisec:all) instead of the default config
 *   --builds            npm packages: scan built output (dist/, esm/...) too, not only shipped sources
 *   --unlabelled FILE   write the unlabelled findings as label lines (fill in label and reason, then
 *                       append them to accuracy/labels/*.jsonl)
 *   --findings FILE     write every finding (JSON lines)
 *   --only precision|recall
 *   --show N            unlabelled findings / misses to print (default 25)
 *   --fixtures          also print every rule's fixture pass rate
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initAnalyzers } from '../server/src/analyzers';
import { defaultConfig } from '../server/src/engine/config';
import { builtinRules } from '../server/src/engine/registry';
import type { Tree, TreeScan } from './accuracy/corpus';
import { allFiles, listTrees, scanTree } from './accuracy/corpus';
import { fixtureScore } from './accuracy/fixtures';
import type { Counts, KeyedFinding, Label } from './accuracy/labels';
import { fmtPct, keyFindings, labelLine, parseLabels, perKLines, precision, scorePrecision } from './accuracy/labels';
import type { CaseResult, TreeFinding, VulnCase } from './accuracy/recall';
import { KINDS, OWASP_IDS, parseCase, scoreCase, scoreRecall } from './accuracy/recall';

const ROOT = path.resolve(__dirname, '..', '..');
const ACC = path.join(ROOT, 'accuracy');

interface Options { corpus: string; allRules: boolean; builds: boolean; unlabelled?: string; findings?: string; only?: 'precision' | 'recall'; show: number; fixtures: boolean; extra: string[] }

function parseArgs(argv: string[]): Options {
  const o: Options = { corpus: path.join(ROOT, '.cache', 'corpus'), allRules: false, builds: false, show: 25, fixtures: false, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') o.corpus = path.resolve(argv[++i]);
    else if (a === '--all-rules') o.allRules = true;
    else if (a === '--builds') o.builds = true;
    else if (a === '--unlabelled') o.unlabelled = argv[++i];
    else if (a === '--findings') o.findings = argv[++i];
    else if (a === '--only') o.only = argv[++i] as Options['only'];
    else if (a === '--show') o.show = Number(argv[++i]);
    else if (a === '--fixtures') o.fixtures = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run accuracy -- [--corpus DIR] [--all-rules] [--builds] [--unlabelled FILE] [--findings FILE] [--only precision|recall] [--show N] [--fixtures] [extra trees...]');
      process.exit(0);
    } else if (a.startsWith('--')) {
      console.error(`accuracy: unknown option ${a}`);
      process.exit(2);
    } else o.extra.push(path.resolve(a));
  }
  return o;
}

const pad = (s: string | number, n: number, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const num = (n: number) => n.toLocaleString('en');

function readLabels(): Label[] {
  const dir = path.join(ACC, 'labels');
  const out: Label[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) out.push(...parseLabels(fs.readFileSync(path.join(dir, f), 'utf8'), `accuracy/labels/${f}`));
  return out;
}

function readCases(): { dir: string; c: VulnCase }[] {
  const base = path.join(ACC, 'vulnerable');
  if (!fs.existsSync(base)) return [];
  const out: { dir: string; c: VulnCase }[] = [];
  for (const d of fs.readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const f = path.join(base, d, 'case.yaml');
    if (fs.existsSync(f)) out.push({ dir: path.join(base, d), c: parseCase(fs.readFileSync(f, 'utf8'), d) });
  }
  return out;
}

function countsRow(name: string, c: Counts, extra = ''): string {
  return `  ${pad(name, 44)} ${pad(c.total, 6, true)} ${pad(c.tp, 5, true)} ${pad(c.fp, 5, true)} ${pad(c.unlabelled, 6, true)} ${pad(fmtPct(precision(c)), 8, true)}${extra}`;
}
const COUNTS_HEAD = `  ${pad('', 44)} ${pad('total', 6, true)} ${pad('true', 5, true)} ${pad('false', 5, true)} ${pad('unlab.', 6, true)} ${pad('precis.', 8, true)}`;

function precisionSection(scans: TreeScan[], opts: Options, labels: Label[]): void {
  const findings = keyFindings(scans.flatMap((s) => s.findings));
  const trees = new Set(scans.map((s) => s.tree.id));
  const rep = scorePrecision(findings, labels, trees);
  const lines = scans.reduce((n, s) => n + s.lines, 0);
  const files = scans.reduce((n, s) => n + s.files, 0);
  const productLines = scans.reduce((n, s) => n + (s.linesByRole.get('product') ?? 0), 0);
  const productFindings = findings.filter((f) => f.role === 'product').length;
  const byOrigin = new Map<string, { trees: number; files: number; lines: number; findings: number }>();
  for (const s of scans) {
    const o = byOrigin.get(s.tree.origin) ?? { trees: 0, files: 0, lines: 0, findings: 0 };
    o.trees++; o.files += s.files; o.lines += s.lines; o.findings += s.findings.length;
    byOrigin.set(s.tree.origin, o);
  }

  console.log('\n== Precision corpus (real-looking code; default config unless --all-rules) ==');
  for (const [origin, o] of byOrigin) console.log(`  ${pad(origin, 11)} ${pad(o.trees, 4, true)} trees ${pad(num(o.files), 7, true)} files ${pad(num(o.lines), 10, true)} lines ${pad(o.findings, 5, true)} findings (${perKLines(o.findings, o.lines).toFixed(3)} per 1,000 lines)`);
  const roleLines = new Map<string, number>();
  const roleFiles = new Map<string, number>();
  for (const s of scans) for (const [r, n] of s.linesByRole) { roleLines.set(r, (roleLines.get(r) ?? 0) + n); roleFiles.set(r, (roleFiles.get(r) ?? 0) + (s.filesByRole.get(r) ?? 0)); }
  console.log(`  lines by role: ${[...roleLines].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${num(n)} (${num(roleFiles.get(r) ?? 0)} files)`).join(', ')}`);
  console.log(`\nfindings per 1,000 lines: overall ${perKLines(findings.length, lines).toFixed(3)} (${findings.length} findings in ${num(lines)} lines, ${num(files)} files); product code ${perKLines(productFindings, productLines).toFixed(3)} (${productFindings} in ${num(productLines)} lines)`);

  const labelled = rep.overall.tp + rep.overall.fp;
  console.log(`\nprecision from ${labelled} labelled findings (${rep.overall.tp} true, ${rep.overall.fp} false; ${rep.overall.unlabelled} unlabelled): overall ${fmtPct(precision(rep.overall))}`);
  const product = rep.byRole.get('product');
  if (product) console.log(`precision in product code: ${fmtPct(precision(product))} (${product.tp} true / ${product.tp + product.fp} labelled)`);
  const ruleSev = new Map(builtinRules.map((r) => [r.meta.id, r.meta.severity]));
  console.log('\nby rule:');
  console.log(COUNTS_HEAD + '  per 1k lines  severity');
  for (const [id, c] of [...rep.byRule].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) console.log(countsRow(id, c, `  ${pad(perKLines(c.total, lines).toFixed(4), 11, true)}  ${ruleSev.get(id) ?? '?'}`));
  console.log(countsRow('overall', rep.overall));
  if (rep.errorsByRule.size) {
    console.log('\nerror-level findings only, by rule:');
    console.log(COUNTS_HEAD);
    const all = { total: 0, tp: 0, fp: 0, unlabelled: 0 };
    for (const [id, c] of [...rep.errorsByRule].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
      console.log(countsRow(id, c));
      all.total += c.total; all.tp += c.tp; all.fp += c.fp; all.unlabelled += c.unlabelled;
    }
    console.log(countsRow('all errors', all));
  }
  console.log('\nby file role:');
  console.log(COUNTS_HEAD);
  for (const [role, c] of [...rep.byRole].sort((a, b) => b[1].total - a[1].total)) console.log(countsRow(role, c));
  console.log('\nby severity:');
  console.log(COUNTS_HEAD);
  for (const [sev, c] of [...rep.bySeverity].sort((a, b) => b[1].total - a[1].total)) console.log(countsRow(sev, c));

  if (rep.unlabelled.length) {
    console.log(`\nUNLABELLED findings: ${rep.unlabelled.length} (new findings or regressions; write them with --unlabelled FILE, label them, append to accuracy/labels/)`);
    const byRule = new Map<string, KeyedFinding[]>();
    for (const f of rep.unlabelled) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    let shown = 0;
    for (const [rule, fs_] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
      if (shown >= opts.show) break;
      console.log(`  ${rule} (${fs_.length}):`);
      for (const f of fs_.slice(0, 3)) {
        console.log(`    ${f.path}:${f.line} [${f.role}] ${f.source.slice(0, 120)}`);
        shown++;
      }
    }
  } else console.log('\nno unlabelled findings');
  if (rep.disappeared.length) {
    console.log(`\nLABELS WHOSE FINDING DISAPPEARED: ${rep.disappeared.length} (${rep.disappeared.filter((l) => l.label).length} were true: a lost detection; ${rep.disappeared.filter((l) => !l.label).length} were false: fixed noise)`);
    for (const l of rep.disappeared.slice(0, opts.show)) console.log(`  ${l.label ? 'LOST TRUE ' : 'gone false'} ${l.path}:${l.line ?? '?'} ${l.rule}  ${l.reason}`);
  }
  if (rep.notScanned) console.log(`\n${rep.notScanned} labels belong to trees not scanned this run (downloaded corpus absent?)`);
  const ruleErrors = scans.flatMap((s) => s.ruleErrors);
  if (ruleErrors.length) {
    console.log(`\nrule crashes: ${ruleErrors.length}`);
    for (const e of ruleErrors.slice(0, 10)) console.log(`  ${e.rule}: ${e.message} (${e.file})`);
  }
  if (opts.unlabelled) {
    fs.writeFileSync(opts.unlabelled, rep.unlabelled.map((f) => labelLine(f)).join('\n') + (rep.unlabelled.length ? '\n' : ''));
    console.log(`\nunlabelled findings written to ${opts.unlabelled} (${rep.unlabelled.length} lines; set "label" and "reason", then append to accuracy/labels/)`);
  }
  if (opts.findings) {
    fs.writeFileSync(opts.findings, findings.map((f) => labelLine(f, rep.matched.get(f.key)?.label ?? null, rep.matched.get(f.key)?.reason ?? '')).join('\n') + '\n');
    console.log(`all findings written to ${opts.findings}`);
  }
}

function recallSection(configFile: string | undefined, opts: Options): void {
  const cases = readCases();
  const ruleOwasp = new Map(builtinRules.map((r) => [r.meta.id, r.meta.owasp as readonly string[]]));
  const toTree = (s: TreeScan): TreeFinding[] => s.findings.map((f) => ({ file: f.path, rule: f.rule, startLine: f.line, endLine: f.endLine ?? f.line, severity: f.severity }));
  const results: CaseResult[] = [];
  let lines = 0;
  for (const { dir, c } of cases) {
    let vulnRoot: string | undefined;
    if (c.npm) {
      const safeName = c.npm.replace(/\//g, '__');
      const p = path.join(opts.corpus, 'advisories', safeName);
      vulnRoot = fs.existsSync(p) ? p : undefined;
    } else vulnRoot = path.join(dir, c.vulnerable);
    const scanOf = (root: string): TreeScan => {
      // published packages ship built output (dist/, build/), which `aisec scan` skips: scan every file of them
      const tree: Tree = { id: `vulnerable/${c.id}`, root, origin: 'committed', paths: c.npm && root === vulnRoot ? allFiles(root) : undefined };
      const s = scanTree(tree, builtinRules, configFile, '');
      lines += s.lines;
      return s;
    };
    const vuln = vulnRoot ? toTree(scanOf(vulnRoot)) : undefined;
    const safe = c.safe && fs.existsSync(path.join(dir, c.safe)) ? toTree(scanOf(path.join(dir, c.safe))) : [];
    results.push(scoreCase(c, vuln, safe, ruleOwasp));
  }
  const r = scoreRecall(results);
  const frac = (x: { found: number; total: number }) => `${pad(`${x.found}/${x.total}`, 7, true)} ${pad(fmtPct(x.total ? x.found / x.total : undefined), 7, true)}`;
  console.log(`\n== Recall corpus (accuracy/vulnerable: ${cases.length} cases, ${r.overall.total} labelled vulnerabilities, ${num(lines)} lines) ==`);
  console.log(`recall overall: ${frac(r.overall)}`);
  console.log('\nrecall by OWASP category (of the expected vulnerability):');
  for (const id of OWASP_IDS) { const x = r.byCategory.get(id); if (x) console.log(`  ${id}  ${frac(x)}`); }
  console.log('\nrecall by kind:');
  const kindName: Record<string, string> = { code: 'code', prompt: 'prompt template / instruction file', tool: 'tool definition / MCP config' };
  for (const k of KINDS) { const x = r.byKind.get(k); if (x) console.log(`  ${pad(kindName[k], 36)} ${frac(x)}`); }
  console.log('\nrecall by missed pattern of issue 8 (1 shell in tool handlers, 2 output through methods/fields, 3 SQL wrappers, 4 HTML, 5 MCP secrets/paths/env, 6 secrets & input in system prompts, 7 instruction files, 8 unbounded loops, 9 hub downloads / chat templates, 10 real keys):');
  for (const [p, x] of [...r.byPattern].sort((a, b) => a[0] - b[0])) console.log(`  pattern ${pad(p, 2, true)}  ${frac(x)}`);
  console.log(`\nprecision on the vulnerable corpus: ${fmtPct(precision(r.precision))} (${r.precision.tp} findings on labelled vulnerabilities, ${r.precision.fp} elsewhere: ${results.reduce((n, x) => n + x.unexpected.length, 0)} unexpected in vulnerable trees, ${results.reduce((n, x) => n + x.safeFindings.length, 0)} in safe neighbours)`);
  if (r.missingCases.length) console.log(`cases not measured (npm package not fetched; run scripts/fetch-corpus.sh): ${r.missingCases.join(', ')}`);
  console.log('\nper case (found/expected, unexpected, safe-neighbour findings):');
  for (const x of results) {
    const f = x.found.filter(Boolean).length;
    console.log(`  ${pad(x.case.id, 36)} ${pad(x.case.advisory.length > 40 ? `${x.case.advisory.slice(0, 37)}...` : x.case.advisory, 40)} ${x.missing ? 'not fetched' : `${f}/${x.found.length}`}${x.unexpected.length ? `  +${x.unexpected.length} unexpected` : ''}${x.safeFindings.length ? `  SAFE NEIGHBOUR: ${x.safeFindings.length}` : ''}`);
  }
  const misses = results.flatMap((x) => x.case.expected.map((e, i) => ({ x, e, hit: x.found[i] })).filter((m) => !m.hit && !m.x.missing));
  if (misses.length) {
    console.log(`\nmissed vulnerabilities: ${misses.length}`);
    for (const m of misses.slice(0, opts.show)) console.log(`  ${m.x.case.id}: ${m.e.file}:${m.e.start}${m.e.end !== m.e.start ? `-${m.e.end}` : ''} ${m.e.owasp} ${m.e.kind} (${m.e.rules.join('|') || 'any rule of the category'})${m.e.note ? `  ${m.e.note}` : ''}`);
    if (misses.length > opts.show) console.log(`  ... ${misses.length - opts.show} more (--show N)`);
  }
  const noise = results.flatMap((x) => [...x.unexpected.map((f) => ({ x, f, where: 'vulnerable' })), ...x.safeFindings.map((f) => ({ x, f, where: 'safe' }))]);
  if (noise.length) {
    console.log(`\nfindings off the labelled vulnerabilities: ${noise.length}`);
    for (const n of noise.slice(0, opts.show)) console.log(`  ${n.x.case.id} (${n.where}) ${n.f.file}:${n.f.startLine} ${n.f.rule}`);
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  await initAnalyzers();
  let configFile: string | undefined;
  if (opts.allRules) {
    configFile = path.join(os.tmpdir(), `aisec-accuracy-all-${process.pid}.yaml`);
    fs.writeFileSync(configFile, 'extends: aisec:all\n');
  }
  console.log(`AISec accuracy: ${builtinRules.length} rules, ${opts.allRules ? 'ALL rules (opt-in included)' : 'default configuration (aisec:recommended, opt-in rules off)'}`);
  try {
    if (opts.only !== 'recall') {
      const corpusPresent = fs.existsSync(opts.corpus) && fs.readdirSync(opts.corpus).some((d) => d === 'npm' || d === 'debian');
      const trees = listTrees(ROOT, corpusPresent ? opts.corpus : path.join(os.tmpdir(), 'aisec-no-corpus'), opts.builds);
      for (const e of opts.extra) trees.push({ id: `given/${path.basename(e)}`, root: e, origin: 'given' });
      if (!corpusPresent) console.log(`(no downloaded corpus at ${path.relative(process.cwd(), opts.corpus) || opts.corpus}: measuring the committed trees only; fetch it once with bash scripts/fetch-corpus.sh)`);
      const scans: TreeScan[] = [];
      for (const t of trees) scans.push(scanTree(t, builtinRules, configFile));
      precisionSection(scans, opts, readLabels());
      const slow = [...scans].sort((a, b) => b.ms - a.ms).slice(0, 3);
      console.log(`\nslowest trees: ${slow.map((s) => `${s.tree.id} ${(s.ms / 1000).toFixed(1)} s`).join('; ')}`);
    }
    if (opts.only !== 'precision') recallSection(configFile, opts);
    if (opts.fixtures) {
      const config = defaultConfig();
      for (const r of builtinRules) config.rules[r.meta.id] = { severity: r.meta.severity, options: {} };
      console.log('\nfixture pass rates (annotations of rules/**):');
      for (const r of builtinRules) {
        const s = fixtureScore(ROOT, r, config);
        console.log(`  ${pad(s.id, 42)} ${pad(`${s.hitFound}/${s.hitTotal}`, 9, true)} ruleid found ${pad(`${s.okClean}/${s.okTotal}`, 9, true)} ok clean ${pad(s.unexpected, 4, true)} unexpected  docs ${s.docs}`);
      }
    }
  } finally {
    if (configFile) fs.rmSync(configFile, { force: true });
  }
  console.log(`\nwall time ${((Date.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

void main().catch((e: unknown) => {
  console.error(`accuracy: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
