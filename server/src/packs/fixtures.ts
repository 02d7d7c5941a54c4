/**
 * Annotated rule fixtures (semgrep-rules style), shared by the built-in rules runner
 * (test/rules/rules.test.ts), `aisec pack test` and `npm run accuracy`:
 * - a comment line `ruleid: <id>` means the next non-annotation line must report <id>; `ok: <id>` means it
 *   must not; `todoruleid:` / `todook:` are documented known gaps (not failures);
 * - JSON fixtures keep expectations in a sidecar `<fixture>.expect.yaml` (`ruleid: [lines]` for the
 *   folder's own rule, or `ruleid: { <id>: [lines] }`; 1-based);
 * - `<stem>.fixed.<ext>` is the golden output of a rule's fixes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../engine/model';

export type ExpectationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';
export interface Expectation {
  /** 0-based line the annotation applies to. */
  line: number;
  kind: ExpectationKind;
  ids: string[];
}

export const ANNOTATION = /(?:^|[\s#/*!{<-])(todoruleid|todook|ruleid|ok):\s*([A-Za-z0-9_,/-]+)/;

/** Every file below dir (relative, posix separators, sorted), skipping node_modules and .git. */
export function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

export function isGolden(file: string): boolean {
  return /\.fixed(\.|$)/.test(path.basename(file));
}

/** Fixtures of a built-in rule folder: everything but the rule, its docs, goldens and sidecars. */
export function fixtureFiles(ruleDir: string, id: string): string[] {
  return listFiles(ruleDir).filter((f) => f !== 'rule.ts' && f !== `${id}.md` && !isGolden(f) && !f.endsWith('.expect.yaml') && path.basename(f) !== 'README.md');
}

/** `app.py` -> `app.fixed.py`, `.vscode/mcp.json` -> `.vscode/mcp.fixed.json`. */
export function goldenName(fixture: string): string {
  const dir = path.posix.dirname(fixture);
  const base = path.posix.basename(fixture);
  const dot = base.indexOf('.', 1);
  const name = dot > 0 ? `${base.slice(0, dot)}.fixed${base.slice(dot)}` : `${base}.fixed`;
  return dir === '.' ? name : `${dir}/${name}`;
}

/** Expectations of one fixture; `defaultRule` names the rule that a sidecar's plain line lists mean. */
export function expectations(dir: string, fixture: string, text: string, defaultRule?: string): Expectation[] {
  const sidecar = path.join(dir, `${fixture}.expect.yaml`);
  const out: Expectation[] = [];
  if (fs.existsSync(sidecar)) {
    const doc = (parseYaml(fs.readFileSync(sidecar, 'utf8')) ?? {}) as Record<string, unknown>;
    for (const kind of ['ruleid', 'ok', 'todoruleid', 'todook'] as const) {
      const v = doc[kind];
      if (!v) continue;
      const entries: [string, unknown][] = Array.isArray(v) ? (defaultRule ? [[defaultRule, v]] : []) : Object.entries(v as Record<string, unknown>);
      for (const [id, lines] of entries) for (const l of Array.isArray(lines) ? lines : []) out.push({ line: Number(l) - 1, kind, ids: [id] });
    }
    return out;
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = ANNOTATION.exec(lines[i]);
    if (!m) continue;
    // the annotated line is the next line that is not itself an annotation
    let j = i + 1;
    while (j < lines.length && ANNOTATION.test(lines[j])) j++;
    out.push({ line: j, kind: m[1] as ExpectationKind, ids: m[2].split(',') });
  }
  return out;
}

/**
 * Compare findings with expectations: for `ruleIds`, a missing `ruleid` and a firing `ok` are problems; for
 * `noiseIds` (default: the same), any finding on a line not annotated for it is one (1-based lines in messages).
 */
export function fixtureProblems(findings: readonly Finding[], exps: readonly Expectation[], ruleIds: ReadonlySet<string>, noiseIds: ReadonlySet<string> = ruleIds): string[] {
  const problems: string[] = [];
  for (const e of exps) {
    for (const rid of e.ids) {
      if (!ruleIds.has(rid)) continue;
      const hit = findings.some((x) => x.ruleId === rid && x.range.start.line === e.line && !x.suppression);
      if (e.kind === 'ruleid' && !hit) problems.push(`line ${e.line + 1}: expected ${rid}, got none`);
      if (e.kind === 'ok' && hit) problems.push(`line ${e.line + 1}: expected no ${rid}, got one`);
    }
  }
  for (const x of findings) {
    if (!noiseIds.has(x.ruleId) || x.suppression) continue;
    const annotated = exps.some((e) => e.line === x.range.start.line && e.ids.includes(x.ruleId));
    if (!annotated) problems.push(`line ${x.range.start.line + 1}: unexpected ${x.ruleId}: ${x.message}`);
  }
  return problems;
}

// the docs' examples are product code: `example.py` would be an example file (engine/fileRole.ts)
const FENCE_FILE: Record<string, string> = {
  python: 'app.py', py: 'app.py', ts: 'app.ts', typescript: 'app.ts', js: 'app.js', javascript: 'app.js',
  tsx: 'app.tsx', jsx: 'app.jsx', json: 'mcp.json', jsonc: 'mcp.json', yaml: 'prompt.yaml', yml: 'prompt.yaml',
  markdown: 'AGENTS.md', md: 'AGENTS.md', jinja: 'app.jinja', prompty: 'app.prompty', handlebars: 'app.hbs', text: 'system.prompt.md',
};

export interface DocExample { path: string; code: string; /** The fence's language (`python`, `json`...). */ language: string }

/**
 * Code blocks of a docs page's Examples section: the first after a line starting "Vulnerable" and the first
 * after "Fixed". The fence info is `<language> [file name]`; the name decides the file kind.
 */
export function docExamples(docs: string): { vulnerable?: DocExample; fixed?: DocExample } {
  const start = docs.indexOf('\n## Examples\n');
  if (start < 0) return {};
  const end = docs.indexOf('\n## ', start + 5);
  const section = docs.slice(start, end < 0 ? undefined : end);
  const out: { vulnerable?: DocExample; fixed?: DocExample } = {};
  let label: 'vulnerable' | 'fixed' | undefined;
  const re = /^(Vulnerable|Fixed)\b.*$|^```([^\n]*)\n([\s\S]*?)^```$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(section))) {
    if (m[1]) {
      label = m[1].toLowerCase() as 'vulnerable' | 'fixed';
      continue;
    }
    if (!label || out[label]) continue;
    const [lang, name] = m[2].trim().split(/\s+/);
    out[label] = { path: name ?? FENCE_FILE[lang] ?? `app.${lang}`, code: m[3], language: lang ?? '' };
    label = undefined;
  }
  return out;
}
