import { pyArgs, pythonFlow } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

/** Loaders that unpickle (run code from) the file or bytes they are given. */
const PICKLE_LOADERS = new Set([
  'pickle.load', 'pickle.loads', 'pickle.Unpickler', 'cPickle.load', 'cPickle.loads', '_pickle.load', '_pickle.loads',
  'dill.load', 'dill.loads', 'cloudpickle.load', 'cloudpickle.loads', 'joblib.load', 'sklearn.externals.joblib.load',
  'pandas.read_pickle', 'pickle5.load', 'shelve.open', 'skops.io.load',
]);

export default defineRule({
  meta: {
    id: 'unsafe-model-deserialization',
    name: 'UnsafeModelDeserialization',
    shortDescription: 'A model or data file is loaded with pickle, which can execute code.',
    fullDescription: 'pickle, cPickle, dill, cloudpickle, joblib.load, pandas.read_pickle and numpy.load(allow_pickle=True) reconstruct objects by calling functions named in the file. A model artifact from a hub, bucket or user upload can therefore run arbitrary code when it is loaded. Use formats that hold only data (safetensors, ONNX, JSON, skops with trusted types) or verify the artifact\'s signature first.',
    views: ['python'],
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM03', 'LLM04'],
    cwe: [502],
    frameworks: { nistAiRmf: ['MAP 4.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3', 'A.7.5'] },
    fix: 'none',
    messages: {
      pickle: '`{{callee}}` unpickles its input: a tampered model file runs arbitrary code when loaded. Use safetensors/ONNX or verify the file\'s hash or signature first.',
      numpy: '`numpy.load(..., allow_pickle=True)` unpickles object arrays: a tampered file runs arbitrary code. Keep allow_pickle=False and store plain arrays.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/^pd\./, 'pandas.');
        if (PICKLE_LOADERS.has(q)) {
          ctx.report({ messageId: 'pickle', data: { callee: fn.text }, start: fn.startIndex, end: call.endIndex });
        } else if (q === 'numpy.load' || q === 'np.load') {
          const flag = pyArgs(call).keywords.get('allow_pickle');
          if (flag && flag.type === 'true') ctx.report({ messageId: 'numpy', start: flag.parent?.startIndex ?? flag.startIndex, end: flag.endIndex });
        }
      }
    },
  },
});
