import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsBool, jsMemberName, jsParentIn, jsWalk } from '../../../server/src/analyzers/js/calls';
import { propName } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

/** Env var prefixes that bundlers inline into client code (Next.js, Vite, Expo, CRA, Vue CLI, Gatsby, Nuxt, SvelteKit/Astro). */
const PUBLIC_PREFIX = /^(NEXT_PUBLIC_|VITE_|EXPO_PUBLIC_|REACT_APP_|VUE_APP_|GATSBY_|NUXT_PUBLIC_|PUBLIC_)/;
/** Names of AI provider credentials (after the public prefix). */
const AI_PROVIDER = /(^|_)(OPENAI|AZURE_OPENAI|ANTHROPIC|CLAUDE|GROQ|GEMINI|GOOGLE_AI|GOOGLE_GENAI|GOOGLE_GENERATIVE_AI|GENAI|MISTRAL|COHERE|HF|HUGGINGFACE|HUGGING_FACE|OPENROUTER|TOGETHER|FIREWORKS|DEEPSEEK|PERPLEXITY|PPLX|REPLICATE|XAI|GROK|AI21|DEEPINFRA|CEREBRAS|VOYAGE|ELEVENLABS|LLM|AI)(_|$)/;
const SECRET_SUFFIX = /(KEY|TOKEN|SECRET)$/;

function exposedName(name: string): boolean {
  const m = PUBLIC_PREFIX.exec(name);
  if (!m) return false;
  const rest = name.slice(m[0].length);
  return SECRET_SUFFIX.test(rest) && AI_PROVIDER.test(rest);
}

/** `process.env` / `import.meta.env` (and `process.env` via optional chaining). */
function isEnvObject(n: TSESTree.Node): boolean {
  if (n.type !== 'MemberExpression') return false;
  const name = jsMemberName(n);
  if (name !== 'env') return false;
  const o = n.object;
  if (o.type === 'Identifier' && o.name === 'process') return true;
  return o.type === 'MetaProperty' && o.meta.name === 'import' && o.property.name === 'meta';
}

/** Path segments of front-end code (Next.js/React/Vue/Svelte/Electron renderer/extensions). */
const BROWSER_PATH = /(^|\/)(components|pages|frontend|client|public|web|www|browser|renderer|popup|static)\/|(^|\/)src\/routes\/|(^|\/)app\/(?!api\/)|\.(jsx|tsx|vue|svelte)$/;
const KEY_PROPS = new Set(['apiKey', 'api_key', 'key', 'token', 'authToken', 'bearerToken']);

type N = TSESTree.Node;

/** `'use client'` at the top of the module (Next.js / React Server Components). */
function useClient(program: TSESTree.Program): boolean {
  for (const st of program.body) {
    if (st.type !== 'ExpressionStatement' || st.expression.type !== 'Literal' || typeof st.expression.value !== 'string') return false;
    if (st.expression.value === 'use client') return true;
  }
  return false;
}

/** Node's own modules: a module that imports them (or reads `process.argv` / `process.stdin`) is not bundled for a page. */
const NODE_BUILTIN = /^(node:.+|fs|fs\/promises|child_process|os|net|tls|readline|worker_threads|cluster|dgram|v8|vm|module)$/;
function nodeOnly(program: TSESTree.Program, text: string): boolean {
  for (const st of program.body) {
    if (st.type === 'ImportDeclaration' && st.importKind !== 'type' && NODE_BUILTIN.test(String(st.source.value))) return true;
  }
  return /\brequire\(\s*["'](node:[\w/]+|fs|child_process|os|readline)["']\s*\)|\bprocess\.(argv|stdin)\b/.test(text);
}

/** The alternatives of `a ?? b || c ? d : e`, optional chains and casts unwrapped. */
function alternatives(n: N): N[] {
  if (n.type === 'LogicalExpression') return [...alternatives(n.left), ...alternatives(n.right)];
  if (n.type === 'ConditionalExpression') return [...alternatives(n.consequent), ...alternatives(n.alternate)];
  if (n.type === 'ChainExpression') return alternatives(n.expression);
  if (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression') return alternatives(n.expression);
  return [n];
}

function rootOf(n: N): N {
  let x = n;
  while (x.type === 'MemberExpression' || x.type === 'ChainExpression' || x.type === 'TSNonNullExpression') x = x.type === 'MemberExpression' ? x.object : x.expression;
  return x;
}

function paramNames(fn: N): Set<string> {
  const out = new Set<string>();
  if (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return out;
  const add = (p: N): void => {
    if (p.type === 'Identifier') out.add(p.name);
    else if (p.type === 'AssignmentPattern') add(p.left);
    else if (p.type === 'RestElement') add(p.argument);
    else if (p.type === 'TSParameterProperty') add(p.parameter);
    else if (p.type === 'ObjectPattern') for (const q of p.properties) add(q.type === 'Property' ? q.value : q);
    else if (p.type === 'ArrayPattern') for (const q of p.elements) if (q) add(q);
  };
  for (const p of fn.params) add(p);
  return out;
}

/**
 * A client-options object inside a library or wrapper that forwards the caller's settings: it spreads
 * options, or its key comes from `this.*` or a parameter of an enclosing function, written in the object or
 * assigned to it afterwards (`const opts = { dangerouslyAllowBrowser: true }; opts.apiKey = apiKey`), directly
 * or through a local constant (`const apiKey = options?.apiKey ?? ''`). Whether that runs in a browser is the
 * caller's decision, so it needs browser evidence to be reported.
 */
function forwardsCallerKey(obj: N | undefined, ancestors: N[], parentOf: (n: N) => N | undefined): boolean {
  if (obj?.type !== 'ObjectExpression') return false;
  if (obj.properties.some((p) => p.type === 'SpreadElement')) return true;
  const params = new Set<string>();
  for (const a of ancestors) for (const n of paramNames(a)) params.add(n);
  const scope = ancestors.find((a) => a.type === 'FunctionDeclaration' || a.type === 'FunctionExpression' || a.type === 'ArrowFunctionExpression') ?? ancestors[ancestors.length - 1];
  // the variable holding the object, its later key assignments, and the scope's local constants
  const decl = parentOf(obj);
  const holder = decl?.type === 'VariableDeclarator' && decl.init === obj && decl.id.type === 'Identifier' ? decl.id.name : undefined;
  const keyValues: N[] = obj.properties.filter((p): p is TSESTree.Property => p.type === 'Property' && KEY_PROPS.has(propName(p) ?? '')).map((p) => p.value);
  const locals = new Map<string, N[]>();
  if (scope) {
    jsWalk(scope, (n) => {
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) locals.set(n.id.name, [...(locals.get(n.id.name) ?? []), n.init]);
      else if (holder && n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'MemberExpression' && n.left.object.type === 'Identifier' && n.left.object.name === holder) {
        const k = jsMemberName(n.left);
        if (k && KEY_PROPS.has(k)) keyValues.push(n.right);
      }
    });
  }
  const fromCaller = (v: N, depth: number): boolean => alternatives(v).some((a) => {
    const r = rootOf(a);
    if (r.type === 'ThisExpression' || (r.type === 'Identifier' && params.has(r.name))) return true;
    return depth < 2 && r.type === 'Identifier' && (locals.get(r.name) ?? []).some((init) => fromCaller(init, depth + 1));
  });
  return keyValues.some((v) => fromCaller(v, 0));
}

export default defineRule({
  meta: {
    id: 'ai-key-exposed-to-browser',
    name: 'AiKeyExposedToBrowser',
    shortDescription: 'An AI provider API key is shipped to the browser.',
    fullDescription: 'Anything a browser bundle references can be read by every visitor: env vars with public prefixes (NEXT_PUBLIC_, VITE_, EXPO_PUBLIC_, REACT_APP_...) are inlined into the JavaScript at build time, and `dangerouslyAllowBrowser: true` tells the OpenAI / Anthropic / Groq SDKs to call the provider straight from the page with the key attached. Whoever copies the key can spend your quota, read stored files, fine-tunes and assistants, and impersonate your application. Keep keys on a server and expose only your own authenticated endpoint.',
    views: ['js'],
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM02', 'LLM10'],
    cwe: [522, 200],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'GOVERN 1.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.8.4'] },
    fix: 'none',
    messages: {
      allowBrowser: '`dangerouslyAllowBrowser: true` sends the provider API key from the browser, where any visitor can read it. Call the model from your server instead.',
      publicEnv: '`{{name}}` is a public env var: the bundler inlines this AI provider key into client JavaScript. Rename it without the public prefix and use it only in server code.',
    },
  },
  check: {
    js(ctx) {
      let browserFile: boolean | undefined;
      jsWalk(ctx.view.ast, (n, parent) => {
        if (n.type === 'Property') {
          if (propName(n) === 'dangerouslyAllowBrowser' && jsBool(n.value) === true) {
            browserFile ??= BROWSER_PATH.test(ctx.path) || useClient(ctx.view.ast);
            // Node-only code (built-in modules, the command line): the flag only silences the SDK's environment check
            if (!browserFile && nodeOnly(ctx.view.ast, ctx.view.text)) return;
            const ancestors: N[] = [];
            for (let p = jsParentIn(ctx.view.ast, n); p; p = jsParentIn(ctx.view.ast, p)) ancestors.push(p);
            if (browserFile || !forwardsCallerKey(parent, ancestors, (x) => jsParentIn(ctx.view.ast, x))) ctx.report({ messageId: 'allowBrowser', start: n.range[0], end: n.range[1] });
          }
          return;
        }
        if (n.type === 'MemberExpression' && isEnvObject(n.object)) {
          const name = jsMemberName(n);
          if (name && exposedName(name)) ctx.report({ messageId: 'publicEnv', data: { name }, start: n.range[0], end: n.range[1] });
          return;
        }
        // const { NEXT_PUBLIC_OPENAI_API_KEY } = process.env
        if (n.type === 'VariableDeclarator' && n.id.type === 'ObjectPattern' && n.init && isEnvObject(n.init)) {
          for (const p of n.id.properties) {
            const name = p.type === 'Property' ? propName(p) : undefined;
            if (p.type === 'Property' && name && exposedName(name)) ctx.report({ messageId: 'publicEnv', data: { name }, start: p.range[0], end: p.range[1] });
          }
          return;
        }
        // SvelteKit: import { PUBLIC_OPENAI_API_KEY } from '$env/static/public'
        if (n.type === 'ImportDeclaration' && /^\$env\/(static|dynamic)\/public$/.test(String(n.source.value))) {
          for (const s of n.specifiers) {
            if (s.type !== 'ImportSpecifier') continue;
            const name = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
            if (exposedName(name)) ctx.report({ messageId: 'publicEnv', data: { name }, start: s.range[0], end: s.range[1] });
          }
        }
      });
    },
  },
});
