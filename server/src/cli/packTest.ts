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
import { initAnalyzers } from '../analyzers';
import { defaultConfig } from '../engine/config';
import { analyze } from '../engine/engine';
import { builtinRules } from '../engine/registry';
import { loadConfigFile } from '../packs/config';
import { expectations as fixtureExpectations, fixtureProblems, listFiles } from '../packs/fixtures';
import { UsageError } from './args';

const PACK_NAME = /(^|\.)aisec-pack\.(json|ya?ml)$|^\.aisec\.(json|ya?ml)$/;

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
    const expectations = fixtureExpectations(dir, f, text, packIds.size === 1 ? [...packIds][0] : undefined).filter((e) => e.ids.some((id) => packIds.has(id)));
    if (!expectations.length) continue;
    const result = analyze({ path: f, text }, config, rules);
    for (const e of expectations) {
      for (const id of e.ids) {
        if (!packIds.has(id)) continue;
        checked++;
        if (e.kind === 'ruleid') seen.get(id)!.ruleid++;
        if (e.kind === 'ok') seen.get(id)!.ok++;
      }
    }
    for (const p of fixtureProblems(result.findings, expectations, packIds)) failures.push(`${rel(path.join(dir, f))}: ${p}`);
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
