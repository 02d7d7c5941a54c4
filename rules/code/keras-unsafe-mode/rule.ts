import { pyArgs, pyKeywordNode, pythonFlow } from '../../../server/src/analyzers/flow';
import { lastSegment } from '../../../server/src/analyzers/python/calls';
import { defineRule } from '../../../server/src/engine/rule';

/** Keras entry points that deserialize a model or layer config and accept safe_mode. */
const LOADERS = new Set(['load_model', 'model_from_json', 'model_from_config', 'deserialize_keras_object', 'deserialize', 'from_pretrained_keras', 'load_weights', 'from_config']);
const KERAS_MODULE = /^(keras|tf_keras|tensorflow\.keras|tensorflow\.python\.keras|tf\.keras|huggingface_hub)(\.|$)/;

export default defineRule({
  meta: {
    id: 'keras-unsafe-mode',
    name: 'KerasUnsafeMode',
    shortDescription: 'A Keras model is loaded with safe_mode=False (or unsafe deserialization is enabled globally).',
    fullDescription: 'Keras 3 refuses to deserialize Lambda layers and other arbitrary Python code embedded in a .keras model unless safe_mode=False is passed or keras.config.enable_unsafe_deserialization() is called. A model file from a hub, a bucket or a user upload can then run any code when it is loaded (CVE-2024-3660 showed the same class of bug in Keras itself).',
    views: ['python'],
    // pre-filter: the global switch by name, or a safe_mode= keyword
    prefilter: { words: ['enable_unsafe_deserialization', 'safe_mode'] },
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM03'],
    cwe: [502, 94],
    frameworks: { nistAiRmf: ['MAP 4.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3', 'A.7.5'] },
    fix: 'suggestion',
    messages: {
      safeModeOff: '`safe_mode=False` lets `{{callee}}` run Python code embedded in the model file (Lambda layers, custom objects). Keep safe_mode on and register trusted custom objects explicitly.',
      globalUnsafe: '`{{callee}}()` turns off Keras safe mode for every later load in this process. Load trusted models with explicit custom_objects instead.',
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
        if (name === 'enable_unsafe_deserialization' && KERAS_MODULE.test(q)) {
          ctx.report({ messageId: 'globalUnsafe', data: { callee: fn.text }, start: fn.startIndex, end: call.endIndex });
          continue;
        }
        if (!LOADERS.has(name)) continue;
        const value = pyArgs(call).keywords.get('safe_mode');
        if (!value || value.type !== 'false') continue;
        // load_model / model_from_json: only Keras' own; methods (model.load_weights, Model.from_config) by name
        if ((name === 'load_model' || name === 'model_from_json' || name === 'deserialize') && !KERAS_MODULE.test(q) && !/keras/i.test(q)) continue;
        const kw = pyKeywordNode(call, 'safe_mode')!;
        ctx.report({ messageId: 'safeModeOff', data: { callee: fn.text }, start: kw.startIndex, end: kw.endIndex, fixes: [{ title: 'Set safe_mode=True', kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: 'True' }] }] });
      }
    },
  },
});
