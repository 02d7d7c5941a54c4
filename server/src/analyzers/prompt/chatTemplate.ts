/**
 * Model chat templates: the Jinja `chat_template` of a tokenizer (Qwen, Llama, GLM, Gemma...), shipped as
 * `*.jinja` files or in tokenizer_config.json. Such a template is a formatter, not a prompt: it loops over
 * the caller's `messages` and renders each one under the role tokens of its own `role`. Text derived from
 * `messages` (`message.content`, `messages[0].content` behind a `role == 'system'` check, tool-call
 * arguments, macros called with them) lands in the turn its message belongs to, whatever text position
 * the scanner sees it in. Anything else the template renders into a turn (a `documents` or `user_query`
 * variable passed alongside the messages) is still the template author's choice and is not covered.
 *
 * Linear scans over the template's statements; a small fixed-point over `set` / `for` / macro arguments.
 */

import { splitTopLevel } from './templates';
const MAX_STATEMENTS = 5000;
const MAX_TEXT = 1_000_000;

const KEYWORDS = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'else', 'elif', 'true', 'false', 'none', 'True', 'False', 'None', 'loop', 'namespace', 'range',
]);

/** What marks a tokenizer chat template rather than a prompt that lists a conversation. */
const TOKENIZER_MARKS = /\b(?:add_generation_prompt|bos_token|eos_token)\b|<\|[\w-]{1,30}\|>|<start_of_turn>|\[INST\]|<｜[^｜\n]{1,30}｜>/;

interface Statement { body: string }
interface Macro { name: string; params: string[] }

/** Jinja statements `{% ... %}` in text order (whitespace-control marks removed). */
function statements(text: string): Statement[] {
  const out: Statement[] = [];
  let i = 0;
  while (out.length < MAX_STATEMENTS) {
    const open = text.indexOf('{%', i);
    if (open < 0) break;
    const close = text.indexOf('%}', open + 2);
    if (close < 0) break;
    out.push({ body: text.slice(open + 2, close).replace(/^[-+]/, '').replace(/[-+]$/, '').trim() });
    i = close + 2;
  }
  return out;
}

function stripStrings(expr: string): string {
  return expr.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
}

/**
 * Root identifiers an expression reads: `message.content[:n] + suffix | tojson` reads `message`, `n`,
 * `suffix`. Attribute names, filter and test names, called functions, keywords and string contents are
 * not reads.
 */
export function jinjaExpressionReads(expr: string): string[] {
  const s = stripStrings(expr);
  const out: string[] = [];
  const re = /[A-Za-z_]\w*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const id = m[0];
    const before = s.slice(0, m.index).trimEnd();
    const prev = before[before.length - 1];
    if (prev === '.') continue; // attribute
    if (prev === '|') continue; // filter
    if (/\bis(?:\s+not)?$/.test(before)) continue; // test: `x is string`
    if (/^\s*\(/.test(s.slice(m.index + id.length))) continue; // call: the function name
    if (/^\s*=(?!=)/.test(s.slice(m.index + id.length)) && /[(,]\s*$/.test(before)) continue; // keyword argument name
    if (KEYWORDS.has(id) || /^\d/.test(id)) continue;
    out.push(id);
  }
  return out;
}

/** A call's arguments, split at top-level commas. */
function splitArgs(s: string): string[] {
  return splitTopLevel(s, ',').map((x) => x.trim()).filter(Boolean);
}

/** The argument list of a call starting at `(` (index of the paren), bounded. */
function callArgs(text: string, paren: number): string | undefined {
  let depth = 0;
  const end = Math.min(text.length, paren + 2000);
  for (let i = paren; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') { depth--; if (depth === 0) return text.slice(paren + 1, i); }
  }
  return undefined;
}

/**
 * The names of a chat template that hold the caller's messages or values taken from them; undefined when
 * the text is not a chat template (no loop over `messages`, or a loop that never looks at each message's
 * `role`).
 */
export function chatTemplateMessageNames(fullText: string): Set<string> | undefined {
  const text = fullText.length > MAX_TEXT ? fullText.slice(0, MAX_TEXT) : fullText;
  if (!/\bmessages\b/.test(text) || !text.includes('{%')) return undefined;
  // the tokenizer's vocabulary: generation prompt flag, BOS/EOS tokens or special turn tokens
  if (!TOKENIZER_MARKS.test(text)) return undefined;
  const stmts = statements(text);
  const macros: Macro[] = [];
  for (const s of stmts) {
    const m = /^macro\s+([A-Za-z_]\w*)\s*\(([^)]*)\)/.exec(s.body);
    if (m) macros.push({ name: m[1], params: splitArgs(m[2]).map((p) => p.split('=')[0].trim()).filter((p) => /^[A-Za-z_]\w*$/.test(p)) });
  }
  const derived = new Set<string>(['messages']);
  const loopAliases = new Set<string>();
  const readsDerived = (expr: string) => jinjaExpressionReads(expr).some((id) => derived.has(id));
  for (let round = 0; round < 6; round++) {
    const size = derived.size;
    for (const s of stmts) {
      const f = /^for\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\s+(.+?)(?:\s+if\s+.*|\s+recursive)?$/s.exec(s.body);
      if (f && readsDerived(f[3])) {
        derived.add(f[1]);
        loopAliases.add(f[1]);
        if (f[2]) derived.add(f[2]);
        continue;
      }
      const st = /^set\s+([A-Za-z_]\w*)(?:\.\w+)*\s*=\s*(.+)$/s.exec(s.body);
      if (st && readsDerived(st[2])) derived.add(st[1]);
    }
    for (const mac of macros) {
      const re = new RegExp(String.raw`\b${mac.name}\s*\(`, 'g');
      let m: RegExpExecArray | null;
      let calls = 0;
      while ((m = re.exec(text)) && calls++ < 200) {
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        if (/macro\s+$/.test(before)) continue;
        const args = callArgs(text, m.index + m[0].length - 1);
        if (args === undefined) continue;
        splitArgs(args).forEach((a, i) => {
          const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$/s.exec(a);
          const param = kw ? kw[1] : mac.params[i];
          if (param && readsDerived(kw ? kw[2] : a)) derived.add(param);
        });
      }
    }
    if (derived.size === size) break;
  }
  // a conversation formatter dispatches on each message's role
  const roleRead = [...loopAliases].some((a) => new RegExp(String.raw`\b${a}\s*(?:\.\s*role\b|\[\s*["']role["']\s*\]|\.get\(\s*["']role["'])`).test(text));
  const indexedRole = /\b(?:messages|loop_messages)\s*\[[^\]\n]{1,40}\]\s*(?:\.\s*role\b|\[\s*["']role["']\s*\])/.test(text);
  if (!roleRead && !indexedRole) return undefined;
  if (loopAliases.size === 0) return undefined;
  return derived;
}

/**
 * Whether a placeholder's expression renders text of the caller's messages: it reads a message-derived
 * name and nothing else that `isExternal` flags (a `documents` or `user_query` variable mixed in).
 */
export function rendersMessageText(expr: string, derived: Set<string>, isExternal: (name: string) => boolean): boolean {
  const reads = jinjaExpressionReads(expr);
  if (!reads.some((id) => derived.has(id))) return false;
  return reads.every((id) => derived.has(id) || !isExternal(id));
}
