/** CLI glue for the evidence commands: `aisec report` and `aisec inventory` (same scan as `aisec scan`). */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { initAnalyzers } from '../analyzers';
import { builtinRules } from '../engine/registry';
import { loadConfigFor } from '../packs/config';
import { inventoryOfFiles } from '../workspace/inventory';
import type { ScanResult } from '../workspace/scan';
import { defaultScanRoot, relPath, scanPaths } from '../workspace/scan';
import { UsageError } from './args';
import { toCycloneDx } from './cyclonedx';
import { buildReport, formatMarkdown } from './report';
import type { PackInForce } from './report';
import { formatHtml } from './reportHtml';
import { learningReportFor } from './learningFiles';
import { listSuppressions } from './suppressions';

type Flags = Map<string, string | true>;

function flag(flags: Flags, name: string): string | undefined {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The clock, read here and only here: SOURCE_DATE_EPOCH (reproducible builds) or now. */
export function now(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

async function scanFor(paths: string[], flags: Flags): Promise<{ scan: ScanResult; root: string; configFile?: string } | number> {
  const configFile = flag(flags, '--config');
  if (configFile && !fs.existsSync(configFile)) throw new UsageError(`--config: no such file: ${configFile}`);
  const rootFlag = flag(flags, '--root');
  const root = rootFlag ? path.resolve(rootFlag) : defaultScanRoot(paths, process.cwd());
  await initAnalyzers(__dirname);
  const scan = scanPaths(paths.length ? paths : ['.'], { root, configFile, rules: builtinRules });
  if (scan.configErrors.length) {
    for (const e of scan.configErrors) process.stderr.write(`${path.relative(process.cwd(), e.file) || e.file}:${e.line}:${e.column}: error: ${e.message}\n`);
    process.stderr.write('aisec: configuration error; fix the file(s) above\n');
    return 2;
  }
  return { scan, root, configFile };
}

function write(output: string | undefined, text: string): void {
  if (output) {
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(output, text);
    process.stderr.write(`aisec: wrote ${output}\n`);
  } else process.stdout.write(text);
}

function sha256Of(file: string): string | undefined {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

export async function reportCommand(paths: string[], flags: Flags, version: string): Promise<number> {
  const output = flag(flags, '--output') ?? flag(flags, '-o');
  const format = flag(flags, '--format') ?? (output && /\.md$/i.test(output) ? 'md' : output && /\.json$/i.test(output) ? 'json' : 'html');
  if (!['html', 'md', 'markdown', 'json'].includes(format)) throw new UsageError(`--format must be html, md or json (got "${format}")`);
  const r = await scanFor(paths, flags);
  if (typeof r === 'number') return r;
  const { scan, root, configFile } = r;
  const clock = now();
  const loaded = loadConfigFor(root, root, builtinRules, configFile);
  const config = loaded.config;
  const rules = scan.rules?.length ? scan.rules : loaded.rules ?? builtinRules;
  // team packs resolved anywhere in the scan (nearest configs may extend different packs), once each
  const packs = new Map<string, PackInForce>();
  for (const c of [loaded, ...(scan.configs ?? [])]) {
    for (const p of c.packs ?? []) {
      if (!p.name || packs.has(p.file)) continue;
      packs.set(p.file, { name: p.name, version: p.version ?? 'unversioned', file: relPath(root, p.file), sha256: p.sha256, owner: p.owner });
    }
  }
  const model = buildReport({
    scan,
    rules,
    config,
    packs: [...packs.values()],
    suppressions: listSuppressions(scan, new Set(rules.map((x) => x.meta.id)), clock.toISOString().slice(0, 10), 30, config.suppressions),
    version,
    generatedAt: clock.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    root,
    configFiles: scan.configFiles.map((f) => ({ path: relPath(root, f), sha256: sha256Of(f) })),
    learning: flags.has('--learning') ? learningReportFor(root, loaded, clock.toISOString().slice(0, 10)) : undefined,
  });
  write(output, format === 'json' ? JSON.stringify(model, null, 2) + '\n' : format === 'html' ? formatHtml(model) : formatMarkdown(model));
  return 0;
}

export async function inventoryCommand(paths: string[], flags: Flags, version: string): Promise<number> {
  const format = flag(flags, '--format') ?? 'json';
  if (!['json', 'cyclonedx'].includes(format)) throw new UsageError(`--format must be json or cyclonedx (got "${format}")`);
  const r = await scanFor(paths, flags);
  if (typeof r === 'number') return r;
  const { scan, root } = r;
  const items = inventoryOfFiles(scan.files.map((f) => ({ rel: f.rel, text: f.text, findings: f.result.findings })));
  const clock = now();
  const out =
    format === 'cyclonedx'
      ? toCycloneDx(items, { version, timestamp: clock.toISOString().replace(/\.\d{3}Z$/, 'Z'), rootName: path.basename(root) })
      : {
          tool: { name: 'AISec', version },
          root,
          summary: Object.fromEntries(['model', 'provider', 'endpoint', 'mcpServer', 'tool', 'prompt'].map((k) => [k, new Set(items.filter((i) => i.kind === k).map((i) => i.name)).size])),
          items: items.map(({ scopeStart: _s, scopeEnd: _e, start: _a, end: _b, ...rest }) => ({ ...rest, line: rest.range.start.line + 1, column: rest.range.start.character + 1 })),
        };
  write(flag(flags, '--output') ?? flag(flags, '-o'), JSON.stringify(out, null, 2) + '\n');
  return 0;
}
