/**
 * `aisec pack test DIR`: runs a pack's own annotated fixtures, as the built-in rules runner does.
 * DIR holds the pack (`*.aisec-pack.yaml|yml|json`, `aisec-pack.*` or `.aisec.yaml`) and fixture files
 * anywhere below it. In a fixture, a comment line `ruleid: <id>` means the next non-annotation line
 * must report <id>; `ok: <id>` means it must not; `todoruleid:`/`todook:` are known gaps (not failures).
 * JSON fixtures keep expectations in `<fixture>.expect.yaml` (`ruleid: { <id>: [lines] }`, 1-based).
 * Any finding of a pack rule on an unannotated line fails. Exit 0 all pass, 1 failures, 2 pack errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { initAnalyzers } from '../analyzers';
import { defaultConfig } from '../engine/config';
import { analyze } from '../engine/engine';
import { builtinRules } from '../engine/registry';
import { loadConfigFile } from '../packs/config';
import { UsageError } from './args';

const ANNOTATION = /(?:^|[\s#/*!{<-])(todoruleid|todook|ruleid|ok):\s*([A-Za-z0-9_,/-]+)/;
const PACK_NAME = /(^|\.)aisec-pack\.(json|ya?ml)$|^\.aisec\.(json|ya?ml)$/;

interface Expectation {
  line: number; // 0-based
  kind: 'ruleid' | 'ok' | 'todoruleid' | 'todook';
  ids: string[];
}

function listFiles(dir: string, relDir = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, relDir), { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const r = relDir ? `${relDir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

function expectationsOf(dir: string, fixture: string, text: string, onlyRule: string | undefined): Expectation[] {
  const sidecar = path.join(dir, `${fixture}.expect.yaml`);
  const out: Expectation[] = [];
  if (fs.existsSync(sidecar)) {
    const doc = (parseYaml(fs.readFileSync(sidecar, 'utf8')) ?? {}) as Record<string, unknown>;
    for (const kind of ['ruleid', 'ok', 'todoruleid', 'todook'] as const) {
      const v = doc[kind];
      if (!v) continue;
      const entries: [string, unknown][] = Array.isArray(v) ? (onlyRule ? [[onlyRule, v]] : []) : Object.entries(v as Record<string, unknown>);
      for (const [id, lines] of entries) for (const l of Array.isArray(lines) ? lines : []) out.push({ line: Number(l) - 1, kind, ids: [id] });
    }
    return out;
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = ANNOTATION.exec(lines[i]);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && ANNOTATION.test(lines[j])) j++;
    out.push({ line: j, kind: m[1] as Expectation['kind'], ids: m[2].split(',') });
  }
  return out;
}

export async function packTestCommand(positionals: string[]): Promise<number> {
  if (positionals[0] !== 'test' || positionals.length !== 2) throw new UsageError('usage: aisec pack test DIR');
  const target = path.resolve(positionals[1]);
  if (!fs.existsSync(target)) throw new UsageError(`no such directory: ${positionals[1]}`);
  const dir = fs.statSync(target).isDirectory() ? target : path.dirname(target);
  const packFile = fs.statSync(target).isDirectory() ? listFiles(dir).find((f) => !f.includes('/') && PACK_NAME.test(f)) : path.basename(target);
  if (!packFile) throw new UsageError(`no pack in ${positionals[1]} (expected a *.aisec-pack.yaml, aisec-pack.json or .aisec.yaml file)`);
  await initAnalyzers(__dirname);
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  const loaded = loadConfigFile(path.join(dir, packFile), builtinRules);
  if (loaded.errors.length) {
    for (const e of loaded.errors) process.stderr.write(`${rel(e.file)}:${e.line}:${e.column}: error: ${e.message}\n`);
    process.stderr.write('aisec: the pack has errors; fix them before testing\n');
    return 2;
  }
  const defs = loaded.definitions;
  if (!defs.length) throw new UsageError(`${packFile} defines no rules (definitions:)`);
  const packIds = new Set(defs.map((d) => d.meta.id));
  // every pack rule on at its own severity (opt-in ones too), so each can be tested
  const config = defaultConfig();
  for (const d of defs) config.rules[d.meta.id] = { severity: d.meta.severity, options: {} };
  config.today = new Date().toISOString().slice(0, 10);
  const rules = [...builtinRules, ...defs];

  const fixtures = listFiles(dir).filter((f) => f !== packFile && !f.endsWith('.expect.yaml') && path.basename(f) !== 'README.md' && !loaded.files.includes(path.join(dir, f)));
  const failures: string[] = [];
  const seen = new Map<string, { ruleid: number; ok: number }>([...packIds].map((id) => [id, { ruleid: 0, ok: 0 }]));
  let checked = 0;
  for (const f of fixtures) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const expectations = expectationsOf(dir, f, text, packIds.size === 1 ? [...packIds][0] : undefined).filter((e) => e.ids.some((id) => packIds.has(id)));
    if (!expectations.length) continue;
    const result = analyze({ path: f, text }, config, rules);
    const found = new Map<string, Set<number>>();
    for (const x of result.findings) {
      if (!packIds.has(x.ruleId) || x.suppression) continue;
      if (!found.has(x.ruleId)) found.set(x.ruleId, new Set());
      found.get(x.ruleId)!.add(x.range.start.line);
    }
    const annotated = new Map<string, Set<number>>();
    for (const e of expectations) {
      for (const id of e.ids) {
        if (!packIds.has(id)) continue;
        if (!annotated.has(id)) annotated.set(id, new Set());
        annotated.get(id)!.add(e.line);
        const hit = found.get(id)?.has(e.line) ?? false;
        const where = `${rel(path.join(dir, f))}:${e.line + 1}`;
        checked++;
        if (e.kind === 'ruleid') {
          seen.get(id)!.ruleid++;
          if (!hit) failures.push(`${where}: expected ${id} to report this line, it did not`);
        } else if (e.kind === 'ok') {
          seen.get(id)!.ok++;
          if (hit) failures.push(`${where}: expected no ${id} here, it reported`);
        }
      }
    }
    for (const [id, lines] of found) for (const l of lines) if (!annotated.get(id)?.has(l)) failures.push(`${rel(path.join(dir, f))}:${l + 1}: ${id} reported an unannotated line (add "ruleid: ${id}" or fix the rule)`);
  }
  for (const [id, n] of seen) {
    if (!n.ruleid) failures.push(`${id}: no fixture line is annotated "ruleid: ${id}"`);
    if (!n.ok) failures.push(`${id}: no fixture line is annotated "ok: ${id}"`);
  }
  const name = loaded.packs[loaded.packs.length - 1]?.name ?? packFile;
  if (failures.length) {
    process.stdout.write(`aisec pack test ${name}: ${failures.length} failure(s) in ${checked} expectation(s)\n`);
    for (const f of failures) process.stdout.write(`  FAIL ${f}\n`);
    return 1;
  }
  process.stdout.write(`aisec pack test ${name}: ${packIds.size} rule(s), ${checked} expectation(s), all passed\n`);
  return 0;
}
