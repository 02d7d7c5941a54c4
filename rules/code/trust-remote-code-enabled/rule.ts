import { kids, pyKeywordNode, pyStringValue, pythonFlow } from '../../../server/src/analyzers/flow';
import type { PyNode } from '../../../server/src/analyzers/python/tree';

const COMMIT_SHA = /^[0-9a-f]{40}$/;
import { defineRule } from '../../../server/src/engine/rule';

export default defineRule({
  meta: {
    id: 'trust-remote-code-enabled',
    name: 'TrustRemoteCodeEnabled',
    shortDescription: 'trust_remote_code=True runs Python code shipped with a hub model or dataset.',
    fullDescription: 'With trust_remote_code=True, transformers, sentence-transformers and datasets download and execute the modeling or loading script stored in the hub repository. Whoever controls that repository (or a later commit to it) runs code in your process. Prefer architectures supported natively, or review the code and pin the repository to a commit.',
    views: ['python'],
    // pre-filter: the keyword argument
    prefilter: { words: ['trust_remote_code'] },
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM03'],
    cwe: [94, 829],
    frameworks: { nistAiRmf: ['MAP 4.1', 'GOVERN 6.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3'] },
    fix: 'suggestion',
    messages: {
      enabled: '`trust_remote_code=True` executes code from the hub repository in this process. Use a natively supported model, or review the code and pin `revision` to a commit.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const constants = moduleStrings(ctx.view.root);
      for (const call of flow.calls) {
        const kw = pyKeywordNode(call, 'trust_remote_code');
        const value = kw?.childForFieldName('value');
        if (!kw || !value || value.type !== 'true') continue;
        // pinned to a commit: the code that runs is the code someone reviewed, and a later push cannot change it
        const rev = pyKeywordNode(call, 'revision')?.childForFieldName('value');
        const revText = rev ? pyStringValue(rev) ?? (rev.type === 'identifier' ? constants.get(rev.text) : undefined) : undefined;
        if (revText !== undefined && COMMIT_SHA.test(revText)) continue;
        ctx.report({ start: kw.startIndex, end: kw.endIndex, fixes: [{ title: 'Set trust_remote_code=False', kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: 'False' }] }] });
      }
    },
  },
});

/** `NAME = "literal"` assignments at module level. */
function moduleStrings(root: PyNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const st of kids(root)) {
    const a = st.type === 'expression_statement' ? kids(st)[0] : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const v = a ? pyStringValue(a.childForFieldName('right')) : undefined;
    if (left?.type === 'identifier' && v !== undefined) out.set(left.text, v);
  }
  return out;
}
