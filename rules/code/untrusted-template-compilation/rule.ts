import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsChildren, jsFlow, jsStringValue, kids, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Fix, TextEdit } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';
import { jsPick } from '../../../server/src/analyzers/js/calls';

const SOURCES = ['model', 'input'] as const;
const PY_TEMPLATE_CTORS = /^(jinja2\.Template|jinja2\.environment\.Template|mako\.template\.Template|flask\.render_template_string|jinja2\.Environment\(\)\.from_string)$/;
const PY_ENVIRONMENTS = /(^|\.)(Environment|NativeEnvironment)$/;
const PY_SANDBOXES = /(^|\.)(SandboxedEnvironment|ImmutableSandboxedEnvironment)$/;
const PY_PROMPT_TEMPLATES = /(^|\.)(PromptTemplate|ChatPromptTemplate|HumanMessagePromptTemplate|SystemMessagePromptTemplate|AIMessagePromptTemplate)(\.from_template)?$/;
const JS_TEMPLATE_FUNCTIONS = /^(handlebars\.compile|handlebars\.precompile|Handlebars\.compile|Handlebars\.precompile|lodash\.template|lodash\/template|lodash\.default\.template|underscore\.template|_\.template|ejs\.render|ejs\.compile|pug\.compile|pug\.render|nunjucks\.renderString|dot\.template|doT\.template|art-template\.render)$/;
const SANDBOX_IMPORT = 'from jinja2.sandbox import SandboxedEnvironment';
const IMMUTABLE_SANDBOX_IMPORT = 'from jinja2.sandbox import ImmutableSandboxedEnvironment';
/** Keys and file names that hold a model's chat template (GGUF metadata, tokenizer_config.json, chat_template.jinja). */
const CHAT_TEMPLATE_KEY = /(^|\.)chat_template(\.[\w.]+)?$|^chatTemplate$/;
const CHAT_TEMPLATE_FILE = /chat_template|tokenizer_config\.json/;
/** A class that formats chats from a template it is given (llama-cpp-python's Jinja2ChatFormatter and its copies). */
const CHAT_FORMATTER_CLASS = /chat\w*(format|template|tokeniz)|(format|template)\w*chat/i;

function enclosing(n: Node, type: string): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}

/**
 * Where a Python expression holds a chat template read from model files, followed through local assignments,
 * parameters and `self.` attributes of the file: `metadata["tokenizer.chat_template"]`,
 * `tokenizer_config["chat_template"]`, `tokenizer.chat_template`, `read_text()` of `chat_template.jinja`,
 * a `chat_template` parameter, or the template given to a chat formatter class. A description, else undefined.
 */
function pyModelFileTemplate(n: Node | null | undefined, depth = 0, seen = new Set<number>()): string | undefined {
  if (!n || depth > 8 || seen.has(n.id)) return undefined;
  seen.add(n.id);
  const described = (x: Node): string => (x.text.length > 50 ? `${x.text.slice(0, 47)}...` : x.text);
  switch (n.type) {
    case 'subscript': {
      const key = pyStringValue(n.childForFieldName('subscript'));
      if (key !== undefined && CHAT_TEMPLATE_KEY.test(key)) return described(n);
      return pyModelFileTemplate(n.childForFieldName('value'), depth + 1, seen);
    }
    case 'string':
      return undefined;
    case 'attribute': {
      const attr = n.childForFieldName('attribute')?.text ?? '';
      if (CHAT_TEMPLATE_KEY.test(attr)) return described(n);
      const obj = n.childForFieldName('object');
      if (obj?.text === 'self') return pySelfAttribute(n, attr, depth, seen);
      // field.parts, config.value: an attribute of a chat template entry
      return pyModelFileTemplate(obj, depth + 1, seen);
    }
    case 'call': {
      const fn = n.childForFieldName('function');
      const { positional, keywords } = pyArgs(n);
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      if (method === 'get' && CHAT_TEMPLATE_KEY.test(pyStringValue(positional[0]) ?? '')) return described(n);
      // Path(model_dir, "chat_template.jinja").read_text(), open(".../tokenizer_config.json").read()
      if (n.descendantsOfType('string').some((x) => CHAT_TEMPLATE_FILE.test(pyStringValue(x) ?? ''))) return described(n);
      // str(x), x.strip(), textwrap.dedent(x): the template passes through
      if (method && fn) {
        const r = pyModelFileTemplate(fn.childForFieldName('object'), depth + 1, seen);
        if (r) return r;
      }
      for (const a of [...positional, ...keywords.values()]) {
        const r = pyModelFileTemplate(a, depth + 1, seen);
        if (r) return r;
      }
      return undefined;
    }
    case 'identifier':
      return pyIdentifier(n, depth, seen);
    case 'parenthesized_expression':
    case 'boolean_operator':
    case 'conditional_expression':
    case 'binary_operator':
      for (const c of kids(n)) {
        const r = pyModelFileTemplate(c, depth + 1, seen);
        if (r) return r;
      }
      return undefined;
    default:
      return undefined;
  }
}

function pyIdentifier(n: Node, depth: number, seen: Set<number>): string | undefined {
  const name = n.text;
  for (let fn = enclosing(n, 'function_definition'); fn; fn = enclosing(fn, 'function_definition')) {
    let last: Node | undefined;
    for (const a of fn.descendantsOfType('assignment')) {
      if (a.startIndex >= n.startIndex) break;
      if (a.childForFieldName('left')?.text === name && enclosing(a, 'function_definition') === fn) last = a.childForFieldName('right') ?? undefined;
    }
    if (last) return pyModelFileTemplate(last, depth + 1, seen);
    const params = fn.childForFieldName('parameters');
    for (const p of params ? kids(params) : []) {
      const pname = p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? kids(p)[0])?.text;
      if (pname !== name) continue;
      if (/chat_template/i.test(name)) return `parameter \`${name}\``;
      const cls = enclosing(fn, 'class_definition');
      const clsName = cls?.childForFieldName('name')?.text ?? '';
      if (/template/i.test(name) && CHAT_FORMATTER_CLASS.test(clsName)) return `the template given to \`${clsName}\``;
      return pyCallSites(fn, cls ? clsName : undefined, p, name, depth, seen);
    }
  }
  return undefined;
}

/**
 * A parameter of a function (or of a class's `__init__`): what the calls of that function (or constructions of the
 * class) in this file pass to it, e.g. `TemplateFormatter(cfg["chat_template"], ...)`.
 */
function pyCallSites(fn: Node, clsName: string | undefined, param: Node, name: string, depth: number, seen: Set<number>): string | undefined {
  const fnName = fn.childForFieldName('name')?.text ?? '';
  const callee = clsName !== undefined ? (fnName === '__init__' ? clsName : undefined) : fnName;
  if (!callee) return undefined;
  const params = kids(fn.childForFieldName('parameters') ?? fn).filter((p) => p.type !== ',' && p.type !== '(' && p.type !== ')');
  let index = params.indexOf(param);
  if (clsName !== undefined) index--; // self
  let root: Node = fn;
  while (root.parent) root = root.parent;
  for (const call of root.descendantsOfType('call')) {
    const f = call.childForFieldName('function');
    if (!f || f.type !== 'identifier' || f.text !== callee) continue;
    const { positional, keywords } = pyArgs(call);
    const arg = keywords.get(name) ?? (index >= 0 ? positional[index] : undefined);
    const r = arg ? pyModelFileTemplate(arg, depth + 1, seen) : undefined;
    if (r) return r;
  }
  return undefined;
}

function pySelfAttribute(n: Node, attr: string, depth: number, seen: Set<number>): string | undefined {
  const body = enclosing(n, 'class_definition')?.childForFieldName('body');
  if (!body) return undefined;
  for (const a of body.descendantsOfType('assignment')) {
    if (a.childForFieldName('left')?.text !== `self.${attr}`) continue;
    const r = pyModelFileTemplate(a.childForFieldName('right'), depth + 1, seen);
    if (r) return r;
  }
  return undefined;
}

/** JS: `gguf.metadata["tokenizer.chat_template"]`, `tokenizerConfig.chat_template`, a `chatTemplate` binding. */
function jsModelFileTemplate(n: TSESTree.Node, text: string, decls: Map<string, TSESTree.Node>, depth = 0): string | undefined {
  const u = unwrap(n);
  if (depth > 4) return undefined;
  const described = (): string => text.slice(u.range[0], Math.min(u.range[1], u.range[0] + 50));
  if (u.type === 'MemberExpression') {
    const key = u.computed ? jsStringValue(u.property) : u.property.type === 'Identifier' ? u.property.name : undefined;
    if (key !== undefined && CHAT_TEMPLATE_KEY.test(key)) return described();
    return undefined;
  }
  if (u.type === 'Identifier') {
    if (/chat_?template/i.test(u.name)) return `\`${u.name}\``;
    const init = decls.get(u.name);
    return init ? jsModelFileTemplate(init, text, decls, depth + 1) : undefined;
  }
  if (u.type === 'LogicalExpression' || u.type === 'ConditionalExpression') {
    for (const c of jsChildren(u)) {
      const r = jsModelFileTemplate(c, text, decls, depth + 1);
      if (r) return r;
    }
  }
  if (u.type === 'CallExpression' && u.callee.type === 'MemberExpression' && !u.callee.computed) return jsModelFileTemplate(u.callee.object, text, decls, depth + 1);
  return undefined;
}

export default defineRule({
  meta: {
    id: 'untrusted-template-compilation',
    name: 'UntrustedTemplateCompilation',
    shortDescription: 'A template engine compiles a template that comes from user input or model output.',
    fullDescription: 'Jinja2, Mako, Handlebars, lodash/underscore, EJS and Pug templates are programs: `{{ cycler.__init__.__globals__.os.popen("id").read() }}` runs a shell command in an unsandboxed Jinja2 environment. Compiling a template written by a user, or by a model that a prompt injection can steer, is server-side template injection. Keep templates constant and pass untrusted text as variables, or use jinja2.sandbox.SandboxedEnvironment.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM01', 'LLM05', 'LLM03'],
    cwe: [1336, 94],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      template: 'A template built from {{source}} is compiled by `{{sink}}`: server-side template injection can run code. Keep the template constant and pass the text as a variable, or use SandboxedEnvironment.',
      jinjaPrompt: 'A jinja2 prompt template built from {{source}} is compiled by `{{sink}}`. Use template_format="f-string" or pass the text as a variable of a constant template.',
      modelTemplate: 'A chat template read from model files ({{source}}) is compiled by `{{sink}}` without a sandbox: a poisoned GGUF or tokenizer_config.json runs code when the model is loaded (CVE-2024-34359). Compile it in jinja2.sandbox.ImmutableSandboxedEnvironment.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const root = ctx.view.root;
      const text = ctx.view.text;
      // variables bound to template environments (env = Environment(...) / SandboxedEnvironment(...)), by name; the binding used is the nearest one in scope
      const envs = new Map<string, { sandboxed: boolean; ctor: Node; at: Node }[]>();
      const envAt = (name: string, use: Node): { sandboxed: boolean; ctor: Node } | undefined => {
        const scope = enclosing(use, 'function_definition');
        const list = [...(envs.get(name) ?? [])].sort((a, b) => a.at.startIndex - b.at.startIndex);
        const local = list.filter((e) => e.at.startIndex < use.startIndex && enclosing(e.at, 'function_definition') === scope && scope);
        if (local.length) return local[local.length - 1];
        const outer = list.filter((e) => !enclosing(e.at, 'function_definition') || name.startsWith('self.'));
        return outer[outer.length - 1];
      };
      for (const n of pyNodesInStackOrder(root, ['assignment'])) {
        if (n.type === 'assignment') {
          const right = n.childForFieldName('right');
          const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
          const q = fn ? flow.qualName(fn) : '';
          if (fn && (PY_ENVIRONMENTS.test(q) || PY_SANDBOXES.test(q))) {
            const name = n.childForFieldName('left')?.text ?? '';
            envs.set(name, [...(envs.get(name) ?? []), { sandboxed: PY_SANDBOXES.test(q), ctor: fn, at: n }]);
          }
        }
      }
      const importEdit = (line: string): TextEdit | undefined => {
        if (text.includes(line)) return { start: 0, end: 0, newText: '' };
        const imports = kids(root).filter((c) => c.type === 'import_statement' || c.type === 'import_from_statement');
        const last = imports[imports.length - 1];
        return last ? { start: last.endIndex, end: last.endIndex, newText: `\n${line}` } : undefined;
      };
      /** Swap the environment for a sandbox; chat templates get the immutable one (what transformers uses). */
      const sandboxFix = (callee: Node, replacement: string, immutable: boolean): Fix[] => {
        const cls = immutable ? 'ImmutableSandboxedEnvironment' : 'SandboxedEnvironment';
        const imp = importEdit(immutable ? IMMUTABLE_SANDBOX_IMPORT : SANDBOX_IMPORT);
        if (!imp) return [];
        const edits = [{ start: callee.startIndex, end: callee.endIndex, newText: replacement.replace('SandboxedEnvironment', cls) }];
        if (imp.newText) edits.unshift(imp);
        return [{ title: `Compile the template in a jinja2 ${cls}`, kind: 'suggestion', edits }];
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        let tpl: Node | undefined;
        let fix: ((immutable: boolean) => Fix[]) | undefined;
        let messageId = 'template';
        let jinja = true;
        if (PY_TEMPLATE_CTORS.test(q)) {
          tpl = positional[0] ?? keywords.get('source') ?? keywords.get('text') ?? keywords.get('template');
          if (/^jinja2\.(environment\.)?Template$/.test(q)) fix = (im) => sandboxFix(fn, 'SandboxedEnvironment().from_string', im);
          else if (/^jinja2\.Environment\(\)\.from_string$/.test(q)) {
            const ctor = fn.type === 'attribute' ? fn.childForFieldName('object')?.childForFieldName('function') : undefined;
            if (ctor) fix = (im) => sandboxFix(ctor, 'SandboxedEnvironment', im);
          } else jinja = /^jinja2\./.test(q);
        } else if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'from_string') {
          const recv = fn.childForFieldName('object');
          if (!recv) continue;
          tpl = positional[0] ?? keywords.get('source');
          if (recv.type === 'call') {
            const ctor = recv.childForFieldName('function');
            const rq = ctor ? flow.qualName(ctor) : '';
            if (PY_SANDBOXES.test(rq) || !PY_ENVIRONMENTS.test(rq)) continue;
            if (ctor) fix = (im) => sandboxFix(ctor, 'SandboxedEnvironment', im);
          } else {
            const env = envAt(recv.text, call);
            if (env?.sandboxed || (!env && !/env|jinja/i.test(recv.text))) continue;
            if (env) fix = (im) => sandboxFix(env.ctor, 'SandboxedEnvironment', im);
          }
        } else if (PY_PROMPT_TEMPLATES.test(q) && pyStringValue(keywords.get('template_format')) === 'jinja2') {
          tpl = positional[0] ?? keywords.get('template');
          messageId = 'jinjaPrompt';
        }
        if (!tpl) continue;
        const sink = q.replace(/\(\)/g, '(...)');
        const t = flow.reaches(tpl, [...SOURCES], 'template');
        if (t) {
          ctx.report({ messageId, data: { source: t.origin, sink }, start: tpl.startIndex, end: tpl.endIndex, fixes: fix?.(false) ?? [] });
          continue;
        }
        const fromModel = jinja && messageId === 'template' ? pyModelFileTemplate(tpl) : undefined;
        if (fromModel) ctx.report({ messageId: 'modelTemplate', data: { source: fromModel, sink }, start: tpl.startIndex, end: tpl.endIndex, fixes: fix?.(true) ?? [] });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      // variable declarations by name (the last one wins), listed when a template call needs them
      let declared: Map<string, TSESTree.Node> | undefined;
      const decls = (): Map<string, TSESTree.Node> => {
        if (!declared) {
          declared = new Map();
          for (const n of jsPick(ctx.view.ast, isInitializedDeclarator)) {
            if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) declared.set(n.id.name, n.init);
          }
        }
        return declared;
      };
      for (const call of flow.calls) {
        const callee = unwrap(call.callee);
        const q = flow.qualName(callee);
        const renderString = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'renderString' && /nunjucks|env/i.test(q);
        if (!JS_TEMPLATE_FUNCTIONS.test(q) && !renderString) continue;
        const tpl = call.arguments[0];
        if (!tpl) continue;
        const t = flow.reaches(tpl, [...SOURCES], 'template');
        if (t) {
          ctx.report({ messageId: 'template', data: { source: t.origin, sink: q }, start: tpl.range[0], end: tpl.range[1] });
          continue;
        }
        // a chat template from model files compiled by nunjucks, which has no sandbox either
        const fromModel = /nunjucks|renderString/i.test(q) ? jsModelFileTemplate(tpl, ctx.view.text, decls()) : undefined;
        if (fromModel) ctx.report({ messageId: 'modelTemplate', data: { source: fromModel, sink: q }, start: tpl.range[0], end: tpl.range[1] });
      }
    },
  },
});

function isInitializedDeclarator(n: TSESTree.Node): boolean {
  return n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && !!n.init;
}
