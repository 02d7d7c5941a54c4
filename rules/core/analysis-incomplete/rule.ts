import { defineRule } from '../../../server/src/engine/rule';

/**
 * Reported by the engine itself (engine/engine.ts): an analyzer or rule could not finish on the file (nesting
 * too deep, a parser's own recursion limit, a rule that failed), so part of the file was not checked. It is a
 * finding, never silence: a scan that could not look at everything must not read as "no findings".
 */
export default defineRule({
  meta: {
    id: 'analysis-incomplete',
    name: 'AnalysisIncomplete',
    shortDescription: 'AISec could not finish analysing this file (nesting too deep, a parser limit or a failing rule); part of it was not checked.',
    fullDescription: 'An analyzer or rule that cannot finish on a file reports it instead of staying silent: a deeply nested expression, a parser that overflows its recursion, or a rule that fails would otherwise hide every finding in the file, and an attacker can use exactly that to hide a torch.load or an eval of model output. The rules that can still run on the rest of the file do; this finding names what was skipped. The CLI fails under --fail-on while any file is incomplete, unless --allow-incomplete is given.',
    views: ['text'],
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM03', 'LLM05'],
    cwe: [1284],
    frameworks: { nistAiRmf: ['MEASURE 2.7'], iso42001: ['A.6.2.4'] },
    fix: 'none',
    messages: { incomplete: 'Analysis incomplete: {{reason}}; {{skipped}} not checked.' },
  },
  check: { text: () => undefined },
});
