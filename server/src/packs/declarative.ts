/**
 * Declarative rules from packs (`definitions:`): data only, never code. Each definition is validated
 * (errors point at its key in the pack file) and compiled to a RegisteredRule, the same interface as
 * the built-in rules, so the engine, the language server, the CLI, SARIF and hover treat them alike.
 * Matchers: `regex` (text, or strings/comments only), `pattern` (structural, Python and JS/TS),
 * `jsonPath` (JSON/YAML data), `prompt` (prompt sections and variables).
 */
import { minimatch } from 'minimatch';
import type { FileKind, OwaspLlmId, RuleMeta, Severity, ViewName } from '../engine/model';
import type { RegisteredRule, RuleChecks, RuleContext } from '../engine/rule';
import type { DataNode, DataView, JsView, PromptView, PythonView, TextView } from '../engine/views';
import type { PyNode } from '../analyzers/python/tree';
import { evalJsonPath, parseJsonPath } from './jsonPath';
import type { PathStep } from './jsonPath';
import { boundedMatches, compileSafeRegex, MAX_MATCHES_PER_FILE, REGEX_FILE_BUDGET_MS, regexBudget, testSafe } from './safeRegex';
import type { Bindings, CompiledPattern, PatternLanguage, PatternQuery } from './structural';
import { compilePattern, searchJs, searchPython } from './structural';

export type At = (keys: (string | number)[]) => { line: number; column: number };
export type Report = (keys: (string | number)[], message: string) => void;

const LANGUAGES = ['python', 'javascript', 'typescript', 'prompt', 'data', 'markdown', 'any'] as const;
type Language = (typeof LANGUAGES)[number];
const KIND_OF: Record<Exclude<Language, 'any'>, FileKind[]> = {
  python: ['python', 'notebook'],
  javascript: ['javascript'],
  typescript: ['typescript'],
  prompt: ['prompt'],
  data: ['data', 'notebook'],
  markdown: ['markdown'],
};
const OWASP = /^LLM(0[1-9]|10)$/;
const ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/;
const KNOWN_KEYS = new Set(['id', 'name', 'message', 'description', 'severity', 'confidence', 'languages', 'kinds', 'owasp', 'cwe', 'frameworks', 'docs', 'fix', 'fixKind', 'optIn', 'tags', 'files', 'regex', 'flags', 'scope', 'pattern', 'not', 'inside', 'notInside', 'where', 'jsonPath', 'prompt']);

function pascal(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((s) => s[0].toUpperCase() + s.slice(1))
    .join('');
}

function list(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Docs for hover/explain: the author's markdown, completed with the fixed headings when it has none. */
function docsFor(id: string, message: string, docs: string | undefined, packName: string, fix: string | undefined): string {
  if (docs && /^## /m.test(docs)) return docs.startsWith('# ') ? docs : `# ${id}\n\n${docs}`;
  return [`# ${id}`, '', '## Summary', '', message, '', '## Why it matters', '', docs?.trim() || `Defined by the team pack "${packName}".`, '', '## How to fix', '', fix ? `Replace the matched text with \`${fix}\`.` : 'See the policy link.', ''].join('\n');
}

interface Ctx {
  def: Record<string, unknown>;
  keys: (string | number)[];
  report: Report;
}

function regexAt(c: Ctx, key: (string | number)[], source: unknown, flags?: unknown): RegExp | undefined {
  const r = compileSafeRegex(source, flags);
  if ('error' in r) {
    c.report([...c.keys, ...key], typeof c.def.id === 'string' ? `rule "${c.def.id}": ${r.error}` : r.error);
    return undefined;
  }
  return r.regex;
}

/** Compile the pack's `definitions` list. `builtinIds` must not be redefined. */
export function compileDefinitions(defs: unknown, packName: string, builtinIds: ReadonlySet<string>, report: Report, seenIds: Set<string>): RegisteredRule[] {
  if (!Array.isArray(defs)) {
    report(['definitions'], 'definitions must be a list of rules (id, message, severity, and one of regex, pattern, jsonPath, prompt)');
    return [];
  }
  const out: RegisteredRule[] = [];
  defs.forEach((d, i) => {
    const keys = ['definitions', i];
    if (!d || typeof d !== 'object' || Array.isArray(d)) {
      report(keys, 'each definition is a mapping (id, message, severity, and a matcher)');
      return;
    }
    const r = compileOne({ def: d as Record<string, unknown>, keys, report }, packName, builtinIds, seenIds);
    if (r) out.push(r);
  });
  return out;
}

function compileOne(c: Ctx, packName: string, builtinIds: ReadonlySet<string>, seenIds: Set<string>): RegisteredRule | undefined {
  const d = c.def;
  const errBefore = { n: 0 };
  const err = (k: (string | number)[], m: string) => {
    errBefore.n++;
    c.report([...c.keys, ...k], m);
  };
  for (const k of Object.keys(d)) if (!KNOWN_KEYS.has(k)) err([k], `unknown key "${k}" in a rule definition`);
  const id = d.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    err(typeof id === 'string' ? ['id'] : [], 'a definition needs an "id" in kebab-case (a team prefix is recommended, e.g. acme-no-eval)');
    return undefined;
  }
  if (builtinIds.has(id)) {
    err(['id'], `rule id "${id}" clashes with a built-in rule; pick another (a team prefix is recommended)`);
    return undefined;
  }
  if (seenIds.has(id)) {
    err(['id'], `rule id "${id}" is defined twice`);
    return undefined;
  }
  if (typeof d.message !== 'string' || !d.message.trim()) err(d.message === undefined ? [] : ['message'], `rule "${id}": "message" is required`);
  const severity = (d.severity ?? 'warning') as Severity;
  if (!['error', 'warning', 'info'].includes(severity)) err(['severity'], `rule "${id}": severity must be error, warning or info`);
  const confidence = (d.confidence ?? 'medium') as RuleMeta['confidence'];
  if (!['high', 'medium', 'low'].includes(confidence)) err(['confidence'], `rule "${id}": confidence must be high, medium or low`);
  const owasp = list(d.owasp);
  if (owasp.some((o) => typeof o !== 'string' || !OWASP.test(o))) err(['owasp'], `rule "${id}": owasp entries are LLM01..LLM10`);
  const cwe = list(d.cwe).map((x) => (typeof x === 'string' ? Number(x.replace(/^CWE-/i, '')) : x));
  if (cwe.some((x) => typeof x !== 'number' || !Number.isInteger(x))) err(['cwe'], `rule "${id}": cwe entries are numbers (e.g. 295)`);
  const langs = list(d.languages ?? d.kinds);
  const langKey = d.languages !== undefined ? 'languages' : 'kinds';
  if (langs.some((l) => !LANGUAGES.includes(l as Language))) err([langKey], `rule "${id}": languages are ${LANGUAGES.join(', ')}`);
  const files = list(d.files);
  if (files.some((f) => typeof f !== 'string')) err(['files'], `rule "${id}": files is a list of globs`);
  if (d.docs !== undefined && typeof d.docs !== 'string') err(['docs'], `rule "${id}": docs is markdown text`);
  const matchers = ['regex', 'pattern', 'jsonPath', 'prompt'].filter((k) => d[k] !== undefined);
  if (matchers.length !== 1) {
    err(matchers.length ? [matchers[1]] : [], `rule "${id}": exactly one matcher is required (regex, pattern, jsonPath or prompt)${matchers.length ? `, found ${matchers.join(' and ')}` : ''}`);
    return undefined;
  }
  const matcher = matchers[0];
  if (errBefore.n) return undefined;

  const kinds: Set<FileKind> | undefined = langs.length && !langs.includes('any') ? new Set(langs.flatMap((l) => KIND_OF[l as Exclude<Language, 'any'>])) : undefined;
  const fileOk = (ctx: RuleContext<unknown>) => (!kinds || kinds.has(ctx.kind)) && (!files.length || files.some((g) => minimatch(ctx.path, g as string, { dot: true, matchBase: !(g as string).includes('/') })));
  const fixText = typeof d.fix === 'string' ? d.fix : undefined;
  const fixKind = d.fixKind === 'autofix' ? 'autofix' : 'suggestion';

  let views: ViewName[] = [];
  let check: RuleChecks = {};
  const built =
    matcher === 'regex'
      ? regexMatcher(c, id, fixText, fixKind, fileOk)
      : matcher === 'pattern'
        ? patternMatcher(c, id, langs as Language[], fileOk)
        : matcher === 'jsonPath'
          ? jsonPathMatcher(c, id, fileOk)
          : promptMatcher(c, id, fileOk);
  if (!built) return undefined;
  ({ views, check } = built);

  const message = String(d.message);
  const fw = (d.frameworks && typeof d.frameworks === 'object' ? d.frameworks : {}) as RuleMeta['frameworks'];
  const meta: RuleMeta = {
    id,
    name: typeof d.name === 'string' ? d.name : pascal(id),
    shortDescription: message.replace(/\{\{\s*\w+\s*\}\}/g, '…'),
    fullDescription: typeof d.description === 'string' ? d.description : message,
    views,
    severity,
    confidence,
    owasp: owasp as OwaspLlmId[],
    cwe: cwe as number[],
    frameworks: fw,
    fix: matcher === 'regex' && fixText !== undefined ? fixKind : 'none',
    messages: { default: message, incomplete: INCOMPLETE_MESSAGE },
    optIn: d.optIn === true ? true : undefined,
    tags: ['custom', `pack:${packName}`, ...list(d.tags).filter((t): t is string => typeof t === 'string')],
  };
  seenIds.add(id);
  return { meta, check, docs: docsFor(id, meta.shortDescription, typeof d.docs === 'string' ? d.docs : undefined, packName, fixText), pack: packName };
}

type Built = { views: ViewName[]; check: RuleChecks } | undefined;

const INCOMPLETE_MESSAGE = `Analysis incomplete: this pack rule's regex used its ${REGEX_FILE_BUDGET_MS} ms budget on this file and stopped here; findings after this point may be missing. Simplify the regex.`;
type FileOk = (ctx: RuleContext<unknown>) => boolean;

// ---------------------------------------------------------------- regex

function regexMatcher(c: Ctx, id: string, fixText: string | undefined, fixKind: 'autofix' | 'suggestion', fileOk: FileOk): Built {
  const d = c.def;
  const src = typeof d.regex === 'object' && d.regex !== null ? (d.regex as Record<string, unknown>).pattern : d.regex;
  const flags = typeof d.regex === 'object' && d.regex !== null ? (d.regex as Record<string, unknown>).flags : d.flags;
  const re = regexAt(c, typeof d.regex === 'object' ? ['regex', 'pattern'] : ['regex'], src, flags);
  if (!re) return undefined;
  const scope = d.scope ?? 'text';
  if (scope !== 'text' && scope !== 'strings') {
    c.report([...c.keys, 'scope'], `rule "${id}": scope is text or strings`);
    return undefined;
  }
  const reportIn = (ctx: RuleContext<{ text: string }>, ranges: [number, number][]) => {
    let n = 0;
    const budget = regexBudget();
    for (const [from, to] of ranges) {
      for (const m of boundedMatches(re, ctx.view.text, from, to, MAX_MATCHES_PER_FILE - n, budget)) {
        n++;
        const data: Record<string, string> = { match: m.match[0].slice(0, 200) };
        for (const [k, v] of Object.entries(m.match.groups ?? {})) if (v !== undefined) data[k] = v.slice(0, 200);
        const fixes = fixText !== undefined ? [{ title: `Replace with "${fixText}"`, kind: fixKind, edits: [{ start: m.start, end: m.end, newText: m.match[0].replace(new RegExp(re.source, re.flags.replace('g', '')), fixText) }] }] : undefined;
        ctx.report({ start: m.start, end: m.end, data, fixes });
      }
      if (n >= MAX_MATCHES_PER_FILE) break;
    }
    if (budget.stoppedAt !== undefined) ctx.report({ messageId: 'incomplete', start: budget.stoppedAt, end: budget.stoppedAt });
  };
  if (scope === 'text') {
    return {
      views: ['text'],
      check: {
        text(ctx: RuleContext<TextView>) {
          if (fileOk(ctx)) reportIn(ctx, [[0, ctx.view.text.length]]);
        },
      },
    };
  }
  // strings (and comments) only: ranges come from the syntax tree of each language
  return {
    views: ['python', 'js', 'data', 'prompt'],
    check: {
      python(ctx: RuleContext<PythonView>) {
        if (!fileOk(ctx)) return;
        const ranges: [number, number][] = [];
        const stack: PyNode[] = [ctx.view.root];
        while (stack.length) {
          const n = stack.pop()!;
          if (n.type === 'string' || n.type === 'comment') ranges.push([n.startIndex, n.endIndex]);
          else for (const ch of n.children) stack.push(ch);
        }
        reportIn(ctx, ranges.sort((a, b) => a[0] - b[0]));
      },
      js(ctx: RuleContext<JsView>) {
        if (!fileOk(ctx)) return;
        const ranges: [number, number][] = [];
        const stack: unknown[] = [ctx.view.ast];
        while (stack.length) {
          const n = stack.pop() as Record<string, unknown> & { type?: string; range?: [number, number] };
          if (!n || typeof n !== 'object') continue;
          if (n.range && ((n.type === 'Literal' && typeof n.value === 'string') || n.type === 'TemplateElement')) ranges.push(n.range);
          for (const [k, v] of Object.entries(n)) if (k !== 'parent' && v && typeof v === 'object') stack.push(...(Array.isArray(v) ? v : [v]));
        }
        // comments: the AST has none, so find // and /* */ outside the string ranges
        for (const m of ctx.view.text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)) {
          const s = m.index ?? 0;
          if (!ranges.some(([a, b]) => s >= a && s < b)) ranges.push([s, s + m[0].length]);
        }
        reportIn(ctx, ranges.sort((a, b) => a[0] - b[0]));
      },
      data(ctx: RuleContext<DataView>) {
        if (!fileOk(ctx)) return;
        const ranges: [number, number][] = [];
        for (const root of ctx.view.roots) walkData(root, (n) => n.type === 'string' && ranges.push([n.start, n.end]));
        reportIn(ctx, ranges.sort((a, b) => a[0] - b[0]));
      },
      prompt(ctx: RuleContext<PromptView>) {
        if (fileOk(ctx)) reportIn(ctx, [[0, ctx.view.text.length]]);
      },
    },
  };
}

function walkData(n: DataNode, f: (n: DataNode) => void): void {
  const stack = [n];
  while (stack.length) {
    const cur = stack.pop()!;
    f(cur);
    for (const p of cur.properties ?? []) stack.push(p.value);
    for (const it of cur.items ?? []) stack.push(it);
  }
}

// ---------------------------------------------------------------- structural patterns

function patternMatcher(c: Ctx, id: string, langs: Language[], fileOk: FileOk): Built {
  const d = c.def;
  const families = new Set<PatternLanguage>();
  for (const l of langs) {
    if (l === 'python') families.add('python');
    else if (l === 'javascript' || l === 'typescript') families.add('js');
    else {
      c.report([...c.keys, 'languages'], `rule "${id}": structural patterns work on python, javascript and typescript (got ${l})`);
      return undefined;
    }
  }
  if (!families.size) {
    c.report([...c.keys, 'pattern'], `rule "${id}": a pattern rule needs "languages" (python, javascript, typescript)`);
    return undefined;
  }
  const where: [string, RegExp, boolean][] = [];
  if (d.where !== undefined) {
    if (!d.where || typeof d.where !== 'object' || Array.isArray(d.where)) {
      c.report([...c.keys, 'where'], `rule "${id}": where maps metavariables to { regex } or { notRegex }`);
      return undefined;
    }
    for (const [mv, cond] of Object.entries(d.where as Record<string, unknown>)) {
      const name = mv.replace(/^\$/, '');
      const o = (cond ?? {}) as Record<string, unknown>;
      for (const [k, neg] of [['regex', false], ['notRegex', true]] as const) {
        if (o[k] === undefined) continue;
        const re = regexAt(c, ['where', mv, k], o[k], o.flags);
        if (!re) return undefined;
        where.push([name, re, neg]);
      }
      if (o.regex === undefined && o.notRegex === undefined) {
        c.report([...c.keys, 'where', mv], `rule "${id}": where.${mv} needs regex or notRegex`);
        return undefined;
      }
      if (!String(d.pattern).includes(`$${name}`)) {
        c.report([...c.keys, 'where', mv], `rule "${id}": metavariable $${name} does not occur in the pattern`);
        return undefined;
      }
    }
  }
  // compile per language family; when the Python parser is not loaded yet, compile on first use
  const sources: Record<'pattern' | 'not' | 'inside' | 'notInside', string[]> = { pattern: list(d.pattern) as string[], not: list(d.not) as string[], inside: list(d.inside) as string[], notInside: list(d.notInside) as string[] };
  if (sources.pattern.length !== 1) {
    c.report([...c.keys, 'pattern'], `rule "${id}": pattern is one code pattern (use not/inside for conditions)`);
    return undefined;
  }
  const queries = new Map<PatternLanguage, PatternQuery | null>();
  const build = (lang: PatternLanguage, reportErrors: boolean): PatternQuery | null | undefined => {
    const q: PatternQuery = { pattern: undefined as unknown as CompiledPattern, not: [], inside: [], notInside: [] };
    for (const key of ['pattern', 'not', 'inside', 'notInside'] as const) {
      for (let k = 0; k < sources[key].length; k++) {
        const r = compilePattern(sources[key][k], lang);
        if (r === undefined) return undefined;
        if ('error' in r) {
          if (reportErrors) c.report([...c.keys, key, ...(Array.isArray(d[key]) ? [k] : [])], `rule "${id}": ${key}: ${r.error}`);
          return null;
        }
        if (key === 'pattern') q.pattern = r;
        else q[key].push(r);
      }
    }
    if (where.length) q.where = (b: Bindings) => where.every(([n, re, neg]) => b.has(n) && testSafe(re, b.get(n)!) !== neg);
    return q;
  };
  let failed = false;
  for (const lang of families) {
    const q = build(lang, true);
    if (q === null) failed = true;
    if (q !== undefined) queries.set(lang, q);
  }
  if (failed) return undefined;
  const queryFor = (lang: PatternLanguage): PatternQuery | null => {
    if (!queries.has(lang)) {
      const q = build(lang, false);
      if (q === undefined) return null;
      queries.set(lang, q);
    }
    return queries.get(lang) ?? null;
  };
  const emit = (ctx: RuleContext<unknown>, ms: { start: number; end: number; bindings: Bindings }[]) => {
    for (const m of ms) ctx.report({ start: m.start, end: m.end, data: Object.fromEntries([...m.bindings].map(([k, v]) => [k, v.slice(0, 200)])) });
  };
  const check: RuleChecks = {};
  const views: ViewName[] = [];
  if (families.has('python')) {
    views.push('python');
    check.python = (ctx: RuleContext<PythonView>) => {
      const q = fileOk(ctx) ? queryFor('python') : null;
      if (q) emit(ctx, searchPython(ctx.view.root, q, MAX_MATCHES_PER_FILE));
    };
  }
  if (families.has('js')) {
    views.push('js');
    check.js = (ctx: RuleContext<JsView>) => {
      const q = fileOk(ctx) ? queryFor('js') : null;
      if (q) emit(ctx, searchJs(ctx.view.ast, ctx.view.text, q, MAX_MATCHES_PER_FILE));
    };
  }
  return { views, check };
}

// ---------------------------------------------------------------- jsonPath

function jsonPathMatcher(c: Ctx, id: string, fileOk: FileOk): Built {
  const d = c.def;
  const spec = (typeof d.jsonPath === 'string' ? { path: d.jsonPath } : d.jsonPath) as Record<string, unknown> | null;
  const base: (string | number)[] = typeof d.jsonPath === 'string' ? ['jsonPath'] : ['jsonPath', 'path'];
  if (!spec || typeof spec !== 'object' || typeof spec.path !== 'string') {
    c.report([...c.keys, 'jsonPath'], `rule "${id}": jsonPath is a path string or { path, equals|regex|exists|missing|type, report: value|key }`);
    return undefined;
  }
  for (const k of Object.keys(spec)) if (!['path', 'equals', 'regex', 'flags', 'exists', 'missing', 'type', 'report'].includes(k)) c.report([...c.keys, 'jsonPath', k], `rule "${id}": unknown jsonPath key "${k}"`);
  const steps = parseJsonPath(spec.path);
  if ('error' in steps) {
    c.report([...c.keys, ...base], `rule "${id}": bad JSON path: ${steps.error}`);
    return undefined;
  }
  let re: RegExp | undefined;
  if (spec.regex !== undefined) {
    re = regexAt(c, ['jsonPath', 'regex'], spec.regex, spec.flags);
    if (!re) return undefined;
  }
  const types = list(spec.type);
  if (types.some((t) => !['object', 'array', 'string', 'number', 'boolean', 'null'].includes(t as string))) {
    c.report([...c.keys, 'jsonPath', 'type'], `rule "${id}": type is object, array, string, number, boolean or null`);
    return undefined;
  }
  const missing = list(spec.missing);
  if (missing.some((m) => typeof m !== 'string')) {
    c.report([...c.keys, 'jsonPath', 'missing'], `rule "${id}": missing is a key name (or a list of them)`);
    return undefined;
  }
  const reportKey = spec.report === 'key';
  const path = steps as PathStep[];
  return {
    views: ['data'],
    check: {
      data(ctx: RuleContext<DataView>) {
        if (!fileOk(ctx)) return;
        let n = 0;
        for (const root of ctx.view.roots) {
          for (const m of evalJsonPath(root, path)) {
            if (n >= MAX_MATCHES_PER_FILE) return;
            const node = m.node;
            const scalar = node.value === undefined ? undefined : node.value === null ? 'null' : String(node.value);
            if (spec.equals !== undefined && !(node.value === spec.equals || (scalar !== undefined && scalar === String(spec.equals)))) continue;
            if (re && (scalar === undefined || !testSafe(re, scalar))) continue;
            if (types.length && !types.includes(node.type)) continue;
            if (spec.exists === false) continue;
            const absent = missing.filter((k) => !(node.properties ?? []).some((p) => p.key === k));
            if (missing.length && (node.type !== 'object' || absent.length === 0)) continue;
            const useKey = (reportKey || missing.length > 0) && m.prop;
            const start = useKey ? m.prop!.keyStart : node.start;
            const end = useKey ? m.prop!.keyEnd : node.end;
            n++;
            ctx.report({ start, end, data: { key: m.prop?.key ?? '', value: (scalar ?? node.type).slice(0, 200), missing: absent.join(', ') } });
          }
        }
      },
    },
  };
}

// ---------------------------------------------------------------- prompt

function promptMatcher(c: Ctx, id: string, fileOk: FileOk): Built {
  const spec = c.def.prompt as Record<string, unknown> | null;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    c.report([...c.keys, 'prompt'], `rule "${id}": prompt is { role, variable, text }`);
    return undefined;
  }
  for (const k of Object.keys(spec)) if (!['role', 'variable', 'text', 'flags'].includes(k)) c.report([...c.keys, 'prompt', k], `rule "${id}": unknown prompt key "${k}"`);
  const roles = list(spec.role) as string[];
  if (roles.some((r) => !['system', 'developer', 'user', 'assistant', 'tool', 'unknown'].includes(r))) {
    c.report([...c.keys, 'prompt', 'role'], `rule "${id}": role is system, developer, user, assistant, tool or unknown`);
    return undefined;
  }
  const varRe = spec.variable !== undefined ? regexAt(c, ['prompt', 'variable'], spec.variable, spec.flags) : undefined;
  const textRe = spec.text !== undefined ? regexAt(c, ['prompt', 'text'], spec.text, spec.flags) : undefined;
  if ((spec.variable !== undefined && !varRe) || (spec.text !== undefined && !textRe)) return undefined;
  if (!varRe && !textRe) {
    c.report([...c.keys, 'prompt'], `rule "${id}": prompt needs "variable" (name regex) or "text" (regex in the section)`);
    return undefined;
  }
  const roleOk = (r: string) => !roles.length || roles.includes(r);
  return {
    views: ['prompt'],
    check: {
      prompt(ctx: RuleContext<PromptView>) {
        if (!fileOk(ctx)) return;
        const v = ctx.view;
        if (varRe) {
          for (const pv of v.variables) {
            if (!roleOk(pv.role) || !testSafe(varRe, pv.name)) continue;
            // with text too, the variable's section must also contain the text
            if (textRe) {
              const sec = v.sections.find((s) => s.start <= pv.start && pv.end <= s.end);
              if (!sec || !testSafe(textRe, v.text.slice(sec.start, sec.end))) continue;
            }
            ctx.report({ start: pv.start, end: pv.end, data: { variable: pv.name, role: pv.role } });
          }
          return;
        }
        const sections = v.sections.length ? v.sections : [{ role: 'unknown' as const, start: 0, end: v.text.length }];
        let n = 0;
        const budget = regexBudget();
        for (const s of sections) {
          if (!roleOk(s.role)) continue;
          for (const m of boundedMatches(textRe!, v.text, s.start, s.end, MAX_MATCHES_PER_FILE - n, budget)) {
            n++;
            ctx.report({ start: m.start, end: m.end, data: { match: m.match[0].slice(0, 200), role: s.role } });
          }
        }
        if (budget.stoppedAt !== undefined) ctx.report({ messageId: 'incomplete', start: budget.stoppedAt, end: budget.stoppedAt });
      },
    },
  };
}
