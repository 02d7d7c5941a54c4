import { defineRule } from '../../../server/src/engine/rule';
import { isUntrustedVariableName } from '../../../server/src/analyzers/prompt';

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
      for (const v of ctx.view.variables) {
        if (v.role !== 'system' && v.role !== 'developer') continue;
        if (!isUntrustedVariableName(v.name)) continue;
        ctx.report({ messageId: 'variable', data: { name: v.name, role: v.role }, start: v.start, end: v.end });
      }
    },
  },
});
