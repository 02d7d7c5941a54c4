/** Which secure snippet the quick-fix menu offers next to which finding (no vscode import: unit-tested). */

export interface SnippetRef {
  /** File under snippets/. */
  file: string;
  /** The snippet's key in that file. */
  name: string;
  /** Short label for the code action. */
  label: string;
}

const MODEL_CALL = 'AISec: model call with a timeout, a token limit and validated output';
const TOOL = 'AISec: tool definition with a strict schema and an allow-list';
const PROMPT = 'AISec: prompt template with delimited user input';

const PY: Record<string, SnippetRef> = {};
const TS: Record<string, SnippetRef> = {};
function map(table: Record<string, SnippetRef>, file: string, name: string, label: string, rules: string[]): void {
  for (const r of rules) table[r] = { file, name, label };
}
map(PY, 'python.code-snippets', MODEL_CALL, 'model call with a timeout, a token limit and validated output', ['llm-call-without-token-limit', 'request-controlled-generation-limit', 'llm-output-code-execution', 'llm-output-unsafe-deserialization', 'unvalidated-model-output-dispatch', 'hardcoded-ai-provider-key']);
map(PY, 'python.code-snippets', TOOL, 'tool definition with a strict schema and an allow-list', ['tool-schema-allows-additional-properties', 'tool-schema-free-form-dangerous-parameter', 'tool-argument-path-traversal', 'tool-argument-ssrf', 'tool-argument-option-injection']);
map(PY, 'python.code-snippets', PROMPT, 'prompt template with delimited user input', ['untrusted-input-in-system-prompt', 'prompt-injection-untrusted-input', 'secret-in-system-prompt']);
map(PY, 'python.code-snippets', 'AISec: load a PyTorch checkpoint safely', 'safe PyTorch checkpoint load', ['torch-load-unsafe', 'unsafe-model-deserialization']);
map(PY, 'python.code-snippets', 'AISec: Hugging Face model pinned to a commit', 'Hugging Face model pinned to a commit', ['unpinned-model-revision', 'trust-remote-code-enabled']);
map(TS, 'typescript.code-snippets', MODEL_CALL, 'model call with a timeout, a token limit and validated output', ['llm-call-without-token-limit', 'request-controlled-generation-limit', 'llm-output-code-execution', 'llm-output-unsafe-deserialization', 'unvalidated-model-output-dispatch', 'hardcoded-ai-provider-key']);
map(TS, 'typescript.code-snippets', TOOL, 'tool definition with a strict schema and an allow-list', ['tool-schema-allows-additional-properties', 'tool-schema-free-form-dangerous-parameter', 'tool-argument-path-traversal', 'tool-argument-ssrf', 'tool-argument-option-injection']);
map(TS, 'typescript.code-snippets', PROMPT, 'prompt template with delimited user input', ['untrusted-input-in-system-prompt', 'prompt-injection-untrusted-input', 'secret-in-system-prompt']);
map(TS, 'typescript.code-snippets', 'AISec: Hugging Face model pinned to a commit (transformers.js)', 'Hugging Face model pinned to a commit', ['unpinned-model-revision']);

export const SNIPPETS_BY_LANGUAGE: Record<string, Record<string, SnippetRef>> = { python: PY, typescript: TS, typescriptreact: TS, javascript: {}, javascriptreact: {} };

export function snippetFor(languageId: string, ruleId: string): SnippetRef | undefined {
  return SNIPPETS_BY_LANGUAGE[languageId]?.[ruleId];
}

/** The line a snippet goes above: the start of the top-level statement that holds `line` (lines of the document). */
export function topLevelLine(lines: readonly string[], line: number): number {
  for (let l = Math.min(line, lines.length - 1); l >= 0; l--) {
    const t = lines[l];
    if (t.trim() && !/^\s/.test(t) && !/^[)\]}]/.test(t)) {
      // decorators belong to the definition below them
      let d = l;
      while (d > 0 && /^@/.test(lines[d - 1])) d--;
      return d;
    }
  }
  return 0;
}
