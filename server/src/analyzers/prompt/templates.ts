/**
 * Template scanning shared by every prompt format: placeholders ({{ }}, {{{ }}}, {name}) and role sections.
 * Linear scans with bounded lookahead: no regex can backtrack over a whole file.
 */
import type { PromptRole, PromptSection, PromptVariable } from '../../engine/views';

export type TemplateSyntax = PromptVariable['syntax'];

const ROLE_WORDS: Record<string, PromptRole> = {
  system: 'system', developer: 'developer', user: 'user', human: 'user', assistant: 'assistant', ai: 'assistant', model: 'assistant', tool: 'tool', function: 'tool',
};

export function roleOf(word: string | undefined | null): PromptRole {
  if (!word) return 'unknown';
  const w = word.toLowerCase();
  return Object.hasOwn(ROLE_WORDS, w) ? ROLE_WORDS[w] : 'unknown';
}

/** Longest placeholder we parse; anything longer is not a variable reference. */
const MAX_PLACEHOLDER = 400;
const IDENT_PATH = /^[A-Za-z_$@][\w$]*(?:\s*(?:\.\s*[A-Za-z_$][\w$]*|\[\s*(?:\d+|"[^"]*"|'[^']*')\s*\]))*$/;

/** Normalise `a . b['c']` to `a.b.c`. */
function normalisePath(expr: string): string {
  return expr.replace(/\s+/g, '').replace(/\[(\d+)\]/g, '').replace(/\[["']([^"']*)["']\]/g, '.$1');
}

interface Marker { role: PromptRole; at: number; bodyStart: number }

/** Split [from, to) into sections at role markers; text before the first marker gets `leadRole`. */
export function sectionsFromMarkers(markers: Marker[], from: number, to: number, leadRole: PromptRole, text: string): PromptSection[] {
  const out: PromptSection[] = [];
  const sorted = markers.filter((m) => m.at >= from && m.at < to).sort((a, b) => a.at - b.at);
  const lead = sorted.length ? sorted[0].at : to;
  if (lead > from && (sorted.length === 0 || text.slice(from, lead).trim().length > 0)) out.push({ role: leadRole, start: from, end: lead });
  for (let i = 0; i < sorted.length; i++) {
    const end = i + 1 < sorted.length ? sorted[i + 1].at : to;
    out.push({ role: sorted[i].role, start: Math.min(sorted[i].bodyStart, end), end });
  }
  return out;
}

/** `system:` alone on a line (prompty, many plain templates); also `# system:` used by some prompty files. */
export function lineRoleMarkers(text: string, from: number, to: number): Marker[] {
  const out: Marker[] = [];
  const re = /^[ \t]*#?[ \t]*(system|user|assistant|developer|tool|human|ai)[ \t]*:[ \t]*$/gim;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    let bodyStart = m.index + m[0].length;
    if (text[bodyStart] === '\r') bodyStart++;
    if (text[bodyStart] === '\n') bodyStart++;
    out.push({ role: roleOf(m[1]), at: m.index, bodyStart });
    if (out.length > 2000) break;
  }
  return out;
}

/** `{{role "system"}}` (dotprompt), `{% role "system" %}`, `<|im_start|>system`, `<|system|>`. */
export function tagRoleMarkers(text: string, from: number, to: number): Marker[] {
  const out: Marker[] = [];
  const re = /\{\{~?\s*role\s+["'](\w+)["']\s*~?\}\}|\{%-?\s*role\s+["'](\w+)["']\s*-?%\}|<\|im_start\|>[ \t]*(\w+)|<\|(system|user|assistant|developer)\|>/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    out.push({ role: roleOf(m[1] ?? m[2] ?? m[3] ?? m[4]), at: m.index, bodyStart: m.index + m[0].length });
    if (out.length > 2000) break;
  }
  return out;
}

export function roleAt(sections: PromptSection[], offset: number): PromptRole {
  for (const s of sections) if (offset >= s.start && offset < s.end) return s.role;
  // a placeholder at the very end of a section
  for (const s of sections) if (offset === s.end && offset > s.start) return s.role;
  return 'unknown';
}

/**
 * Find `{{ ... }}` / `{{{ ... }}}` placeholders (Jinja, Mustache, Handlebars, dotprompt) in [from, to).
 * Comments (`{# #}`, `{{! }}`, `{{!-- --}}`) and block tags are skipped; `this` / `.` inside an each /
 * for / section block is reported under the iterated collection's name.
 */
export function scanCurlyVariables(text: string, from: number, to: number, syntax: TemplateSyntax, sections: PromptSection[], limit = 5000): PromptVariable[] {
  const out: PromptVariable[] = [];
  const blocks: { kind: string; name?: string; alias?: string }[] = [];
  let i = from;
  while (i < to && out.length < limit) {
    const open = text.indexOf('{', i);
    if (open < 0 || open + 1 >= to) break;
    const next = text[open + 1];
    // Jinja comment / statement
    if (next === '#' || next === '%') {
      const close = text.indexOf(next === '#' ? '#}' : '%}', open + 2);
      if (close < 0 || close > to) { i = open + 2; continue; }
      if (next === '%') trackJinjaStatement(text.slice(open + 2, close), blocks);
      i = close + 2;
      continue;
    }
    if (next !== '{') { i = open + 1; continue; }
    const triple = text[open + 2] === '{';
    const innerStart = open + (triple ? 3 : 2);
    // comments {{! }} and {{!-- --}}
    if (text[innerStart] === '!' || (text[innerStart] === '~' && text[innerStart + 1] === '!')) {
      const long = text.startsWith('!--', innerStart) || text.startsWith('~!--', innerStart);
      const close = text.indexOf(long ? '--' : '}}', innerStart + 1);
      const end = close < 0 ? -1 : long ? text.indexOf('}}', close) : close;
      i = end < 0 ? to : end + 2;
      continue;
    }
    const closeTok = triple ? '}}}' : '}}';
    const close = text.indexOf(closeTok, innerStart);
    if (close < 0 || close > to || close - innerStart > MAX_PLACEHOLDER) { i = innerStart; continue; }
    const end = close + closeTok.length;
    let inner = text.slice(innerStart, close).trim();
    i = end;
    if (inner.startsWith('~') || inner.startsWith('-') || inner.startsWith('+')) inner = inner.slice(1).trim();
    if (inner.endsWith('~') || inner.endsWith('-') || inner.endsWith('+')) inner = inner.slice(0, -1).trim();
    if (!inner) continue;
    const sigil = inner[0];
    if (sigil === '#' || sigil === '^') {
      const words = inner.slice(1).trim().split(/\s+/);
      if (words[0] === 'each' || words[0] === 'with') blocks.push({ kind: words[0], name: words[1] ? normalisePath(words[1]) : undefined, alias: /as\s*\|\s*(\w+)/.exec(inner)?.[1] });
      else if (/^(if|unless)$/.test(words[0])) blocks.push({ kind: words[0] });
      else blocks.push({ kind: 'section', name: normalisePath(words[0]) }); // mustache section
      continue;
    }
    if (sigil === '/') { blocks.pop(); continue; }
    if (sigil === '>' || inner === 'else' || inner.startsWith('else ') || sigil === '=') continue;
    let unescaped = triple;
    if (sigil === '&') { unescaped = true; inner = inner.slice(1).trim(); }
    const v = parseExpression(inner, syntax);
    if (!v) continue;
    let name = v.name;
    if (name === 'this' || name === '.' || name.startsWith('this.')) {
      const coll = [...blocks].reverse().find((b) => b.name && (b.kind === 'each' || b.kind === 'section'));
      if (coll?.name) name = name === 'this' || name === '.' ? coll.name : `${coll.name}.${name.slice(5)}`;
    } else {
      const alias = [...blocks].reverse().find((b) => b.alias && (name === b.alias || name.startsWith(`${b.alias}.`)));
      if (alias?.name) name = alias.name + name.slice(alias.alias!.length);
    }
    const filters = unescaped ? [...v.filters, 'unescaped'] : v.filters;
    out.push({ name, start: open, end, role: roleAt(sections, open), filters, syntax });
  }
  return out;
}

/** Remember `{% for doc in documents %}` so `{{ doc }}` is reported as `documents`. */
function trackJinjaStatement(stmt: string, blocks: { kind: string; name?: string; alias?: string }[]): void {
  const s = stmt.replace(/^[-+]/, '').replace(/[-+]$/, '').trim();
  const m = /^for\s+(\w+)(?:\s*,\s*\w+)?\s+in\s+([\w.]+)/.exec(s);
  if (m) { blocks.push({ kind: 'for', name: normalisePath(m[2]), alias: m[1] }); return; }
  if (/^(if|macro|call|filter|with|block|raw)\b/.test(s)) { blocks.push({ kind: s.split(/\s/)[0] }); return; }
  if (/^end(for|if|macro|call|filter|with|block|raw)\b/.test(s)) blocks.pop();
}

/** Parse the inside of a placeholder into a variable path and filters; undefined for literals / helpers without a variable. */
function parseExpression(inner: string, syntax: TemplateSyntax): { name: string; filters: string[] } | undefined {
  if (syntax === 'jinja') {
    const parts = splitTopLevel(inner, '|');
    const head = parts[0].trim();
    const filters = parts.slice(1).map((f) => f.trim().split(/[\s(]/)[0]).filter(Boolean);
    if (IDENT_PATH.test(head)) return { name: normalisePath(head), filters };
    // a call like `format_docs(documents)` or `x or ''`: take the first identifier that is not a keyword/literal
    const ident = /(?:^|[\s(,])([A-Za-z_][\w.]*)/.exec(head);
    if (ident && !/^(true|false|none|null|not|and|or|in|is|if|else)$/i.test(ident[1]) && !/^["']/.test(head)) return { name: ident[1], filters };
    return undefined;
  }
  // Mustache / Handlebars / dotprompt: `name`, `helper arg key=value`
  const words = inner.split(/\s+/);
  if (words.length === 1) {
    if (words[0] === '.' || /^(?:\.\.\/)*[A-Za-z_@$][\w$@-]*(?:[./][\w$@-]+)*$/.test(words[0])) {
      if (words[0].startsWith('@')) return undefined; // @index, @key, @root
      return { name: words[0].replace(/^(\.\.\/)+/, '').replace(/\//g, '.'), filters: [] };
    }
    return undefined;
  }
  const helper = words[0];
  if (/^(role|history|section|media|else|log|lookup)$/.test(helper)) {
    if (helper === 'media') {
      const url = /url=([A-Za-z_][\w.]*)/.exec(inner);
      if (url) return { name: url[1], filters: ['media'] };
    }
    return undefined;
  }
  const arg = words.slice(1).find((w) => /^[A-Za-z_][\w.]*$/.test(w));
  if (!arg) return undefined;
  return { name: arg, filters: [helper] };
}

/** Split `s` at `sep` outside quotes and brackets (`a | f(b, c)`, call arguments); a doubled `sep` (`||`) is not a split. */
export function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) { if (c === quote && s[i - 1] !== '\\') quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === sep && depth === 0 && s[i + 1] !== sep && s[i - 1] !== sep) { out.push(s.slice(last, i)); last = i + 1; }
  }
  out.push(s.slice(last));
  return out;
}

/** Python `str.format` / LangChain style `{name}` placeholders (not `{{escaped}}`, not JSON). */
export function scanFormatVariables(text: string, from: number, to: number, sections: PromptSection[], limit = 5000): PromptVariable[] {
  const out: PromptVariable[] = [];
  const re = /\{([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*|\[\w+\])*)(?:![rsa])?(?::[^{}\n]{0,20})?\}/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to && out.length < limit) {
    if (text[m.index - 1] === '{' || text[m.index + m[0].length] === '}' || text[m.index - 1] === '$') continue;
    out.push({ name: m[1].replace(/\[\w+\]/g, ''), start: m.index, end: m.index + m[0].length, role: roleAt(sections, m.index), filters: [], syntax: 'fstring' });
  }
  return out;
}

/** Variables in a free-form prompt text (system prompt .md/.txt, prompt strings in data): `{{x}}` else `{x}`. */
export function templateVariablesIn(text: string, from: number, to: number, sections: PromptSection[]): PromptVariable[] {
  const slice = text.slice(from, to);
  // Jinja is unambiguous with statements, spaced placeholders or filters; `{{x}}` next to `{x}` is a
  // Python format string whose `{{` is an escaped brace
  if (/\{%|\{\{-?\s+[\w.]+[^{}]*\}\}|\{\{[\w.]+\s*\|/.test(slice)) return scanCurlyVariables(text, from, to, 'jinja', sections);
  if (/(?:^|[^{])\{[A-Za-z_]\w*(?:\.\w+)*\}(?!\})/.test(slice)) return scanFormatVariables(text, from, to, sections);
  if (/\{\{[\w.#^&{]/.test(slice)) return scanCurlyVariables(text, from, to, 'mustache', sections);
  return scanFormatVariables(text, from, to, sections);
}

