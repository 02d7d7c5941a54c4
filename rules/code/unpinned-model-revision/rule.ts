import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { jsChildren, jsFlow, jsStringValue, kids, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const COMMIT_SHA = /^[0-9a-f]{40}$/;
const FILE_LIKE = /\.(pt|pth|bin|ckpt|safetensors|onnx|gguf|json|pkl|h5|joblib|zip|tar|gz)$/i;
/** Hub clients whose first argument (or repo_id) names a repository; also as methods of an `HfApi()`. */
const HUB_FUNCTIONS = /^(huggingface_hub\.(\w+\.)*)?(hf_hub_download|snapshot_download|hf_hub_url)$|(^|\.)(HfApi\(\)|api|hf_api|hub_api)\.(hf_hub_download|snapshot_download)$/;
/** Loaders whose first argument names a model or dataset repository. */
const HUB_LOADERS = /^(datasets\.load_dataset|sentence_transformers\.(\w+\.)*(SentenceTransformer|CrossEncoder|SparseEncoder)|load_dataset|SentenceTransformer|CrossEncoder)$/;
const PIPELINE = /^(transformers\.)?pipeline$/;
/** `from_pretrained` receivers that fetch only data files (vocabulary, JSON configs, preprocessing settings). */
const DATA_ONLY_CLASS = /(^|\.)\w*(Tokenizer|TokenizerFast|Config|FeatureExtractor|ImageProcessor|ImageProcessorFast|VideoProcessor|Processor)$/;
/** `timm.create_model("hf-hub:org/name")`, open_clip factories: the revision goes after `@` in the id. */
const HF_HUB_PREFIX_LOADERS = /^(timm\.(\w+\.)*create_model|open_clip\.(\w+\.)*(create_model|create_model_and_transforms|create_model_from_pretrained|get_tokenizer))$/;
/** JS: transformers.js and @huggingface/hub. */
const JS_TRANSFORMERS = /^(@huggingface\/transformers|@xenova\/transformers)\./;
const JS_HUB_DOWNLOADS = /^@huggingface\/hub\.(downloadFile|downloadFileToCacheDir|snapshotDownload|listFiles)$/;

/** The innermost function definition (or class) containing `n`. */
function enclosing(n: Node, type: string): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}

/**
 * The string a Python expression holds, when the file says so: a literal, a module or function-level
 * constant assigned before use, the default of a parameter of the enclosing function (a library helper with
 * a default model id), or `self.x` set from such a value or a class attribute.
 */
function pyResolver(root: Node) {
  const constants = new Map<string, string>();
  for (const s of kids(root)) {
    const a = s.type === 'expression_statement' ? kids(s)[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const v = pyStringValue(a.childForFieldName('right'));
    if (left?.type === 'identifier' && v !== undefined) constants.set(left.text, v);
  }
  /** Parameter `name` of `fn` and its default, if any; the default only counts when this file takes it. */
  const param = (fn: Node, name: string): { found: boolean; dflt?: Node } => {
    const params = fn.childForFieldName('parameters');
    const list = params ? kids(params).filter((p) => p.type !== 'comment') : [];
    const method = !!enclosing(fn, 'class_definition') && /^(self|cls)$/.test(list[0]?.text ?? '');
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      const pname = p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? kids(p)[0])?.text;
      if (pname !== name) continue;
      const dflt = p.childForFieldName('value') ?? undefined;
      const keywordOnly = list.slice(0, i).some((x) => x.type === 'keyword_separator' || x.type === 'list_splat_pattern' || x.text === '*');
      return { found: true, dflt: dflt && defaultTakenHere(fn, name, keywordOnly ? Infinity : method ? i - 1 : i) ? dflt : undefined };
    }
    return { found: false };
  };
  /**
   * A parameter's default is the caller's to replace: it is this file's choice only when a call in the file
   * (`helper()`, `Loader(...)` for `__init__`) leaves the argument out.
   */
  const defaultTakenHere = (fn: Node, name: string, index: number): boolean => {
    const fname = fn.childForFieldName('name')?.text ?? '';
    const callee = fname === '__init__' ? enclosing(fn, 'class_definition')?.childForFieldName('name')?.text : fname;
    if (!callee) return false;
    return root.descendantsOfType('call').some((c) => {
      const f = c.childForFieldName('function');
      const last = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
      if (last !== callee) return false;
      const { positional, keywords, all } = pyArgs(c);
      if (all.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return false;
      return !keywords.has(name) && positional.length <= index;
    });
  };
  /** The right-hand side of the last `name = ...` in `scope` before `before` (not inside nested functions). */
  const localAssignment = (scope: Node, name: string, before: number): Node | undefined => {
    let found: Node | undefined;
    for (const a of scope.descendantsOfType('assignment')) {
      if (a.startIndex >= before) break;
      if (a.childForFieldName('left')?.text !== name) continue;
      if (enclosing(a, 'function_definition') !== (scope.type === 'function_definition' ? scope : undefined)) continue;
      found = a.childForFieldName('right') ?? undefined;
    }
    return found;
  };
  const resolve = (n: Node | undefined | null, depth = 0): string | undefined => {
    if (!n || depth > 4) return undefined;
    const lit = pyStringValue(n);
    if (lit !== undefined) return lit;
    if (n.type === 'identifier') {
      for (let fn = enclosing(n, 'function_definition'); fn; fn = enclosing(fn, 'function_definition')) {
        const local = localAssignment(fn, n.text, n.startIndex);
        if (local) return resolve(local, depth + 1);
        const p = param(fn, n.text);
        if (p.found) return p.dflt ? resolve(p.dflt, depth + 1) : undefined;
      }
      return constants.get(n.text);
    }
    if (n.type === 'attribute' && n.childForFieldName('object')?.text === 'self') {
      const attr = n.childForFieldName('attribute')?.text ?? '';
      const cls = enclosing(n, 'class_definition');
      const body = cls?.childForFieldName('body');
      if (!body) return undefined;
      for (const a of body.descendantsOfType('assignment')) {
        const left = a.childForFieldName('left');
        const right = a.childForFieldName('right');
        const classLevel = a.parent?.parent === body && left?.text === attr;
        if (classLevel || left?.text === `self.${attr}`) {
          const v = resolve(right, depth + 1);
          if (v !== undefined) return v;
        }
      }
    }
    return undefined;
  };
  return resolve;
}

export default defineRule({
  meta: {
    id: 'unpinned-model-revision',
    name: 'UnpinnedModelRevision',
    shortDescription: 'A Hugging Face model is downloaded without pinning revision to a commit.',
    fullDescription: 'Hub repositories are mutable: without revision=<commit sha>, from_pretrained, pipeline, hf_hub_download, snapshot_download, timm/open_clip "hf-hub:" ids, torch.hub.load and transformers.js fetch whatever the branch points to today. A compromised or careless push changes the weights, tokenizer or remote code you run, silently and without review. Branch and tag names ("main", "v1") are mutable too; only a 40-character commit sha pins the content.',
    views: ['python', 'js'],
    severity: 'info',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM03', 'LLM04'],
    cwe: [494, 829],
    frameworks: { nistAiRmf: ['MAP 4.1', 'GOVERN 6.1', 'MANAGE 3.1'], euAiAct: ['Art. 15', 'Art. 12'], iso42001: ['A.10.3', 'A.7.5'] },
    fix: 'none',
    messages: {
      missing: 'Model `{{id}}` is downloaded without `revision=`: a later push to the repository changes what you run. Pin `revision` to a commit sha.',
      mutable: '`revision="{{rev}}"` is a branch or tag and can move. Pin model `{{id}}` to a 40-character commit sha.',
      hubPrefix: '`{{id}}` names no revision: a later push to the repository changes what you run. Append `@<commit sha>` to the id.',
      torchHub: '`torch.hub.load("{{id}}")` fetches and runs `hubconf.py` from a GitHub branch or tag that can move. Pin it as `owner/repo:<commit sha>`.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const resolve = pyResolver(ctx.view.root);
      const reportRevision = (idNode: Node, id: string, rev: Node | undefined): void => {
        if (!rev) {
          ctx.report({ messageId: 'missing', data: { id }, start: idNode.startIndex, end: idNode.endIndex });
          return;
        }
        const revValue = resolve(rev);
        if (revValue !== undefined && !COMMIT_SHA.test(revValue)) ctx.report({ messageId: 'mutable', data: { id, rev: revValue }, start: rev.startIndex, end: rev.endIndex });
      };
      const loads: { idNode: Node; id: string; rev: Node | undefined; dataOnly: boolean }[] = [];
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords, all } = pyArgs(call);
        // `**kwargs` may carry revision=
        const splat = all.some((a) => a.type === 'dictionary_splat');
        if (HF_HUB_PREFIX_LOADERS.test(q)) {
          const idNode = positional[0] ?? keywords.get('model_name') ?? keywords.get('pretrained');
          const id = resolve(idNode);
          if (idNode && id?.startsWith('hf-hub:')) {
            const at = id.indexOf('@');
            if (at < 0 || !COMMIT_SHA.test(id.slice(at + 1))) ctx.report({ messageId: 'hubPrefix', data: { id }, start: idNode.startIndex, end: idNode.endIndex });
          }
          continue;
        }
        if (q === 'torch.hub.load') {
          const idNode = positional[0] ?? keywords.get('repo_or_dir');
          const id = resolve(idNode);
          const source = pyStringValue(keywords.get('source'));
          if (!idNode || id === undefined || source === 'local' || !/^[\w.-]+\/[\w.-]+(:[\w./-]+)?$/.test(id)) continue;
          const ref = id.includes(':') ? id.slice(id.indexOf(':') + 1) : undefined;
          if (!ref || !COMMIT_SHA.test(ref)) ctx.report({ messageId: 'torchHub', data: { id }, start: idNode.startIndex, end: idNode.endIndex });
          continue;
        }
        let idNode: Node | undefined;
        let dataOnly = false;
        if (/\.from_pretrained$/.test(q)) {
          idNode = positional[0] ?? keywords.get('pretrained_model_name_or_path');
          // a tokenizer, config or processor: vocabulary and JSON, no weights and no code without trust_remote_code
          dataOnly = DATA_ONLY_CLASS.test(q.replace(/\.from_pretrained$/, '')) && keywords.get('trust_remote_code')?.type !== 'true';
        }
        else if (PIPELINE.test(q)) idNode = keywords.get('model') ?? positional[1];
        else if (HUB_FUNCTIONS.test(q) || HUB_LOADERS.test(q)) idNode = positional[0] ?? keywords.get('repo_id') ?? keywords.get('path') ?? keywords.get('model_name_or_path');
        else continue;
        if (!idNode || splat) continue;
        if (keywords.get('local_files_only')?.type === 'true') continue;
        const id = resolve(idNode);
        if (id === undefined || !HUB_ID.test(id) || FILE_LIKE.test(id)) continue;
        loads.push({ idNode, id, rev: keywords.get('revision'), dataOnly });
      }
      // a tokenizer/config fetched for a model repository this file also loads is part of that model's pin
      const models = new Set(loads.filter((l) => !l.dataOnly).map((l) => l.id));
      for (const l of loads) if (!l.dataOnly || models.has(l.id)) reportRevision(l.idNode, l.id, l.rev);
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      // const MODEL_ID = 'Xenova/...' at any level of the file
      const constants = new Map<string, string>();
      const visit = (n: TSESTree.Node): void => {
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
          const v = jsStringValue(n.init);
          if (v !== undefined) constants.set(n.id.name, v);
        }
        for (const c of jsChildren(n)) visit(c);
      };
      visit(ctx.view.ast);
      const resolve = (n: TSESTree.Node | undefined): string | undefined => {
        if (!n) return undefined;
        const u = unwrap(n);
        return jsStringValue(u) ?? (u.type === 'Identifier' ? constants.get(u.name) : undefined);
      };
      for (const call of flow.calls) {
        const q = flow.qualName(call.callee);
        let idNode: TSESTree.Node | undefined;
        let options: TSESTree.Node | undefined;
        if (JS_TRANSFORMERS.test(q) && /\.from_pretrained$/.test(q)) {
          idNode = call.arguments[0];
          options = call.arguments[1];
        } else if (JS_TRANSFORMERS.test(q) && /\.pipeline$/.test(q)) {
          idNode = call.arguments[1];
          options = call.arguments[2];
        } else if (JS_HUB_DOWNLOADS.test(q)) {
          const arg = call.arguments[0];
          const repo = arg ? objProp(arg, 'repo') : undefined;
          if (!repo) continue;
          idNode = repo.value;
          options = arg;
        } else continue;
        if (!idNode || idNode.type === 'SpreadElement') continue;
        const id = resolve(idNode);
        if (id === undefined || !HUB_ID.test(id) || FILE_LIKE.test(id)) continue;
        if (options && unwrap(options).type !== 'ObjectExpression') continue;
        if (options && (unwrap(options) as TSESTree.ObjectExpression).properties.some((p) => p.type === 'SpreadElement')) continue;
        const localOnly = options ? objProp(options, 'local_files_only') : undefined;
        if (localOnly && unwrap(localOnly.value).type === 'Literal' && (unwrap(localOnly.value) as TSESTree.Literal).value === true) continue;
        const rev = options ? objProp(options, 'revision') : undefined;
        if (!rev) {
          ctx.report({ messageId: 'missing', data: { id }, start: idNode.range[0], end: idNode.range[1] });
          continue;
        }
        const revValue = resolve(rev.value);
        if (revValue !== undefined && !COMMIT_SHA.test(revValue)) ctx.report({ messageId: 'mutable', data: { id, rev: revValue }, start: rev.value.range[0], end: rev.value.range[1] });
      }
    },
  },
});
