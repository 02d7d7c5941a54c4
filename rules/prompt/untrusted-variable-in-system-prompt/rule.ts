import { defineRule } from '../../../server/src/engine/rule';
import { isUntrustedVariableName } from '../../../server/src/analyzers/prompt';
import { chatTemplateMessageNames, rendersMessageText } from '../../../server/src/analyzers/prompt/chatTemplate';

/** Filters that HTML/XML-escape the value, so it cannot write the closing delimiter tag itself. */
const ESCAPING_FILTER = /^(?:e|escape|forceescape|tojson|xml_escape|html_escape)$/i;

/**
 * `<tag>{{ value | e }}</tag>`: the value is fenced by a named tag pair and escaped, so it cannot close
 * the tag and its text stays marked as data. Delimiting alone is not enough (the value could contain
 * `</tag>`), and escaping alone leaves it mixed into the instructions.
 */
function delimitedAndEscaped(text: string, v: { start: number; end: number; filters: string[] }): boolean {
  if (!v.filters.some((f) => ESCAPING_FILTER.test(f))) return false;
  const before = /<([A-Za-z_][\w.:-]{0,40})(?:\s[^<>]{0,200})?>\s*$/.exec(text.slice(Math.max(0, v.start - 300), v.start));
  if (!before) return false;
  const after = /^\s*<\/([A-Za-z_][\w.:-]{0,40})\s*>/.exec(text.slice(v.end, v.end + 300));
  return !!after && after[1] === before[1];
}

/** The expression inside `{{- ... -}}`. */
function placeholderExpression(text: string, v: { start: number; end: number }): string {
  return text.slice(v.start, v.end).replace(/^\{\{\{?[-+~]?/, '').replace(/[-+~]?\}\}\}?$/, '');
}

export default defineRule({
  meta: {
    id: 'untrusted-variable-in-system-prompt',
    name: 'UntrustedVariableInSystemPrompt',
    shortDescription: 'A template variable carrying user or external content (user_input, query, documents, email...) is inserted into the system or developer prompt.',
    fullDescription: 'The system and developer messages hold the instructions the model ranks highest. Inserting user-typed text, retrieved documents, web pages or emails there lets whoever controls that content rewrite the instructions: "ignore the rules above" arrives with system-level authority. Untrusted content belongs in the user message, clearly delimited, while the system prompt stays constant or only holds trusted configuration.',
    views: ['prompt'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM01', 'LLM07'],
    cwe: [1427],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 1.3'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.7.4'] },
    fix: 'none',
    messages: {
      variable: 'Variable "{{name}}" looks like user or external content and is inserted into the {{role}} prompt: move it to the user message and keep the {{role}} prompt fixed.',
    },
  },
  check: {
    prompt(ctx) {
      let messageNames: Set<string> | undefined | null = null;
      for (const v of ctx.view.variables) {
        if (v.role !== 'system' && v.role !== 'developer') continue;
        if (!isUntrustedVariableName(v.name)) continue;
        if (delimitedAndEscaped(ctx.view.text, v)) continue;
        // a model chat template renders each of the caller's messages under its own role tokens
        if (v.syntax === 'jinja') {
          if (messageNames === null) messageNames = chatTemplateMessageNames(ctx.view.text);
          if (messageNames && rendersMessageText(placeholderExpression(ctx.view.text, v), messageNames, isUntrustedVariableName)) continue;
        }
        ctx.report({ messageId: 'variable', data: { name: v.name, role: v.role }, start: v.start, end: v.end });
      }
    },
  },
});
