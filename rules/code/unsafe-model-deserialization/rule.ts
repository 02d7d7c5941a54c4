import { pyArgs, pyStringValue, pythonFlow } from '../../../server/src/analyzers/flow';
import { pyAfterOptInCheck } from '../../../server/src/analyzers/python/optIn';
import { pyImportedModules } from '../../../server/src/analyzers/python/calls';
import { REMOTE_NAME, pyEnclosingFunction, pyFileHasRemoteSource } from '../../../server/src/analyzers/python/remoteSource';
import { pyLoadsSelfWritten } from '../../../server/src/analyzers/python/selfWritten';
import type { PyNode } from '../../../server/src/analyzers/python/tree';
import { defineRule } from '../../../server/src/engine/rule';

/** Loaders that unpickle (run code from) the file or bytes they are given. */
const PICKLE_LOADERS = new Set([
  'pickle.load', 'pickle.loads', 'pickle.Unpickler', 'cPickle.load', 'cPickle.loads', '_pickle.load', '_pickle.loads',
  'dill.load', 'dill.loads', 'cloudpickle.load', 'cloudpickle.loads', 'joblib.load', 'sklearn.externals.joblib.load',
  'pandas.read_pickle', 'pickle5.load', 'shelve.open', 'skops.io.load',
]);
/**
 * Evidence that a file handles models or ML data: without it, pickle is plain IPC, caching or
 * persistence (Django caches, multiprocessing pipes, CLI state) and bandit B301 is the right tool,
 * not an AI-security rule. Top-level modules of ML / AI frameworks and model hubs:
 */
const ML_MODULES = /^(torch|torchvision|torchaudio|sklearn|joblib|transformers|tensorflow|tf_keras|keras|huggingface_hub|datasets|diffusers|accelerate|peft|timm|fastai|gensim|nltk|spacy|sentence_transformers|xgboost|lightgbm|catboost|onnx|onnxruntime|safetensors|skops|mlflow|jax|flax|langchain|langchain_\w+|llama_index|llama_cpp|openai|anthropic|vllm)$/;
/** ...or names (argument, assigned variable, enclosing function) that say a model or a downloaded artifact is loaded. */
const ML_NAME = /model|checkpoint|ckpt|weights?|\.pkl|\.pickle|\.joblib|estimator|classifier|regressor|pipeline|vectori[sz]er|tokenizer|embedding|download|url|upload|hub|artifact/i;

// Without a remote source (see remoteSource.ts), a load is the library's own persistence API or cache (gensim
// `load(fname)`, sklearn's dataset cache, a checkpoint folder its caller chose), not an attack surface of that code.
/** Methods of the pickle protocol: the object restores its own state, pickled by whoever pickles the object. */
const PICKLE_PROTOCOL = new Set(['__setstate__', '__getstate__', '__reduce__', '__reduce_ex__', '__getnewargs__']);

const enclosingFunction = pyEnclosingFunction;

/** A function whose whole job is loading a model artifact handed to it (`load_model(path)`): the application's model loader. */
const MODEL_LOADER_FN = /^_*(load|read|restore|open|unpickle|deserialize)_?(\w+_)?(model|checkpoint|ckpt|weights|estimator|classifier|regressor|artifact|vectori[sz]er|tokenizer)s?(_\w+)?$/i;

function remoteEvidence(call: PyNode, arg: PyNode | undefined, remoteFile: boolean): boolean {
  if (remoteFile) return true;
  if (arg && REMOTE_NAME.test(arg.text)) return true;
  const fnName = enclosingFunction(call)?.childForFieldName('name')?.text ?? '';
  return REMOTE_NAME.test(fnName) || MODEL_LOADER_FN.test(fnName);
}

/** The path behind a load's argument: `P` of `open(P)`, of `with open(P) as f` + `load(f)`, or the argument itself. */
function loadedPath(arg: PyNode, fn: PyNode | undefined): PyNode | undefined {
  let a = arg;
  if (a.type === 'call' && /(^|\.)open$/.test(a.childForFieldName('function')?.text ?? '')) a = a.childForFieldName('arguments')?.namedChildren[0] ?? a;
  if (a.type === 'identifier' && fn) {
    for (const w of fn.descendantsOfType('with_item')) {
      const v = w.childForFieldName('value');
      if (v?.type === 'as_pattern' && v.namedChildren[1]?.text === a.text && v.namedChildren[0]?.type === 'call') {
        const inner = v.namedChildren[0].childForFieldName('arguments')?.namedChildren[0];
        if (inner) return inner;
      }
    }
  }
  return a.type === 'identifier' ? a : undefined;
}

/**
 * The module's own cache: the path is a local of the function (not a parameter its caller picks) that the same
 * function also writes (`joblib.dump(X, samples_path)`, `os.rename(tmp, samples_path)`, `open(p, "wb")`, handing
 * it to the helper that downloads and stores it), or a local named as a cache (`cache = pickle.loads(...)`).
 */
function ownCache(call: PyNode, arg: PyNode | undefined): boolean {
  const fn = pyEnclosingFunction(call);
  if (!fn || !arg) return false;
  const params = new Set((fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text ?? '')));
  const path = loadedPath(arg, fn);
  if (!path || params.has(path.text)) return false;
  let assigned = '';
  for (let p = call.parent; p && p !== fn; p = p.parent) if (p.type === 'assignment') { assigned = p.childForFieldName('left')?.text ?? ''; break; }
  if (/cache/i.test(path.text) || /^cache\b|_cache\b|\bcache$/i.test(assigned)) return true;
  const name = path.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const writes = new RegExp(`\\b(dump|save|rename|replace|move|copyfile)\\s*\\((?:[^()]|\\([^()]*\\))*\\b${name}\\b|open\\(\\s*${name}\\s*,\\s*["']w|\\w+=\\s*${name}\\b`);
  return writes.test(fn.text.replace(/\s+/g, ' '));
}

function mlEvidence(call: PyNode, arg: PyNode | undefined, mlFile: boolean): boolean {
  if (mlFile) return true;
  if (arg && ML_NAME.test(arg.text)) return true;
  let statement = true;
  for (let p = call.parent; p; p = p.parent) {
    if (statement && p.type === 'assignment' && ML_NAME.test(p.childForFieldName('left')?.text ?? '')) return true;
    if (p.type === 'block') statement = false;
    if (p.type === 'function_definition' && ML_NAME.test(p.childForFieldName('name')?.text ?? '')) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'unsafe-model-deserialization',
    name: 'UnsafeModelDeserialization',
    shortDescription: 'A model or data file is loaded with pickle, which can execute code.',
    fullDescription: 'pickle, cPickle, dill, cloudpickle, joblib.load, pandas.read_pickle and numpy.load(allow_pickle=True) reconstruct objects by calling functions named in the file. A model artifact from a hub, bucket or user upload can therefore run arbitrary code when it is loaded. Use formats that hold only data (safetensors, ONNX, JSON, skops with trusted types) or verify the artifact\'s signature first.',
    views: ['python'],
    // pre-filter: the first segment of a PICKLE_LOADERS or numpy.load qualified name (an import or an identifier of the file; `pd.` is read as pandas)
    prefilter: { words: ['pickle', 'cPickle', '_pickle', 'dill', 'cloudpickle', 'joblib', 'sklearn', 'pandas', 'pd', 'pickle5', 'shelve', 'skops', 'numpy', 'np'] },
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
      if (ctx.path.endsWith('.pyi')) return; // type stubs never run
      // tests and examples unpickle what they (or their suite) wrote: not an attack surface
      if (ctx.role === 'test' || ctx.role === 'example' || ctx.role === 'fixture') return;
      const flow = pythonFlow(ctx.view);
      let mlFile: boolean | undefined;
      let remoteFile: boolean | undefined;
      const qualName = (n: PyNode): string => flow.qualName(n);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/^pd\./, 'pandas.');
        const isPickle = PICKLE_LOADERS.has(q);
        const isNumpy = !isPickle && (q === 'numpy.load' || q === 'np.load');
        if (!isPickle && !isNumpy) continue;
        const { positional, keywords } = pyArgs(call);
        const arg = positional[0] ?? keywords.get('file') ?? keywords.get('filename') ?? keywords.get('filepath_or_buffer') ?? keywords.get('data');
        // the data is this function's own object: pickle.loads(pickle.dumps(x)), torch.save/joblib.dump then load
        if (arg && pyLoadsSelfWritten(call, arg, qualName)) continue;
        // shelve.open(path, "n") always creates a new, empty database: nothing is unpickled from the file
        if (q === 'shelve.open' && pyStringValue(positional[1] ?? keywords.get('flag')) === 'n') continue;
        mlFile ??= pyImportedModules(ctx.view.root).some((m) => ML_MODULES.test(m.split('.')[0]));
        if (!mlEvidence(call, arg, mlFile)) continue;
        if (PICKLE_PROTOCOL.has(enclosingFunction(call)?.childForFieldName('name')?.text ?? '')) continue;
        remoteFile ??= pyFileHasRemoteSource(ctx.view.root);
        // model output is attacker-influenced (prompt injection): a load of what a model call returned is exploitable
        if (!remoteEvidence(call, arg, remoteFile) && !(arg && flow.reaches(arg, 'model'))) continue;
        if (ownCache(call, arg)) continue;
        // `if not allow_dangerous_deserialization: raise ...` before it: the caller's opt-in is reported by langchain-dangerous-option
        if (pyAfterOptInCheck(call)) continue;
        if (isPickle) {
          ctx.report({ messageId: 'pickle', data: { callee: fn.text }, start: fn.startIndex, end: call.endIndex });
        } else {
          const flag = keywords.get('allow_pickle');
          if (flag && flag.type === 'true') ctx.report({ messageId: 'numpy', start: flag.parent?.startIndex ?? flag.startIndex, end: flag.endIndex });
        }
      }
    },
  },
});
