import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { kids, pyArgs, pyStringValue, pythonFlow } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const COMMIT_SHA = /^[0-9a-f]{40}$/;
const FILE_LIKE = /\.(pt|pth|bin|ckpt|safetensors|onnx|gguf|json|pkl|h5|joblib|zip|tar|gz)$/i;
/** Loaders whose first argument (or repo_id / model) names a hub repository. */
const HUB_DOWNLOADS = new Set(['huggingface_hub.hf_hub_download', 'huggingface_hub.snapshot_download', 'hf_hub_download', 'snapshot_download', 'datasets.load_dataset', 'sentence_transformers.SentenceTransformer', 'transformers.pipeline', 'pipeline']);

export default defineRule({
  meta: {
    id: 'unpinned-model-revision',
    name: 'UnpinnedModelRevision',
    shortDescription: 'A Hugging Face model is downloaded without pinning revision to a commit.',
    fullDescription: 'Hub repositories are mutable: without revision=<commit sha>, from_pretrained, pipeline, hf_hub_download and snapshot_download fetch whatever the branch points to today. A compromised or careless push changes the weights, tokenizer or remote code you run, silently and without review. Branch and tag names ("main", "v1") are mutable too; only a 40-character commit sha pins the content.',
    views: ['python'],
    severity: 'info',
    confidence: 'medium',
    owasp: ['LLM03', 'LLM04'],
    cwe: [494, 829],
    frameworks: { nistAiRmf: ['MAP 4.1', 'GOVERN 6.1', 'MANAGE 3.1'], euAiAct: ['Art. 15', 'Art. 12'], iso42001: ['A.10.3', 'A.7.5'] },
    fix: 'none',
    messages: {
      missing: 'Model `{{id}}` is downloaded without `revision=`: a later push to the repository changes what you run. Pin `revision` to a commit sha.',
      mutable: '`revision="{{rev}}"` is a branch or tag and can move. Pin model `{{id}}` to a 40-character commit sha.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      // module-level constants, to resolve MODEL_ID = "org/name"
      const constants = new Map<string, string>();
      for (const s of kids(ctx.view.root)) {
        const a = s.type === 'expression_statement' ? kids(s)[0] : undefined;
        if (a?.type !== 'assignment') continue;
        const left = a.childForFieldName('left');
        const v = pyStringValue(a.childForFieldName('right'));
        if (left?.type === 'identifier' && v !== undefined) constants.set(left.text, v);
      }
      const resolve = (n: Node | undefined): string | undefined => (n ? pyStringValue(n) ?? (n.type === 'identifier' ? constants.get(n.text) : undefined) : undefined);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        let idNode: Node | undefined;
        if (/\.from_pretrained$/.test(q)) idNode = positional[0] ?? keywords.get('pretrained_model_name_or_path');
        else if (HUB_DOWNLOADS.has(q)) {
          idNode = /pipeline$/.test(q) ? keywords.get('model') : positional[0] ?? keywords.get('repo_id') ?? keywords.get('path') ?? keywords.get('model_name_or_path');
        } else continue;
        if (keywords.has('local_files_only') && keywords.get('local_files_only')?.type === 'true') continue;
        if (/pipeline$/.test(q) && !idNode) continue;
        const id = resolve(idNode);
        if (!idNode || id === undefined || !HUB_ID.test(id) || FILE_LIKE.test(id)) continue;
        const rev = keywords.get('revision');
        if (!rev) {
          ctx.report({ messageId: 'missing', data: { id }, start: idNode.startIndex, end: idNode.endIndex });
          continue;
        }
        const revValue = resolve(rev);
        if (revValue !== undefined && !COMMIT_SHA.test(revValue)) ctx.report({ messageId: 'mutable', data: { id, rev: revValue }, start: rev.startIndex, end: rev.endIndex });
      }
    },
  },
});
