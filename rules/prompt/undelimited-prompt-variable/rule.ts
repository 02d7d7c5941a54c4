import { defineRule } from '../../../server/src/engine/rule';
import { isUntrustedVariableName } from '../../../server/src/analyzers/prompt';

/** Template statements and whitespace that may sit between a delimiter and the placeholder. */
const FILLER_BEFORE = /(?:\s+|\{%-?[^%]{0,200}-?%\}|\{\{[#^][^}]{0,200}\}\}|\{#[^#]{0,200}#\}|\{\{!(?:--)?[^}]{0,200}\}\})$/;
const FILLER_AFTER = /^(?:\s+|\{%-?[^%]{0,200}-?%\}|\{\{\/[^}]{0,200}\}\}|\{#[^#]{0,200}#\})/;

const OPEN_DELIMITER = /(?:<[A-Za-z_][\w.:-]{0,40}(?:\s[^<>]{0,200})?>|"""|'''|```[\w-]{0,20}|~~~[\w-]{0,20}|["'“‘`«\[]|-{3,}|={3,}|#{3,}|\*{3,})$/;
const CLOSE_DELIMITER = /^(?:<\/[A-Za-z_][\w.:-]{0,40}>|"""|'''|```|~~~|["'”’`»\]]|-{3,}|={3,}|#{3,}|\*{3,})/;

function strip(text: string, re: RegExp, fromEnd: boolean): string {
  let s = text;
  for (let i = 0; i < 20; i++) {
    const m = re.exec(s);
    if (!m || m[0].length === 0) break;
    s = fromEnd ? s.slice(0, s.length - m[0].length) : s.slice(m[0].length);
  }
  return s;
}

export default defineRule({
  meta: {
    id: 'undelimited-prompt-variable',
    name: 'UndelimitedPromptVariable',
    shortDescription: 'User-controlled content is inserted into a prompt without delimiters that separate data from instructions.',
    fullDescription: 'When a template pastes user text, documents or search results straight into the message, the model cannot tell where the instructions end and the data begins, so instructions hidden in the data are followed more readily. Wrapping untrusted content in explicit delimiters (XML-style tags, fenced blocks) and telling the model to treat it as data is a cheap, recommended layer of defence; it is not sufficient on its own.',
    views: ['prompt'],
    severity: 'info',
    practice: true,
    confidence: 'low',
    optIn: true,
    owasp: ['LLM01'],
    cwe: [1427],
    frameworks: { nistAiRmf: ['MEASURE 2.7'], iso42001: ['A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      variable: 'Untrusted "{{name}}" is inserted without delimiters: wrap it, e.g. <user_input>…</user_input>, so the model can tell data from instructions.',
    },
  },
  check: {
    prompt(ctx) {
      const { text } = ctx.view;
      for (const v of ctx.view.variables) {
        if (v.role !== 'user') continue;
        if (!isUntrustedVariableName(v.name)) continue;
        const before = strip(text.slice(Math.max(0, v.start - 400), v.start), FILLER_BEFORE, true);
        const after = strip(text.slice(v.end, v.end + 400), FILLER_AFTER, false);
        if (OPEN_DELIMITER.test(before) && CLOSE_DELIMITER.test(after)) continue;
        ctx.report({
          messageId: 'variable',
          data: { name: v.name },
          start: v.start,
          end: v.end,
          fixes: [{ title: 'Wrap the variable in <user_input> tags', kind: 'suggestion', edits: [{ start: v.start, end: v.start, newText: '<user_input>' }, { start: v.end, end: v.end, newText: '</user_input>' }] }],
        });
      }
    },
  },
});
