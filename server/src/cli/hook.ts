/**
 * `aisec hook claude-code|vscode`: the PostToolUse hook of coding agents. It reads the hook event (JSON on stdin), scans
 * the file(s) the edit tool wrote with the CLI's scan (same config, packs, baseline), and when findings at or above
 * --fail-on (default warning) remain, prints `{"decision":"block","reason":...}` on stdout (exit 0): Claude Code and
 * VS Code agent hooks give the reason to the model, which then corrects its edit. A clean file, a tool without a file
 * or a kind of file AISec does not analyse gives no output (exit 0). Bad input (not JSON, no stdin) is one line on
 * stderr with exit 1: a non-blocking error the user sees, never a blocked agent. Nothing is written, nothing is run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { initAnalyzers } from '../analyzers';
import { detectFileKind } from '../engine/fileKind';
import { LineIndex } from '../engine/lineIndex';
import type { Severity } from '../engine/model';
import { builtinRules } from '../engine/registry';
import { findingOut, type FindingOut } from '../mcp/workspace';
import { readBaseline } from '../workspace/baseline';
import { defaultScanRoot, relPath, scanPaths } from '../workspace/scan';
import { UsageError } from './args';
import { applyBaseline } from './baselineFilter';
import { termSafe } from './text';
import { loadConfigFor } from '../packs/config';

export const HOOK_AGENTS = ['claude-code', 'vscode'] as const;
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
/** The most findings listed in one reason (the rest are counted). */
const MAX_LISTED = 20;
/** Claude Code keeps hook output short: the reason stays under this many characters. */
const MAX_REASON = 9000;
const MAX_STDIN = 32 * 1024 * 1024;

export interface HookOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The file paths an edit tool's event names: Claude Code Edit/Write/MultiEdit/NotebookEdit, VS Code edit tools. */
export function editedFiles(event: Record<string, unknown>): string[] {
  const out: string[] = [];
  const take = (v: unknown) => {
    if (typeof v === 'string' && v.trim()) out.push(v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      take(o.filePath ?? o.file_path ?? o.path);
    }
  };
  for (const key of ['tool_input', 'toolInput', 'tool_response', 'toolResponse']) {
    const v = event[key];
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const o = v as Record<string, unknown>;
    for (const k of ['file_path', 'filePath', 'notebook_path', 'notebookPath']) take(o[k]);
    if (Array.isArray(o.files)) for (const f of o.files.slice(0, 100)) take(f);
  }
  return [...new Set(out)];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    size += b.length;
    if (size > MAX_STDIN) throw new Error(`the hook event on stdin is larger than ${MAX_STDIN} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function hookCommand(positionals: string[], flags: Map<string, string | true>, stdinText?: string): Promise<HookOutcome> {
  const agent = positionals[0];
  if (!agent || !(HOOK_AGENTS as readonly string[]).includes(agent)) throw new UsageError(`hook takes the agent: ${HOOK_AGENTS.join(' or ')} (got ${agent ? JSON.stringify(agent) : 'nothing'})`);
  const failOn = (typeof flags.get('--fail-on') === 'string' ? flags.get('--fail-on') : 'warning') as string;
  if (!['error', 'warning', 'info'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or info (got "${failOn}")`);
  const fail = (msg: string): HookOutcome => ({ code: 1, stdout: '', stderr: `aisec hook: ${msg}; nothing was checked\n` });
  if (stdinText === undefined && process.stdin.isTTY) return fail('expects the agent\'s hook event as JSON on stdin (run it from the agent\'s hook settings)');
  let raw: string;
  try {
    raw = stdinText ?? (await readStdin());
  } catch (e) {
    return fail((e as Error).message);
  }
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch (e) {
    return fail(`stdin is not a JSON hook event (${termSafe((e as Error).message).slice(0, 120)})`);
  }
  if (!event || typeof event !== 'object' || Array.isArray(event)) return fail('stdin is not a JSON object (a hook event)');
  const ev = event as Record<string, unknown>;
  const cwd = typeof ev.cwd === 'string' && path.isAbsolute(ev.cwd) ? ev.cwd : process.env.CLAUDE_PROJECT_DIR || process.cwd();
  const files = editedFiles(ev)
    .map((f) => path.resolve(cwd, f))
    .filter((f) => detectFileKind(f) && fs.existsSync(f));
  if (!files.length) return { code: 0, stdout: '', stderr: '' };

  const rootFlag = flags.get('--root');
  const root = typeof rootFlag === 'string' ? path.resolve(cwd, rootFlag) : defaultScanRoot(files, cwd);
  const configFlag = flags.get('--config');
  const configFile = typeof configFlag === 'string' ? path.resolve(cwd, configFlag) : undefined;
  const baselineFlag = flags.get('--baseline');
  let known: Set<string> | undefined;
  if (typeof baselineFlag === 'string') {
    try {
      known = readBaseline(path.resolve(root, baselineFlag));
    } catch (e) {
      return fail(`--baseline ${baselineFlag}: ${(e as Error).message}`);
    }
  }
  await initAnalyzers(__dirname);
  const configOptions = { allowExtendsOutside: flags.has('--allow-extends-outside') };
  const scan = scanPaths(files, { root, configFile, rules: builtinRules, keepAllText: true, configOptions });
  if (scan.configErrors.length) return fail(`configuration error: ${scan.configErrors.map((e) => `${relPath(root, e.file)}:${e.line}:${e.column}: ${termSafe(e.message)}`).join('; ')}`);

  const threshold = RANK[failOn as Severity];
  const blocks: { rel: string; findings: FindingOut[] }[] = [];
  for (const f of scan.files) {
    const open = f.result.findings.filter((x) => !x.suppression && RANK[x.severity] >= threshold);
    const shown = known ? applyBaseline(open, known) : open;
    if (!shown.length) continue;
    const loaded = loadConfigFor(path.dirname(f.abs), root, builtinRules, configFile, { boundary: root, ...configOptions });
    const rules = new Map(loaded.rules.map((r) => [r.meta.id, r]));
    const lines = new LineIndex(f.text);
    blocks.push({ rel: f.rel, findings: shown.map((x) => findingOut(x, f.text, lines, rules.get(x.ruleId), loaded)) });
  }
  if (!blocks.length) return { code: 0, stdout: '', stderr: '' };
  const reason = formatReason(blocks);
  return { code: 0, stdout: JSON.stringify({ decision: 'block', reason }) + '\n', stderr: '' };
}

function quote(s: string, n = 120): string {
  const one = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return '`' + (one.length > n ? one.slice(0, n) + '…' : one) + '`';
}

/** What the agent reads: each finding with its place, rule and message, and the edits of its fixes. */
export function formatReason(blocks: { rel: string; findings: FindingOut[] }[]): string {
  const total = blocks.reduce((n, b) => n + b.findings.length, 0);
  const out: string[] = [`AISec found ${total} security problem${total === 1 ? '' : 's'} in the file${blocks.length === 1 ? '' : 's'} just edited. Correct the code; if a finding is a false positive, say so to the user rather than suppressing it.`];
  let listed = 0;
  for (const b of blocks) {
    out.push('', termSafe(b.rel));
    for (const f of b.findings) {
      if (listed === MAX_LISTED) break;
      listed++;
      out.push(`  ${f.line}:${f.column} ${f.severity} [${f.ruleId}] ${termSafe(f.message)}`);
      for (const fix of f.fixes.slice(0, 2)) {
        const e = fix.edits[0];
        const how = e ? (e.oldText ? ` replace ${quote(e.oldText)} at ${e.line}:${e.column} with ${quote(e.newText)}` : ` insert ${quote(e.newText)} at ${e.line}:${e.column}`) : '';
        out.push(`    fix (${fix.kind}) ${termSafe(fix.title)}:${termSafe(how)}${fix.edits.length > 1 ? ` (+${fix.edits.length - 1} more edit${fix.edits.length > 2 ? 's' : ''})` : ''}`);
      }
    }
  }
  if (listed < total) out.push('', `…and ${total - listed} more: run \`aisec scan ${blocks.map((b) => b.rel).join(' ')}\`.`);
  out.push('', `Why and how to fix: \`aisec explain <rule-id>\` (or the explain_rule tool of the AISec MCP server).`);
  let text = out.join('\n');
  if (text.length > MAX_REASON) text = text.slice(0, MAX_REASON) + '\n…(truncated)';
  return text;
}
