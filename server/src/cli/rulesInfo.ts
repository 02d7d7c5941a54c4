/**
 * `aisec rules` (effective severity of every rule and where the setting came from) and
 * `aisec explain RULE` (docs, mapping, policy), for built-in and pack-defined rules alike.
 */
import * as path from 'path';
import { initAnalyzers } from '../analyzers';
import { effectiveSeverity } from '../engine/config';
import { OWASP_TITLES, policyLink, policyOwner } from '../engine/policy';
import { builtinRules } from '../engine/registry';
import type { LoadedConfig, RuleOrigin } from '../packs/config';
import { loadConfigFor } from '../packs/config';
import { UsageError } from './args';
import { lessonOf } from '../learning/lessons';
import type { RegisteredRule } from '../engine/rule';

function rel(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Human-readable provenance of a rule's effective setting. */
export function describeOrigin(o: RuleOrigin | undefined, optIn: boolean | undefined): string {
  const where = o?.file ? `${rel(o.file)}:${o.line}` : undefined;
  const setting = o?.preset ? `${o.preset} (extended at ${where})` : where ?? (o?.definedIn ? 'pack default' : optIn ? 'default (opt-in rule)' : 'default');
  return o?.definedIn ? `${setting}; defined in ${rel(o.definedIn.file)}:${o.definedIn.line}` : setting;
}

async function loadForCli(flags: Map<string, string | true>): Promise<LoadedConfig> {
  await initAnalyzers(__dirname);
  const configFile = flags.get('--config');
  const loaded = loadConfigFor(process.cwd(), undefined, builtinRules, typeof configFile === 'string' ? configFile : undefined);
  if (loaded.errors.length) {
    for (const e of loaded.errors) process.stderr.write(`${rel(e.file)}:${e.line}:${e.column}: error: ${e.message}\n`);
    throw new ConfigErrorExit();
  }
  return loaded;
}

/** Thrown after config errors were printed: the CLI exits 2. */
export class ConfigErrorExit extends Error {}

/** The effective rules of a loaded config, one row each (`aisec rules --format json`, the MCP server's list_rules). */
export function ruleRows(loaded: LoadedConfig) {
  return loaded.rules.map((r) => ({
    id: r.meta.id,
    severity: effectiveSeverity(loaded.config, r.meta.id, r.meta.severity, r.meta.optIn),
    defaultSeverity: r.meta.severity,
    source: describeOrigin(loaded.origins[r.meta.id], r.meta.optIn),
    origin: loaded.origins[r.meta.id] ?? null,
    pack: r.pack,
    confidence: r.meta.confidence,
    owasp: r.meta.owasp,
    fix: r.meta.fix,
    /** 'practice': reports in product code only; 'exploit': in every file role. */
    scope: r.meta.practice ? 'practice' : 'exploit',
    views: r.meta.views,
    policy: policyLink(r.meta, loaded.config),
    owner: policyOwner(r.meta, loaded.config) ?? null,
    description: r.meta.shortDescription,
  }));
}

export async function rulesCommand(flags: Map<string, string | true>): Promise<number> {
  const loaded = await loadForCli(flags);
  const rows = ruleRows(loaded);
  if (flags.get('--format') === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  if (loaded.files.length) process.stdout.write(`# config: ${loaded.files.map(rel).join(' <- ')}\n`);
  for (const p of loaded.packs) if (p.name) process.stdout.write(`# pack: ${p.name}${p.version ? `@${p.version}` : ''}${p.owner ? ` (owner ${p.owner})` : ''} ${rel(p.file)} sha256:${p.sha256.slice(0, 12)}\n`);
  for (const r of rows) process.stdout.write(`${r.id.padEnd(42)} ${r.severity.padEnd(8)} ${r.owasp.join(',').padEnd(12)} ${r.scope.padEnd(9)} ${r.source}\n`);
  return 0;
}

export async function explainCommand(ids: string[], flags: Map<string, string | true>): Promise<number> {
  if (ids.length !== 1) throw new UsageError('explain takes one rule id');
  const loaded = await loadForCli(flags);
  const rule = loaded.rules.find((r) => r.meta.id === ids[0]);
  if (!rule) throw new UsageError(`unknown rule "${ids[0]}" (see "aisec rules")`);
  process.stdout.write(explainText(rule, loaded));
  return 0;
}

/** `aisec explain RULE`: the rule's docs page, then its severity in this config, mappings, policy link and owner. */
export function explainText(rule: RegisteredRule, loaded: LoadedConfig): string {
  const m = rule.meta;
  const parts: string[] = [];
  const out = (s: string) => parts.push(s);
  out(rule.docs.trimEnd() + '\n\n');
  out(`Severity: ${effectiveSeverity(loaded.config, m.id, m.severity, m.optIn)} (default ${m.severity}; ${describeOrigin(loaded.origins[m.id], m.optIn)}); confidence: ${m.confidence}; fix: ${m.fix}; ${m.practice ? 'practice rule (reports in product code only)' : 'reports in every file role (tests, examples... too)'}\n`);
  if (m.owasp.length) out(`OWASP LLM Top 10 2025: ${m.owasp.map((o) => `${o} ${OWASP_TITLES[o]}`).join('; ')}\n`);
  if (m.cwe.length) out(`CWE: ${m.cwe.map((c) => `CWE-${c}`).join(', ')}\n`);
  const fw = m.frameworks;
  if (fw.nistAiRmf?.length) out(`NIST AI RMF: ${fw.nistAiRmf.join(', ')}\n`);
  if (fw.euAiAct?.length) out(`EU AI Act: ${fw.euAiAct.join(', ')}\n`);
  if (fw.iso42001?.length) out(`ISO/IEC 42001: ${fw.iso42001.join(', ')}\n`);
  const lesson = lessonOf(rule, loaded.config);
  out(`Policy: ${lesson.policy.link}\n`);
  if (lesson.policy.owner) out(`Owner: ${lesson.policy.owner}\n`);
  for (const n of lesson.teamNotes.filter((x) => x.source === 'policy')) out(`Team notes: ${n.text.replace(/\s*\n\s*/g, ' ')}\n`);
  if (rule.pack && m.tags?.includes('custom')) out(`Pack: ${rule.pack}\n`);
  return parts.join('');
}
