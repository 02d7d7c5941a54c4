import { jsFlow, jsStringValue, objProp, pyArgs, pyStringValue, pythonFlow } from '../../../server/src/analyzers/flow';
import { lastSegment } from '../../../server/src/analyzers/python/calls';
import { defineRule } from '../../../server/src/engine/rule';

/** `owner/name:0123abcd` (LangChain Hub / LangSmith commit hash, 8+ hex chars). */
const PINNED = /:[0-9a-f]{8,64}$/i;

export default defineRule({
  meta: {
    id: 'unpinned-remote-prompt',
    name: 'UnpinnedRemotePrompt',
    shortDescription: 'A prompt is pulled from a remote hub without pinning a commit or version.',
    fullDescription: 'hub.pull("owner/prompt") and LangSmith pull_prompt fetch the latest commit of a prompt at run time; Langfuse label "latest" follows every new version. Whoever can push to that prompt (the public owner, a teammate, a stolen token) changes the instructions your application runs, without code review or a deploy: a supply-chain path straight into the system prompt.',
    views: ['python', 'js'],
    // pre-filter: the last segment of the call's qualified name, which is always a word of the file (attribute, imported name)
    prefilter: { words: ['pull', 'pull_prompt', 'pull_prompt_commit', 'get_prompt', 'pullPrompt', 'pullPromptCommit', 'getPrompt'] },
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM03', 'LLM01'],
    cwe: [494, 829],
    frameworks: { nistAiRmf: ['MAP 4.1', 'GOVERN 6.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3', 'A.6.2.3'] },
    fix: 'none',
    messages: {
      unpinned: 'Prompt `{{name}}` is pulled without a commit hash, so its latest version runs: anyone who can push to it changes your instructions. Pin it as `{{name}}:<commit>`.',
      latestLabel: 'Langfuse prompt `{{name}}` follows the "latest" label: every new version goes live unreviewed. Pin `version=` or use a reviewed label such as "production".',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/\(\)/g, '');
        const name = lastSegment(q);
        const { positional, keywords } = pyArgs(call);
        const isHub = /^(langchain|langchainhub|langchain_classic)\.hub\.pull$|^langchainhub\.Client\.pull$/.test(q) || (name === 'pull_prompt' || name === 'pull_prompt_commit');
        if (isHub) {
          const arg = positional[0] ?? keywords.get('owner_repo_commit') ?? keywords.get('prompt_identifier');
          const v = pyStringValue(arg);
          if (!arg || v === undefined || PINNED.test(v)) continue;
          ctx.report({ messageId: 'unpinned', data: { name: v }, start: arg.startIndex, end: arg.endIndex });
          continue;
        }
        if (name === 'get_prompt' && fn.type === 'attribute' && /langfuse/i.test(fn.childForFieldName('object')?.text ?? '') || (name === 'get_prompt' && /^langfuse\./.test(q))) {
          const label = keywords.get('label');
          if (keywords.has('version') || pyStringValue(label) !== 'latest') continue;
          const v = pyStringValue(positional[0] ?? keywords.get('name')) ?? '?';
          ctx.report({ messageId: 'latestLabel', data: { name: v }, start: label!.parent!.startIndex, end: label!.parent!.endIndex });
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const q = flow.qualName(call.callee).replace(/\(\)/g, '');
        const name = q.slice(q.lastIndexOf('.') + 1);
        if (/^langchain\/hub(\/node)?\.pull$/.test(q) || name === 'pullPrompt' || name === 'pullPromptCommit') {
          const arg = call.arguments[0];
          const v = jsStringValue(arg);
          if (!arg || v === undefined || PINNED.test(v)) continue;
          ctx.report({ messageId: 'unpinned', data: { name: v }, start: arg.range[0], end: arg.range[1] });
          continue;
        }
        if (name === 'getPrompt' && /langfuse/i.test(q)) {
          const opts = call.arguments[2];
          const label = objProp(opts, 'label');
          if (!label || jsStringValue(label.value) !== 'latest' || call.arguments[1]?.type === 'Literal') continue;
          ctx.report({ messageId: 'latestLabel', data: { name: jsStringValue(call.arguments[0]) ?? '?' }, start: label.range[0], end: label.range[1] });
        }
      }
    },
  },
});
