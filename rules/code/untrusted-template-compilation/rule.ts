import { pyNodesInStackOrder } from '../../../server/src/analyzers/python/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { jsFlow, kids, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Fix, TextEdit } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';

const SOURCES = ['model', 'input'] as const;
const PY_TEMPLATE_CTORS = /^(jinja2\.Template|jinja2\.environment\.Template|mako\.template\.Template|flask\.render_template_string|jinja2\.Environment\(\)\.from_string)$/;
const PY_ENVIRONMENTS = /(^|\.)(Environment|NativeEnvironment)$/;
const PY_SANDBOXES = /(^|\.)(SandboxedEnvironment|ImmutableSandboxedEnvironment)$/;
const PY_PROMPT_TEMPLATES = /(^|\.)(PromptTemplate|ChatPromptTemplate|HumanMessagePromptTemplate|SystemMessagePromptTemplate|AIMessagePromptTemplate)(\.from_template)?$/;
const JS_TEMPLATE_FUNCTIONS = /^(handlebars\.compile|handlebars\.precompile|Handlebars\.compile|Handlebars\.precompile|lodash\.template|lodash\/template|lodash\.default\.template|underscore\.template|_\.template|ejs\.render|ejs\.compile|pug\.compile|pug\.render|nunjucks\.renderString|dot\.template|doT\.template|art-template\.render)$/;
const SANDBOX_IMPORT = 'from jinja2.sandbox import SandboxedEnvironment';

export default defineRule({
  meta: {
    id: 'untrusted-template-compilation',
    name: 'UntrustedTemplateCompilation',
    shortDescription: 'A template engine compiles a template that comes from user input or model output.',
    fullDescription: 'Jinja2, Mako, Handlebars, lodash/underscore, EJS and Pug templates are programs: `{{ cycler.__init__.__globals__.os.popen("id").read() }}` runs a shell command in an unsandboxed Jinja2 environment. Compiling a template written by a user, or by a model that a prompt injection can steer, is server-side template injection. Keep templates constant and pass untrusted text as variables, or use jinja2.sandbox.SandboxedEnvironment.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM01', 'LLM05'],
    cwe: [1336, 94],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      template: 'A template built from {{source}} is compiled by `{{sink}}`: server-side template injection can run code. Keep the template constant and pass the text as a variable, or use SandboxedEnvironment.',
      jinjaPrompt: 'A jinja2 prompt template built from {{source}} is compiled by `{{sink}}`. Use template_format="f-string" or pass the text as a variable of a constant template.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const root = ctx.view.root;
      const text = ctx.view.text;
      // variables bound to template environments: env = Environment(...) / SandboxedEnvironment(...)
      const envs = new Map<string, { sandboxed: boolean; ctor: Node }>();
      for (const n of pyNodesInStackOrder(root, ['assignment'])) {
        if (n.type === 'assignment') {
          const right = n.childForFieldName('right');
          const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
          const q = fn ? flow.qualName(fn) : '';
          if (fn && (PY_ENVIRONMENTS.test(q) || PY_SANDBOXES.test(q))) envs.set(n.childForFieldName('left')?.text ?? '', { sandboxed: PY_SANDBOXES.test(q), ctor: fn });
        }
      }
      const hasImport = text.includes(SANDBOX_IMPORT);
      const importEdit = (): TextEdit | undefined => {
        if (hasImport) return { start: 0, end: 0, newText: '' };
        const imports = kids(root).filter((c) => c.type === 'import_statement' || c.type === 'import_from_statement');
        const last = imports[imports.length - 1];
        return last ? { start: last.endIndex, end: last.endIndex, newText: `\n${SANDBOX_IMPORT}` } : undefined;
      };
      const sandboxFix = (callee: Node, replacement: string): Fix[] => {
        const imp = importEdit();
        if (!imp) return [];
        const edits = [{ start: callee.startIndex, end: callee.endIndex, newText: replacement }];
        if (imp.newText) edits.unshift(imp);
        return [{ title: 'Compile the template in a jinja2 SandboxedEnvironment', kind: 'suggestion', edits }];
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        let tpl: Node | undefined;
        let fixes: Fix[] = [];
        let messageId = 'template';
        if (PY_TEMPLATE_CTORS.test(q)) {
          tpl = positional[0] ?? keywords.get('source') ?? keywords.get('text') ?? keywords.get('template');
          if (/^jinja2\.(environment\.)?Template$/.test(q)) fixes = sandboxFix(fn, 'SandboxedEnvironment().from_string');
        } else if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'from_string') {
          const recv = fn.childForFieldName('object');
          if (!recv) continue;
          tpl = positional[0] ?? keywords.get('source');
          if (recv.type === 'call') {
            const ctor = recv.childForFieldName('function');
            const rq = ctor ? flow.qualName(ctor) : '';
            if (PY_SANDBOXES.test(rq) || !PY_ENVIRONMENTS.test(rq)) continue;
            if (ctor) fixes = sandboxFix(ctor, 'SandboxedEnvironment');
          } else {
            const env = envs.get(recv.text);
            if (env?.sandboxed || (!env && !/env|jinja/i.test(recv.text))) continue;
            if (env) fixes = sandboxFix(env.ctor, 'SandboxedEnvironment');
          }
        } else if (PY_PROMPT_TEMPLATES.test(q) && pyStringValue(keywords.get('template_format')) === 'jinja2') {
          tpl = positional[0] ?? keywords.get('template');
          messageId = 'jinjaPrompt';
        }
        if (!tpl) continue;
        const t = flow.reaches(tpl, [...SOURCES], 'template');
        if (t) ctx.report({ messageId, data: { source: t.origin, sink: q.replace(/\(\)/g, '(...)') }, start: tpl.startIndex, end: tpl.endIndex, fixes });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        const callee = unwrap(call.callee);
        const q = flow.qualName(callee);
        const renderString = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'renderString' && /nunjucks|env/i.test(q);
        if (!JS_TEMPLATE_FUNCTIONS.test(q) && !renderString) continue;
        const tpl = call.arguments[0];
        if (!tpl) continue;
        const t = flow.reaches(tpl, [...SOURCES], 'template');
        if (t) ctx.report({ messageId: 'template', data: { source: t.origin, sink: q }, start: tpl.range[0], end: tpl.range[1] });
      }
    },
  },
});
