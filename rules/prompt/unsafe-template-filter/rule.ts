import { defineRule } from '../../../server/src/engine/rule';
import type { Fix } from '../../../server/src/engine/model';
import type { PromptVariable, PromptView } from '../../../server/src/engine/views';
import { fileBaseName } from '../../../server/src/engine/fileKind';
import { classifyVariableName, nameWords } from '../../../server/src/analyzers/prompt/variableNames';

/**
 * Jinja `| safe` / `{% autoescape false %}` and Mustache / Handlebars `{{{x}}}` / `{{& x}}` on user
 * input or model output in templates that render HTML. Prompt templates (prompty, dotprompt, plain
 * prompts) are not HTML: unescaped output there is the normal way to keep text intact.
 */

/** Words naming model output; user / external content comes from variableNames.ts. */
const MODEL_OUTPUT_WORDS = new Set(['answer', 'answers', 'response', 'responses', 'completion', 'completions', 'generated', 'generation', 'llm', 'gpt', 'ai', 'assistant', 'bot', 'chatbot', 'prediction', 'output', 'outputs', 'reply', 'replies']);
/** Words saying the value was already made safe (or is a framework token). */
const SAFE_WORDS = /(?:^|[._])(?:sanitized|sanitised|sanitize|cleaned|clean|escaped|safe|bleached|purified|trusted|static|csrf|nonce)(?:$|[._])/i;
/** Filters that escape or sanitize before `safe`. */
const SANITIZING_FILTER = /^(?:e|escape|forceescape|striptags|urlencode|tojson|sanitize\w*|\w*sanitize|bleach\w*|clean\w*|purify\w*|nh3\w*|xmlattr)$/i;

const HTML_NAME = /\.(?:html?|xhtml|email)\.(?:j2|jinja2?|hbs|handlebars|mustache)$/;
/** An opening or closing HTML element (an open/close pair such as `<div>`...`</div>` counts twice). */
const HTML_TAG = /<\/?(?:!doctype\s+html|html|head|body|div|span|p|a|ul|ol|li|table|thead|tbody|tr|td|th|section|article|header|footer|main|nav|aside|h[1-6]|form|button|label|img|script|style|pre|blockquote|strong|em|br|hr|small|iframe)\b[^<>]{0,300}>/gi;

function rendersHtml(view: PromptView, path: string): boolean {
  if (view.format !== 'jinja' && view.format !== 'handlebars' && view.format !== 'mustache') return false;
  if (HTML_NAME.test(fileBaseName(path))) return true;
  HTML_TAG.lastIndex = 0;
  let tags = 0;
  const scan = view.text.length > 200_000 ? view.text.slice(0, 200_000) : view.text;
  while (HTML_TAG.exec(scan) && tags < 2) tags++;
  return tags >= 2;
}

/** User input, external content or model output, judged by name. */
function isUntrustedOrModelOutput(name: string): boolean {
  if (SAFE_WORDS.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())) return false;
  const trust = classifyVariableName(name);
  if (trust === 'untrusted') return true;
  if (trust === 'trusted') return false;
  return nameWords(name).some((w) => MODEL_OUTPUT_WORDS.has(w));
}

function safeFilterFix(view: PromptView, v: PromptVariable): Fix | undefined {
  const raw = view.text.slice(v.start, v.end);
  const m = /\s*\|\s*safe\b(?!\s*\()/.exec(raw);
  if (!m) return undefined;
  return { title: 'Remove `| safe` so the value is HTML-escaped', kind: 'suggestion', edits: [{ start: v.start + m.index, end: v.start + m.index + m[0].length, newText: '' }] };
}

function unescapedFix(view: PromptView, v: PromptVariable): Fix | undefined {
  const raw = view.text.slice(v.start, v.end);
  if (raw.startsWith('{{{') && raw.endsWith('}}}')) {
    return { title: 'Use `{{name}}` so the value is HTML-escaped', kind: 'suggestion', edits: [{ start: v.start, end: v.start + 1, newText: '' }, { start: v.end - 1, end: v.end, newText: '' }] };
  }
  const amp = /^\{\{~?\s*(&\s*)/.exec(raw);
  if (amp) {
    const at = v.start + amp[0].length - amp[1].length;
    return { title: 'Drop `&` so the value is HTML-escaped', kind: 'suggestion', edits: [{ start: at, end: at + amp[1].length, newText: '' }] };
  }
  return undefined;
}

/** `{% autoescape false %}` ... `{% endautoescape %}` blocks (an unterminated one runs to the end). */
function autoescapeOffBlocks(text: string): { tagStart: number; tagEnd: number; valueStart: number; bodyEnd: number }[] {
  const out: { tagStart: number; tagEnd: number; valueStart: number; bodyEnd: number }[] = [];
  const open = /\{%-?\s*autoescape\s+(false|False)\s*-?%\}/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) && out.length < 200) {
    const tagEnd = m.index + m[0].length;
    const close = /\{%-?\s*endautoescape\s*-?%\}/g;
    close.lastIndex = tagEnd;
    const c = close.exec(text);
    out.push({ tagStart: m.index, tagEnd, valueStart: m.index + m[0].indexOf(m[1], m[0].indexOf('autoescape') + 10), bodyEnd: c ? c.index : text.length });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'unsafe-template-filter',
    name: 'UnsafeTemplateFilter',
    shortDescription: 'User input or model output is rendered without HTML escaping (`| safe`, `{% autoescape false %}`, `{{{x}}}`, `{{& x}}`) in an HTML template.',
    fullDescription: 'HTML templates escape values by default; `| safe`, `{% autoescape false %}`, the triple-stash `{{{x}}}` and `{{& x}}` switch that off. Model output is attacker-influenced text: a prompt injection in a retrieved page or a user message can make the model emit `<img src=x onerror=...>` or a `<script>` that runs in the next reader\'s browser. User input and retrieved content are the same. Render such values escaped, or sanitize them with an allowlist HTML sanitizer first and mark only the sanitized value safe.',
    views: ['prompt'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM05'],
    cwe: [79],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.2'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      safeFilter: '`{{name}}` is marked `| safe` in an HTML template: model output or user input rendered unescaped is cross-site scripting.',
      unescaped: '`{{name}}` is rendered with {{syntax}} (no HTML escaping) in an HTML template: model output or user input rendered unescaped is cross-site scripting.',
      autoescapeOff: '`{% autoescape false %}` turns escaping off for {{names}}: model output or user input rendered unescaped is cross-site scripting.',
    },
  },
  check: {
    prompt(ctx) {
      const view = ctx.view;
      if (!rendersHtml(view, ctx.path)) return;
      for (const v of view.variables) {
        if (!isUntrustedOrModelOutput(v.name)) continue;
        const safeAt = v.filters.indexOf('safe');
        if (safeAt >= 0 && v.syntax === 'jinja') {
          if (v.filters.slice(0, safeAt).some((f) => SANITIZING_FILTER.test(f))) continue;
          const fix = safeFilterFix(view, v);
          ctx.report({ messageId: 'safeFilter', data: { name: v.name }, start: v.start, end: v.end, fixes: fix ? [fix] : [] });
        } else if (v.filters.includes('unescaped')) {
          const fix = unescapedFix(view, v);
          const syntax = view.text.startsWith('{{{', v.start) ? 'the triple-stash `{{{ }}}`' : '`{{& }}`';
          ctx.report({ messageId: 'unescaped', data: { name: v.name, syntax }, start: v.start, end: v.end, fixes: fix ? [fix] : [] });
        }
      }
      if (view.format !== 'jinja') return;
      for (const b of autoescapeOffBlocks(view.text)) {
        const inside = view.variables.filter((v) => v.start >= b.tagEnd && v.end <= b.bodyEnd && !v.filters.includes('safe') && isUntrustedOrModelOutput(v.name) && !v.filters.some((f) => SANITIZING_FILTER.test(f)));
        if (inside.length === 0) continue;
        const names = [...new Set(inside.map((v) => `\`${v.name}\``))].slice(0, 5).join(', ');
        const fix: Fix = { title: 'Turn autoescaping back on (`autoescape true`)', kind: 'suggestion', edits: [{ start: b.valueStart, end: b.valueStart + 5, newText: 'true' }] };
        ctx.report({ messageId: 'autoescapeOff', data: { names }, start: b.tagStart, end: b.tagEnd, fixes: [fix] });
      }
    },
  },
});
