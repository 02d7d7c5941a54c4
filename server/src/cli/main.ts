/**
 * aisec CLI: scan / rules / explain on the same engine as the language server.
 * Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or rule-pack error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { initAnalyzers } from '../analyzers';
import { effectiveSeverity } from '../engine/config';
import type { Finding, Severity } from '../engine/model';
import { policyLink } from '../engine/policy';
import { ANALYSIS_INCOMPLETE_RULE, builtinRules } from '../engine/registry';
import type { RegisteredRule } from '../engine/rule';
import { loadConfigFor } from '../packs/config';
import type { ScanResult } from '../workspace/scan';
import { coreJobs, defaultJobs, defaultScanRoot, limitScanHeapGrowth, MIN_PARALLEL_FILES, scanPathsAsync } from '../workspace/scan';
import type { ScannedFile } from '../workspace/scan';
import { parseArgs, UsageError } from './args';
import { toGitlab } from './gitlab';
import { toSarif } from './sarif';
import { formatFileText, formatText, formatTextSummary, termSafe } from './text';
import { readBaseline, formatBaseline } from '../workspace/baseline';
import { applyBaseline } from './baselineFilter';
import { formatSuppressionsText, listSuppressions } from './suppressions';
import { reportCommand, inventoryCommand } from './evidence';
import { initCommand } from './init';
import { packTestCommand } from './packTest';
import { exerciseCommand } from './exercise';
import { hookCommand } from './hook';
import { ConfigErrorExit, explainCommand as explainRuleCommand, rulesCommand as rulesInfoCommand } from './rulesInfo';

declare const AISEC_VERSION: string;
const VERSION = typeof AISEC_VERSION === 'string' ? AISEC_VERSION : '0.0.0-dev';

const HELP = `aisec ${VERSION}: security review for AI-integrating code, prompt templates and agent tool definitions

Usage:
  aisec scan [paths...] [options]   scan files and folders (default: .)
  aisec rules [--format text|json] [--config FILE]
                                    the effective rules (built-in and pack-defined), their severity
                                    and where each setting came from (file:line or preset)
  aisec explain RULE                print a rule's documentation (pack rules too), mapping and policy
  aisec init [DIR] [--force]        write a commented starter .aisec.yaml (never overwrites without --force)
  aisec pack test DIR               run a rule pack's annotated fixtures (ruleid:/ok: lines); exit 1 on failure
  aisec report [paths...] --format html|md|json [--output FILE] [--learning]
                                    evidence report: findings, suppressions, OWASP LLM / NIST AI RMF /
                                    EU AI Act / ISO 42001 mappings, config in force, files covered;
                                    --learning adds each learner's progress (.aisec/progress/*.json)
  aisec inventory [paths...] [--format json|cyclonedx] [--output FILE]
                                    AI inventory: models, providers, endpoints, MCP servers, tools, prompts
  aisec exercise --list | RULE|ID [--dir DIR] [--hint [--apply]]
                                    exercises graded by the analyzer: without --dir, copy one into a new
                                    scratch folder; with --dir, grade it (exit 0 passed, 1 not yet)
  aisec mcp [--root DIR] [--config FILE] [--baseline FILE]
                                    MCP server over stdio for coding agents (read-only, offline): tools
                                    scan_file, scan_snippet, explain_rule, list_rules, show_config and the
                                    rule docs as resources (aisec://rules/<id>); workspace root: --root or
                                    the current folder
  aisec hook claude-code|vscode [--fail-on error|warning|info] [--config FILE] [--baseline FILE] [--root DIR]
                                    agent PostToolUse hook: reads the hook event on stdin, scans the edited
                                    file(s) and prints {"decision":"block","reason":...} when findings at or
                                    above --fail-on (default warning) remain; no output when clean
  aisec --version | --help

Scan options:
  --format text|json|sarif|gitlab   output format (default text); gitlab: GitLab's code-quality
                             report (artifacts:reports:codequality), open findings only
  --output FILE              write the report to FILE instead of stdout
  --config FILE              use this config instead of the nearest .aisec.yaml/.aisec.json
  --fail-on error|warning|info|none   exit 1 when a finding at or above this level remains (default error),
                             or when a file could not be fully analysed (analysis-incomplete)
  --allow-incomplete         do not fail on files whose analysis could not finish (nesting too deep,
                             a parser limit, a failing rule); they are still reported
  --baseline FILE            report only findings whose fingerprint is not in FILE
  --update-baseline FILE     record today's findings in FILE (then exit 0); refused (exit 2) when the
                             scan read no file or met errors (missing paths, unreadable files, rule
                             errors) unless --force; written atomically (temp file + rename)
  --force                    with --update-baseline: record even an empty or incomplete scan
  --allow-extends-outside    let \`extends\` in a config load files outside the scanned workspace
                             (by default only files inside it, built-in packs and installed packages)
  --cache                    reuse the results of files whose inputs did not change since the last
                             --cache scan (content, config, packs, manifests, imported files, AISec
                             version); stored in .aisec-cache/ under the scan root (skipped by the scan)
  --cache-location PATH      the cache folder or file instead (persist it in CI)
  --cache-strategy S         how unchanged files are recognised: metadata (default: status, i.e. size,
                             mtime, ctime and inode, then content digest when the status differs) or
                             content (always the digest)
  -j, --jobs N|auto          analyse on N worker threads (auto: one per core; default 1, in the main
                             thread, which measured as fast on 2 cores for less CPU); small scans (under ${MIN_PARALLEL_FILES} files) and --cache scans run
                             in the main thread. The result is the same with any N
  --show-suppressed          list suppressed findings in text output too
  --list-suppressions        list every suppression (justification, owner, expiry; expired and
                             expiring within 30 days flagged) instead of the findings; JSON with --format json
  --root DIR                 paths are reported relative to DIR (SARIF %SRCROOT%); default, from
                             the scanned paths (never the current directory): their repository
                             root, else the nearest folder with .aisec.yaml, else the nearest
                             project folder (package.json, pyproject.toml...), else their folder

Exit codes: 0 ok, 1 findings at or above --fail-on (or an incompletely analysed file), 2 usage, config or rule-pack error.
`;

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(
      argv,
      new Set(['--format', '--output', '--config', '--fail-on', '--baseline', '--update-baseline', '--root', '-o', '--dir', '--cache-location', '--cache-strategy', '--jobs', '-j']),
      new Set(['--help', '-h', '--version', '-v', '--show-suppressed', '--no-color', '--list-suppressions', '--allow-incomplete', '--force', '--allow-extends-outside', '--learning', '--list', '--hint', '--apply', '--cache']),
    );
  } catch (e) {
    process.stderr.write(`aisec: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.flags.has('--version') || args.flags.has('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (args.flags.has('--help') || args.flags.has('-h') || !args.command || args.command === 'help') {
    process.stdout.write(HELP);
    return args.command || args.flags.size ? 0 : 2;
  }
  try {
    switch (args.command) {
      case 'scan':
        return await scanCommand(args.positionals, args.flags);
      case 'rules':
        return await rulesInfoCommand(args.flags);
      case 'explain':
        return await explainRuleCommand(args.positionals, args.flags);
      case 'init':
        return initCommand(args.positionals, args.flags);
      case 'pack':
        return await packTestCommand(args.positionals);
      case 'report':
        return await reportCommand(args.positionals, args.flags, VERSION);
      case 'inventory':
        return await inventoryCommand(args.positionals, args.flags, VERSION);
      case 'exercise':
        return await exerciseCommand(args.positionals, args.flags);
      case 'mcp': {
        if (args.positionals.length) throw new UsageError(`mcp takes no paths (got ${args.positionals.join(' ')}); use --root DIR`);
        // loaded on demand: the MCP SDK is only evaluated for this command
        const { mcpCommand } = await import('../mcp/server');
        return await mcpCommand({ root: flag(args.flags, '--root'), configFile: flag(args.flags, '--config'), baseline: flag(args.flags, '--baseline'), allowExtendsOutside: args.flags.has('--allow-extends-outside'), version: VERSION });
      }
      case 'hook': {
        const r = await hookCommand(args.positionals, args.flags);
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        return r.code;
      }
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`aisec: ${termSafe(e.message)}\nRun "aisec --help" for usage.\n`);
      return 2;
    }
    if (e instanceof WriteError) {
      process.stderr.write(`aisec: ${termSafe(e.message)}\n`);
      return 2;
    }
    if (e instanceof ConfigErrorExit) {
      process.stderr.write('aisec: configuration error; fix the file(s) above\n');
      return 2;
    }
    throw e;
  }
}

function flag(flags: Map<string, string | true>, name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

async function scanCommand(paths: string[], flags: Map<string, string | true>): Promise<number> {
  const format = flag(flags, '--format') ?? 'text';
  if (!['text', 'json', 'sarif', 'gitlab'].includes(format)) throw new UsageError(`--format must be text, json, sarif or gitlab (got "${format}")`);
  const failOn = flag(flags, '--fail-on') ?? 'error';
  if (!['error', 'warning', 'info', 'none'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or none (got "${failOn}")`);
  const configFile = flag(flags, '--config');
  if (configFile && !fs.existsSync(configFile)) throw new UsageError(`--config: no such file: ${configFile}`);
  const rootFlag = flag(flags, '--root');
  const root = rootFlag ? path.resolve(rootFlag) : defaultScanRoot(paths, process.cwd());
  const baselineFile = flag(flags, '--baseline');
  const updateBaseline = flag(flags, '--update-baseline');
  const output = flag(flags, '--output') ?? flag(flags, '-o');

  const jobs = parseJobs(flag(flags, '--jobs') ?? flag(flags, '-j'));
  const t0 = Date.now();
  const configOptions = { allowExtendsOutside: flags.has('--allow-extends-outside') };
  const cacheLocation = flag(flags, '--cache-location');
  const cacheStrategy = flag(flags, '--cache-strategy');
  if (cacheStrategy !== undefined && cacheStrategy !== 'metadata' && cacheStrategy !== 'content') throw new UsageError(`--cache-strategy must be metadata or content (got "${cacheStrategy}")`);
  const useCache = flags.has('--cache') || cacheLocation !== undefined || cacheStrategy !== undefined;
  // text to the terminal is printed file by file as results come (in walk order); every other output is one document
  const streaming = format === 'text' && !output && !updateBaseline && !flags.has('--list-suppressions');
  const known = baselineFile && !updateBaseline ? loadBaseline(baselineFile) : undefined;
  let streamed = false;
  const onFile = streaming
    ? (f: ScannedFile) => {
        if (known) filterFile(f, known);
        const block = formatFileText(f, flags.has('--show-suppressed'));
        if (block) process.stdout.write(block);
        streamed = true;
      }
    : undefined;
  limitScanHeapGrowth();
  const scan = await scanPathsAsync(paths.length ? paths : ['.'], { root, configFile, rules: builtinRules, keepAllText: flags.has('--list-suppressions') ? true : format === 'sarif' && !updateBaseline ? false : 'none', configOptions, cache: useCache ? { location: cacheLocation, strategy: cacheStrategy } : undefined, jobs, onFile }, () => initAnalyzers(__dirname));
  const elapsed = Date.now() - t0;
  if (scan.cache) {
    for (const n of scan.cache.notes) process.stderr.write(`aisec: warning: ${termSafe(n)}\n`);
    process.stderr.write(`aisec: cache ${path.relative(process.cwd(), scan.cache.file) || scan.cache.file}: ${scan.cache.reused} result(s) reused, ${scan.cache.analysed} file(s) analysed, ${scan.cache.hashed ?? 0} file(s) read to compare digests\n`);
  }
  if (scan.configErrors.length) {
    for (const e of scan.configErrors) process.stderr.write(`${termSafe(path.relative(process.cwd(), e.file) || e.file)}:${e.line}:${e.column}: error: ${termSafe(e.message)}\n`);
    process.stderr.write(`aisec: configuration error; fix the file${scan.configErrors.length > 1 ? 's' : ''} above\n`);
    return 2;
  }
  for (const f of scan.files) for (const e of f.result.errors) if (e.kind === 'rule') process.stderr.write(`aisec: warning: ${termSafe(e.message)}\n`);
  for (const w of scan.configWarnings ?? []) process.stderr.write(`${termSafe(path.relative(process.cwd(), w.file) || w.file)}:${w.line}:${w.column}: warning: ${termSafe(w.message)}\n`);

  const incompleteFiles = scan.files.filter((f) => f.result.incomplete?.length);
  for (const f of incompleteFiles) for (const why of f.result.incomplete!) process.stderr.write(`aisec: warning: ${termSafe(f.rel)}: analysis incomplete: ${termSafe(why)}\n`);
  if (updateBaseline) {
    // a baseline from a scan that saw nothing (a typo in the path) or could not read everything would
    // silently accept every finding it missed: refuse it unless --force
    const problems = baselineProblems(scan);
    if (problems.length && !flags.has('--force')) {
      process.stderr.write(`aisec: not recording a baseline: ${problems.join('; ')}; ${updateBaseline} is unchanged (use --force to record it anyway)\n`);
      return 2;
    }
    const fingerprints = scan.files.flatMap((f) => f.result.findings.filter((x) => !x.suppression && x.ruleId !== ANALYSIS_INCOMPLETE_RULE).map((x) => x.fingerprint));
    // an incompletely analysed file may hide findings recorded before: keep the old baseline's entries
    if (incompleteFiles.length && fs.existsSync(updateBaseline)) {
      try {
        fingerprints.push(...readBaseline(updateBaseline));
        process.stderr.write(`aisec: ${incompleteFiles.length} file(s) could not be fully analysed: the fingerprints already in ${termSafe(updateBaseline)} are kept\n`);
      } catch {
        // not a baseline: it is replaced, as before
      }
    }
    const text = formatBaseline(fingerprints);
    writeAtomic(updateBaseline, text);
    process.stderr.write(`aisec: recorded ${(JSON.parse(text) as { fingerprints: string[] }).fingerprints.length} finding(s) in ${termSafe(updateBaseline)}\n`);
    return 0;
  }
  if (known && !streamed) for (const f of scan.files) filterFile(f, known);
  if (flags.has('--list-suppressions')) {
    if (format === 'sarif' || format === 'gitlab') throw new UsageError('--list-suppressions prints text or JSON (--format text|json)');
    const entries = listSuppressions(scan, new Set((scan.rules.length ? scan.rules : builtinRules).map((r) => r.meta.id)), new Date().toISOString().slice(0, 10), 30, loadConfigFor(root, root, builtinRules, configFile, configOptions).config.suppressions);
    const listing = format === 'json' ? JSON.stringify({ tool: { name: 'AISec', version: VERSION }, suppressions: entries }, null, 2) + '\n' : formatSuppressionsText(entries);
    if (output) writeAtomic(output, listing);
    else process.stdout.write(listing);
    return 0; // a listing, not a gate (expired directives are findings of invalid-suppression in a normal scan)
  }

  const rootConfig = loadConfigFor(root, root, builtinRules, configFile, configOptions).config;
  let report: string;
  if (format === 'sarif') {
    const severityOf = (r: RegisteredRule): Severity => {
      const s = effectiveSeverity(rootConfig, r.meta.id, r.meta.severity, r.meta.optIn);
      return s === 'off' ? r.meta.severity : s;
    };
    report = JSON.stringify(toSarif({ version: VERSION, root, rules: scan.rules.length ? scan.rules : builtinRules, files: scan.files, config: rootConfig, severityOf }), null, 2) + '\n';
  } else if (format === 'gitlab') {
    report = JSON.stringify(toGitlab(scan.files), null, 2) + '\n';
  } else if (format === 'json') {
    report = JSON.stringify(toJson(scan, elapsed, rootConfig), null, 2) + '\n';
  } else {
    report = streamed ? formatTextSummary(scan, elapsed) : formatText(scan, elapsed, flags.has('--show-suppressed'));
  }
  if (output) {
    writeAtomic(output, report);
    if (format !== 'text') process.stderr.write(formatText(scan, elapsed, false).split('\n').filter(Boolean).pop() + `\naisec: wrote ${termSafe(output)}\n`);
  } else {
    process.stdout.write(report);
  }
  if (failOn === 'none') return 0;
  const threshold = RANK[failOn as Severity];
  const failing = scan.files.some((f) => f.result.findings.some((x) => !x.suppression && RANK[x.severity] >= threshold));
  // fail closed: a file that could not be fully analysed may hide findings
  if (incompleteFiles.length && !flags.has('--allow-incomplete')) {
    process.stderr.write(`aisec: ${incompleteFiles.length} file(s) could not be fully analysed; failing (--allow-incomplete to accept)\n`);
    return 1;
  }
  return failing ? 1 : 0;
}

/** Why a scan must not become a baseline: it read no file, or some paths or files could not be read or analysed. */
export function baselineProblems(scan: ScanResult): string[] {
  const out: string[] = [];
  if (scan.files.length === 0) out.push('the scan read no file');
  const unread = scan.skipped.filter((s) => /^(no such file|cannot read|cannot open|permission denied)|not a regular file|not valid UTF-8/.test(s.reason));
  if (unread.length) out.push(`${unread.length} path(s) could not be read (first: ${termSafe(unread[0].file)}: ${termSafe(unread[0].reason)})`);
  const failed = scan.files.filter((f) => f.result.errors.some((e) => e.kind === 'rule'));
  if (failed.length) out.push(`${failed.length} file(s) met rule errors (first: ${termSafe(failed[0].rel)})`);
  return out;
}

class WriteError extends Error {}

/**
 * Write a report or baseline atomically: a temp file in the same folder, then rename, so a crash or a
 * full disk never leaves a half-written baseline. A failure is one line (WriteError, exit 2), not a stack trace.
 */
export function writeAtomic(file: string, text: string): void {
  const abs = path.resolve(file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    fs.renameSync(tmp, abs);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to clean */
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new WriteError(`cannot write ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way of its folder' : code === 'ENOSPC' ? 'no space left on the device' : code === 'EROFS' ? 'read-only file system' : (code ?? (e as Error).message)}`);
  }
}

function loadBaseline(file: string): Set<string> {
  try {
    return readBaseline(file);
  } catch (e) {
    throw new UsageError(`--baseline ${file}: ${(e as Error).message}`);
  }
}

/** Drop the findings a baseline knows; analysis-incomplete findings are never baselined away (a blind spot stays visible). */
function filterFile(f: ScannedFile, known: Set<string>): void {
  f.result.findings = applyBaseline(f.result.findings, known);
}

/** `--jobs N`: a whole number from 1 (analysis in the main thread, the default), or `auto` (one worker per core). */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  if (value.trim() === 'auto') return coreJobs();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256 (got "${value}")`);
  return Number(value);
}

function toJson(scan: ScanResult, elapsed: number, config: import('../engine/config').EffectiveConfig): object {
  const byId = new Map((scan.rules.length ? scan.rules : builtinRules).map((r) => [r.meta.id, r]));
  const finding = (rel: string, x: Finding) => {
    const rule = byId.get(x.ruleId);
    return {
      ruleId: x.ruleId,
      severity: x.severity,
      confidence: x.confidence,
      message: x.message,
      path: rel,
      role: x.role,
      line: x.range.start.line + 1,
      column: x.range.start.character + 1,
      endLine: x.range.end.line + 1,
      endColumn: x.range.end.character + 1,
      owasp: rule?.meta.owasp ?? [],
      cwe: rule?.meta.cwe ?? [],
      policy: rule ? policyLink(rule.meta, config) : undefined,
      fingerprint: x.fingerprint,
      fixes: x.fixes.map((f) => ({ title: f.title, kind: f.kind })),
      suppression: x.suppression,
    };
  };
  return {
    tool: { name: 'AISec', version: VERSION },
    summary: { files: scan.files.length, lines: scan.lines, elapsedMs: elapsed, findings: scan.files.reduce((n, f) => n + f.result.findings.filter((x) => !x.suppression).length, 0) },
    findings: scan.files.flatMap((f) => f.result.findings.map((x) => finding(f.rel, x))),
    errors: scan.files.flatMap((f) => f.result.errors.map((e) => ({ path: f.rel, ...e }))),
    incomplete: scan.files.flatMap((f) => (f.result.incomplete ?? []).map((reason) => ({ path: f.rel, reason }))),
    skipped: scan.skipped,
    configFiles: scan.configFiles,
  };
}

// `aisec rules | head`: a closed pipe ends the output quietly instead of crashing
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`aisec: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = 2;
  },
);
