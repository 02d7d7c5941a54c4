/**
 * Seeded fuzz test (issue 10, item 8): mutated rule fixtures, random bytes, deep nesting in every format, very
 * long lines, invalid UTF-8, BOMs and CRLF, hostile configs. Deterministic (fixed seed; AISEC_FUZZ_SEED
 * overrides it to explore). Asserts:
 * - no crash: analyze() never throws and no rule fails on a file;
 * - no hang: every file is analysed in a worker thread under a per-file watchdog (a time bound of the harness,
 *   not a speed assertion);
 * - exact ranges: every finding's offsets lie inside the text and its line/column are those of the offsets;
 * - nothing silently lost: a finding present before a mutation that does not touch its lines is still reported,
 *   or the file carries an analysis-incomplete finding.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { allRulesConfig, run, ready } from '../helpers/engine';
import type { AnalysisResult, Finding } from '../../server/src/engine/model';
import { loadConfigFile } from '../../server/src/packs/config';
import { builtinRules } from '../../server/src/engine/registry';

const SEED = Number(process.env.AISEC_FUZZ_SEED ?? 20261207);
/** Per-file bound of the harness: a file that takes longer is a hang. Generous: 2 shared cores, debug builds. */
const PER_FILE_MS = 20_000;
const BASES = 120;
const RANDOM_FILES = 24;

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'python' | 'js' | 'json' | 'yaml' | 'notebook' | 'prompt' | 'markdown' | 'other';
function kindOf(p: string): Kind {
  const l = p.toLowerCase();
  if (/\.pyi?$/.test(l)) return 'python';
  if (/\.(m|c)?[jt]sx?$/.test(l)) return 'js';
  if (l.endsWith('.ipynb')) return 'notebook';
  if (/\.json$/.test(l)) return 'json';
  if (/\.ya?ml$/.test(l)) return 'yaml';
  if (/\.md$/.test(l)) return 'markdown';
  if (/\.(prompty|prompt|jinja2?|j2|mustache|hbs|mdc|txt)$|rules$/.test(l)) return 'prompt';
  return 'other';
}

interface Case {
  name: string;
  path: string;
  text: string;
  /** Compare with the case named here: its findings must survive (outside `touched` lines of the base). */
  base?: string;
  /** 0-based lines of the base text the mutation touched (findings there may change). */
  touched?: number[];
}

interface Outcome {
  name: string;
  ms: number;
  error?: string;
  problems: string[];
  keys: string[];
  incomplete: boolean;
}

/** Independent line/column of an offset: \r\n, \n and \r end a line (as LSP says). */
function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i < offset) {
        line++;
        start = i + 1;
      }
    } else if (c === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

function rangeProblems(text: string, f: Finding): string[] {
  const out: string[] = [];
  if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length)) out.push(`${f.ruleId}: offsets ${f.start}-${f.end} outside 0-${text.length}`);
  else {
    const s = position(text, f.start);
    const e = position(text, f.end);
    if (s.line !== f.range.start.line || s.character !== f.range.start.character) out.push(`${f.ruleId}: start ${JSON.stringify(f.range.start)} is not offset ${f.start} (${JSON.stringify(s)})`);
    if (e.line !== f.range.end.line || e.character !== f.range.end.character) out.push(`${f.ruleId}: end ${JSON.stringify(f.range.end)} is not offset ${f.end} (${JSON.stringify(e)})`);
  }
  for (const fix of f.fixes) for (const ed of fix.edits) if (!(ed.start >= 0 && ed.start <= ed.end && ed.end <= text.length)) out.push(`${f.ruleId}: fix edit ${ed.start}-${ed.end} outside the text`);
  return out;
}

/** A finding's identity across mutations: its line in the base text (to skip touched lines), then rule and text (line ends normalised). */
function keyOf(text: string, f: Finding): string {
  return `${f.range.start.line}\u0000${f.ruleId}:${text.slice(f.start, f.end).replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '')}`;
}

function analyseCase(c: Case): Outcome {
  const t0 = Date.now();
  let r: AnalysisResult;
  try {
    r = run(c.path, c.text);
  } catch (e) {
    return { name: c.name, ms: Date.now() - t0, error: `analyze threw: ${(e as Error).stack ?? e}`, problems: [], keys: [], incomplete: false };
  }
  const problems: string[] = [];
  for (const e of r.errors) if (e.kind === 'rule') problems.push(`rule failed: ${e.message}`);
  for (const f of r.findings) problems.push(...rangeProblems(c.text, f));
  return { name: c.name, ms: Date.now() - t0, problems, keys: r.findings.map((f) => keyOf(c.text, f)), incomplete: r.findings.some((f) => f.ruleId === 'analysis-incomplete') || !!r.incomplete?.length };
}

// ---- mutations -------------------------------------------------------------------------------------------

function deepFor(kind: Kind, depth: number): string {
  switch (kind) {
    case 'python':
      return `\n_fuzz = ${'['.repeat(depth)}${']'.repeat(depth)}\n_fuzz2 = ${'f('.repeat(depth)}0${')'.repeat(depth)}\n`;
    case 'js':
      return `\nconst _fuzz = ${'f('.repeat(depth)}0${')'.repeat(depth)};\nconst _fuzz2 = ${'{a:'.repeat(depth)}0${'}'.repeat(depth)};\n`;
    case 'yaml':
      return `\n_fuzz: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    case 'prompt':
    case 'markdown':
    case 'other':
      return `\n{{ ${'('.repeat(depth)}x${')'.repeat(depth)} }}\n${'> '.repeat(depth)}quote\n${Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`;
    default:
      return '';
  }
}

/** Mutations that leave every line of the base untouched, except the ones listed. */
function preservingMutations(base: Case, kind: Kind, rnd: () => number): Case[] {
  const out: Case[] = [];
  const t = base.text;
  const lastLine = t.split(/\r\n|\n|\r/).length - 1;
  const add = (name: string, text: string, touched: number[] = []) => out.push({ name: `${base.name} +${name}`, path: base.path, text, base: base.name, touched });
  const sep = t.endsWith('\n') ? '' : '\n';
  if (kind === 'json') {
    const close = t.lastIndexOf('}');
    if (close > 0 && t.trimStart().startsWith('{')) {
      const before = t.slice(0, close).replace(/\s*$/, '');
      const comma = before.endsWith('{') ? '' : ',';
      const line = position(t, before.length).line;
      add('deep json', `${before}${comma}\n"_fuzz": ${'['.repeat(400)}${']'.repeat(400)}\n${t.slice(close)}`, [line, line + 1, lastLine]);
    }
  } else if (kind === 'notebook') {
    const at = t.indexOf('"cells": [');
    if (at >= 0) {
      const cell = JSON.stringify({ cell_type: 'code', metadata: {}, source: [`_fuzz = ${'['.repeat(3000)}${']'.repeat(3000)}\n`], outputs: [], execution_count: null });
      const i = at + '"cells": ['.length;
      const line = position(t, i).line;
      add('deep cell', `${t.slice(0, i)}${cell},${t.slice(i)}`, [line]);
    }
  } else {
    add('deep nesting', `${t}${sep}${deepFor(kind, 3000)}`, [lastLine]);
    const filler = kind === 'python' || kind === 'yaml' ? '#' : kind === 'js' ? '//' : '';
    add('long line', `${t}${sep}${filler}${'x'.repeat(200_000 + Math.floor(rnd() * 1000))}\n`, [lastLine]);
    add('invalid utf-8', `${t}${sep}${filler} ${Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]).toString('utf8')} \ud800 \udfff\n`, [lastLine]);
  }
  // line ends and a BOM change no line's content
  if (kind !== 'notebook') add('crlf', t.replace(/\r?\n/g, '\r\n'));
  add('bom', `\uFEFF${t}`, [0]);
  return out;
}

/** Mutations that may change anything: only no crash, no hang, exact ranges. */
function randomMutations(base: Case, rnd: () => number): Case[] {
  const t = base.text;
  const out: Case[] = [];
  const pick = (n: number) => Math.floor(rnd() * n);
  // flip characters
  let s = t.split('');
  for (let k = 0; k < 1 + pick(8); k++) if (s.length) s[pick(s.length)] = String.fromCharCode(pick(128));
  out.push({ name: `${base.name} ~flip`, path: base.path, text: s.join('') });
  // insert brackets and quotes
  s = t.split('');
  for (let k = 0; k < 1 + pick(6); k++) s.splice(pick(s.length + 1), 0, '([{"\'`'[pick(6)].repeat(1 + pick(200)));
  out.push({ name: `${base.name} ~brackets`, path: base.path, text: s.join('') });
  // truncate, duplicate lines
  out.push({ name: `${base.name} ~truncate`, path: base.path, text: t.slice(0, pick(t.length + 1)) });
  const lines = t.split('\n');
  const li = pick(lines.length);
  lines.splice(li, 0, ...Array(1 + pick(50)).fill(lines[li] ?? ''));
  out.push({ name: `${base.name} ~dup`, path: base.path, text: lines.join('\n') });
  // lone CR line ends, mixed
  out.push({ name: `${base.name} ~cr`, path: base.path, text: t.replace(/\n/g, () => (rnd() < 0.5 ? '\r' : '\r\n')) });
  return out;
}

function randomBytes(rnd: () => number, n: number): string {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b.toString('utf8');
}

function fixtureFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== 'rule.ts' && e.name !== 'README.md' && !e.name.endsWith('.expect.yaml') && !/\.fixed\./.test(e.name) && !(e.name.endsWith('.md') && path.basename(dir) === e.name.slice(0, -3))) out.push(p);
    }
  };
  walk(root);
  return out;
}

function buildCases(root: string): Case[] {
  const rnd = prng(SEED);
  const all = fixtureFiles(path.join(root, 'rules'));
  // a deterministic sample that covers every kind: the first of each kind, then seeded picks
  const byKind = new Map<Kind, string[]>();
  for (const f of all) {
    const k = kindOf(f);
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k)!.push(f);
  }
  const chosen = new Set<string>();
  for (const list of byKind.values()) chosen.add(list[Math.floor(rnd() * list.length)]);
  while (chosen.size < Math.min(BASES, all.length)) chosen.add(all[Math.floor(rnd() * all.length)]);
  const cases: Case[] = [];
  for (const file of [...chosen].sort()) {
    const rel = path.relative(path.join(root, 'rules'), file).split(path.sep).slice(2).join('/');
    if (rel.startsWith('workspace/')) continue;
    const base: Case = { name: path.relative(root, file).split(path.sep).join('/'), path: rel, text: fs.readFileSync(file, 'utf8') };
    cases.push(base, ...preservingMutations(base, kindOf(file), rnd), ...randomMutations(base, rnd));
  }
  // pure noise and deep nesting in files of every kind
  const names = ['app.py', 'server.ts', 'tool.js', 'mcp.json', 'config.yaml', 'nb.ipynb', 'chat.prompty', 'AGENTS.md', 'system.j2', '.cursorrules'];
  for (let i = 0; i < RANDOM_FILES; i++) {
    const name = names[i % names.length];
    cases.push({ name: `random ${i} ${name}`, path: name, text: randomBytes(rnd, 200 + Math.floor(rnd() * 4000)) });
  }
  for (const name of names) {
    const k = kindOf(name);
    const deep = k === 'json' ? `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}` : k === 'notebook' ? `{"cells": [${'['.repeat(5000)}${']'.repeat(5000)}]}` : deepFor(k, 5000);
    cases.push({ name: `deep ${name}`, path: name, text: deep });
    cases.push({ name: `unclosed ${name}`, path: name, text: '(['.repeat(20_000) });
  }
  return cases;
}

// ---- worker ----------------------------------------------------------------------------------------------

if (!isMainThread && (workerData as { fuzz?: boolean } | null)?.fuzz) {
  void (async () => {
    await ready();
    const cases = buildCases((workerData as { root: string }).root);
    parentPort!.postMessage({ type: 'count', count: cases.length });
    for (const c of cases) {
      parentPort!.postMessage({ type: 'start', name: c.name });
      const o = analyseCase(c);
      parentPort!.postMessage({ type: 'done', outcome: o, base: c.base, touched: c.touched });
    }
    parentPort!.postMessage({ type: 'end' });
  })();
}

if (isMainThread && typeof describe === 'function') {
  describe('unit: fuzz (seeded; no crash, no hang, exact ranges, nothing silently lost)', function () {
    this.timeout(15 * 60_000);
    before(ready);
    const root = path.resolve(__dirname, '..', '..', '..');

    it(`mutated fixtures, random bytes, deep nesting, long lines, invalid UTF-8, BOM, CRLF (seed ${SEED})`, async () => {
      const outcomes = new Map<string, { o: Outcome; base?: string; touched?: number[] }>();
      let current = '(starting)';
      let total = 0;
      const worker = new Worker(__filename, { workerData: { fuzz: true, root }, execArgv: ['--enable-source-maps'] });
      await new Promise<void>((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const arm = () => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => {
            void worker.terminate();
            reject(new Error(`hang: ${current} took more than ${PER_FILE_MS} ms`));
          }, PER_FILE_MS + 30_000 * (current === '(starting)' ? 1 : 0));
        };
        arm();
        worker.on('message', (m: { type: string; name?: string; count?: number; outcome?: Outcome; base?: string; touched?: number[] }) => {
          if (m.type === 'count') total = m.count!;
          if (m.type === 'start') {
            current = m.name!;
            arm();
          }
          if (m.type === 'done') outcomes.set(m.outcome!.name, { o: m.outcome!, base: m.base, touched: m.touched });
          if (m.type === 'end') {
            if (timer) clearTimeout(timer);
            void worker.terminate();
            resolve();
          }
        });
        worker.on('exit', (code) => {
          if (timer) clearTimeout(timer);
          if (outcomes.size < total || total === 0) reject(new Error(`the fuzz worker exited (${code}) while analysing ${current}`));
        });
        worker.on('error', (e) => {
          if (timer) clearTimeout(timer);
          reject(new Error(`crash while analysing ${current}: ${e.stack ?? e}`));
        });
      });
      assert.ok(total > 300, `enough cases (${total})`);
      assert.strictEqual(outcomes.size, total);
      const problems: string[] = [];
      let compared = 0;
      let incompleteCases = 0;
      for (const { o, base, touched } of outcomes.values()) {
        if (o.error) problems.push(`${o.name}: ${o.error}`);
        for (const p of o.problems) problems.push(`${o.name}: ${p}`);
        if (!base) continue;
        const b = outcomes.get(base)!.o;
        if (o.incomplete) {
          incompleteCases++;
          continue; // reported as incomplete: nothing is silently lost
        }
        const now = new Set(o.keys.map((k) => k.slice(k.indexOf('\u0000') + 1)));
        const skip = new Set(touched ?? []);
        for (const k of b.keys) {
          const line = Number(k.slice(0, k.indexOf('\u0000')));
          const id = k.slice(k.indexOf('\u0000') + 1);
          if (skip.has(line) || id.startsWith('analysis-incomplete:')) continue;
          compared++;
          if (!now.has(id)) problems.push(`${o.name}: lost ${id.slice(0, 160)} (line ${line + 1}) without an analysis-incomplete finding`);
        }
      }
      assert.deepStrictEqual(problems.slice(0, 30), []);
      // the preservation check really ran: many findings compared, and the deep mutations were reported
      assert.ok(compared > 500, `findings compared across mutations: ${compared}`);
      assert.ok(incompleteCases > 50, `mutations reported as incomplete: ${incompleteCases}`);
    });

    it('hostile configs: deep nesting, invalid UTF-8, BOM, CRLF, self-extends, wrong types never crash the loader', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-fuzz-cfg-'));
      const rnd = prng(SEED + 1);
      const texts = [
        `rules: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
        `rules:\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`,
        '\uFEFFrules:\r\n  torch-load-unsafe: error\r\n',
        `rules:\n  torch-load-unsafe: ${Buffer.from([0xff, 0xfe, 0xc3]).toString('utf8')}\n`,
        'extends: ./.aisec.yaml\n',
        'extends: [1, {a: b}, null]\nrules: 5\nignore: {x: 1}\npolicy: []\nsuppressions: "x"\n',
        'a: &a [*a, *a]\nrules: *a\n',
        '{"rules": {"torch-load-unsafe": {"severity": "error", "options": {"x": ' + '['.repeat(2000) + ']'.repeat(2000) + '}}}}',
        randomBytes(rnd, 3000),
        `rules:\n  ${'x'.repeat(100_000)}: off\n`,
      ];
      const failures: string[] = [];
      texts.forEach((t, i) => {
        const file = path.join(dir, i === 7 ? '.aisec.json' : '.aisec.yaml');
        fs.writeFileSync(file, t);
        try {
          loadConfigFile(file, builtinRules);
        } catch (e) {
          if (e instanceof RangeError || e instanceof TypeError) failures.push(`config ${i}: ${(e as Error).message}`);
        }
        fs.rmSync(file);
      });
      fs.rmSync(dir, { recursive: true, force: true });
      assert.deepStrictEqual(failures, []);
      // the engine still runs with the default config after all that
      assert.ok(run('loader.py', 'import torch\n\nmodel = torch.load(path)\n', allRulesConfig()).findings.some((f) => f.ruleId === 'torch-load-unsafe'));
    });
  });
}
