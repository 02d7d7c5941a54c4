import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsStackOrder } from '../../../server/src/analyzers/js/calls';
import { jsFlow, memberKey, objProp, pyArgs, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';

/** Python callables that emit their argument as trusted HTML (or as a template). */
const PY_HTML_SINKS = new Set([
  'flask.render_template_string', 'render_template_string', 'jinja2.Template', 'markupsafe.Markup', 'flask.Markup', 'jinja2.Markup', 'Markup',
  'django.utils.safestring.mark_safe', 'mark_safe', 'fastapi.responses.HTMLResponse', 'starlette.responses.HTMLResponse', 'HTMLResponse',
  'IPython.display.HTML', 'IPython.core.display.HTML', 'gradio.HTML',
]);
/** Python callables that render HTML only with an opt-in flag. */
const PY_FLAGGED_SINKS = new Map<string, string>([['streamlit.markdown', 'unsafe_allow_html'], ['streamlit.write', 'unsafe_allow_html'], ['streamlit.html', '']]);
const JS_HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
/** Markdown components that pass raw HTML through when given the rehype-raw plugin (react-markdown, by import). */
const JS_REHYPE_MARKDOWN = /^react-markdown(\.(MarkdownHooks|MarkdownAsync|default))?$/;
const REHYPE_RAW = /^rehype-raw(\.default)?$/;
const REHYPE_SANITIZE = /^rehype-sanitize(\.default)?$|^rehype-dom-purify|^rehype-purify/;

export default defineRule({
  meta: {
    id: 'llm-output-html-injection',
    name: 'LlmOutputHtmlInjection',
    shortDescription: 'Model output is rendered as HTML without escaping or sanitizing.',
    fullDescription: 'A prompt injection can make a model answer with <img src=x onerror=...> or a link that exfiltrates the conversation. Rendering model output as trusted HTML (innerHTML, dangerouslySetInnerHTML, document.write, Markup, mark_safe, render_template_string, HTMLResponse) runs that markup in the user\'s browser: cross-site scripting and data exfiltration through the chat UI.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM05', 'LLM02'],
    cwe: [79, 80],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4'] },
    fix: 'none',
    messages: {
      html: 'Model output from `{{source}}` is rendered as HTML by `{{sink}}`. Render it as text, or sanitize it (DOMPurify.sanitize, bleach.clean) after the markdown conversion.',
      template: 'Model output from `{{source}}` is compiled as a template by `{{sink}}` (template injection). Pass it as a variable of a constant template instead.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const report = (arg: Node | undefined, sink: string): void => {
        if (!arg) return;
        const t = flow.reaches(arg, 'model', 'html');
        if (t) ctx.report({ messageId: /render_template_string|Template$/.test(sink) ? 'template' : 'html', data: { source: t.origin, sink }, start: arg.startIndex, end: arg.endIndex });
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/^st\./, 'streamlit.').replace(/^gr\./, 'gradio.');
        const { positional, keywords } = pyArgs(call);
        const first = positional[0] ?? keywords.get('content') ?? keywords.get('source') ?? keywords.get('body');
        if (PY_HTML_SINKS.has(q)) report(first, q.split('.').pop() ?? q);
        else if (PY_FLAGGED_SINKS.has(q)) {
          const flag = PY_FLAGGED_SINKS.get(q) ?? '';
          const v = flag ? keywords.get(flag) : undefined;
          if (!flag || (v && v.text === 'True')) report(first, q);
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const report = (arg: TSESTree.Node | undefined, sink: string): void => {
        if (!arg) return;
        const t = flow.reaches(arg, 'model', 'html');
        if (t) ctx.report({ messageId: 'html', data: { source: t.origin, sink }, start: arg.range[0], end: arg.range[1] });
      };
      for (const a of flow.assignments) {
        const left = unwrap(a.left);
        if (left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier' && JS_HTML_PROPERTIES.has(left.property.name)) report(a.right, left.property.name);
      }
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const callee = unwrap(call.callee);
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') continue;
        const method = callee.property.name;
        const recv = memberKey(callee.object) ?? '';
        if (method === 'insertAdjacentHTML') report(call.arguments[1], method);
        else if ((method === 'write' || method === 'writeln') && /document$/.test(recv)) report(call.arguments[0], `document.${method}`);
        else if (method === 'createContextualFragment') report(call.arguments[0], method);
        else if (method === 'html' && /^(\$|jQuery)$/.test(unwrap(callee.object).type === 'CallExpression' ? memberKey((unwrap(callee.object) as TSESTree.CallExpression).callee) ?? '' : '')) report(call.arguments[0], '$.html');
      }
      for (const attr of flow.jsxAttributes) {
        if (attr.name.type !== 'JSXIdentifier' || attr.name.name !== 'dangerouslySetInnerHTML' || attr.value?.type !== 'JSXExpressionContainer') continue;
        const expr = attr.value.expression;
        if (expr.type === 'JSXEmptyExpression') continue;
        const html = objProp(expr, '__html');
        report(html ? html.value : expr, 'dangerouslySetInnerHTML');
      }
      // <ReactMarkdown rehypePlugins={[rehypeRaw]}>{answer}</ReactMarkdown>: HTML inside the markdown is rendered as HTML
      for (const n of jsStackOrder(ctx.view.ast)) {
        if (n.type !== 'JSXElement' || n.openingElement.name.type !== 'JSXIdentifier') continue;
        const opening = n.openingElement;
        const ident = opening.name as TSESTree.JSXIdentifier;
        if (!JS_REHYPE_MARKDOWN.test(flow.qualName({ type: 'Identifier', name: ident.name, range: ident.range } as TSESTree.Identifier))) continue;
        const plugins = new Set<string>();
        const contents: TSESTree.Node[] = n.children.filter((c) => c.type === 'JSXExpressionContainer');
        for (const a of opening.attributes) {
          if (a.type !== 'JSXAttribute' || a.name.type !== 'JSXIdentifier' || !a.value) continue;
          if (a.name.name === 'rehypePlugins') {
            // [rehypeRaw], [[rehypeSanitize, schema]]: the plugins named by import
            for (const id of identifiersIn(a.value)) plugins.add(flow.qualName(id));
          } else if (a.name.name === 'children') contents.push(a.value);
        }
        const names = [...plugins];
        if (!names.some((q) => REHYPE_RAW.test(q)) || names.some((q) => REHYPE_SANITIZE.test(q))) continue;
        for (const c of contents) report(c.type === 'JSXExpressionContainer' && c.expression.type !== 'JSXEmptyExpression' ? c.expression : c, '<ReactMarkdown rehypePlugins={[rehypeRaw]}>');
      }
    },
  },
});

/** Identifiers inside a JSX attribute value (array literals and nested arrays; no calls followed). */
function identifiersIn(n: TSESTree.Node, depth = 0): TSESTree.Identifier[] {
  const u = n.type === 'JSXExpressionContainer' ? n.expression : unwrap(n);
  if (depth > 4) return [];
  if (u.type === 'Identifier') return [u];
  if (u.type === 'ArrayExpression') return u.elements.flatMap((e) => (e && e.type !== 'SpreadElement' ? identifiersIn(e, depth + 1) : []));
  return [];
}
