/**
 * Guided fixes (issue 9, item 7): fixes whose text holds a value only the user knows (the environment
 * variable that holds a key, the name of a VS Code input, a commit sha). For a client that says it can
 * prompt (initializationOptions.guidedFixes, our VS Code client), the code action becomes a command that
 * asks for the value in an input box, prefilled with the rule's suggestion; every other client keeps the
 * plain edit with the suggested value (or placeholder) as before.
 */
import type { DiagnosticData, GuidedAsk } from '../protocol';

type WireFix = DiagnosticData['fixes'][number];
type WireRange = WireFix['edits'][number]['range'];

const IDENT = '^[A-Za-z_][A-Za-z0-9_]*$';
const ASKS: { ruleId: string; find: RegExp; ask: Omit<GuidedAsk, 'value'> }[] = [
  {
    ruleId: 'hardcoded-ai-provider-key',
    find: /os\.environ\["([A-Za-z_][A-Za-z0-9_]*)"\]|process\.env\.([A-Za-z_][A-Za-z0-9_]*)/,
    ask: { title: 'Environment variable that holds the key', prompt: 'Name of the environment variable the key is read from (set it in your shell, .env file or secret manager; then revoke the leaked key).', pattern: IDENT, patternMessage: 'Letters, digits and _ only, not starting with a digit.' },
  },
  {
    ruleId: 'secret-in-prompt-template',
    find: /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/,
    ask: { title: 'Environment variable for the secret', prompt: 'Name of the environment variable the template reads the secret from.', pattern: IDENT, patternMessage: 'Letters, digits and _ only, not starting with a digit.' },
  },
  {
    ruleId: 'mcp-secret-in-config',
    find: /\$\{input:([A-Za-z0-9_.-]+)\}/,
    ask: { title: 'Name of the VS Code input', prompt: 'VS Code asks for this input once when the server starts and keeps the value in its secret storage.', pattern: '^[A-Za-z0-9_.-]+$', patternMessage: 'Letters, digits, ".", "_" and "-" only.' },
  },
];

/** The value a fix of this rule should ask for, or undefined when the fix needs none. */
export function guidedAskOf(ruleId: string, fix: WireFix): GuidedAsk | undefined {
  const spec = ASKS.find((a) => a.ruleId === ruleId);
  if (!spec) return undefined;
  for (const e of fix.edits) {
    const m = spec.find.exec(e.newText);
    const value = m?.slice(1).find((g) => g !== undefined);
    if (value) return { value, ...spec.ask };
  }
  return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fix's edits with every whole occurrence of the suggested value replaced by the user's answer. */
export function fillGuidedValue<E extends { newText: string }>(edits: E[], ask: GuidedAsk, answer: string): E[] {
  const re = new RegExp(`(?<![A-Za-z0-9_.-])${escape(ask.value)}(?![A-Za-z0-9_-])`, 'g');
  return edits.map((e) => ({ ...e, newText: e.newText.replace(re, () => answer) }));
}

export const REVISION_PLACEHOLDER = '<commit sha>';
const SHA_ASK: Omit<GuidedAsk, 'value'> = {
  title: 'Commit sha to pin the model to',
  prompt: 'The 40-character commit sha of the reviewed model revision (the "Files and versions" > "History" tab of the model page, or `git ls-remote`).',
  pattern: '^[0-9a-f]{40}$',
  patternMessage: 'A full 40-character lowercase hexadecimal commit sha.',
  emptyValue: true,
};

/** Offset of the `)` closing the call whose argument ends at `from`, skipping nested brackets and strings. */
function closingParen(text: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? text.indexOf(c.repeat(3), i + 3) : text.indexOf(c, i + 1);
      if (close < 0) return undefined;
      i = close + (triple ? 2 : 0);
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return undefined;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/**
 * A guided "Pin to a commit sha" fix for unpinned-model-revision in Python (the rule itself offers no fix:
 * the sha is not something a tool can guess): adds `revision="<commit sha>"` to the call, or replaces a
 * branch/tag revision. Offsets in, offsets out; the caller turns them into ranges.
 */
export function pinRevisionEdit(text: string, message: string, start: number, end: number): { start: number; end: number; newText: string } | undefined {
  if (/^`revision="/.test(message)) return { start, end, newText: `"${REVISION_PLACEHOLDER}"` };
  if (!/without `revision=`/.test(message)) return undefined;
  const close = closingParen(text, end);
  if (close === undefined) return undefined;
  let before = close - 1;
  while (before >= end && /\s/.test(text[before])) before--;
  if (text[before] === '(') return undefined;
  if (text[before] === ',') return { start: before + 1, end: before + 1, newText: ` revision="${REVISION_PLACEHOLDER}",` };
  return { start: before + 1, end: before + 1, newText: `, revision="${REVISION_PLACEHOLDER}"` };
}

export function pinRevisionAsk(): GuidedAsk {
  return { value: REVISION_PLACEHOLDER, ...SHA_ASK };
}

export type { WireRange };
