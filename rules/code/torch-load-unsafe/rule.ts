import { kids, pyAddKeywordEdit, pyArgs, pyKeywordNode, pythonFlow } from '../../../server/src/analyzers/flow';
import { REMOTE_NAME, pyEnclosingFunction, pyFileHasRemoteSource } from '../../../server/src/analyzers/python/remoteSource';
import { pyLoadsSelfWritten } from '../../../server/src/analyzers/python/selfWritten';
import type { PyNode } from '../../../server/src/analyzers/python/tree';
import { defineRule } from '../../../server/src/engine/rule';

const TORCH_LOAD = new Set(['torch.load', 'torch.serialization.load']);

/**
 * A module of PyTorch itself (`torch/storage.py`, `torch/utils/data/...`): its loads implement the library's
 * persistence protocol (Storage pickling, DataPipe decoders, distributed checkpoint readers) for bytes its
 * caller chose. There, report only a load of bytes from a remote source (torch.hub's load_state_dict_from_url).
 */
function insideTorch(path: string): boolean {
  return path.replace(/\\/g, '/').split('/').slice(0, -1).includes('torch');
}

/**
 * `try: torch.load(f, weights_only=True) except TypeError: torch.load(f)`: the fallback runs only on a PyTorch
 * too old to know the argument (before 1.13), where nothing safer exists; every current release takes the
 * restricted primary load.
 */
function isOldTorchFallback(call: PyNode, q: string, qualName: (n: PyNode) => string): boolean {
  for (let p = call.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
    if (p.type !== 'except_clause') continue;
    const caught = kids(p).find((c) => c.type !== 'block' && c.type !== 'comment');
    if (!caught || !/(^|[\s(,])TypeError([\s),]|$)/.test(caught.text)) return false;
    const body = p.parent?.type === 'try_statement' ? p.parent.childForFieldName('body') : null;
    return !!body && body.descendantsOfType('call').some((c) => {
      const f = c.childForFieldName('function');
      if (!f || qualName(f) !== q) return false;
      const w = pyKeywordNode(c, 'weights_only')?.childForFieldName('value');
      return !!w && w.type !== 'false';
    });
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'torch-load-unsafe',
    name: 'TorchLoadUnsafe',
    shortDescription: 'torch.load without weights_only=True unpickles arbitrary objects.',
    fullDescription: 'torch.load uses pickle. A checkpoint downloaded from a model hub, a shared drive or a user upload can run any Python code the moment it is loaded unless weights_only=True restricts unpickling to tensors and primitive types. PyTorch 2.6 made weights_only=True the default; code that passes weights_only=False, or runs on older versions without the argument, stays exposed.',
    views: ['python'],
    // pre-filter: TORCH_LOAD: a qualified name under `torch` (import or identifier)
    prefilter: { words: ['torch'] },
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM03', 'LLM04'],
    cwe: [502],
    frameworks: { nistAiRmf: ['MAP 4.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3', 'A.7.5'] },
    fix: 'suggestion',
    messages: {
      missing: '`{{callee}}` without `weights_only=True` can execute code embedded in the checkpoint. Pass `weights_only=True` (or load safetensors).',
      disabled: '`weights_only=False` lets this checkpoint execute arbitrary code when loaded. Use `weights_only=True` (or load safetensors).',
    },
  },
  check: {
    python(ctx) {
      if (ctx.path.endsWith('.pyi')) return; // type stubs never run
      const flow = pythonFlow(ctx.view);
      const qualName = (n: PyNode): string => flow.qualName(n);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        if (!TORCH_LOAD.has(q)) continue;
        // torch.save(m, buf); buf.seek(0); torch.load(buf): the function reloads its own object
        const arg = pyArgs(call).positional[0] ?? pyArgs(call).keywords.get('f');
        if (arg && pyLoadsSelfWritten(call, arg, qualName)) continue;
        if (insideTorch(ctx.path) && !pyFileHasRemoteSource(ctx.view.root) && !(arg && REMOTE_NAME.test(arg.text)) && !REMOTE_NAME.test(pyEnclosingFunction(call)?.childForFieldName('name')?.text ?? '')) continue;
        const kw = pyKeywordNode(call, 'weights_only');
        if (!kw && isOldTorchFallback(call, q, qualName)) continue;
        if (!kw) {
          const args = call.childForFieldName('arguments');
          if (args && kids(args).some((a) => a.type === 'dictionary_splat')) continue; // **kwargs may carry it
          const edit = pyAddKeywordEdit(ctx.view.text, call, 'weights_only=True');
          ctx.report({ messageId: 'missing', data: { callee: fn.text }, start: fn.startIndex, end: call.endIndex, fixes: edit ? [{ title: 'Add weights_only=True', kind: 'suggestion', edits: [edit] }] : [] });
          continue;
        }
        const value = kw.childForFieldName('value');
        if (value && value.type === 'false') {
          ctx.report({ messageId: 'disabled', start: kw.startIndex, end: kw.endIndex, fixes: [{ title: 'Set weights_only=True', kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: 'True' }] }] });
        }
      }
    },
  },
});
