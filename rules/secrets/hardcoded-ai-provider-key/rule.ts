import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';
import { findProviderKeys, redactKey } from '../../../server/src/analyzers/prompt/secretPatterns';

/** Where `import os` can go in a Python file: after a shebang / encoding line, a docstring and `from __future__` imports. */
function pythonImportOffset(text: string): number {
  let offset = 0;
  const lines = text.split('\n');
  let i = 0;
  let pos = 0;
  const advance = (): void => { pos += lines[i].length + 1; i++; };
  while (i < lines.length && /^#/.test(lines[i])) { advance(); offset = pos; }
  const doc = /^[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (doc) {
    const close = text.indexOf(doc[1], pos + doc[0].length);
    if (close < 0) return offset;
    const eol = text.indexOf('\n', close);
    offset = eol < 0 ? text.length : eol + 1;
    while (i < lines.length && pos < offset) advance();
  }
  for (let j = i; j < lines.length && j < i + 200; j++) {
    if (/^from __future__ import /.test(lines[j])) {
      let p = 0;
      for (let k = 0; k <= j; k++) p += lines[k].length + 1;
      offset = Math.min(p, text.length);
    }
  }
  return offset;
}

/**
 * A comment that says the key next to it is not a secret: a sandbox or CI-only token, a revoked or fake one. Only
 * believed outside product code (tests, fixtures, examples), where shared test credentials are a deliberate practice.
 */
const NOT_SECRET_NOTE = /\b(not (a )?(real|secret|critical|sensitive|valid|live)\b|non-?secret|(only )?(usable|valid|works) (only )?(on|in|with|against) (the |a |our )?(sandbox|staging|ci|test|local)|sandbox(ed)? (ci|instance|account|user|env)|ci[- ]only|revoked|deactivated|fake (key|token)|dummy (key|token)|public (test|ci) (key|token))/i;

/** The comment text on the key's line and on the comment lines directly above it (at most three). */
function nearbyComments(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const out: string[] = [];
  const trailing = /(#|\/\/)(.*)$/.exec(line.slice(offset - lineStart));
  if (trailing) out.push(trailing[2]);
  let end = lineStart - 1;
  for (let i = 0; i < 3 && end > 0; i++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const above = text.slice(start, end).trim();
    if (!/^(#|\/\/|\*|\/\*)/.test(above)) break;
    out.push(above);
    end = start - 1;
  }
  return out.join(' ');
}

export default defineRule({
  meta: {
    id: 'hardcoded-ai-provider-key',
    name: 'HardcodedAiProviderKey',
    shortDescription: 'An AI provider API key (OpenAI, Anthropic, Hugging Face, Gemini, Groq, OpenRouter...) is written in the file.',
    fullDescription: 'A provider API key in source code, a prompt file or an MCP configuration is readable by everyone with access to the repository, its history, the built package and any agent that reads the workspace. Leaked AI keys are scraped within minutes and used to run up bills, read fine-tuning data or impersonate the application. Keys belong in environment variables or a secret manager, and a leaked key must be revoked.',
    views: ['text'],
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM02'],
    cwe: [798],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      key: '{{provider}} API key {{redacted}} is hardcoded: revoke it and read it from the environment ({{envVar}}) or a secret manager.',
    },
    tags: ['secrets'],
  },
  check: {
    text(ctx) {
      const { text } = ctx.view;
      const isPython = ctx.kind === 'python';
      const isJs = ctx.kind === 'javascript' || ctx.kind === 'typescript';
      // does the file import os already (asked only when a Python fix is built)
      let importAdded: boolean | undefined;
      for (const k of findProviderKeys(text)) {
        if (ctx.role !== 'product' && NOT_SECRET_NOTE.test(nearbyComments(text, k.start))) continue;
        const fixes: Fix[] = [];
        const q = text[k.start - 1];
        const wholeLiteral = (q === '"' || q === "'" || (q === '`' && isJs)) && text[k.end] === q;
        if (wholeLiteral && (isPython || isJs)) {
          const start = k.start - 1;
          const end = k.end + 1;
          if (isPython) {
            const edits = [{ start, end, newText: `os.environ["${k.envVar}"]` }];
            importAdded ??= /^\s*(import os\b|from os import)/m.test(text);
            if (!importAdded) {
              const at = pythonImportOffset(text);
              edits.unshift({ start: at, end: at, newText: 'import os\n' });
              importAdded = true;
            }
            fixes.push({ title: `Read the key from os.environ["${k.envVar}"]`, kind: 'suggestion', edits });
          } else {
            fixes.push({ title: `Read the key from process.env.${k.envVar}`, kind: 'suggestion', edits: [{ start, end, newText: `process.env.${k.envVar}` }] });
          }
        }
        ctx.report({ messageId: 'key', data: { provider: k.provider, redacted: redactKey(k.key, k.prefixLength), envVar: k.envVar }, start: k.start, end: k.end, fixes });
      }
    },
  },
});
